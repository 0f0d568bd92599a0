extension Interpreter {
    /// Reverses `batch` for `undo` (or, reversing an undo batch, for `redo`): checks that its
    /// region is the session's and that the change may be made here, says `note`, then confirms
    /// the plan and hands it to `run`. A plan with nothing to change is still run (journaled), so
    /// the next `undo` walks on to the batch before it.
    func runReversal(
        of batch: JournalBatch, _ request: BatchRequest, saying note: String,
        run: (SharePlan) async throws(ShellError) -> Void
    ) async throws(ShellError) {
        try requireRegion(of: batch, command: request.command)
        try requireConfirmable(request)
        let plan = SharePlanner.undo(batch)
        console.diagnostic("\(request.command): \(note)")
        if plan.isEmpty, !request.dryRun {
            console.diagnostic("\(request.command): the batch changed nothing; nothing to send (journaled)")
            try await run(plan)
            return
        }
        guard try await confirm(plan, request) else { return }
        try await run(plan)
    }
}
