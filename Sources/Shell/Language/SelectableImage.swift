/// What the selection grammar needs to know about a listed image.
public protocol SelectableImage {
    /// The image id, e.g. `img-8toqc6s3`.
    var id: String { get }
    /// The image name, matched by `name:GLOB`.
    var name: String { get }
}
