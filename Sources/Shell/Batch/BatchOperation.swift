import CVM

/// What a batch does to every (image, account) pair of its plan.
public enum BatchOperation: String, Sendable, Codable, Equatable {
    /// Give accounts access (ModifyImageSharePermission `SHARE`).
    case share
    /// Take access away (ModifyImageSharePermission `CANCEL`).
    case unshare

    /// The `Permission` value sent for this operation.
    public var change: SharePermissionChange {
        switch self {
        case .share: .share
        case .unshare: .cancel
        }
    }

    /// The operation that reverses this one (`undo`).
    public var reversed: BatchOperation {
        switch self {
        case .share: .unshare
        case .unshare: .share
        }
    }
}
