/// `undo [-y]`: reverses the last complete batch.
public enum UndoCommand: ShellCommand {
    public static let signature = CommandSignature(
        "undo", flags: [.dryRun, .yes],
        summary: "reverse the last share batch (unshare what it shared, re-share what it unshared)",
        details: """
            Reverses the most recent batch in the journal: the pairs it shared are unshared and the
            pairs it unshared are shared again. Pairs it found already so, skipped or failed are
            left alone, so the shares return exactly to what they were before it. The undo is a
            batch of its own (journaled, so it can be undone too). If the last batch is incomplete,
            run `resume` first.

            The plan is shown and confirmed as for `share`; --dry-run prints the calls only.
            """,
        examples: ["undo --dry-run", "undo", "undo -y"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let request = BatchRequest(command: name, dryRun: args.has("--dry-run") || shell.session.dryRun, yes: args.has("--yes"))
        guard let batch = try shell.readJournal().batches.last else {
            throw .failed("undo: the journal holds no batch")
        }
        guard batch.isComplete else {
            throw .failed("undo: the last batch \(batch.id) is incomplete; run `resume` first")
        }
        try shell.requireRegion(of: batch, command: name)
        try shell.requireConfirmable(request)
        let plan = SharePlanner.undo(batch)
        shell.console.diagnostic("undo: batch \(batch.id) (\(batch.operation.rawValue), started \(batch.time))")
        guard try await shell.confirm(plan, request) else { return }
        try await shell.runBatch(plan, undoes: batch.id)
    }
}
