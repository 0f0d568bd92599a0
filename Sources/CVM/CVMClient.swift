import TencentCloud

/// Typed CVM image actions (and STS GetCallerIdentity) over an ``APIClient``.
public struct CVMClient: Sendable {
    public let api: APIClient

    public init(api: APIClient) {
        self.api = api
    }

    /// The regions CVM offers to this account. The answer does not depend on `region`, but the
    /// call always carries one, as the official SDKs' calls do (a strict gateway requires it):
    /// pass the region being switched to, or the session's.
    public func describeRegions(region: String) async throws(TencentCloudError) -> [RegionInfo] {
        try await api.call(
            Actions.describeRegions, region: region, parameters: NoParameters(), as: DescribeRegionsResponse.self
        ).RegionSet ?? []
    }

    /// One page of images matching `filters` (at most 100).
    public func describeImages(
        region: String, filters: [ImageFilter] = [.ownImages], offset: Int = 0, limit: Int = 100
    ) async throws(TencentCloudError) -> ImagePage {
        try await api.call(
            Actions.describeImages, region: region,
            parameters: DescribeImagesRequest(Filters: filters, Offset: offset, Limit: limit), as: ImagePage.self)
    }

    /// Every image matching `filters`, read page by page concurrently; see ``ImageLister``.
    public func listAllImages(
        region: String, filters: [ImageFilter] = [.ownImages]
    ) async throws(TencentCloudError) -> [Image] {
        try await ImageLister(client: self).list(region: region, filters: filters)
    }

    /// Shares `imageId` with `accountIds`, or cancels those shares. All or nothing per call.
    @discardableResult
    public func modifyImageSharePermission(
        region: String, imageId: String, accountIds: [String], change: SharePermissionChange
    ) async throws(TencentCloudError) -> CallResult<Void> {
        let result = try await api.perform(
            Actions.modifyImageSharePermission, region: region,
            parameters: ModifyImageSharePermissionRequest(ImageId: imageId, AccountIds: accountIds, Permission: change),
            as: Empty.self)
        return CallResult(output: (), requestId: result.requestId, attempts: result.attempts)
    }

    /// The accounts `imageId` is shared with (the whole list; the action has no paging).
    public func describeImageSharePermission(
        region: String, imageId: String
    ) async throws(TencentCloudError) -> [SharePermission] {
        try await api.call(
            Actions.describeImageSharePermission, region: region, parameters: ImageIdRequest(ImageId: imageId),
            as: DescribeImageSharePermissionResponse.self
        ).SharePermissionSet ?? []
    }

    /// The account's custom-image quota in `region` (kept for copies to other regions, which must
    /// fit the destination's quota).
    public func describeImageQuota(region: String) async throws(TencentCloudError) -> Int {
        try await api.call(
            Actions.describeImageQuota, region: region, parameters: NoParameters(), as: DescribeImageQuotaResponse.self
        ).ImageNumQuota
    }

    /// Who the credentials belong to; `accountId` is the root account to never share with.
    public func getCallerIdentity(region: String) async throws(TencentCloudError) -> CallerIdentity {
        try await api.call(
            Actions.getCallerIdentity, region: region, parameters: NoParameters(), as: CallerIdentity.self)
    }
}
