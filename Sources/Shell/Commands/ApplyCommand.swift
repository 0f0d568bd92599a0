/// `apply FILE [--dry-run] [-y] [--refresh]`: makes the share lists as a share file declares.
public enum ApplyCommand: ShellCommand {
    public static let signature = CommandSignature(
        "apply",
        positionals: [Positional("FILE", completion: .file, missing: "a share file (shares.yaml)")],
        flags: [.dryRun, .yes, .refresh],
        summary: "make the share lists as a share file declares (journaled share and unshare batches)",
        details: """
            Makes the plan of FILE (see `plan`) and carries it out, region by region: the
            additions as one `share` batch, then the removals as one `unshare` batch, each with the
            journal, Ctrl-C, `resume` and `undo` of any batch (`undo` reverses the last batch; run
            it again for the one before).

            The plan is shown first, removals apart. Interactively you are asked [y/N]; when the
            plan removes shares you must type `yes` in full. -y or `set confirm off` skips the
            question; scripts are never asked, so a script's `apply` needs -y (or `set confirm
            off`). --dry-run shows the plan and the exact calls and sends none.
            """,
        examples: ["apply shares.yaml --dry-run", "apply shares.yaml", "apply shares.yaml -y"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let request = BatchRequest(
            command: name, dryRun: args.has("--dry-run") || shell.session.dryRun, yes: args.has("--yes"))
        try shell.requireConfirmable(request)
        let file = try shell.desiredFile(args.word("FILE") ?? "", command: name)
        let (plan, work) = try await shell.desiredPlan(file, refresh: args.has("--refresh"), command: name)
        for line in plan.lines { shell.console.diagnostic(line) }
        guard plan.summary.pending else { return }
        if request.dryRun {
            for region in work {
                for batch in [region.changes.sharePlan, region.changes.unsharePlan].compactMap({ $0 }) {
                    await shell.showCalls(batch)
                }
            }
            return
        }
        try await confirm(plan, request, in: shell)
        // One share batch and one unshare batch over every region, the regions side by side.
        try await shell.inRegions(work.map(\.changes.region)) { () async throws(ShellError) in
            for region in work { shell.session.shares.merge(region.shares) { _, read in read } }
            if let batch = SharePlan.merged(work.compactMap(\.changes.sharePlan)) { try await shell.runBatch(batch) }
            if let batch = SharePlan.merged(work.compactMap(\.changes.unsharePlan)) { try await shell.runBatch(batch) }
        }
    }

    /// Asks before changing, per the conventions; removals need `yes` typed in full.
    static func confirm(_ plan: DesiredPlan, _ request: BatchRequest, in shell: Interpreter) async throws(ShellError) {
        guard shell.isInteractive, shell.session.settings.confirm, !request.yes else { return }
        let removals = plan.summary.remove
        if removals > 0 {
            let question =
                "apply removes \(removals) share\(removals == 1 ? "" : "s") (the -account lines above); "
                + "type yes to apply every change: "
            guard let answer = await shell.console.ask(question) else {
                throw .failed(
                    "apply cancelled: no answer could be read; nothing was changed (-y applies without asking)")
            }
            guard answer.trimmingCharacters(in: .whitespaces).lowercased() == "yes" else {
                throw .failed("apply cancelled; nothing was changed (removing shares needs `yes` typed in full)")
            }
        } else {
            let adds = plan.summary.add
            guard await shell.console.confirm("share \(adds) pair\(adds == 1 ? "" : "s") now? [y/N] ") else {
                throw .failed("apply cancelled; nothing was changed")
            }
        }
    }
}
