import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// A loopback HTTP proxy for tests: it answers `CONNECT HOST:PORT` by opening a tunnel to
/// `127.0.0.1:upstreamPort`, whatever host the request names, so a client that keeps a default
/// host name (`cvm.ap-guangzhou.tencentcloudapi.com`) reaches a local server and nothing leaves the
/// machine. With `authorization` set, a CONNECT without exactly that `Proxy-Authorization` value
/// is answered `407` and closed. Every CONNECT is recorded. Use ``with(upstreamPort:authorization:_:)``
/// so that it is always stopped.
public final class ConnectProxy: Sendable {
    /// One CONNECT request as received.
    public struct Request: Sendable, Equatable {
        /// The request target, `HOST:PORT`.
        public let target: String
        /// The `Proxy-Authorization` header, if sent.
        public let authorization: String?

        public init(target: String, authorization: String?) {
            self.target = target
            self.authorization = authorization
        }
    }

    /// The port it listens on (on 127.0.0.1).
    public let port: Int
    private let serving: Task<Void, Never>
    private let log: Recorder

    /// `http://127.0.0.1:<port>`, without credentials.
    public var url: String { "http://127.0.0.1:\(port)" }

    /// Every CONNECT so far, in order of arrival.
    public var requests: [Request] { log.requests.withLock { $0 } }

    private init(port: Int, serving: Task<Void, Never>, log: Recorder) {
        self.port = port
        self.serving = serving
        self.log = log
    }

    /// Starts a proxy, runs `body` with it and stops it, whether `body` throws or not.
    public static func with<T>(
        upstreamPort: Int, authorization: String?, _ body: (ConnectProxy) async throws -> T
    ) async throws -> T {
        let proxy = try await start(upstreamPort: upstreamPort, authorization: authorization)
        do {
            let result = try await body(proxy)
            await proxy.stop()
            return result
        } catch {
            await proxy.stop()
            throw error
        }
    }

    /// Starts a proxy tunnelling to `127.0.0.1:upstreamPort`; see the type's documentation.
    public static func start(upstreamPort: Int, authorization: String?) async throws -> ConnectProxy {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: child)
                }
            }
        guard let port = channel.channel.localAddress?.port else {
            try? await channel.channel.close()
            throw ChannelError.unknownLocalAddress
        }
        let log = Recorder()
        let serving = Task<Void, Never> {
            try? await channel.executeThenClose { connections in
                await withDiscardingTaskGroup { group in
                    do {
                        for try await connection in connections {
                            group.addTask {
                                await tunnel(
                                    connection, upstreamPort: upstreamPort, authorization: authorization, log: log)
                            }
                        }
                    } catch {
                        // The listening socket was closed: stop accepting.
                    }
                }
            }
        }
        return ConnectProxy(port: port, serving: serving, log: log)
    }

    /// Stops listening and closes every tunnel.
    public func stop() async {
        serving.cancel()
        await serving.value
    }

    /// Reads the CONNECT head, checks it, then relays bytes both ways until either side closes.
    private static func tunnel(
        _ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, upstreamPort: Int, authorization: String?,
        log: Recorder
    ) async {
        try? await connection.executeThenClose { inbound, outbound in
            var iterator = inbound.makeAsyncIterator()
            var buffered = ByteBuffer()
            var head: [String]?
            while head == nil, var chunk = try await iterator.next() {
                buffered.writeBuffer(&chunk)
                head = Self.head(of: &buffered)
            }
            guard let lines = head, let requestLine = lines.first else { return }
            let parts = requestLine.split(separator: " ")
            let sent = lines.dropFirst().first { $0.lowercased().hasPrefix("proxy-authorization:") }
                .map { String($0.drop { $0 != ":" }.dropFirst()).trimmingSpaces }
            let request = Request(target: parts.count > 1 ? String(parts[1]) : "", authorization: sent)
            log.requests.withLock { $0.append(request) }
            guard parts.first == "CONNECT", authorization == nil || sent == authorization else {
                try await outbound.write(
                    ByteBuffer(
                        string:
                            "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                            + "Content-Length: 0\r\nConnection: close\r\n\r\n"))
                return
            }
            let upstream = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: upstreamPort) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    }
                }
            // Nothing may throw between the connect and executeThenClose: an upstream channel
            // dropped unclosed (the client gone before the 200 was written) traps in NIO.
            try await upstream.executeThenClose { upstreamIn, upstreamOut in
                try await outbound.write(ByteBuffer(string: "HTTP/1.1 200 Connection established\r\n\r\n"))
                if buffered.readableBytes > 0 { try await upstreamOut.write(buffered) }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for try await chunk in upstreamIn { try await outbound.write(chunk) }
                    }
                    while let chunk = try await iterator.next() { try await upstreamOut.write(chunk) }
                    group.cancelAll()
                }
            }
        }
    }

    /// The head's lines once `buffer` holds a whole head (consumed from it), else `nil`.
    private static func head(of buffer: inout ByteBuffer) -> [String]? {
        let bytes = Array(buffer.readableBytesView)
        guard bytes.count >= 4,
            let end = (0...(bytes.count - 4)).first(where: { bytes[$0..<($0 + 4)] == [13, 10, 13, 10] })
        else { return nil }
        buffer.moveReaderIndex(forwardBy: end + 4)
        return String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
    }
}

/// The CONNECT requests of one proxy, shared with its connection tasks.
private final class Recorder: Sendable {
    let requests = Mutex<[ConnectProxy.Request]>([])
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
