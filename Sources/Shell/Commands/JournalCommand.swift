/// `journal [N]`: the most recent share batches and how they ended.
public enum JournalCommand: ShellCommand {
    public static let signature = CommandSignature(
        "journal", positionals: [Positional("N", .optional, value: .number(1...Int.max))],
        summary: "show the last N share and copy batches (default 10) and their outcomes",
        details: """
            Lists the most recent batches of `share`, `unshare`, `undo`, `resume`, `sync` and
            `publish` from the journal (CVMSH_JOURNAL, else ${XDG_STATE_HOME:-~/.local/state}/cvmsh/journal.jsonl):
            id, start time, region, operation, images, pairs per outcome and status. A status of
            `incomplete` (the process died or was stopped) or `interrupted` means `resume` has work
            to do; `undo` reverses the last complete batch. A copy batch's REGION is its source and
            destinations, CHANGED the copies made, ALREADY the copies that were there before.

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
        // Share batches and copy batches (`sync`, `publish`), newest first, by start time.
        var rows: [(time: String, cells: [Table.Cell])] = contents.batches.map { batch in
            (batch.time, row(batch, undone: undone.contains(batch.id)))
        }
        rows += try shell.readSyncBatches().map { ($0.time, row($0)) }
        rows.sort { $0.time < $1.time }
        for entry in rows.suffix(limit).reversed() { table.rows.append(entry.cells) }
        await shell.render(table)
    }
}

extension JournalCommand {
    /// A share batch's row.
    static func row(_ batch: JournalBatch, undone: Bool) -> [Table.Cell] {
        let counts = batch.counts
        let status =
            (batch.isComplete
                ? (counts[.failed] > 0 ? "failures" : "complete") : (batch.ended ? "interrupted" : "incomplete"))
            + (undone ? ", undone" : "")
        let operation =
            batch.operation.rawValue
            + (batch.undoes.map { " (undo \($0))" } ?? batch.redoes.map { " (redo \($0))" } ?? "")
        return cells(
            batch.id, batch.time, batch.regions.joined(separator: ","), operation, images: batch.plan.images.count,
            changed: counts[.shared] + counts[.unshared], already: counts[.alreadyPresent] + counts[.notPresent],
            skipped: counts[.skipped], notStarted: counts[.notStarted], failed: counts[.failed],
            unknown: counts[.unknown], status: status, clean: batch.isComplete && counts[.failed] == 0)
    }

    /// A copy batch's row: CHANGED counts copies made (or found after an unanswered call),
    /// ALREADY copies that were there before, REGION the source and its destinations.
    static func row(_ batch: SyncBatch) -> [Table.Cell] {
        let made = batch.copies.values.reduce(0) { $0 + $1.count }
        let skips = batch.plan.items.flatMap(\.skipped)
        let already = skips.filter { $0.reason == .exists }.count
        let notStarted =
            batch.isComplete
            ? 0
            : batch.plan.items.filter { !batch.uncertain.contains($0.imageId) }.reduce(0) {
                $0 + batch.remaining($1).count
            }
        let status =
            batch.isComplete
            ? (batch.refused.isEmpty ? "complete" : "failures")
            : (batch.ended ? "interrupted" : "incomplete")
        let regions = batch.plan.sourceRegion + "->" + batch.plan.destinations.joined(separator: ",")
        return cells(
            batch.id, batch.time, regions, "sync", images: batch.plan.items.count, changed: made, already: already,
            skipped: skips.count - already, notStarted: notStarted, failed: batch.refused.count,
            unknown: batch.uncertain.count, status: status, clean: batch.isComplete && batch.refused.isEmpty)
    }

    private static func cells(
        _ id: String, _ time: String, _ regions: String, _ operation: String, images: Int, changed: Int,
        already: Int, skipped: Int, notStarted: Int, failed: Int, unknown: Int, status: String, clean: Bool
    ) -> [Table.Cell] {
        [
            .init(.string(id)), .init(.string(time)), .init(.string(regions)), .init(.string(operation)),
            .init(.int(images)), .init(.int(changed)), .init(.int(already)), .init(.int(skipped)),
            .init(.int(notStarted), emphasis: notStarted > 0 ? .yellow : nil),
            .init(.int(failed), emphasis: failed > 0 ? .red : nil),
            .init(.int(unknown), emphasis: unknown > 0 ? .yellow : nil),
            .init(.string(status), emphasis: clean ? .green : .yellow),
        ]
    }
}

extension Interpreter {
    /// The journal's copy batches (`sync`, `publish`).
    func readSyncBatches() throws(ShellError) -> [SyncBatch] {
        do {
            return try SyncBatch.read(path: services.paths.journalFile)
        } catch {
            throw .failed("\(error)")
        }
    }

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
