import TencentCloud

/// What a failed ModifyImageSharePermission (or share-list read) means for the batch. Error
/// codes are compared here and nowhere else in the batch engine.
enum ChangeFailure: Equatable {
    /// `FailedOperation.AccountAlreadyExists`: the call is all or nothing; re-read the list.
    case alreadyExists
    /// `InvalidParameterValue.LimitExceeded`: too many accounts in one call; send fewer.
    case tooManyAccounts
    /// The service refuses to share with the caller itself (`FailedOperation.AccountIsYourSelf`,
    /// older `InvalidAccountIs.YourSelf`): a skip, not a failure.
    case ownAccount
    /// One of the call's accounts cannot receive shares (`InvalidAccountId.NotFound`,
    /// `FailedOperation.NotMasterAccount`, …): split the call to find it.
    case badAccount
    /// The endpoint could not be reached; nothing was sent.
    case notSent
    /// The request may have reached the service; re-read to learn what happened.
    case ambiguous
    /// Anything else: the call's accounts fail with the error.
    case other

    init(_ error: TencentCloudError) {
        if error.isAmbiguous {
            self = .ambiguous
            return
        }
        switch error {
        case .transport(let transport) where transport.kind == .connect:
            self = .notSent
        case .api(let api):
            self = Self.byCode[api.code] ?? .other
        default:
            self = .other
        }
    }

    private static let byCode: [ErrorCode: ChangeFailure] = [
        .accountAlreadyExists: .alreadyExists,
        .accountIdLimitExceeded: .tooManyAccounts,
        .accountIsYourSelf: .ownAccount,
        .invalidAccountIsYourSelf: .ownAccount,
        .accountNotFound: .badAccount,
        .notMasterAccount: .badAccount,
        .invalidAppIdFormat: .badAccount,
    ]
}
