import Foundation
import NIOCore
import NIOHTTP1
import TencentCloudCore

/// Moves bytes between HTTP/1.1 and the service: collects one request, asks the service, and
/// answers (after the injected latency) or closes the connection for a dropped call.
/// Keep-alive and pipelining follow NIO's server pipeline.
final class HTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// The documented POST limit with TC3 signing.
    static let maxBodyBytes = 10 * 1024 * 1024

    private let service: EmulatorService
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var tooLarge = false

    init(service: EmulatorService) {
        self.service = service
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = []
            tooLarge = false
        case .body(let buffer):
            if body.count + buffer.readableBytes > Self.maxBodyBytes {
                tooLarge = true
            } else {
                body += buffer.readableBytesView
            }
        case .end:
            guard let head else { return }
            self.head = nil
            if tooLarge {
                respondTooLarge(context: context, head: head)
                return
            }
            var headers: [String: String] = [:]
            for (name, value) in head.headers {
                headers[name.lowercased()] = value
            }
            let request = EmulatorRequest(method: head.method.rawValue, path: head.uri, headers: headers, body: body)
            body = []
            let response = service.handle(request)
            let keepAlive = head.isKeepAlive
            let loop = context.eventLoop.assumeIsolated()
            if response.delay > .zero {
                loop.scheduleTask(
                    in: .nanoseconds(
                        Int64(response.delay.components.seconds) * 1_000_000_000
                            + response.delay.components.attoseconds / 1_000_000_000)
                ) {
                    self.finish(context: context, response: response, keepAlive: keepAlive, version: head.version)
                }
            } else {
                finish(context: context, response: response, keepAlive: keepAlive, version: head.version)
            }
        }
    }

    private func finish(
        context: ChannelHandlerContext, response: EmulatorResponse, keepAlive: Bool, version: HTTPVersion
    ) {
        switch response.disposition {
        case .closeWithoutAnswer:
            context.close(promise: nil)
        case .respond:
            write(context: context, status: .ok, body: response.body, keepAlive: keepAlive, version: version)
        }
    }

    private func respondTooLarge(context: ChannelHandlerContext, head: HTTPRequestHead) {
        let body = JSONValue.object([
            JSONValue.Member(
                "Response",
                .object([
                    JSONValue.Member(
                        "Error",
                        .object([
                            JSONValue.Member("Code", "RequestSizeLimitExceeded"),
                            JSONValue.Member("Message", "The request body is larger than 10 MB."),
                        ])),
                    JSONValue.Member("RequestId", .string(UUID().uuidString.lowercased())),
                ]))
        ])
        write(context: context, status: .ok, body: body.bytes, keepAlive: false, version: head.version)
    }

    private func write(
        context: ChannelHandlerContext, status: HTTPResponseStatus, body: [UInt8], keepAlive: Bool,
        version: HTTPVersion
    ) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(body.count))
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: version, status: status, headers: headers)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: body.count)
        buffer.writeBytes(body)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        let done = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: done)
        if !keepAlive {
            done.futureResult.assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
