/// `undo [-y]`: reverses the last complete batch.
public enum UndoCommand: ShellCommand {
    public static let signature = CommandSignature(
        "undo", flags: [.dryRun, .yes],
        summary: "reverse the last share batch (unshare what it shared, re-share what it unshared)",
        details: """
            Reverses the most recent batch in the journal: the pairs it shared are unshared and the
            pairs it unshared are shared again. Pairs it found already so, skipped or failed are
            left alone, so the shares return exactly to what they were before it. The undo is a
            batch of its own (journaled). If the last batch is incomplete, run `resume` first.
            Run again, `undo` reverses the batch before that one, and so on back through the
            journal; `redo` applies the last undone batch again.

            The plan is shown and confirmed as for `share`; --dry-run prints the calls only.
            """,
        examples: ["undo --dry-run", "undo", "undo -y"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let request = shell.batchRequest(name, args)
        let batches = try shell.readJournal().batches
        guard !batches.isEmpty else {
            throw .failed("undo: the journal holds no batch")
        }
        try shell.requireNewestSettled(batches, command: name)
        guard let batch = BatchHistory(batches).nextUndo else {
            throw .failed(
                "undo: every batch in the journal is undone already; `redo` applies the last one again")
        }
        guard batch.isComplete else {
            throw .failed("undo: batch \(batch.id) is incomplete; it cannot be reversed exactly")
        }
        let note = "batch \(batch.id) (\(batch.operation.rawValue), started \(batch.time))" + shell.copiesNote(batch)
        try await shell.runReversal(of: batch, request, saying: note) { plan throws(ShellError) in
            try await shell.runBatch(plan, undoes: batch.id)
        }
    }
}
