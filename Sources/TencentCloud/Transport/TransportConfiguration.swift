import Foundation

/// How the HTTP transport connects: timeouts, trust, proxy, limits.
public struct TransportConfiguration: Sendable, Equatable {
    /// Connect (TCP + TLS) timeout.
    public var connectTimeout: Duration
    /// Whole-request timeout, from sending to the last byte of the answer.
    public var requestTimeout: Duration
    /// PEM file of extra trusted roots (`SSL_CERT_FILE`); the system roots are used otherwise.
    public var caFile: String?
    /// `HTTPS_PROXY` as `host:port` or a URL; `nil` for a direct connection.
    public var proxy: String?
    /// Hosts that bypass the proxy (`NO_PROXY`, comma-separated, `.suffix` or exact, `*` for all).
    public var noProxy: [String]
    /// Larger answers are refused (the API's own response limit is far below this).
    public var maxResponseBytes: Int
    /// Connections kept per host; sized for the batch engine's concurrency.
    public var connectionsPerHost: Int

    public init(
        connectTimeout: Duration = .seconds(5), requestTimeout: Duration = .seconds(30),
        caFile: String? = nil, proxy: String? = nil, noProxy: [String] = [],
        maxResponseBytes: Int = 16 << 20, connectionsPerHost: Int = 32
    ) {
        self.connectTimeout = connectTimeout
        self.requestTimeout = requestTimeout
        self.caFile = caFile
        self.proxy = proxy
        self.noProxy = noProxy
        self.maxResponseBytes = maxResponseBytes
        self.connectionsPerHost = connectionsPerHost
    }

    /// The defaults, adjusted by `SSL_CERT_FILE`, `HTTPS_PROXY`/`https_proxy` and `NO_PROXY`/`no_proxy`.
    public static func fromEnvironment(_ environment: [String: String]) -> TransportConfiguration {
        var configuration = TransportConfiguration()
        configuration.caFile = environment["SSL_CERT_FILE"].flatMap { $0.isEmpty ? nil : $0 }
        configuration.proxy = (environment["HTTPS_PROXY"] ?? environment["https_proxy"])
            .flatMap { $0.isEmpty ? nil : $0 }
        configuration.noProxy = (environment["NO_PROXY"] ?? environment["no_proxy"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return configuration
    }

    /// Whether requests to `host` go through the proxy.
    public func usesProxy(for host: String) -> Bool {
        guard proxy != nil else { return false }
        let host = host.lowercased()
        for entry in noProxy.map({ $0.lowercased() }) {
            if entry == "*" { return false }
            // As curl reads NO_PROXY: `.example.com` and `example.com` both mean the domain and
            // every host below it.
            let domain = entry.hasPrefix(".") ? String(entry.dropFirst()) : entry
            if host == domain || host.hasSuffix("." + domain) { return false }
        }
        return true
    }
}
