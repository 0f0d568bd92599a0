/// `unshare ACCOUNTS|--all|--not-in ACCOUNTS [SPEC] [--dry-run] [-y]`: cancels shares of the
/// selected images.
public enum UnshareCommand: ShellCommand {
    public static let signature = CommandSignature(
        "unshare",
        positionals: [Positional("ACCOUNTS", .any, completion: .account)],
        flags: [
            .switch("--all", help: "every account that has access now"),
            .option(
                "--not-in", value: "ACCOUNTS", completion: .account,
                help: "every account outside ACCOUNTS (ids, @aliases, @org; commas, no spaces); words are a SPEC"),
            .dryRun, .yes,
        ],
        summary: "stop sharing the selected images with accounts (or with everyone)",
        details: """
            Cancels the shares of every selected image with ACCOUNTS (ids and @aliases), or with
            every account that has it (--all, which reads the current share lists first, at most
            10 per second). Accounts that do not have an image are reported as not present; an
            image whose list is not known yet is read just before its change, so the result can be
            reversed exactly by `undo`.

            --not-in ACCOUNTS cancels exactly the shares to accounts outside ACCOUNTS (what
            `audit --allow ACCOUNTS` reports), reading today's lists first; the other words are
            then a SPEC of images (as for `select`) instead of the selection.

            Confirmation, dry runs, the journal, Ctrl-C and the exit status work as for `share`.
            """,
        examples: [
            "unshare 100087654321", "unshare @team --dry-run", "select name:'old-*'", "unshare --all -y",
            "unshare --not-in @org all --dry-run",
        ])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        if let allowed = args.value("--not-in") {
            return try await notIn(allowed, args, in: shell)
        }
        let all = args.has("--all")
        if all, !args.positional.isEmpty {
            throw .usage("unshare: give account ids or --all, not both; usage: \(synopsis)")
        }
        if !all, args.positional.isEmpty {
            throw .usage("unshare: expected account ids, --all or --not-in ACCOUNTS; usage: \(synopsis)")
        }
        let accounts: [String]? = try await all ? nil : shell.accounts(args.positional, command: name)
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

    /// `unshare --not-in ACCOUNTS [SPEC]`: today's lists of the images, then one batch that
    /// cancels every share to an account outside ACCOUNTS.
    private static func notIn(_ allowed: String, _ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        if args.has("--all") { throw .usage("unshare: give --all or --not-in, not both; usage: \(synopsis)") }
        let request = shell.batchRequest(name, args)
        try shell.requireConfirmable(request)
        let kept = Set(try await shell.accounts([allowed], command: name))
        let cache = try await shell.images()
        let ids = try await shell.imageIds(args.positional, in: cache, command: name) { () throws(ShellError) in
            try shell.requireSelection(name)
        }
        let own = await shell.ownAccountId()
        let readable = ids.filter { SharePlanner.ineligible(cache.image($0), operation: .unshare) == nil }
        _ = try await shell.shareLists(of: readable, refresh: true)
        let plan = SharePlanner.unshareNotIn(
            selection: ids, allowed: kept, images: cache, ownAccountId: own, shares: shell.session.shares)
        guard try await shell.confirm(plan, request) else { return }
        try await shell.runBatch(plan)
    }
}
