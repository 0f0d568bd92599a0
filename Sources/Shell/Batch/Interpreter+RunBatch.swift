import CVM
import Foundation
import TencentCloud

extension Interpreter {
    /// Runs `plan` as a new batch (or, with `resuming`, as the continuation of that batch) while
    /// holding the batch's lock: journal first, then the engine; prints the summary, updates
    /// the session's share cache and `lastBatch`, and fails when any pair failed or was not
    /// started, the journal broke or Ctrl-C stopped it.
    func runBatch(
        _ plan: SharePlan, undoes: String? = nil, redoes: String? = nil, resuming: JournalBatch? = nil,
        readiness: ImageReadiness? = nil
    ) async throws(ShellError) {
        let batchId = resuming?.id ?? BatchEngine.newBatchId()
        let (journal, lock) = try openJournal(lockingBatch: batchId)
        defer { lock.release() }
        var first: JournalRecord
        if resuming != nil {
            first = JournalRecord(kind: .resume, batch: batchId)
        } else {
            first = JournalRecord(kind: .batch, batch: batchId)
            first.region = plan.region
            let regions = plan.regions
            if regions.count > 1 { first.regions = regions }
            first.operation = plan.operation
            first.images = plan.images.map(\.imageId)
            first.accounts = plan.accounts
            first.plan = plan
            first.undoes = undoes
            first.redoes = redoes
        }
        do {
            try await journal.append(first)
        } catch {
            throw .failed("\(error); nothing was changed")
        }
        var engine = BatchEngine(
            client: try client(), journal: journal, console: console, concurrency: session.settings.concurrency)
        engine.readiness = readiness
        let known = session.shares.mapValues { Set($0.map(\.accountId)) }
        let result = await engine.run(plan, batchId: batchId, knownShares: known)
        lock.release()
        remember(result)
        await report(result, plan: plan)
        try check(result)
    }

    /// Fails the command for what stopped or failed in `result`, with the way to finish it.
    private func check(_ result: BatchResult) throws(ShellError) {
        let counts = result.counts
        let left = counts[.notStarted] + counts[.unknown]
        if left > 0 {
            session.interruptedBatch = result.batchId
        } else if session.interruptedBatch == result.batchId {
            session.interruptedBatch = nil
        }
        let rest = "\(counted(left, "pair")) not finished; `resume` finishes batch \(result.batchId)"
        if let error = result.journalError {
            throw .failed("\(error); the batch stopped before its next change; fix it and run `resume`")
        }
        if result.stopReason == .interrupted { throw .interruptedBatch(rest) }
        if let unreachable = result.unreachable {
            throw .failed("the endpoint is unreachable (\(unreachable)); stopped sending: \(rest)")
        }
        if left > 0 { throw .failed(result.summaryLine + "; " + rest) }
        if result.hasFailures {
            throw .failed(result.summaryLine + "; see `journal` and --output json for every failure")
        }
    }

    /// A batch of this session that stopped with pairs left to finish (Ctrl-C, unreachable
    /// endpoint), if the last batch did: the prompt warns once on leaving the shell.
    public var pendingInterruptedBatch: String? { session.interruptedBatch }

    /// Keeps the share lists the batch knows and its summary line.
    private func remember(_ result: BatchResult) {
        for (id, accounts) in result.shares {
            let previous = session.shares[id] ?? []
            session.shares[id] = accounts.sorted().map { account in
                previous.first { $0.accountId == account } ?? SharePermission(accountId: account)
            }
        }
        session.lastBatch = result.summaryLine
    }

    /// The share lists of `ids`: cached ones unless `refresh`, the others read concurrently
    /// (at most `concurrency` at once per region; the client paces DescribeImageSharePermission
    /// at 10/s per access region). Each image is read in its region of the session's list.
    func shareLists(of ids: [String], refresh: Bool = false) async throws(ShellError) -> [String: [SharePermission]] {
        let fallback = try requireRegion()
        let missing = refresh ? ids : ids.filter { session.shares[$0] == nil }
        if !missing.isEmpty {
            let client = try client()
            let cache = session.images
            // The regions in turn (one image of each, then the next of each): in list order the
            // first region's reads would fill every slot and wait on its own 10/s limit.
            var groups: [(region: String, ids: [String])] = []
            var slots: [String: Int] = [:]
            for id in missing {
                let region = cache?.region(of: id) ?? fallback
                if let slot = slots[region] {
                    groups[slot].ids.append(id)
                } else {
                    slots[region] = groups.count
                    groups.append((region, [id]))
                }
            }
            var targets: [(id: String, region: String)] = []
            for index in 0..<(groups.map(\.ids.count).max() ?? 0) {
                for group in groups where index < group.ids.count { targets.append((group.ids[index], group.region)) }
            }
            let regionCount = groups.count
            typealias Read = (String, Result<[SharePermission], TencentCloudError>)
            var read: [Read] = []
            let width = session.settings.concurrency * regionCount
            _ = await forEachConcurrently(targets, width: width) { target -> Read in
                do throws(TencentCloudError) {
                    let list = try await client.describeImageSharePermission(region: target.region, imageId: target.id)
                    return (target.id, .success(list))
                } catch {
                    return (target.id, .failure(error))
                }
            } handle: { (result: Read) in
                read.append(result)
                return !Task.isCancelled && (try? result.1.get()) != nil
            }
            for (id, result) in read {
                if case .success(let list) = result { session.shares[id] = list }
            }
            if let failure = read.first(where: { (try? $0.1.get()) == nil }), case .failure(let error) = failure.1 {
                throw ShellError(error)
            }
            if Task.isCancelled { throw .interrupted }
        }
        return Dictionary(uniqueKeysWithValues: ids.compactMap { id in session.shares[id].map { (id, $0) } })
    }
}
