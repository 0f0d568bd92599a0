// Request and response bodies, named as on the wire (only non-nil keys are sent, as the SDKs do).

struct NoParameters: Encodable, Sendable {}

struct DescribeImagesRequest: Encodable, Sendable {
    var Filters: [ImageFilter]?
    var Offset: Int?
    var Limit: Int?
}

/// One page of DescribeImages.
public struct ImagePage: Decodable, Sendable, Equatable {
    public var totalCount: Int
    public var images: [Image]

    enum CodingKeys: String, CodingKey {
        case totalCount = "TotalCount"
        case images = "ImageSet"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        totalCount = try container.decodeIfPresent(Int.self, forKey: .totalCount) ?? 0
        images = try container.decodeIfPresent([Image].self, forKey: .images) ?? []
    }

    public init(totalCount: Int, images: [Image]) {
        self.totalCount = totalCount
        self.images = images
    }
}

struct ModifyImageSharePermissionRequest: Encodable, Sendable {
    var ImageId: String
    var AccountIds: [String]
    var Permission: SharePermissionChange
}

struct ImageIdRequest: Encodable, Sendable {
    var ImageId: String
}

struct Empty: Decodable, Sendable {}

struct DescribeImageSharePermissionResponse: Decodable, Sendable {
    var SharePermissionSet: [SharePermission]?
}

struct DescribeRegionsResponse: Decodable, Sendable {
    var RegionSet: [RegionInfo]?
}

struct DescribeImageQuotaResponse: Decodable, Sendable {
    var ImageNumQuota: Int
}
