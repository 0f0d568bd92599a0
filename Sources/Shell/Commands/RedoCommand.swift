/// `redo [-y]`: applies the last undone batch again.
public enum RedoCommand: ShellCommand {
    public static let signature = CommandSignature(
        "redo", flags: [.dryRun, .yes],
        summary: "apply the last undone share batch again (reverses its undo)",
        details: """
            Applies again the batch the last `undo` reversed: exactly the pairs that undo changed
            are changed back. The redo is a batch of its own (journaled; `undo` reverses it). A new
            `share` or `unshare` after an undo leaves nothing to redo.

            The plan is shown and confirmed as for `share`; --dry-run prints the calls only.
            """,
        examples: ["undo", "redo --dry-run", "redo -y"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let request = shell.batchRequest(name, args)
        let batches = try shell.readJournal().batches
        try shell.requireNewestSettled(batches, command: name)
        guard let (batch, undo) = BatchHistory(batches).nextRedo else {
            throw .failed("redo: nothing to redo; `undo` reverses the last batch first")
        }
        let note = "batch \(batch.id) (\(batch.operation.rawValue), undone by \(undo.id))"
        try await shell.runReversal(of: undo, request, saying: note) { plan throws(ShellError) in
            try await shell.runBatch(plan, redoes: batch.id)
        }
    }
}
