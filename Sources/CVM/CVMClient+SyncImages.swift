import TencentCloud

extension CVMClient {
    /// Copies the custom image `imageId` of `region` to each of `destinations` (SyncImages, one
    /// image per call, https://cloud.tencent.com/document/api/213/15711). The copies are new
    /// images, `SYNCING` until they are `NORMAL`, without shares. `name` names them (default: the
    /// source's name). Returns the copies (asked for with `ImageSetRequired`); `dryRun` only
    /// checks that the copy can start and returns none. Not idempotent: after an ambiguous
    /// failure, look for a copy of that name in the destination before sending again.
    public func syncImages(
        region: String, imageId: String, destinations: [String], name: String? = nil, dryRun: Bool = false
    ) async throws(TencentCloudError) -> CallResult<[ImageCopy]> {
        let result = try await api.perform(
            Actions.syncImages, region: region,
            parameters: SyncImagesRequest(
                ImageIds: [imageId], DestinationRegions: destinations, DryRun: dryRun ? true : nil, ImageName: name,
                ImageSetRequired: true),
            as: SyncImagesResponse.self)
        return CallResult(output: result.output.ImageSet ?? [], requestId: result.requestId, attempts: result.attempts)
    }
}

struct SyncImagesRequest: Encodable, Sendable {
    var ImageIds: [String]
    var DestinationRegions: [String]
    var DryRun: Bool?
    var ImageName: String?
    var ImageSetRequired: Bool?
}

struct SyncImagesResponse: Decodable, Sendable {
    var ImageSet: [ImageCopy]?
}

extension CVMClient {
    /// The images with these ids that the caller can see in `region` (at most 100 ids a call).
    public func describeImages(region: String, imageIds: [String]) async throws(TencentCloudError) -> [Image] {
        try await api.call(
            Actions.describeImages, region: region,
            parameters: DescribeImagesByIdRequest(ImageIds: imageIds, Limit: max(1, imageIds.count)), as: ImagePage.self
        ).images
    }
}

struct DescribeImagesByIdRequest: Encodable, Sendable {
    var ImageIds: [String]
    var Limit: Int
}
