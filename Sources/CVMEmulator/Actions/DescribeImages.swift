import TencentCloudCore

extension Action {
    static let imageTypes: Set<String> = ["PRIVATE_IMAGE", "PUBLIC_IMAGE", "SHARED_IMAGE"]
    static let cdcCacheStates: Set<String> = ["CACHED_ALL", "CACHING", "CACHED", "CACHE_INVALID", "CACHE_FAILED"]
    static let filterNames: Set<String> = [
        "image-id", "image-type", "image-name", "platform", "tag-key", "tag-value", "dedicated-cluster-id",
        "cdc-cache-status",
    ]

    /// DescribeImages: the images the caller can see in the region, newest first, paged.
    /// - Parameter order: positions of the region's images, newest first (``ListingOrder``).
    static func describeImages(
        _ context: ActionContext, region: EmulatorState.Region, order: [Int]
    ) throws(APIError) -> [JSONValue.Member] {
        let p = context.parameters
        let imageIds = try p.strings("ImageIds")
        let filters = try p.filters()
        let offset = try p.unsigned("Offset") ?? 0
        let limit = try p.unsigned("Limit") ?? 20
        let instanceType = try p.string("InstanceType")

        if p.contains("ImageIds") && p.contains("Filters") {
            throw APIError(
                "InvalidParameter.InvalidParameterCoexistImageIdsFilters",
                "The parameters `ImageIds` and `Filters` cannot be specified at the same time.")
        }
        guard (1...100).contains(limit) else {
            throw APIError(
                "InvalidParameterValue.InvalidParameterValueLimit", "The value of `Limit` must be between 1 and 100.")
        }
        if let instanceType, !isInstanceType(instanceType) {
            throw APIError("InvalidInstanceType.Malformed", "The instance type `\(instanceType)` is malformed.")
        }
        if let imageIds {
            guard imageIds.count <= 100 else {
                throw APIError("InvalidParameterValue.LimitExceeded", "At most 100 `ImageIds` may be given.")
            }
            if let bad = imageIds.first(where: { !Identifiers.isImageId($0) }) {
                throw Identifiers.malformedImageId(bad)
            }
        }
        if let filters { try validate(filters) }

        // Positions into the region's images in listing order, not copies of the images.
        let images = region.images
        var visible: [(index: Int, type: String)] = []
        for index in order {
            if let type = imageType(of: images[index], for: context.caller.accountId) { visible.append((index, type)) }
        }
        if let imageIds {
            let wanted = Set(imageIds)
            visible.removeAll { !wanted.contains(images[$0.index].imageId) }
        }
        for filter in filters ?? [] {
            visible.removeAll { !matches(filter, image: images[$0.index], type: $0.type) }
        }
        let page = visible.dropFirst(min(offset, visible.count)).prefix(Int(limit))
        return [
            JSONValue.Member("TotalCount", .int(visible.count)),
            JSONValue.Member("ImageSet", .array(page.map { render(images[$0.index], type: $0.type) })),
        ]
    }

    /// How `image` appears to `accountId`: `nil` when it is not visible at all.
    static func imageType(of image: EmulatorState.Image, for accountId: String) -> String? {
        if image.isPublic { return "PUBLIC_IMAGE" }
        if image.ownerAccountId == accountId { return "PRIVATE_IMAGE" }
        if image.shares.contains(where: { $0.accountId == accountId }) { return "SHARED_IMAGE" }
        return nil
    }

    private static func validate(_ filters: [Filter]) throws(APIError) {
        guard filters.count <= 10 else {
            throw APIError("InvalidParameterValue.LimitExceeded", "At most 10 `Filters` may be given.")
        }
        for filter in filters {
            guard filterNames.contains(filter.name) || (filter.name.hasPrefix("tag:") && filter.name.count > 4) else {
                throw APIError("InvalidFilter", "The filter `\(filter.name)` is not supported.")
            }
            guard filter.values.count <= 5 else {
                throw APIError(
                    "InvalidFilterValue.LimitExceeded", "The filter `\(filter.name)` has more than 5 values.")
            }
            guard !filter.values.isEmpty else {
                throw APIError("InvalidFilter", "The filter `\(filter.name)` has no values.")
            }
            switch filter.name {
            case "image-type":
                if let bad = filter.values.first(where: { !imageTypes.contains($0) }) {
                    throw APIError("InvalidFilter", "`\(bad)` is not a valid value of the filter `image-type`.")
                }
            case "cdc-cache-status":
                if let bad = filter.values.first(where: { !cdcCacheStates.contains($0) }) {
                    throw APIError("InvalidFilter", "`\(bad)` is not a valid value of the filter `cdc-cache-status`.")
                }
            case "image-id":
                if let bad = filter.values.first(where: { !Identifiers.isImageId($0) }) {
                    throw Identifiers.malformedImageId(bad)
                }
            default: break
            }
        }
    }

    private static func matches(_ filter: Filter, image: EmulatorState.Image, type: String) -> Bool {
        let values = filter.values
        switch filter.name {
        case "image-id": return values.contains(image.imageId)
        case "image-type": return values.contains(type)
        case "image-name": return values.contains { image.imageName.fuzzyContains($0) }
        case "platform": return values.contains { image.platform.fuzzyContains($0) }
        case "tag-key": return image.tags.contains { values.contains($0.key) }
        case "tag-value": return image.tags.contains { values.contains($0.value) }
        case "cdc-cache-status": return image.cdcCacheStatus.map(values.contains) ?? false
        case "dedicated-cluster-id": return false
        default:
            let key = String(filter.name.dropFirst(4))
            return image.tags.contains { $0.key == key && values.contains($0.value) }
        }
    }

    /// `SA5.MEDIUM2`: family, a dot, then the size, upper-case letters and digits.
    private static func isInstanceType(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2
            && parts.allSatisfy { part in
                !part.isEmpty && part.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5a) }
            }
    }

    /// The API's `Image`, every documented field in the order of the reference.
    static func render(_ image: EmulatorState.Image, type: String) -> JSONValue {
        var members = [
            JSONValue.Member("ImageId", .string(image.imageId)),
            JSONValue.Member("OsName", .string(image.osName)),
            JSONValue.Member("ImageType", .string(type)),
            JSONValue.Member("CreatedTime", .string(ISOTime.withOffset(image.createdTime))),
            JSONValue.Member("ImageName", .string(image.imageName)),
            JSONValue.Member("ImageDescription", .string(image.imageDescription)),
            JSONValue.Member("ImageSize", .int(image.imageSize)),
            JSONValue.Member("Architecture", .string(image.architecture)),
            JSONValue.Member("ImageState", .string(image.imageState)),
            JSONValue.Member("Platform", .string(image.platform)),
            JSONValue.Member("ImageCreator", .string(image.imageCreator)),
            JSONValue.Member("ImageSource", .string(image.imageSource)),
            JSONValue.Member("SyncPercent", image.syncPercent.map { .int($0) } ?? .null),
            JSONValue.Member("IsSupportCloudinit", .bool(image.isSupportCloudinit)),
            JSONValue.Member(
                "SnapshotSet",
                .array(
                    image.snapshotSet.map { snapshot in
                        .object([
                            JSONValue.Member("SnapshotId", .string(snapshot.snapshotId)),
                            JSONValue.Member("DiskUsage", .string(snapshot.diskUsage)),
                            JSONValue.Member("DiskSize", .int(snapshot.diskSize)),
                        ])
                    })),
            JSONValue.Member(
                "Tags",
                .array(
                    image.tags.map { tag in
                        .object([
                            JSONValue.Member("Key", .string(tag.key)), JSONValue.Member("Value", .string(tag.value)),
                        ])
                    })),
            JSONValue.Member("LicenseType", .string(image.licenseType)),
            JSONValue.Member("ImageFamily", .string(image.imageFamily)),
            JSONValue.Member("ImageDeprecated", .bool(image.imageDeprecated)),
        ]
        if let cdc = image.cdcCacheStatus { members.append(JSONValue.Member("CdcCacheStatus", .string(cdc))) }
        return .object(members)
    }
}

/// The positions of each region's images in listing order (newest first, then by id), kept
/// between calls: sorting 50,000 images for every page made a page cost a tenth of a second.
/// Actions never add, remove or re-date images, so one sort per region suffices; a changed
/// count sorts again.
struct ListingOrder: Sendable {
    private var cached: [String: [Int]] = [:]

    mutating func positions(of region: EmulatorState.Region) -> [Int] {
        let images = region.images
        if let order = cached[region.region], order.count == images.count { return order }
        let order = images.indices.sorted { a, b in
            let (x, y) = (images[a].createdTime, images[b].createdTime)
            return x != y ? x > y : images[a].imageId < images[b].imageId
        }
        cached[region.region] = order
        return order
    }
}

extension String {
    /// Case-insensitive substring test (the API's "fuzzy match").
    fileprivate func fuzzyContains(_ other: String) -> Bool {
        lowercased().contains(other.lowercased())
    }
}
