/// One account an image is shared with.
public struct SharePermission: Codable, Sendable, Equatable {
    /// The receiving root account's id: a string of digits.
    public var accountId: String
    public var createdTime: String?

    public init(accountId: String, createdTime: String? = nil) {
        self.accountId = accountId
        self.createdTime = createdTime
    }

    enum CodingKeys: String, CodingKey {
        case accountId = "AccountId"
        case createdTime = "CreatedTime"
    }
}

/// `SHARE` or `CANCEL`, the two things ModifyImageSharePermission can do.
public enum SharePermissionChange: String, Codable, Sendable, Equatable {
    case share = "SHARE"
    case cancel = "CANCEL"
}
