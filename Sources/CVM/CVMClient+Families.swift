import TencentCloud

extension CVMClient {
    /// The newest usable image of `family` in `region` (DescribeImageFromFamily), or `nil` when
    /// the family has none (the API answers `"Image": null`).
    public func describeImageFromFamily(region: String, family: String) async throws(TencentCloudError) -> Image? {
        try await api.call(
            Actions.describeImageFromFamily, region: region,
            parameters: DescribeImageFromFamilyRequest(ImageFamily: family), as: DescribeImageFromFamilyResponse.self
        ).Image
    }

    /// Changes attributes of the caller's own image (ModifyImageAttribute); `nil` leaves one as is.
    /// An empty `family` takes the image out of its family.
    public func modifyImageAttribute(
        region: String, imageId: String, change: ImageAttributeChange
    ) async throws(TencentCloudError) {
        _ = try await api.call(
            Actions.modifyImageAttribute, region: region,
            parameters: ModifyImageAttributeRequest(
                ImageId: imageId, ImageName: change.name, ImageDescription: change.description,
                ImageFamily: change.family, ImageDeprecated: change.deprecated),
            as: Empty.self)
    }
}

/// What ModifyImageAttribute changes: each non-nil field.
public struct ImageAttributeChange: Sendable, Equatable {
    /// At most 60 characters, unique among the account's images in the region.
    public var name: String?
    /// At most 256 characters.
    public var description: String?
    /// The family to join; empty to leave the current one.
    public var family: String?
    /// Whether the image is deprecated (then never the latest of its family).
    public var deprecated: Bool?

    public init(name: String? = nil, description: String? = nil, family: String? = nil, deprecated: Bool? = nil) {
        self.name = name
        self.description = description
        self.family = family
        self.deprecated = deprecated
    }
}

struct DescribeImageFromFamilyRequest: Encodable, Sendable {
    var ImageFamily: String
}

struct DescribeImageFromFamilyResponse: Decodable, Sendable {
    var Image: Image?
}

struct ModifyImageAttributeRequest: Encodable, Sendable {
    var ImageId: String
    var ImageName: String?
    var ImageDescription: String?
    var ImageFamily: String?
    var ImageDeprecated: Bool?
}
