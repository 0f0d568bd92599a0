/// `plan FILE [--check] [--refresh]`: what `apply FILE` would change.
public enum PlanCommand: ShellCommand {
    public static let signature = CommandSignature(
        "plan",
        positionals: [Positional("FILE", completion: .file, missing: "a share file (shares.yaml)")],
        flags: [
            .switch("--check", help: "fail with exit status 4 when changes are pending (for CI)"), .refresh,
        ],
        summary: "compare a share file (shares.yaml) with the share lists: what `apply` would change",
        details: """
            Reads FILE, a YAML (or JSON) share file: `regions` (a list, one region, or all),
            `aliases` (names for account lists, used as @NAME) and `shares`, a list of rules with
            `images` (a selection as `select` takes it, without list numbers), `accounts` (ids and
            @aliases) and `exclusive` (true: accounts not declared for the image are removed).
            An image several rules select gets the union of their accounts. Mistakes are errors
            at FILE:LINE:COLUMN; a rule that selects nothing is a warning.

            Then reads, per region, the image list and the share lists of the images the rules
            select (once per session, at most 10 per second; --refresh reads them again) and
            prints per image the accounts to add (+account) and, apart, those to remove
            (-account), and a summary. Nothing is changed. `--output json` prints one document.

            With --check, pending changes make the command fail with exit status 4, so
            `cvmsh -c 'plan shares.yaml --check'` in CI fails when the shares drift from the file.
            See docs/desired-state.md.
            """,
        examples: ["plan shares.yaml", "plan shares.yaml --check", "set output json; plan shares.yaml --refresh"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let file = try shell.desiredFile(args.word("FILE") ?? "", command: name)
        let (plan, _) = try await shell.desiredPlan(file, refresh: args.has("--refresh"), command: name)
        switch shell.session.settings.output {
        case .json: shell.console.write(plan.json)
        case .tsv, .csv: await shell.render(plan.table)
        case .table: for line in plan.lines { shell.console.line(line) }
        }
        if args.has("--check"), plan.summary.pending {
            let what = "\(plan.summary.add) to add, \(plan.summary.remove) to remove"
            let fix = "`apply \(file.path)` makes them so"
            throw .changesPending("plan: the shares differ from \(file.path) (\(what)); \(fix)")
        }
    }
}
