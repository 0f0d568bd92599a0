import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The production transport: AsyncHTTPClient over SwiftNIO, with keep-alive connection reuse,
/// certificate verification (system roots plus `caFile`), an optional HTTPS proxy, and no
/// automatic re-sending of any request.
public final class AsyncHTTPTransport: HTTPTransport {
    private let client: HTTPClient
    private let configuration: TransportConfiguration
    /// The proxy in use, `nil` for direct connections.
    private let proxy: ProxyAddress?

    public init(configuration: TransportConfiguration, proxyFor host: String? = nil) throws(TransportError) {
        self.configuration = configuration
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .fullVerification
        if let caFile = configuration.caFile {
            do {
                let roots = try NIOSSLCertificate.fromPEMFile(caFile)
                tls.additionalTrustRoots = [.certificates(roots)]
            } catch {
                throw TransportError(
                    action: "TLS setup", kind: .tls,
                    detail: "cannot read CA file \(caFile) (SSL_CERT_FILE): \(error)", ambiguous: false)
            }
        }
        var config = HTTPClient.Configuration(
            tlsConfiguration: tls,
            redirectConfiguration: .disallow,
            timeout: .init(
                connect: .nanoseconds(Int64(configuration.connectTimeout.nanoseconds)),
                read: .nanoseconds(Int64(configuration.requestTimeout.nanoseconds))),
            decompression: .disabled)
        config.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = configuration.connectionsPerHost
        // A refused connection fails at once instead of retrying until the deadline.
        config.connectionPool.retryConnectionEstablishment = false
        config.httpVersion = .http1Only
        let proxy = configuration.proxy.flatMap(ProxyAddress.init)
            .flatMap { host.map(configuration.usesProxy(for:)) ?? true ? $0 : nil }
        if let proxy {
            let authorization = proxy.username.map {
                HTTPClient.Authorization.basic(username: $0, password: proxy.password ?? "")
            }
            config.proxy = .server(host: proxy.host, port: proxy.port, authorization: authorization)
        }
        self.proxy = proxy
        client = HTTPClient(
            eventLoopGroupProvider: .shared(MultiThreadedEventLoopGroup.singleton), configuration: config)
    }

    /// Sends `request`; the whole exchange, body included, ends within `requestTimeout`.
    ///
    /// AsyncHTTPClient's deadline covers the answer's head and its read timeout covers each wait
    /// for bytes, but neither bounds a body that keeps arriving slowly (a byte every second), so
    /// the exchange races a timer of its own.
    public func send(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        let timeout = configuration.requestTimeout
        let finish = await withTaskGroup(of: Finish.self) { group in
            group.addTask {
                do throws(TransportError) {
                    return .answered(.success(try await self.exchange(request)))
                } catch {
                    return .answered(.failure(error))
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return .deadline
            }
            var first = await group.next() ?? .deadline
            if case .deadline = first, Task.isCancelled {
                // The caller gave up (Ctrl-C): report the exchange's own cancellation.
                first = await group.next() ?? .deadline
            }
            group.cancelAll()
            return first
        }
        switch finish {
        case .answered(let result): return try result.get()
        case .deadline: throw TransportError(action: request.label, kind: .timeout, detail: "", ambiguous: true)
        }
    }

    private enum Finish: Sendable {
        case answered(Result<HTTPResponse, TransportError>)
        case deadline
    }

    private func exchange(_ request: HTTPRequest) async throws(TransportError) -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = .POST
        for header in request.headers {
            outgoing.headers.add(name: header.name, value: header.value)
        }
        outgoing.body = .bytes(ByteBuffer(bytes: request.body))
        do {
            let response = try await client.execute(
                outgoing, timeout: .nanoseconds(Int64(configuration.requestTimeout.nanoseconds)))
            var headers: [String: String] = [:]
            for field in response.headers {
                headers[field.name.lowercased()] = field.value
            }
            let limit = configuration.maxResponseBytes
            let body: ByteBuffer
            do {
                body = try await response.body.collect(upTo: limit)
            } catch is NIOTooManyBytesError {
                throw TransportError(
                    action: request.label, kind: .responseTooLarge(limit: limit), detail: "", ambiguous: true)
            }
            return HTTPResponse(status: Int(response.status.code), headers: headers, body: Array(buffer: body))
        } catch let error as TransportError {
            throw error
        } catch {
            throw Self.classify(error, label: request.label, target: connectTarget(request.url))
        }
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Where a request to `url` connects: `host:port` of the URL, or of the proxy that carries it.
    private func connectTarget(_ url: String) -> String? {
        if let proxy { return "proxy \(proxy)" }
        guard let address = ProxyAddress(url) else { return nil }
        let https = url.lowercased().hasPrefix("https://") && !url.dropFirst(8).prefix { $0 != "/" }.contains(":")
        return https ? "\(address.host):443" : address.description
    }

    /// Sorts a failure into connect/TLS (nothing sent) or ambiguous (perhaps applied). A connect
    /// failure's detail reads `to HOST:PORT: reason` when `target` is given.
    static func classify(_ error: any Error, label: String, target: String? = nil) -> TransportError {
        func connect(_ reason: String) -> TransportError {
            TransportError(
                action: label, kind: .connect, detail: target.map { "to \($0): \(reason)" } ?? reason, ambiguous: false)
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .tlsHandshakeTimeout:
                return TransportError(action: label, kind: .tls, detail: "TLS handshake timed out", ambiguous: false)
            case .connectTimeout, .httpProxyHandshakeTimeout, .socksHandshakeTimeout:
                return connect("timed out")
            case .proxyAuthenticationRequired:
                return connect(
                    "the proxy asks for credentials (HTTP 407): "
                        + "give them as HTTPS_PROXY=http://USER:PASSWORD@HOST:PORT")
            case .invalidProxyResponse:
                return connect("the proxy refused the tunnel")
            case .readTimeout, .deadlineExceeded:
                return TransportError(action: label, kind: .timeout, detail: "", ambiguous: true)
            case .remoteConnectionClosed:
                return TransportError(
                    action: label, kind: .connectionLost, detail: "server closed the connection", ambiguous: true)
            case .invalidURL, .emptyHost, .emptyScheme:
                return TransportError(action: label, kind: .connect, detail: "invalid endpoint URL", ambiguous: false)
            default:
                return TransportError(action: label, kind: .other, detail: "\(error)", ambiguous: true)
            }
        }
        if let error = error as? HTTPParserError, error == .invalidEOFState {
            return TransportError(
                action: label, kind: .connectionLost, detail: "server closed the connection before the whole answer",
                ambiguous: true)
        }
        if error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError {
            return TransportError(action: label, kind: .tls, detail: "\(error)", ambiguous: false)
        }
        if let error = error as? NIOConnectionError {
            if error.dnsAAAAError != nil || error.dnsAError != nil, error.connectionErrors.isEmpty {
                return connect("cannot resolve \(error.host)")
            }
            return connect(error.connectionErrors.first.map { Self.reason($0.error) } ?? "no address answered")
        }
        if let error = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode) {
            return connect(Self.reason(error))
        }
        if error is ChannelError, case .connectTimeout = error as! ChannelError {
            return connect("timed out")
        }
        if error is CancellationError {
            return TransportError(action: label, kind: .other, detail: "cancelled", ambiguous: true)
        }
        return TransportError(action: label, kind: .other, detail: "\(error)", ambiguous: true)
    }

    /// A system error in lower case without NIO's wrapping (`connection refused`).
    private static func reason(_ error: any Error) -> String {
        guard let error = error as? IOError, let text = strerror(error.errnoCode) else { return "\(error)" }
        let message = String(cString: text)
        return message.prefix(1).lowercased() + message.dropFirst()
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
