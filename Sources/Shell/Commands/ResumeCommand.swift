/// `resume [-y]`: finishes the last incomplete batch.
public enum ResumeCommand: ShellCommand {
    public static let signature = CommandSignature(
        "resume", flags: [.dryRun, .yes],
        summary: "finish the last incomplete share batch from the journal",
        details: """
            Finishes the most recent batch the journal shows as incomplete (the process was killed,
            the journal could not be written) or interrupted (Ctrl-C, calls abandoned as unknown).
            Every image with a change sent and no answer recorded is re-read first, so a change
            that reached the service before the crash is counted, not sent twice, and nothing is
            missed; images never sent are sent without a read. A batch still running in another
            shell is left alone (its lock names the process). The results are added to the same
            batch, so `undo` afterwards reverses all of it. An interrupted `sync` is finished the
            same way: copies sent without an answer are looked for by name before any is sent again.

            Confirmation and dry runs work as for `share`. With nothing to finish, it says so.
            """,
        examples: ["resume", "resume --dry-run", "resume -y"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let request = shell.batchRequest(name, args)
        let batch = try shell.readJournal().batches.last(where: { !$0.isComplete })
        if let copies = try shell.incompleteSync(newerThan: batch?.time) {
            try await shell.resumeSync(copies, request)
            return
        }
        guard let batch else {
            shell.console.diagnostic("resume: no incomplete batch in the journal")
            return
        }
        try shell.requireNotRunning(batch, command: name)
        try shell.requireRegion(of: batch, command: name)
        try shell.requireConfirmable(request)
        let plan = SharePlanner.resume(batch)
        shell.console.diagnostic("resume: batch \(batch.id) (\(batch.operation.rawValue), started \(batch.time))")
        if plan.images.isEmpty, !request.dryRun {
            // Every image was settled before the crash; only the end record is missing.
            try await shell.runBatch(plan, resuming: batch)
            return
        }
        guard try await shell.confirm(plan, request) else { return }
        try await shell.runBatch(plan, resuming: batch)
    }
}
