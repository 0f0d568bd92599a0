/// `share ACCOUNTS [--dry-run] [-y]`: shares the selected images with accounts, in one batch.
public enum ShareCommand: ShellCommand {
    public static let signature = CommandSignature(
        "share",
        positionals: [Positional("ACCOUNTS", .oneOrMore, completion: .account, missing: "account ids")],
        flags: [.dryRun, .yes],
        summary: "share the selected images with accounts (a journaled batch)",
        details: """
            Shares every selected image with ACCOUNTS: root-account ids (digits) and @aliases,
            separated by commas or spaces. The plan is made first: per image the accounts to add,
            those that already have it (when `shared` or an earlier batch read the image's list),
            and images skipped with a reason (not NORMAL, BYOL, not your own custom image, or more
            than 500 accounts). Your own account is never a target: it is left out with a warning.

            Interactively the plan is shown (a summary above 20 images) and you are asked [y/N];
            -y or `set confirm off` skips the question. Scripts are never asked: without -y (or
            `set confirm off`) a script's `share` is an error that changes nothing.

            The batch runs at the API's rate (10 calls/s, `set concurrency N` calls in flight),
            one call per image with all its accounts; an account that already has the image is
            found by re-reading only that image's list. Every change is journaled first (see
            `journal`); Ctrl-C stops new calls, lets those in flight finish and prints the summary;
            `resume` finishes an interrupted batch and `undo` reverses the last one. Any failed pair
            makes the command fail.
            """,
        examples: [
            "select 1-20", "share 100087654321,100011110001 --dry-run", "share 100087654321 100011110001 -y",
            "alias team 100011110002,100011110003", "share @team",
        ])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let accounts = try await shell.accounts(args.words("ACCOUNTS"), command: name)
        let inputs = try await shell.batchInputs(name, args)
        let own = inputs.ownAccountId
        let plan = SharePlanner.share(
            selection: inputs.selection, accounts: accounts, images: inputs.images, ownAccountId: own,
            shares: shell.session.shares)
        guard !plan.accounts.isEmpty else {
            throw .usage("share: \(own ?? "") is your own account; there is no one else to share with")
        }
        guard try await shell.confirm(plan, inputs.request) else { return }
        try await shell.runBatch(plan)
    }
}
