/// One copy made by SyncImages: the new image's id and the region it is in
/// (`SyncImage` in https://cloud.tencent.com/document/api/213/15711).
public struct ImageCopy: Codable, Sendable, Hashable {
    public var imageId: String
    public var region: String

    public init(imageId: String, region: String) {
        self.imageId = imageId
        self.region = region
    }

    enum CodingKeys: String, CodingKey {
        case imageId = "ImageId"
        case region = "Region"
    }
}
