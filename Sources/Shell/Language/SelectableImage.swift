/// What the selection grammar needs to know about a listed image. Only ``id`` and ``name`` are
/// required; the attributes the image terms (`tag:`, `family:`, `deprecated`, `created<`…)
/// read default to absent. (No types of other modules here: the fuzz harness builds this
/// folder on its own.)
public protocol SelectableImage {
    /// The image id, e.g. `img-8toqc6s3`.
    var id: String { get }
    /// The image name, matched by `name:GLOB`.
    var name: String { get }
    /// The image family, matched by `family:NAME`.
    var imageFamily: String? { get }
    /// Whether the image is deprecated, matched by `deprecated`.
    var imageDeprecated: Bool? { get }
    /// The creation time as the API writes it (ISO 8601, UTC), matched by `created<`/`age>`.
    var createdTime: String? { get }
    /// Whether the image has a tag `key` with `value` (any value when nil), for `tag:`.
    func hasTag(_ key: String, value: String?) -> Bool
}

extension SelectableImage {
    public var imageFamily: String? { nil }
    public var imageDeprecated: Bool? { nil }
    public var createdTime: String? { nil }
    public func hasTag(_ key: String, value: String?) -> Bool { false }
}
