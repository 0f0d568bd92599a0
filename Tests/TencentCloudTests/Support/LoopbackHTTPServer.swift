import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A tiny HTTP/1.1 server on 127.0.0.1 and an ephemeral port, for tests of anything that talks
/// HTTP (the metadata service, the API transport). Every request goes to an async handler, which
/// answers, closes the connection without answering, never answers, or answers late. Requests are
/// recorded. Always ``shutdown()`` it; that closes every connection and waits for the handlers.
final class LoopbackHTTPServer: Sendable {
    /// One request as received.
    struct Request: Sendable {
        let method: String
        /// The request target as sent, query string included.
        let path: String
        let headers: [(name: String, value: String)]
        let body: Data

        /// The first value of header `name` (case-insensitive).
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// What the server does with one request.
    indirect enum Reply: Sendable {
        /// Answer with this status, headers and body (`Content-Length` is added).
        case response(status: Int, headers: [(String, String)], body: Data)
        /// Close the connection without answering.
        case close
        /// Keep the connection open and never answer (until ``shutdown()``).
        case noAnswer
        /// Wait, then do the other reply.
        case delayed(Duration, Reply)
        /// Answer 200 announcing `declared` bytes (`Content-Length`), send only `body`, then close:
        /// a truncated answer.
        case truncated(declared: Int, body: Data)
        /// Answer 200 with the head at once, then `body` one byte every `interval`: a stalling answer.
        case drip(Duration, body: Data)

        /// A `text/plain` answer.
        static func text(_ body: String, status: Int = 200) -> Reply {
            .response(status: status, headers: [("Content-Type", "text/plain")], body: Data(body.utf8))
        }

        /// An `application/json` answer.
        static func json(_ body: String, status: Int = 200) -> Reply {
            .response(status: status, headers: [("Content-Type", "application/json")], body: Data(body.utf8))
        }
    }

    typealias Handler = @Sendable (Request) async -> Reply

    /// The port it listens on.
    let port: Int
    private let serving: Task<Void, Never>
    private let log: RequestLog

    /// `http://127.0.0.1:<port>`.
    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Every request received so far, in order of arrival.
    var requests: [Request] { log.all }

    private init(port: Int, serving: Task<Void, Never>, log: RequestLog) {
        self.port = port
        self.serving = serving
        self.log = log
    }

    /// Starts a server whose every answer comes from `handler`.
    static func start(_ handler: @escaping Handler) async throws -> LoopbackHTTPServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: child)
                }
            }
        guard let port = channel.channel.localAddress?.port else {
            try? await channel.channel.close()
            throw ChannelError.unknownLocalAddress
        }
        let log = RequestLog()
        let serving = Task<Void, Never> {
            try? await channel.executeThenClose { connections in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in connections {
                            group.addTask { await serve(connection, handler, log) }
                        }
                    } catch {
                        // The listening socket failed or was closed: stop accepting.
                    }
                }
            }
        }
        return LoopbackHTTPServer(port: port, serving: serving, log: log)
    }

    /// Starts a server from a plain function of (method, path, headers, body) to
    /// (status, headers, body).
    static func start(
        _ respond:
            @escaping @Sendable (String, String, [(name: String, value: String)], Data) -> (
                Int, [(String, String)], Data
            )
    ) async throws -> LoopbackHTTPServer {
        try await start { request in
            let (status, headers, body) = respond(request.method, request.path, request.headers, request.body)
            return .response(status: status, headers: headers, body: body)
        }
    }

    /// Starts a server, runs `body` with it and shuts the server down, whether `body` throws or not.
    static func with<T>(
        _ handler: @escaping Handler, _ body: (LoopbackHTTPServer) async throws -> T
    ) async throws -> T {
        let server = try await start(handler)
        do {
            let result = try await body(server)
            await server.shutdown()
            return result
        } catch {
            await server.shutdown()
            throw error
        }
    }

    /// Stops listening, closes every connection (cancelling handlers that wait) and returns
    /// when all of that is done.
    func shutdown() async {
        serving.cancel()
        await serving.value
    }

    /// Reads requests from one connection and answers each until the client or a reply closes it.
    private static func serve(
        _ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, _ handler: Handler,
        _ log: RequestLog
    ) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let received):
                    head = received
                    body.clear()
                case .body(var chunk):
                    body.writeBuffer(&chunk)
                case .end:
                    guard let received = head else { continue }
                    let request = Request(
                        method: received.method.rawValue, path: received.uri,
                        headers: received.headers.map { (name: $0.name, value: $0.value) },
                        body: Data(body.readableBytesView))
                    log.append(request)
                    guard try await answer(await handler(request), to: received, outbound) else { return }
                }
            }
        }
    }

    /// Carries out `reply`; `false` when the connection must now be closed.
    private static func answer(
        _ reply: Reply, to request: HTTPRequestHead, _ outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws -> Bool {
        switch reply {
        case .response(let status, let headers, let body):
            var fields = HTTPHeaders(headers)
            fields.replaceOrAdd(name: "Content-Length", value: String(body.count))
            let head = HTTPResponseHead(
                version: request.version, status: HTTPResponseStatus(statusCode: status), headers: fields)
            try await outbound.write(.head(head))
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
            try await outbound.write(.end(nil))
            return request.isKeepAlive
        case .close:
            return false
        case .noAnswer:
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(3600))
            }
            return false
        case .delayed(let delay, let next):
            try await Task.sleep(for: delay)
            return try await answer(next, to: request, outbound)
        case .truncated(let declared, let body):
            let fields = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", String(declared))])
            try await outbound.write(.head(HTTPResponseHead(version: request.version, status: .ok, headers: fields)))
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
            return false
        case .drip(let interval, let body):
            let fields = HTTPHeaders([("Content-Type", "application/json"), ("Content-Length", String(body.count))])
            try await outbound.write(.head(HTTPResponseHead(version: request.version, status: .ok, headers: fields)))
            for byte in body {
                try await Task.sleep(for: interval)
                try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: [byte]))))
            }
            try await outbound.write(.end(nil))
            return request.isKeepAlive
        }
    }
}

/// The requests a ``LoopbackHTTPServer`` has received, shared with its connection tasks.
private final class RequestLog: Sendable {
    private let requests = Mutex<[LoopbackHTTPServer.Request]>([])

    var all: [LoopbackHTTPServer.Request] { requests.withLock { $0 } }

    func append(_ request: LoopbackHTTPServer.Request) {
        requests.withLock { $0.append(request) }
    }
}
