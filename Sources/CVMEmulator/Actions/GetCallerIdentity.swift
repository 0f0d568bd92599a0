extension Action {
    /// STS GetCallerIdentity: the root account (`AccountId`) and the key's owner.
    static func getCallerIdentity(_ context: ActionContext) -> [JSONMember] {
        let root = context.caller.accountId
        let user = context.caller.principal.accountId
        return [
            JSONMember("Arn", .string("qcs::cam::uin/\(root):uin/\(user)")),
            JSONMember("AccountId", .string(root)),
            JSONMember("UserId", .string(user)),
            JSONMember("PrincipalId", .string(user)),
            JSONMember("Type", .string("CAMUser")),
        ]
    }
}
