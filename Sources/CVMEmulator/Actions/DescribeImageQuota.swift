import TencentCloudCore

extension Action {
    /// DescribeImageQuota: the calling root account's custom-image quota.
    static func describeImageQuota(_ context: ActionContext, state: EmulatorState) -> [JSONValue.Member] {
        let quota = state.account(context.caller.accountId)?.imageQuota ?? context.caller.principal.imageQuota
        return [JSONValue.Member("ImageNumQuota", .int(quota))]
    }
}
