import CVM

/// Builds ``SharePlan``s from the session's knowledge: pure functions, no API calls.
public enum SharePlanner {
    /// The plan of `share ACCOUNTS` over `selection`.
    /// - Parameters:
    ///   - images: the region's image list (images not in it are skipped as not listed).
    ///   - ownAccountId: the caller's root account; removed from the targets with a warning.
    ///   - shares: share lists already known (the session cache); others are not read.
    public static func share(
        selection: [String], accounts: [String], images: ImageCache, ownAccountId: String?,
        shares: [String: [SharePermission]]
    ) -> SharePlan {
        let (targets, warnings) = removingOwn(accounts, ownAccountId)
        let plans = selection.map { id -> ImagePlan in
            let image = images.image(id)
            if let reason = ineligible(image, operation: .share) {
                return skipped(id, targets, reason)
            }
            let known = shares[id].map { Set($0.map(\.accountId)) }
            var plan = ImagePlan(imageId: id)
            for account in targets {
                if known?.contains(account) == true {
                    plan.settled[account] = .alreadyPresent
                } else {
                    plan.change.append(account)
                }
            }
            let existing = known?.count ?? 0
            if existing + plan.change.count > SharePlan.maxAccountsPerImage {
                let reason = SkipReason.overQuota(existing: existing, adding: plan.change.count)
                for account in plan.change { plan.settled[account] = .skipped(reason) }
                plan.change = []
            }
            return plan
        }
        return placed(
            SharePlan(operation: .share, region: images.region, accounts: targets, images: plans, warnings: warnings),
            images)
    }

    /// The plan of `unshare ACCOUNTS` (or, with `accounts == nil`, `unshare --all`, which needs
    /// every selected image's list in `shares`).
    public static func unshare(
        selection: [String], accounts: [String]?, images: ImageCache, ownAccountId: String?,
        shares: [String: [SharePermission]]
    ) -> SharePlan {
        let (targets, warnings) = accounts.map { removingOwn($0, ownAccountId) } ?? ([], [])
        let plans = selection.map { id -> ImagePlan in
            let known = shares[id].map { $0.map(\.accountId) }
            let wanted = accounts == nil ? known ?? [] : targets
            if let reason = ineligible(images.image(id), operation: .unshare) {
                return skipped(id, wanted, reason)
            }
            guard let known else {
                return ImagePlan(imageId: id, change: wanted, readFirst: true)
            }
            var plan = ImagePlan(imageId: id)
            let present = Set(known)
            for account in wanted {
                if present.contains(account) {
                    plan.change.append(account)
                } else {
                    plan.settled[account] = .notPresent
                }
            }
            return plan
        }
        return placed(
            SharePlan(operation: .unshare, region: images.region, accounts: targets, images: plans, warnings: warnings),
            images)
    }

    /// The plan that reverses `batch`: unshare what it shared, re-share what it unshared.
    public static func undo(_ batch: JournalBatch) -> SharePlan {
        let operation = batch.operation.reversed
        let plans = batch.plan.images.compactMap { image -> ImagePlan? in
            let changed = (batch.outcomes[image.imageId] ?? [:]).filter { $0.value.changed }.keys.sorted()
            return changed.isEmpty ? nil : ImagePlan(imageId: image.imageId, region: image.region, change: changed)
        }
        let accounts = Array(Set(plans.flatMap(\.change))).sorted()
        return SharePlan(operation: operation, region: batch.region, accounts: accounts, images: plans)
    }

    /// The plan that finishes `batch` after a crash or Ctrl-C. Only pairs a change may have
    /// been applied for (sent, not refused) are ambiguous: their images are re-read first,
    /// so nothing is applied twice or missed. Images never sent go straight to the share path
    /// (which settles `AccountAlreadyExists` itself); an unshare still reads a list it never knew.
    public static func resume(_ batch: JournalBatch) -> SharePlan {
        let plans = batch.plan.images.compactMap { image -> ImagePlan? in
            let uncertain = batch.maybeApplied(image.imageId)
            let maybeApplied = Array(uncertain).sorted()
            let mustRead = { (accounts: [String]) in
                accounts.contains(where: uncertain.contains) || (batch.operation == .unshare && image.readFirst)
            }
            if let recorded = batch.outcomes[image.imageId] {
                let again = recorded.filter { $0.value.kind.isUnfinished }.keys.sorted()
                guard !again.isEmpty else { return nil }
                return ImagePlan(
                    imageId: image.imageId, region: image.region, change: again, readFirst: mustRead(again),
                    maybeApplied: maybeApplied)
            }
            return ImagePlan(
                imageId: image.imageId, region: image.region, change: image.change, settled: image.settled,
                readFirst: !image.change.isEmpty && mustRead(image.change), maybeApplied: maybeApplied)
        }
        return SharePlan(
            operation: batch.operation, region: batch.region, accounts: batch.plan.accounts, images: plans)
    }

    /// `plan` with each image placed in its region of `images`: a plan whose images are all in
    /// one region is a one-region plan of that region (as before region sets); one over several
    /// regions has the region on every image.
    static func placed(_ plan: SharePlan, _ images: ImageCache) -> SharePlan {
        guard images.spansRegions else { return plan }
        var plan = plan
        var regions = Set<String>()
        for index in plan.images.indices {
            let region = images.region(of: plan.images[index].imageId) ?? images.region
            plan.images[index].region = region
            regions.insert(region)
        }
        if let first = plan.images.first?.region { plan.region = first }
        if regions.count <= 1 {
            for index in plan.images.indices { plan.images[index].region = nil }
        }
        return plan
    }

    /// Why `image` cannot take part in `operation`, if it cannot.
    public static func ineligible(_ image: Image?, operation: BatchOperation) -> SkipReason? {
        guard let image else { return .notListed }
        let type = image.imageType ?? "PRIVATE_IMAGE"
        if type != "PRIVATE_IMAGE" { return .notOwnImage(type: type) }
        let state = image.imageState ?? "UNKNOWN"
        if state != "NORMAL" { return .notNormal(state: state) }
        if operation == .share, image.licenseType == "BYOL" { return .byol }
        return nil
    }

    private static func skipped(_ id: String, _ accounts: [String], _ reason: SkipReason) -> ImagePlan {
        let settled = Dictionary(accounts.map { ($0, PairOutcome.skipped(reason)) }) { first, _ in first }
        return ImagePlan(imageId: id, settled: settled)
    }

    private static func removingOwn(_ accounts: [String], _ own: String?) -> ([String], [String]) {
        guard let own, accounts.contains(own) else { return (accounts, []) }
        return (accounts.filter { $0 != own }, ["\(own) is your own account and never a share target; left out"])
    }
}
