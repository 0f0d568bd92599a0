import Foundation

/// Where API calls go: the official host for each service, or one URL the user chose
/// (a regional host, a proxy, or the local emulator).
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int?
    /// True for the official `<service>.tencentcloudapi.com` hosts.
    public let isDefault: Bool

    /// The official endpoint: `https://cvm.tencentcloudapi.com/`, `https://sts.tencentcloudapi.com/`, ….
    public static let official = Endpoint(scheme: "https", host: "cvm.tencentcloudapi.com", port: nil, isDefault: true)

    init(scheme: String, host: String, port: Int?, isDefault: Bool) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.isDefault = isDefault
    }

    /// Reads `https://host[:port][/]`, `http://127.0.0.1:PORT`, or a bare `host[:port]` (https).
    /// Plain `http://` is accepted only for loopback hosts, so keys never cross a network unencrypted.
    public init(parsing text: String) throws(EndpointError) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var scheme = "https"
        if let range = rest.range(of: "://") {
            scheme = rest[..<range.lowerBound].lowercased()
            rest = rest[range.upperBound...]
        }
        guard scheme == "https" || scheme == "http" else {
            throw EndpointError("unsupported scheme '\(scheme)' in endpoint \(text): use https://HOST")
        }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        guard !rest.contains("/"), !rest.contains("?"), !rest.contains("@"), !rest.isEmpty else {
            throw EndpointError("invalid endpoint \(text): give a host or https://HOST[:PORT]")
        }
        var host = String(rest)
        var port: Int?
        if let colon = rest.lastIndex(of: ":"), !rest.hasSuffix("]") {
            guard let number = Int(rest[rest.index(after: colon)...]), (1...65535).contains(number) else {
                throw EndpointError("invalid port in endpoint \(text)")
            }
            port = number
            host = String(rest[..<colon])
        }
        guard host.allSatisfy({ $0.isLetter || $0.isNumber || ".-[]:".contains($0) }) else {
            throw EndpointError("invalid host in endpoint \(text)")
        }
        host = host.lowercased()
        if scheme == "http", !Endpoint.isLoopback(host) {
            throw EndpointError(
                "refusing plain http:// to \(host): only loopback hosts may use http; use https://\(host)")
        }
        self.init(scheme: scheme, host: host, port: port, isDefault: false)
    }

    /// True for `localhost`, `127.0.0.0/8` and `::1`.
    public static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if bare == "localhost" || bare == "::1" { return true }
        let parts = bare.split(separator: ".")
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// The host (and `Host` header) for a service's host prefix (``Action/hostPrefix``). On
    /// `*.tencentcloudapi.com` the first label is the prefix (`cvm.ap-guangzhou…` →
    /// `sts.ap-guangzhou…`); any other host serves every service.
    public func host(forPrefix prefix: String) -> String {
        var name = host
        if host.hasSuffix(".tencentcloudapi.com"), let dot = host.firstIndex(of: ".") {
            name = prefix + host[dot...]
        }
        if let port, !(scheme == "https" && port == 443), !(scheme == "http" && port == 80) {
            name += ":\(port)"
        }
        return name
    }

    /// The URL to POST to for a service's host prefix.
    public func url(forPrefix prefix: String) -> String {
        "\(scheme)://\(host(forPrefix: prefix))/"
    }

    public var description: String {
        "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }
}

/// A rejected endpoint, with the reason and the fix.
public struct EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
