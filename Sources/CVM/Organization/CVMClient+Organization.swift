import TencentCloud

extension CVMClient {
    /// The most members DescribeOrganizationMembers returns in one page.
    public static let organizationPageSize = 50

    /// One page of the caller's organization members (Offset a multiple of `limit`, 1-50).
    /// The call carries no region: the organization service is global.
    public func describeOrganizationMembers(
        offset: Int, limit: Int = organizationPageSize
    ) async throws(TencentCloudError) -> OrganizationMemberPage {
        try await api.call(
            Actions.describeOrganizationMembers, region: nil,
            parameters: DescribeOrganizationMembersRequest(Offset: offset, Limit: limit),
            as: OrganizationMemberPage.self)
    }

    /// Every member of the caller's organization, in the order the service lists them: the
    /// first page tells the total, the others are read concurrently (the client's rate limiter
    /// keeps them inside the documented 20 requests per second). The first failure is thrown.
    public func listOrganizationMembers(concurrency: Int = 8) async throws(TencentCloudError) -> [OrganizationMember] {
        let size = Self.organizationPageSize
        let first = try await describeOrganizationMembers(offset: 0, limit: size)
        let offsets = Array(stride(from: size, to: first.total, by: size))
        var pages: [Int: [OrganizationMember]] = [0: first.members]
        var failure: TencentCloudError?
        typealias Read = Result<(Int, OrganizationMemberPage), TencentCloudError>
        _ = await forEachConcurrently(offsets, width: concurrency) { offset -> Read in
            do throws(TencentCloudError) {
                return .success((offset, try await describeOrganizationMembers(offset: offset, limit: size)))
            } catch {
                return .failure(error)
            }
        } handle: { (read: Read) in
            switch read {
            case .success(let (offset, page)): pages[offset] = page.members
            case .failure(let error): failure = failure ?? error
            }
            return failure == nil
        }
        if let failure { throw failure }
        var seen = Set<String>()
        return pages.keys.sorted().flatMap { pages[$0]! }.filter { seen.insert($0.accountId).inserted }
    }
}
