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
        if let proxy = configuration.proxy, host.map(configuration.usesProxy(for:)) ?? true,
           let (proxyHost, proxyPort) = Self.hostAndPort(proxy) {
            config.proxy = .server(host: proxyHost, port: proxyPort)
        }
        client = HTTPClient(eventLoopGroupProvider: .shared(MultiThreadedEventLoopGroup.singleton), configuration: config)
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
            throw Self.classify(error, label: request.label)
        }
    }

    public func shutdown() async {
        try? await client.shutdown()
    }

    /// Sorts a failure into connect/TLS (nothing sent) or ambiguous (perhaps applied).
    static func classify(_ error: any Error, label: String) -> TransportError {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .tlsHandshakeTimeout, .httpProxyHandshakeTimeout, .socksHandshakeTimeout,
                 .invalidProxyResponse, .proxyAuthenticationRequired:
                return TransportError(action: label, kind: error == .tlsHandshakeTimeout ? .tls : .connect,
                                      detail: "\(error)", ambiguous: false)
            case .readTimeout, .deadlineExceeded:
                return TransportError(action: label, kind: .timeout, detail: "", ambiguous: true)
            case .remoteConnectionClosed:
                return TransportError(action: label, kind: .connectionLost, detail: "server closed the connection", ambiguous: true)
            case .invalidURL, .emptyHost, .emptyScheme:
                return TransportError(action: label, kind: .connect, detail: "invalid endpoint URL", ambiguous: false)
            default:
                return TransportError(action: label, kind: .other, detail: "\(error)", ambiguous: true)
            }
        }
        if let error = error as? HTTPParserError, error == .invalidEOFState {
            return TransportError(
                action: label, kind: .connectionLost, detail: "server closed the connection before the whole answer", ambiguous: true)
        }
        if error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError {
            return TransportError(action: label, kind: .tls, detail: "\(error)", ambiguous: false)
        }
        if let error = error as? NIOConnectionError {
            return TransportError(action: label, kind: .connect, detail: Self.connectDetail(error), ambiguous: false)
        }
        if let error = error as? IOError, [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH].contains(error.errnoCode) {
            return TransportError(action: label, kind: .connect, detail: error.description, ambiguous: false)
        }
        if error is ChannelError, case .connectTimeout = error as! ChannelError {
            return TransportError(action: label, kind: .connect, detail: "connect timed out", ambiguous: false)
        }
        if error is CancellationError {
            return TransportError(action: label, kind: .other, detail: "cancelled", ambiguous: true)
        }
        return TransportError(action: label, kind: .other, detail: "\(error)", ambiguous: true)
    }

    private static func connectDetail(_ error: NIOConnectionError) -> String {
        if error.dnsAAAAError != nil || error.dnsAError != nil, error.connectionErrors.isEmpty {
            return "cannot resolve \(error.host)"
        }
        if let first = error.connectionErrors.first {
            return "\(error.host):\(error.port): \(first.error)"
        }
        return "\(error.host):\(error.port)"
    }

    /// `host:port` out of `http://host:port/`, `host:port` or `host` (port 80 assumed for a proxy).
    static func hostAndPort(_ value: String) -> (String, Int)? {
        var rest = Substring(value)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        guard !rest.isEmpty else { return nil }
        if let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]) {
            return (String(rest[..<colon]), port)
        }
        return (String(rest), 80)
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
