import CVM

/// What a `share`, `unshare`, `undo` or `resume` batch will do, image by image, decided before
/// anything changes. Pure: built from the image list, the cached share lists and the targets.
///
/// ## Strategy: share first, read only on surprise
/// Reading every image's share list before sharing would double the calls and, as
/// DescribeImageSharePermission has its own 10/s limit, the time of a batch. So a share plan
/// uses only the share lists the session already knows (from `shared` or an earlier batch);
/// for other images it sends all target accounts in one ModifyImageSharePermission call and
/// lets the service say what is already there: on `FailedOperation.AccountAlreadyExists`
/// (the call is all or nothing) the engine re-reads that one image's list and re-sends only
/// the missing accounts. A batch therefore costs about one change call per image, plus one
/// read and one more call per image that already had one of the accounts.
///
/// An unshare plan needs to know who has access to report "not present" and to be reversible
/// exactly, so images with an unknown list are marked ``ImagePlan/readFirst``: the engine reads
/// each such list just before cancelling. Reads and changes have separate 10/s limits, so the
/// reads overlap the changes of other images and do not double the time.
///
/// All accounts of an image go in one call (at most ``maxAccountsPerCall``); on
/// `InvalidParameterValue.LimitExceeded` the engine halves the call and continues.
public struct SharePlan: Sendable, Codable, Equatable {
    /// The most accounts one image can be shared with (the API's documented limit).
    public static let maxAccountsPerImage = 500
    /// The most accounts sent in one call before the service asks for fewer.
    public static let maxAccountsPerCall = 500

    public var operation: BatchOperation
    /// The first region of the plan (its only one, unless images carry their own).
    public var region: String
    /// The target accounts as given (own account removed); empty for `unshare --all`.
    public var accounts: [String]
    /// One entry per selected image, in selection order.
    public var images: [ImagePlan]
    /// Things the user should know before confirming (e.g. the own account was removed).
    public var warnings: [String]

    public init(
        operation: BatchOperation, region: String, accounts: [String], images: [ImagePlan], warnings: [String] = []
    ) {
        self.operation = operation
        self.region = region
        self.accounts = accounts
        self.images = images
        self.warnings = warnings
    }

    /// The ModifyImageSharePermission calls the plan starts with, in order.
    public var calls: [PlannedCall] {
        images.flatMap { image in
            image.change.chunked(by: Self.maxAccountsPerCall).map {
                PlannedCall(
                    region: image.region, imageId: image.imageId, accountIds: $0, permission: operation.change)
            }
        }
    }

    /// The region `image` is in: its own, else the plan's.
    public func region(of image: ImagePlan) -> String {
        image.region ?? region
    }

    /// The regions of the plan's images, in the order they first appear (the plan's region
    /// for an empty plan).
    public var regions: [String] {
        var seen: [String] = []
        for image in images where !seen.contains(region(of: image)) { seen.append(region(of: image)) }
        return seen.isEmpty ? [region] : seen
    }

    /// The part of the plan in each region, in ``regions`` order: each a one-region plan.
    public var sections: [SharePlan] {
        let regions = regions
        guard regions.count > 1 else { return [self] }
        return regions.map { name in
            SharePlan(
                operation: operation, region: name, accounts: accounts,
                images: images.filter { region(of: $0) == name }.map {
                    var one = $0
                    one.region = nil
                    return one
                })
        }
    }

    /// One plan of `plans` (same operation, one region or several each), their images in order,
    /// each carrying its region when they span more than one: what a command with work in
    /// several regions hands to one batch. `nil` for no plans.
    public static func merged(_ plans: [SharePlan]) -> SharePlan? {
        guard var merged = plans.first else { return nil }
        guard plans.count > 1 else { return merged }
        var accounts = Set(merged.accounts)
        merged.images = plans.flatMap { plan in
            plan.images.map {
                var one = $0
                one.region = plan.region(of: $0)
                return one
            }
        }
        for plan in plans.dropFirst() {
            for account in plan.accounts where accounts.insert(account).inserted { merged.accounts.append(account) }
            merged.warnings += plan.warnings.filter { !merged.warnings.contains($0) }
        }
        if let first = merged.images.first?.region { merged.region = first }
        if Set(merged.images.compactMap(\.region)).count <= 1 {
            for index in merged.images.indices { merged.images[index].region = nil }
        }
        return merged
    }

    /// Number of (image, account) pairs in the plan.
    public var pairCount: Int { images.reduce(0) { $0 + $1.pairCount } }

    /// Whether nothing would be sent.
    public var isEmpty: Bool { images.allSatisfy(\.change.isEmpty) }
}

/// The part of a plan for one image.
public struct ImagePlan: Sendable, Codable, Equatable {
    public var imageId: String
    /// The image's region when a plan spans several (`nil`: the plan's ``SharePlan/region``;
    /// journals written before multi-region plans have none).
    public var region: String?
    /// Accounts to send a change for.
    public var change: [String]
    /// Pairs decided while planning: already present, not present, skipped.
    public var settled: [String: PairOutcome]
    /// Read the share list before the first change (unknown list for an unshare; resume).
    public var readFirst: Bool
    /// Accounts an earlier, interrupted run may already have changed (resume): found in the
    /// wanted state after the read, they count as changed by this batch, not as already so.
    public var maybeApplied: [String]

    public init(
        imageId: String, region: String? = nil, change: [String] = [], settled: [String: PairOutcome] = [:],
        readFirst: Bool = false, maybeApplied: [String] = []
    ) {
        self.imageId = imageId
        self.region = region
        self.change = change
        self.settled = settled
        self.readFirst = readFirst
        self.maybeApplied = maybeApplied
    }

    /// Pairs of this image.
    public var pairCount: Int { change.count + settled.count }

    /// The reason the whole image is skipped, if every pair is skipped for the same reason.
    public var skipReason: SkipReason? {
        guard change.isEmpty, let first = settled.values.first, case .skipped(let reason) = first,
            settled.values.allSatisfy({ $0 == first })
        else { return nil }
        return reason
    }
}

/// One ModifyImageSharePermission call as `--dry-run` prints it.
public struct PlannedCall: Sendable, Equatable {
    /// The call's region when the plan spans several (`nil`: the plan's).
    public var region: String?
    public var imageId: String
    public var accountIds: [String]
    public var permission: SharePermissionChange
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func chunked(by size: Int) -> [[Element]] {
        guard size > 0 else { return [self] }
        return stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
