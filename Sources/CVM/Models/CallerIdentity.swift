/// Who the credentials belong to, from STS GetCallerIdentity.
public struct CallerIdentity: Codable, Sendable, Equatable {
    public var arn: String?
    /// The root account's UIN: the account images must never be shared with.
    public var accountId: String
    public var userId: String?
    public var principalId: String?
    public var type: String?

    enum CodingKeys: String, CodingKey {
        case arn = "Arn"
        case accountId = "AccountId"
        case userId = "UserId"
        case principalId = "PrincipalId"
        case type = "Type"
    }
}
