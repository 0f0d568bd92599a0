/// How one (image, account) pair of a batch ended. Every pair ends in exactly one of these.
public enum PairOutcome: Sendable, Codable, Equatable, Hashable {
    /// This batch shared the image with the account.
    case shared
    /// The account already had access; nothing was sent for it (or the service said so).
    case alreadyPresent
    /// This batch cancelled the account's access.
    case unshared
    /// The account had no access to cancel.
    case notPresent
    /// Nothing was sent for the pair, for `reason`.
    case skipped(SkipReason)
    /// The service refused the change.
    case failed(code: String, message: String, requestId: String?)
    /// The call was abandoned in flight (a second Ctrl-C): it may or may not have been applied.
    /// `resume` re-reads the image and settles it.
    case unknown

    /// The stable key of the outcome in summaries, `journal` and JSON output.
    public var key: String {
        switch self {
        case .shared: "shared"
        case .alreadyPresent: "already_present"
        case .unshared: "unshared"
        case .notPresent: "not_present"
        case .skipped: "skipped"
        case .failed: "failed"
        case .unknown: "unknown"
        }
    }

    /// Every ``key``, in summary order.
    public static let keys = ["shared", "already_present", "unshared", "not_present", "skipped", "failed", "unknown"]

    /// Whether this batch changed the pair (what `undo` reverses).
    public var changed: Bool { self == .shared || self == .unshared }

    /// Whether the pair reached the state the batch wanted (changed now or already so).
    public var settled: Bool {
        switch self {
        case .shared, .alreadyPresent, .unshared, .notPresent: true
        case .skipped, .failed, .unknown: false
        }
    }
}

/// Why a pair (or a whole image) was left alone.
public enum SkipReason: Sendable, Codable, Equatable, Hashable, CustomStringConvertible {
    /// Only `NORMAL` images can be shared or unshared; the image's state.
    case notNormal(state: String)
    /// Bring-your-own-licence images cannot be shared.
    case byol
    /// Not one of the caller's custom images (`SHARED_IMAGE`, `PUBLIC_IMAGE`); its type.
    case notOwnImage(type: String)
    /// Sharing would pass the 500-account limit of one image.
    case overQuota(existing: Int, adding: Int)
    /// The image is not in the region's image list (deleted, or another region).
    case notListed
    /// Ctrl-C stopped the batch before this pair's call was sent.
    case interrupted
    /// The journal could not be written, so no further change was sent.
    case journalUnwritable

    public var description: String {
        switch self {
        case .notNormal(let state): "state \(state), only NORMAL images can be shared"
        case .byol: "BYOL image, cannot be shared"
        case .notOwnImage(let type): "\(type), not one of your custom images"
        case .overQuota(let existing, let adding):
            "would pass the \(SharePlan.maxAccountsPerImage)-account limit (\(existing) + \(adding))"
        case .notListed: "not in the region's image list"
        case .interrupted: "interrupted before it was sent"
        case .journalUnwritable: "journal not writable, not sent"
        }
    }
}
