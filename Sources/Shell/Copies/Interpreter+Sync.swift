import CVM
import Foundation

extension Interpreter {
    /// Runs `plan` as a new copy batch (or, with `resuming`, the rest of that batch) under the
    /// batch lock: journal first, then one image at a time; keeps every copy made or found in
    /// the copy records. Returns the batch id and every (image, destination) result.
    func runSync(
        _ plan: SyncPlan, resuming: SyncBatch? = nil
    ) async throws(ShellError) -> (batchId: String, results: [CopyResult]) {
        let batchId = resuming?.id ?? BatchEngine.newBatchId()
        let (journal, lock) = try openJournal(lockingBatch: batchId)
        defer { lock.release() }
        var first = JournalRecord(kind: resuming == nil ? .sync : .resume, batch: batchId)
        if resuming == nil {
            first.region = plan.sourceRegion
            first.regions = plan.destinations
            first.images = plan.items.map(\.imageId)
            first.syncPlan = plan
        }
        do {
            try await journal.append(first)
        } catch {
            throw .failed("\(error); nothing was changed")
        }
        let runner = CopyRunner(
            client: try client(), journal: journal, batchId: batchId, sourceRegion: plan.sourceRegion)
        var results: [CopyResult] = []
        var journalError: JournalError?
        let progress = BatchProgress(
            total: plan.items.filter { !$0.copyTo.isEmpty }.count, label: "sync", console: console)
        for item in plan.items {
            for skip in item.skipped {
                let outcome: CopyOutcome = skip.existing.map { .exists($0) } ?? .skipped(skip.reason)
                results.append(
                    CopyResult(imageId: item.imageId, name: item.name, region: skip.region, outcome: outcome))
            }
            var outcomes: [String: CopyOutcome] = [:]
            for copy in resuming?.copies[item.imageId] ?? [] { outcomes[copy.region] = .copied(copy.imageId) }
            if let code = resuming?.refused[item.imageId] {
                for region in item.copyTo where outcomes[region] == nil { outcomes[region] = .failed(code) }
            }
            let regions = resuming?.remaining(item) ?? item.copyTo
            if !regions.isEmpty {
                if journalError != nil || Task.isCancelled {
                    for region in regions { outcomes[region] = .notStarted }
                } else {
                    do {
                        let uncertain = resuming?.uncertain.contains(item.imageId) ?? false
                        outcomes.merge(try await runner.copy(item, to: regions, uncertain: uncertain)) { $1 }
                    } catch {
                        journalError = error
                        for region in regions where outcomes[region] == nil { outcomes[region] = .notStarted }
                    }
                    progress.imageDone(failures: 0)
                }
            }
            for region in item.copyTo {
                let outcome = outcomes[region] ?? .notStarted
                results.append(CopyResult(imageId: item.imageId, name: item.name, region: region, outcome: outcome))
            }
        }
        progress.finish()
        let unfinished = results.filter { $0.outcome.isUnfinished }.count
        var end = JournalRecord(kind: .end, batch: batchId)
        end.interrupted = unfinished > 0 || journalError != nil
        if journalError == nil {
            do { try await journal.append(end) } catch { journalError = error }
        }
        try? remember(copies: copyRecords(of: results, from: plan.sourceRegion))
        if let journalError {
            throw .failed("\(journalError); the copies stopped before the next call; fix it and run `resume`")
        }
        return (batchId, results)
    }

    /// The copy records `results` prove.
    private func copyRecords(of results: [CopyResult], from region: String) -> [CopyRecord] {
        results.compactMap { result in
            result.outcome.copyId.map {
                CopyRecord(
                    source: result.imageId, sourceRegion: region, copy: $0, region: result.region, name: result.name)
            }
        }
    }

    /// Prints the per-copy table and a line per destination; fails when a copy failed or is
    /// unfinished (naming `resume`), or when Ctrl-C stopped the batch.
    func reportSync(_ results: [CopyResult], batchId: String) async throws(ShellError) {
        var table = Table(columns: [
            .init("IMAGE ID", key: "image_id"), .init("NAME", key: "name", maxWidth: 40),
            .init("REGION", key: "region"), .init("COPY", key: "copy"), .init("RESULT", key: "result", maxWidth: 60),
        ])
        for result in results {
            table.rows.append([
                .init(.string(result.imageId)), .init(.string(result.name)), .init(.string(result.region)),
                result.outcome.copyId.map { .init(.string($0)) } ?? .init(.null),
                .init(.string(result.outcome.text), emphasis: result.outcome.copyId == nil ? .yellow : nil),
            ])
        }
        await render(table)
        var regions: [String] = []
        for result in results where !regions.contains(result.region) { regions.append(result.region) }
        for region in regions {
            let here = results.filter { $0.region == region }
            let copied = here.filter { if case .copied = $0.outcome { true } else { false } }.count
            let existing = here.filter { if case .exists = $0.outcome { true } else { false } }.count
            let rest = here.count - copied - existing
            inform("\(region): \(copied) copied, \(existing) already there, \(rest) not copied")
        }
        let unfinished = results.filter { $0.outcome.isUnfinished }.count
        let failed = results.filter { if case .failed = $0.outcome { true } else { false } }.count
        if Task.isCancelled || unfinished > 0 {
            if unfinished > 0 { session.interruptedBatch = batchId }
            let rest = "\(copiesText(unfinished)) not finished; `resume` finishes batch \(batchId)"
            if Task.isCancelled { throw .interruptedBatch(rest) }
            throw .failed(rest)
        }
        if failed > 0 { throw .failed("\(copiesText(failed)) failed; see the RESULT column and `journal`") }
    }
}
