import CVM

/// What the selection grammar needs to know about a listed image. Only ``id`` and ``name`` are
/// required; the attributes the image terms (`tag:`, `family:`, `deprecated`, `created<`…)
/// read default to absent.
public protocol SelectableImage {
    /// The image id, e.g. `img-8toqc6s3`.
    var id: String { get }
    /// The image name, matched by `name:GLOB`.
    var name: String { get }
    /// The image's tags, matched by `tag:KEY=VALUE` and `tag:KEY`.
    var tags: [Tag]? { get }
    /// The image family, matched by `family:NAME`.
    var imageFamily: String? { get }
    /// Whether the image is deprecated, matched by `deprecated`.
    var imageDeprecated: Bool? { get }
    /// The creation time as the API writes it (ISO 8601, UTC), matched by `created<`/`age>`.
    var createdTime: String? { get }
}

extension SelectableImage {
    public var tags: [Tag]? { nil }
    public var imageFamily: String? { nil }
    public var imageDeprecated: Bool? { nil }
    public var createdTime: String? { nil }
}
