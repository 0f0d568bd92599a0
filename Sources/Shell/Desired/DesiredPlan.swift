import CVM

/// The difference between a share file and the share lists as read: what `apply` changes.
/// Pure and `Codable`: `plan --output json` prints it as one document.
public struct DesiredPlan: Sendable, Equatable, Codable {
    /// Counts over every region.
    public struct Summary: Sendable, Equatable, Codable {
        /// Pairs to share.
        public var add: Int
        /// Pairs to unshare.
        public var remove: Int
        /// Images with at least one change.
        public var changedImages: Int
        /// Images some rule selects.
        public var declaredImages: Int
        public var regions: Int
        /// Whether anything is to change (`plan --check` exits 4).
        public var pending: Bool

        enum CodingKeys: String, CodingKey {
            case add, remove, regions, pending
            case changedImages = "changed_images"
            case declaredImages = "declared_images"
        }
    }

    /// The file as the user named it.
    public var file: String
    public var summary: Summary
    /// One entry per region, in the file's order.
    public var regions: [RegionChanges]
    /// Rules that select nothing, your own account left out, and the like.
    public var warnings: [String]

    public init(file: String, regions: [RegionChanges], warnings: [String] = []) {
        self.file = file
        self.regions = regions
        self.warnings = warnings
        let images = regions.flatMap(\.images)
        let add = images.reduce(0) { $0 + $1.add.count }
        let remove = images.reduce(0) { $0 + $1.remove.count }
        summary = Summary(
            add: add, remove: remove, changedImages: images.filter(\.changes).count,
            declaredImages: regions.reduce(0) { $0 + $1.declaredImages }, regions: regions.count,
            pending: add + remove > 0)
    }

    /// Whether the share lists are as the file declares.
    public var isEmpty: Bool { !summary.pending }
}

/// The changes in one region.
public struct RegionChanges: Sendable, Equatable, Codable {
    public var region: String
    /// Images some rule selects.
    public var declaredImages: Int
    /// Images with a change or skipped, in list order.
    public var images: [ImageChange]

    enum CodingKeys: String, CodingKey {
        case region, images
        case declaredImages = "declared_images"
    }

    /// Compares `state` with `shares` (the share lists of every target that can be changed).
    /// Additions that cannot be made are skipped with the reason: a BYOL image, one that is
    /// not NORMAL (neither added to nor removed from) or one that would pass 500 accounts.
    public init(region: String, state: DesiredState, images: ImageCache, shares: [String: [SharePermission]]) {
        self.region = region
        declaredImages = state.targets.count
        self.images = state.targets.compactMap { target in
            let image = images.image(target.imageId)
            var change = ImageChange(imageId: target.imageId, name: image?.imageName)
            if let reason = SharePlanner.ineligible(image, operation: .unshare) {
                change.skipped = reason.description
                return change
            }
            let current = Set((shares[target.imageId] ?? []).map(\.accountId))
            change.add = target.accounts.subtracting(current).sorted()
            if target.exclusive { change.remove = current.subtracting(target.accounts).sorted() }
            if !change.add.isEmpty, let reason = SharePlanner.ineligible(image, operation: .share) {
                change.skipped = "\(reason) (\(change.add.count) account\(change.add.count == 1 ? "" : "s") not added)"
                change.add = []
            } else if current.count + change.add.count > SharePlan.maxAccountsPerImage {
                change.skipped = SkipReason.overQuota(existing: current.count, adding: change.add.count).description
                change.add = []
            }
            return change.changes || change.skipped != nil ? change : nil
        }
    }

    /// The `share` batch that makes the additions, if there are any.
    public var sharePlan: SharePlan? { plan(.share, \.add) }

    /// The `unshare` batch that makes the removals, if there are any.
    public var unsharePlan: SharePlan? { plan(.unshare, \.remove) }

    private func plan(_ operation: BatchOperation, _ accounts: KeyPath<ImageChange, [String]>) -> SharePlan? {
        let plans = images.filter { !$0[keyPath: accounts].isEmpty }.map {
            ImagePlan(imageId: $0.imageId, change: $0[keyPath: accounts])
        }
        guard !plans.isEmpty else { return nil }
        let all = Set(plans.flatMap(\.change)).sorted()
        return SharePlan(operation: operation, region: region, accounts: all, images: plans)
    }
}

/// What changes on one image.
public struct ImageChange: Sendable, Equatable, Codable {
    public var imageId: String
    public var name: String?
    /// Accounts to share the image with, sorted.
    public var add: [String] = []
    /// Accounts to stop sharing it with (exclusive rules only), sorted.
    public var remove: [String] = []
    /// Why the image (or its additions) is left alone, if it is.
    public var skipped: String?

    enum CodingKeys: String, CodingKey {
        case name, add, remove, skipped
        case imageId = "image_id"
    }

    public init(imageId: String, name: String?) {
        self.imageId = imageId
        self.name = name
    }

    /// Whether anything is to be sent for the image.
    public var changes: Bool { !add.isEmpty || !remove.isEmpty }
}
