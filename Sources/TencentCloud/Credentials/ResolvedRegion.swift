/// A region together with where it came from, for `status`.
public struct ResolvedRegion: Sendable, Equatable, CustomStringConvertible {
    public let region: String
    public let source: RegionSource

    public init(_ region: String, source: RegionSource) {
        self.region = region
        self.source = source
    }

    public var description: String { "\(region) from \(source)" }
}

/// Where a region came from.
public enum RegionSource: Sendable, Equatable, CustomStringConvertible {
    /// `--region`.
    case commandLine
    /// `TENCENTCLOUD_REGION`.
    case environment
    /// `_sys_param.region` of tccli's `~/.tccli/<profile>.configure`.
    case tccliConfigure(name: String, path: String)
    /// The `region` key of the SDKs' INI file.
    case iniProfile(name: String, path: String)

    public var description: String {
        switch self {
        case .commandLine: "--region"
        case .environment: "TENCENTCLOUD_REGION"
        case .tccliConfigure(let name, let path): "tccli profile \(name) (\(path))"
        case .iniProfile(let name, let path): "profile \(name) (\(path))"
        }
    }
}
