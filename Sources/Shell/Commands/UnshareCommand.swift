/// `unshare ACCOUNTS|--all [--dry-run] [-y]`: cancels shares of the selected images.
public enum UnshareCommand: ShellCommand {
    public static let signature = CommandSignature(
        "unshare",
        positionals: [Positional("ACCOUNTS", .any, completion: .account)],
        flags: [.switch("--all", help: "every account that has access now"), .dryRun, .yes],
        summary: "stop sharing the selected images with accounts (or with everyone)",
        details: """
            Cancels the shares of every selected image with ACCOUNTS (ids and @aliases), or with
            every account that has it (--all, which reads the current share lists first, at most
            10 per second). Accounts that do not have an image are reported as not present; an
            image whose list is not known yet is read just before its change, so the result can be
            reversed exactly by `undo`.

            Confirmation, dry runs, the journal, Ctrl-C and the exit status work as for `share`.
            """,
        examples: ["unshare 100087654321", "unshare @team --dry-run", "select name:'old-*'", "unshare --all -y"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let all = args.has("--all")
        if all, !args.positional.isEmpty {
            throw .usage("unshare: give account ids or --all, not both; usage: \(synopsis)")
        }
        if !all, args.positional.isEmpty {
            throw .usage("unshare: expected account ids or --all; usage: \(synopsis)")
        }
        let accounts: [String]? = try all ? nil : shell.accounts(args.positional, command: name)
        let inputs = try await shell.batchInputs(name, args)
        let (cache, own) = (inputs.images, inputs.ownAccountId)
        let readable = inputs.selection.filter { SharePlanner.ineligible(cache.image($0), operation: .unshare) == nil }
        if all || inputs.request.dryRun {
            // --all needs today's lists; a dry run reads them so the calls it prints are exact.
            _ = try await shell.shareLists(of: readable, refresh: all)
        }
        let plan = SharePlanner.unshare(
            selection: inputs.selection, accounts: accounts, images: cache, ownAccountId: own,
            shares: shell.session.shares)
        if !all, plan.accounts.isEmpty {
            throw .usage("unshare: \(own ?? "") is your own account; images are never shared with it")
        }
        guard try await shell.confirm(plan, inputs.request) else { return }
        try await shell.runBatch(plan)
    }
}
