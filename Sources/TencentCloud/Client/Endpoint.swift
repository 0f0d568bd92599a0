import Foundation

/// Where API calls go: each region's own official host (the default), one official host for
/// every region (`nearest`, `intl`), or one URL the user chose (a regional host, a proxy, or
/// the local emulator).
///
/// Tencent Cloud counts an action's rate limit per access region, the API server a request
/// goes to (https://cloud.tencent.com/document/product/1278/109059): sending each region's calls
/// to `cvm.<region>.tencentcloudapi.com` lets several regions run at once, each at its own limit.
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int?
    /// True for the default: each call goes to its region's official host.
    public let isDefault: Bool
    /// Whether a call that names a region goes to `<service>.<region>.tencentcloudapi.com`
    /// rather than to ``host``.
    public let perRegion: Bool

    /// The default: `https://cvm.<region>.tencentcloudapi.com/`, `https://sts.<region>…` for a
    /// call in a region; `https://cvm.tencentcloudapi.com/` for one without a region.
    public static let official = Endpoint(
        scheme: "https", host: "cvm.tencentcloudapi.com", port: nil, isDefault: true, perRegion: true)

    /// The nearest access point of the China site for every region: `https://cvm.tencentcloudapi.com/`.
    public static let nearest = Endpoint(
        scheme: "https", host: "cvm.tencentcloudapi.com", port: nil, isDefault: false, perRegion: false)

    /// The nearest access point of the international site for every region:
    /// `https://cvm.intl.tencentcloudapi.com/` (https://www.tencentcloud.com/document/api/213/31573).
    public static let international = Endpoint(
        scheme: "https", host: "cvm.intl.tencentcloudapi.com", port: nil, isDefault: false, perRegion: false)

    init(scheme: String, host: String, port: Int?, isDefault: Bool, perRegion: Bool = false) {
        self.scheme = scheme
        self.host = host
        self.port = port
        self.isDefault = isDefault
        self.perRegion = perRegion
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

    /// The host for a service's host prefix and a call's region: with ``perRegion``,
    /// `<prefix>.<region>.tencentcloudapi.com`; otherwise (or without a region) as
    /// ``host(forPrefix:)``.
    public func host(forPrefix prefix: String, region: String?) -> String {
        guard perRegion, let region, Self.isRegionLabel(region) else { return host(forPrefix: prefix) }
        return "\(prefix).\(region).tencentcloudapi.com"
    }

    /// The URL to POST to for a service's host prefix (and, with ``perRegion``, the call's region).
    public func url(forPrefix prefix: String, region: String? = nil) -> String {
        "\(scheme)://\(host(forPrefix: prefix, region: region))/"
    }

    /// Whether `region` can be a DNS label (`ap-guangzhou`): anything else keeps the single host.
    private static func isRegionLabel(_ region: String) -> Bool {
        !region.isEmpty && region.count <= 63
            && region.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    public var description: String {
        if perRegion, host.hasPrefix("cvm."), port == nil {
            return "\(scheme)://cvm.REGION." + host.dropFirst(4)
        }
        return "\(scheme)://\(host)" + (port.map { ":\($0)" } ?? "")
    }
}

/// A rejected endpoint, with the reason and the fix.
public struct EndpointError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
