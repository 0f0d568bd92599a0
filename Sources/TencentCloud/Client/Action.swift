/// One API action: which service and version it belongs to, and whether sending it twice is harmless.
public struct Action: Sendable, Hashable, CustomStringConvertible {
    /// The credential-scope service and host prefix: `cvm`, `sts`.
    public let service: String
    /// `X-TC-Version`.
    public let version: String
    /// `X-TC-Action`.
    public let name: String
    /// Whether a retry after an ambiguous failure is safe (reads are; share changes are not).
    public let idempotent: Bool
    /// Whether the call needs `X-TC-Region`.
    public let needsRegion: Bool

    public init(service: String, version: String, name: String, idempotent: Bool, needsRegion: Bool = true) {
        self.service = service
        self.version = version
        self.name = name
        self.idempotent = idempotent
        self.needsRegion = needsRegion
    }

    public var description: String { name }
}
