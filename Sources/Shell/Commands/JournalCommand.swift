/// `journal [N]`: the most recent share batches and how they ended.
public enum JournalCommand: ShellCommand {
    public static let signature = CommandSignature(
        "journal", positionals: [Positional("N", .optional, value: .number(1...Int.max))],
        summary: "show the last N share batches (default 10) and their outcomes",
        details: """
            Lists the most recent batches of `share`, `unshare`, `undo` and `resume` from the
            journal (CVMSH_JOURNAL, else ${XDG_STATE_HOME:-~/.local/state}/cvmsh/journal.jsonl):
            id, start time, region, operation, images, pairs per outcome and status. A status of
            `incomplete` (the process died or was stopped) or `interrupted` means `resume` has work
            to do; `undo` reverses the last complete batch.

            The journal is append-only JSON lines, one record per batch start, change call, image
            and batch end, flushed to disk before the next change. It never holds keys or tokens.
            """,
        examples: ["journal", "journal 3", "set output json; journal 1"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let limit = args.number("N") ?? 10
        let contents = try shell.readJournal()
        // At a narrow terminal the least telling columns go first (dropRank); tsv and json keep all.
        var table = Table(columns: [
            .init("BATCH", key: "batch"), .init("TIME", key: "time", dropRank: 6),
            .init("REGION", key: "region", dropRank: 5),
            .init("OPERATION", key: "operation", maxWidth: 36), .init("IMAGES", key: "images", alignment: .right),
            .init("CHANGED", key: "changed", alignment: .right),
            .init("ALREADY", key: "already", alignment: .right, dropRank: 4),
            .init("SKIPPED", key: "skipped", alignment: .right, dropRank: 1),
            .init("NOT STARTED", key: "not_started", alignment: .right, dropRank: 3),
            .init("FAILED", key: "failed", alignment: .right),
            .init("UNKNOWN", key: "unknown", alignment: .right, dropRank: 2), .init("STATUS", key: "status"),
        ])
        let undone = Set(BatchHistory(contents.batches).undone.map(\.batch.id))
        for batch in contents.batches.suffix(limit).reversed() {
            let counts = batch.counts
            let changed = counts[.shared] + counts[.unshared]
            let already = counts[.alreadyPresent] + counts[.notPresent]
            let failed = counts[.failed]
            let unknown = counts[.unknown]
            let notStarted = counts[.notStarted]
            var status =
                batch.isComplete
                ? (failed > 0 ? "failures" : "complete") : (batch.ended ? "interrupted" : "incomplete")
            if undone.contains(batch.id) { status += ", undone" }
            let operation =
                batch.operation.rawValue
                + (batch.undoes.map { " (undo \($0))" } ?? batch.redoes.map { " (redo \($0))" } ?? "")
            table.rows.append([
                .init(.string(batch.id)), .init(.string(batch.time)),
                .init(.string(batch.regions.joined(separator: ","))),
                .init(.string(operation)),
                .init(.int(batch.plan.images.count)), .init(.int(changed)), .init(.int(already)),
                .init(.int(counts[.skipped])), .init(.int(notStarted), emphasis: notStarted > 0 ? .yellow : nil),
                .init(.int(failed), emphasis: failed > 0 ? .red : nil),
                .init(.int(unknown), emphasis: unknown > 0 ? .yellow : nil),
                .init(.string(status), emphasis: batch.isComplete && failed == 0 ? .green : .yellow),
            ])
        }
        await shell.render(table)
    }
}

extension Interpreter {
    /// The journal's batches; damaged lines are reported as warnings.
    func readJournal() throws(ShellError) -> JournalReader.Contents {
        let path = services.paths.journalFile
        let contents: JournalReader.Contents
        do {
            contents = try JournalReader.read(path: path)
        } catch {
            throw .failed("\(error)")
        }
        for problem in contents.problems { warn("journal \(path): \(problem)") }
        return contents
    }

    /// Refuses to act on a batch of a region the session does not span (its share lists and
    /// ids belong there).
    func requireRegion(of batch: JournalBatch, command: String) throws(ShellError) {
        let regions = try requireRegions()
        let outside = batch.regions.filter { !regions.contains($0) }
        guard outside.isEmpty else {
            let set = batch.regions.joined(separator: ",")
            throw .failed("\(command): batch \(batch.id) was in \(set); run `region \(set)` first")
        }
    }
}
