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
    /// Nothing was sent for the pair, for `reason`; nothing will be.
    case skipped(SkipReason)
    /// The batch stopped (`reason`: Ctrl-C, journal, endpoint unreachable) before anything was
    /// sent for the pair; `resume` sends it.
    case notStarted(SkipReason)
    /// The service refused the change.
    case failed(code: String, message: String, requestId: String?)
    /// The call was abandoned in flight (a second Ctrl-C): it may or may not have been applied.
    /// `resume` re-reads the image and settles it.
    case unknown

    /// The kind of the outcome, what summaries and the journal count.
    public var kind: OutcomeKind {
        switch self {
        case .shared: .shared
        case .alreadyPresent: .alreadyPresent
        case .unshared: .unshared
        case .notPresent: .notPresent
        case .skipped: .skipped
        case .notStarted: .notStarted
        case .failed: .failed
        case .unknown: .unknown
        }
    }

    /// The outcome as this version records it: journals written before ``notStarted`` existed
    /// recorded those pairs as skipped (interrupted, journal not writable).
    var normalized: PairOutcome {
        switch self {
        case .skipped(.interrupted): .notStarted(.interrupted)
        case .skipped(.journalUnwritable): .notStarted(.journalUnwritable)
        default: self
        }
    }

    /// Whether this batch changed the pair (what `undo` reverses).
    public var changed: Bool { self == .shared || self == .unshared }

    /// Whether the pair reached the state the batch wanted (changed now or already so).
    public var settled: Bool {
        switch self {
        case .shared, .alreadyPresent, .unshared, .notPresent: true
        case .skipped, .notStarted, .failed, .unknown: false
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
    /// Several calls in a row could not reach the endpoint, so no further change was sent.
    case endpointUnreachable
    /// The caller's own account: the service refuses to share with yourself.
    case ownAccount

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
        case .endpointUnreachable: "endpoint unreachable, not sent"
        case .ownAccount: "your own account"
        }
    }
}
