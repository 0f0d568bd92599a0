extension Action {
    /// STS GetCallerIdentity: the root account (`AccountId`) and the key's owner.
    static func getCallerIdentity(_ context: ActionContext) -> [EmulatorJSON.Member] {
        let root = context.caller.accountId
        let user = context.caller.principal.accountId
        return [
            EmulatorJSON.Member("Arn", .string("qcs::cam::uin/\(root):uin/\(user)")),
            EmulatorJSON.Member("AccountId", .string(root)),
            EmulatorJSON.Member("UserId", .string(user)),
            EmulatorJSON.Member("PrincipalId", .string(user)),
            EmulatorJSON.Member("Type", .string("CAMUser")),
        ]
    }
}
