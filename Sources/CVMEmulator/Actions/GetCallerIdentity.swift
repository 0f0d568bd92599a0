import TencentCloudCore

extension Action {
    /// STS GetCallerIdentity: the root account (`AccountId`) and the key's owner.
    static func getCallerIdentity(_ context: ActionContext) -> [JSONValue.Member] {
        let root = context.caller.accountId
        let user = context.caller.principal.accountId
        return [
            JSONValue.Member("Arn", .string("qcs::cam::uin/\(root):uin/\(user)")),
            JSONValue.Member("AccountId", .string(root)),
            JSONValue.Member("UserId", .string(user)),
            JSONValue.Member("PrincipalId", .string(user)),
            JSONValue.Member("Type", .string("CAMUser")),
        ]
    }
}
