extension Action {
    /// DescribeImageQuota: the calling root account's custom-image quota.
    static func describeImageQuota(_ context: ActionContext, state: EmulatorState) -> [EmulatorJSON.Member] {
        let quota = state.account(context.caller.accountId)?.imageQuota ?? context.caller.principal.imageQuota
        return [EmulatorJSON.Member("ImageNumQuota", .int(Int64(quota)))]
    }
}
