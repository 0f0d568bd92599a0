/// `publish REGIONS ACCOUNTS [--dry-run] [-y]`: copies the selected images to REGIONS and shares
/// them and every copy with ACCOUNTS.
public enum PublishCommand: ShellCommand {
    public static let signature = CommandSignature(
        "publish",
        positionals: [
            Positional("REGIONS", completion: .region, missing: "destination regions"),
            Positional("ACCOUNTS", .oneOrMore, completion: .account, missing: "account ids"),
        ],
        flags: [
            .switch("--dry-run", help: "show the plan and the exact SyncImages calls; send nothing"), .yes,
        ],
        summary: "copy to regions, share the images and copies with accounts",
        details: """
            The whole job of giving partners an image in other regions: copies the selected images
            to REGIONS (comma-separated; copies already there, found by name, are reused), then
            shares the images and every copy with ACCOUNTS (ids and @aliases). Each image is shared
            as soon as it is NORMAL: a copy when its own copy finishes, the source when it is NORMAL
            again if the service shows it SYNCING while it is copied. One plan and one confirmation
            (as for `share`; scripts need -y) cover the copies and the shares.

            The copies are one journaled copy batch (`resume` finishes it); the shares are ONE
            journaled share batch over every region, in which each image waits until it is NORMAL
            (up to an hour) before its accounts are added, so `undo` (with those regions in the
            session: `region a,b,c`) reverses all of them; the copies remain (they are not
            deleted). Ctrl-C stops the batch; running `publish` again finds the copies and shares
            what is left. A summary per region ends it.
            """,
        examples: [
            "select name:'golden-*'", "publish ap-tokyo,ap-singapore 100087654321 --dry-run",
            "publish ap-tokyo,ap-singapore @partners -y",
        ])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let destinations = try await shell.destinationRegions([args.word("REGIONS") ?? ""], command: name)
        let accounts = try await shell.accounts(args.words("ACCOUNTS"), command: name)
        let inputs = try await shell.batchInputs(name, args)
        let plan = try await shell.syncPlan(inputs, to: destinations)
        let shares = SharePlanner.share(
            selection: inputs.selection, accounts: accounts, images: inputs.images, ownAccountId: inputs.ownAccountId,
            shares: shell.session.shares)
        guard !shares.accounts.isEmpty else {
            throw .usage(
                "publish: \(inputs.ownAccountId ?? "") is your own account; there is no one else to share with")
        }
        for warning in shares.warnings { shell.warn(warning) }
        let request = inputs.request
        let sharing =
            "publish: copy as the sync plan says, then share with \(shares.accounts.joined(separator: ",")): "
            + "\(counted(inputs.selection.count, "image")) in \(plan.sourceRegion) and every copy as it becomes NORMAL"
        if request.dryRun || !plan.isEmpty {
            shell.console.diagnostic(sharing)
            guard try await shell.confirm(plan, request, question: "publish now? [y/N] ") else { return }
        } else {
            // Nothing to copy: still one plan and one question, for the shares.
            for line in plan.describedLines(detailed: true) { shell.console.diagnostic(line) }
            shell.console.diagnostic(sharing)
            if shell.isInteractive, shell.session.settings.confirm, !request.yes {
                guard await shell.console.confirm("publish now? [y/N] ") else {
                    throw .failed("publish cancelled; nothing was changed")
                }
            }
        }
        let (batchId, results) = try await shell.runSync(plan)
        try await shell.reportSync(results, batchId: batchId)
        // A source that is not NORMAL now (CREATING, failed) is not waited for.
        let sources = inputs.selection.filter { inputs.images.image($0)?.imageState == "NORMAL" }
        let targets = PublishTargets(sourceRegion: plan.sourceRegion, sources: sources, results: results)
        // The batch fails the command when any pair failed: past it, every image has the accounts.
        _ = try await shell.shareWhenNormal(targets, accounts: shares.accounts, timeout: WaitCommand.defaultTimeout)
        for target in targets.regions {
            let accounts = counted(shares.accounts.count, "account")
            shell.inform("publish: \(target.region): \(counted(target.ids.count, "image")) shared with \(accounts)")
        }
    }
}
