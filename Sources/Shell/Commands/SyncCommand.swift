/// `sync REGIONS [--dry-run] [-y]`: copies the selected images to other regions.
public enum SyncCommand: ShellCommand {
    public static let signature = CommandSignature(
        "sync",
        positionals: [Positional("REGIONS", .oneOrMore, completion: .region, missing: "destination regions")],
        flags: [
            .switch("--dry-run", help: "show the plan and the exact SyncImages calls; send none"), .yes,
        ],
        summary: "copy the selected images to other regions (journaled)",
        details: """
            Copies every selected image to REGIONS (region ids, separated by commas or spaces), so
            that it can be shared there: sharing works only inside an image's region. The plan is
            made first, from each destination's image list and custom-image quota: per image and
            destination a copy, or a skip with its reason (a copy of that name is there already,
            not NORMAL, over the quota). Encrypted images are refused by the service and reported
            as skipped. Confirmation works as for `share`: [y/N] at the prompt, -y or `set
            confirm off`, and scripts need -y.

            One SyncImages call per image (10/s) makes all its copies; they are new images, SYNCING
            until NORMAL (`wait`), with no shares (`publish` shares them). Every call is journaled
            first and every copy is kept in copies.json beside the journal: `ls` shows a copy's
            source, `select copies-of:img-...` selects the copies. A copy is never made twice:
            after a dropped connection the copy is looked for by name before sending again, and
            `resume` does the same for a sync that was interrupted.
            """,
        examples: ["select name:'golden-*'", "sync ap-tokyo,ap-singapore --dry-run", "sync ap-tokyo ap-singapore -y"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let destinations = try await shell.destinationRegions(args.words("REGIONS"), command: name)
        let inputs = try await shell.batchInputs(name, args)
        let plan = try await shell.syncPlan(inputs, to: destinations)
        guard try await shell.confirm(plan, inputs.request) else { return }
        let (batchId, results) = try await shell.runSync(plan)
        try await shell.reportSync(results, batchId: batchId)
    }
}
