import CVM

extension SharePlanner {
    /// The plan of `unshare --not-in ACCOUNTS`: per image, cancel exactly the shares to accounts
    /// outside `allowed` (every selected image's list must be in `shares`). The plan's accounts
    /// are those outside accounts, so its headline and journal name them.
    public static func unshareNotIn(
        selection: [String], allowed: Set<String>, images: ImageCache, ownAccountId: String?,
        shares: [String: [SharePermission]]
    ) -> SharePlan {
        let outside = shares.mapValues { list in list.filter { !allowed.contains($0.accountId) } }
        var plan = unshare(
            selection: selection, accounts: nil, images: images, ownAccountId: ownAccountId, shares: outside)
        let accounts = Set(selection.flatMap { outside[$0]?.map(\.accountId) ?? [] })
        plan.accounts = accounts.sorted()
        return plan
    }
}
