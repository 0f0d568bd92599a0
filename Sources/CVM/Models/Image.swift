import Foundation

/// A CVM image as `DescribeImages` returns it. Every documented field is kept; fields the
/// service may return as null (or leave out) decode to `nil`, and unknown fields are ignored.
public struct Image: Codable, Sendable, Equatable, Identifiable {
    public var id: String { imageId }

    public var imageId: String
    public var osName: String?
    /// `PRIVATE_IMAGE`, `SHARED_IMAGE` (shared to this account) or `PUBLIC_IMAGE`.
    public var imageType: String?
    /// The creation time as sent (`…Z` or `…+00:00`); see ``created``.
    public var createdTime: String?
    public var imageName: String?
    public var imageDescription: String?
    /// GiB.
    public var imageSize: Int?
    public var architecture: String?
    /// `NORMAL`, `CREATING`, `CREATEFAILED`, `SYNCING`, `IMPORTING`, `IMPORTFAILED`.
    public var imageState: String?
    public var platform: String?
    public var imageCreator: String?
    public var imageSource: String?
    public var syncPercent: Int?
    public var isSupportCloudinit: Bool?
    public var snapshotSet: [Snapshot]?
    public var tags: [Tag]?
    /// `TencentCloud` or `BYOL` (BYOL images cannot be shared).
    public var licenseType: String?
    public var imageFamily: String?
    public var imageDeprecated: Bool?
    public var cdcCacheStatus: String?

    public init(
        imageId: String, imageName: String? = nil, imageType: String? = "PRIVATE_IMAGE", imageState: String? = "NORMAL",
        createdTime: String? = nil, osName: String? = nil, platform: String? = nil, imageSize: Int? = nil,
        licenseType: String? = "TencentCloud"
    ) {
        self.imageId = imageId
        self.imageName = imageName
        self.imageType = imageType
        self.imageState = imageState
        self.createdTime = createdTime
        self.osName = osName
        self.platform = platform
        self.imageSize = imageSize
        self.licenseType = licenseType
    }

    /// ``createdTime`` parsed; `nil` when absent or not ISO 8601.
    public var created: Date? { createdTime.flatMap(ISO8601.parse) }

    enum CodingKeys: String, CodingKey {
        case imageId = "ImageId"
        case osName = "OsName"
        case imageType = "ImageType"
        case createdTime = "CreatedTime"
        case imageName = "ImageName"
        case imageDescription = "ImageDescription"
        case imageSize = "ImageSize"
        case architecture = "Architecture"
        case imageState = "ImageState"
        case platform = "Platform"
        case imageCreator = "ImageCreator"
        case imageSource = "ImageSource"
        case syncPercent = "SyncPercent"
        case isSupportCloudinit = "IsSupportCloudinit"
        case snapshotSet = "SnapshotSet"
        case tags = "Tags"
        case licenseType = "LicenseType"
        case imageFamily = "ImageFamily"
        case imageDeprecated = "ImageDeprecated"
        case cdcCacheStatus = "CdcCacheStatus"
    }
}

/// A disk snapshot behind an image.
public struct Snapshot: Codable, Sendable, Equatable {
    public var snapshotId: String?
    /// `SYSTEM_DISK` or `DATA_DISK`.
    public var diskUsage: String?
    /// GiB.
    public var diskSize: Int?

    enum CodingKeys: String, CodingKey {
        case snapshotId = "SnapshotId"
        case diskUsage = "DiskUsage"
        case diskSize = "DiskSize"
    }
}

/// A resource tag.
public struct Tag: Codable, Sendable, Equatable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }

    enum CodingKeys: String, CodingKey {
        case key = "Key"
        case value = "Value"
    }
}

/// ISO 8601 in the two spellings the API uses: `2020-09-22T00:00:00Z` and `…+00:00`.
public enum ISO8601 {
    public static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
