/// One API action, declared once: everything the client needs to send it and the emulator needs
/// to serve and throttle it. The catalogue is ``Actions``.
public struct Action: Sendable, Hashable, CustomStringConvertible {
    /// The credential-scope service: `cvm`, `sts`, `organization`.
    public let service: String
    /// The first label of the service's hosts (`cvm` in `cvm.ap-guangzhou.tencentcloudapi.com`).
    public let hostPrefix: String
    /// `X-TC-Version`.
    public let version: String
    /// `X-TC-Action`.
    public let name: String
    /// Whether a retry after an ambiguous failure is safe (reads are; share changes are not).
    public let idempotent: Bool
    /// The documented limit in requests per second, counted per (SecretId, API host, action).
    public let rateLimit: Int
    /// What the action's documentation says about `X-TC-Region`.
    public let region: RegionRule

    /// Declares an action; `hostPrefix` defaults to `service`, as for every service used so far.
    public init(
        service: String, hostPrefix: String? = nil, version: String, name: String, idempotent: Bool,
        rateLimit: Int, region: RegionRule = .required
    ) {
        precondition(rateLimit > 0, "every action has a documented rate limit")
        self.service = service
        self.hostPrefix = hostPrefix ?? service
        self.version = version
        self.name = name
        self.idempotent = idempotent
        self.rateLimit = rateLimit
        self.region = region
    }

    public var description: String { name }
}

/// Whether an action needs `X-TC-Region`.
public enum RegionRule: Sendable, Hashable {
    /// Documented as required: the region the call is about.
    case required
    /// Documented as optional, yet the official SDKs always send one (a client is built with a
    /// region); a strict server requires it, so the client always sends it.
    case optionalButSent
    /// Not needed and not sent (a global service such as `organization`).
    case none

    /// Whether a server that takes the less convenient reading (the emulator's strict mode)
    /// refuses the call without a region.
    public func isRequired(strict: Bool) -> Bool {
        switch self {
        case .required: true
        case .optionalButSent: strict
        case .none: false
        }
    }
}
