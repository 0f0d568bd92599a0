import CVM
import Foundation
import TencentCloud

/// How a share-changing command was asked to run.
struct BatchRequest {
    /// The command's name, for messages.
    var command: String
    var dryRun: Bool
    var yes: Bool
}

/// What a share-changing command works on, gathered before its plan is made.
struct BatchInputs {
    var request: BatchRequest
    var images: ImageCache
    /// The selected image ids, in list order (never empty).
    var selection: [String]
    /// The caller's root account.
    var ownAccountId: String
}

extension Interpreter {
    /// The account ids (and `@alias`es) `words` name, or a usage error naming the command.
    func accounts(_ words: [String], command: String) throws(ShellError) -> [String] {
        do {
            return try AccountList.parse(words, aliases: session.aliases)
        } catch {
            throw .usage("\(command): \(error)")
        }
    }

    /// Checks, in this order and before any change, that the command may change shares here,
    /// that the image list is known and something is selected, and learns the caller's account.
    func batchInputs(_ command: String, _ args: Arguments) async throws(ShellError) -> BatchInputs {
        let request = BatchRequest(command: command, dryRun: args.has("--dry-run") || session.dryRun, yes: args.has("--yes"))
        try requireConfirmable(request)
        let images = try await images()
        let selection = try requireSelection(command)
        return BatchInputs(request: request, images: images, selection: selection, ownAccountId: try await ownAccountId())
    }

    /// Refuses a change in a script that has not said it may change shares, before any call.
    func requireConfirmable(_ request: BatchRequest) throws(ShellError) {
        guard !request.dryRun, !isInteractive, !request.yes, session.settings.confirm else { return }
        throw .failed("\(request.command) changes who can use images and scripts are never asked: add -y or run 'set confirm off' first")
    }

    /// The selected image ids, or an error saying how to select some.
    func requireSelection(_ command: String) throws(ShellError) -> [String] {
        guard !session.selection.isEmpty else {
            throw .failed("\(command): nothing selected; select images first (e.g. `ls` then `select 1-5` or `select all`)")
        }
        return session.selection.ids
    }

    /// Shows `plan` and asks for confirmation per the conventions. Returns `false` when nothing
    /// is to be sent (a dry run, or an empty plan).
    func confirm(_ plan: SharePlan, _ request: BatchRequest) async throws(ShellError) -> Bool {
        for warning in plan.warnings { warn(warning) }
        let cache = session.images
        let names: (String) -> String? = { id in cache?.image(id)?.imageName }
        if request.dryRun {
            for line in plan.describedLines(detailed: true, names: names) { console.diagnostic(line) }
            showCalls(plan)
            return false
        }
        if plan.isEmpty {
            for line in plan.describedLines(detailed: plan.images.count <= SharePlan.compactThreshold, names: names) {
                console.diagnostic(line)
            }
            console.diagnostic("\(request.command): nothing to change")
            return false
        }
        guard isInteractive else { return true }
        let detailed = plan.images.count <= SharePlan.compactThreshold
        for line in plan.describedLines(detailed: detailed, names: names) { console.diagnostic(line) }
        if !detailed { console.diagnostic("  (use --dry-run to see every image and call)") }
        guard session.settings.confirm, !request.yes else { return true }
        guard await console.confirm("\(plan.operation.rawValue) now? [y/N] ") else {
            throw .failed("\(request.command) cancelled; nothing was changed")
        }
        return true
    }

    /// Prints the exact ModifyImageSharePermission calls of `plan` (`--dry-run`).
    func showCalls(_ plan: SharePlan) {
        if session.settings.output == .table {
            for line in plan.callLines { console.line(line) }
            console.diagnostic("dry run: \(plan.calls.count) ModifyImageSharePermission call\(plan.calls.count == 1 ? "" : "s") would be sent; none was")
            return
        }
        var table = Table(columns: [
            .init("ACTION", key: "action"), .init("IMAGE ID", key: "ImageId"), .init("ACCOUNT IDS", key: "AccountIds"),
            .init("PERMISSION", key: "Permission"),
        ])
        for call in plan.calls {
            table.rows.append([
                "ModifyImageSharePermission", .init(.string(call.imageId)), .init(.array(call.accountIds.map { .string($0) })),
                .init(.string(call.permission.rawValue)),
            ])
        }
        render(table)
    }

    /// Opens the journal, or explains why it cannot be, before anything changes.
    func openJournal() throws(ShellError) -> Journal {
        do {
            return try Journal.open(path: services.paths.journalFile)
        } catch {
            throw .failed("\(error); nothing was changed")
        }
    }

    /// Runs `plan` as a new batch (or, with `resuming`, as the continuation of that batch):
    /// journal first, then the engine; prints the summary, updates the session's share cache
    /// and `lastBatch`, and fails when any pair failed, the journal broke or Ctrl-C stopped it.
    func runBatch(_ plan: SharePlan, undoes: String? = nil, resuming: JournalBatch? = nil) async throws(ShellError) {
        let journal = try openJournal()
        let batchId = resuming?.id ?? BatchEngine.newBatchId()
        var first: JournalRecord
        if resuming != nil {
            first = JournalRecord(kind: .resume, batch: batchId)
        } else {
            first = JournalRecord(kind: .batch, batch: batchId)
            first.region = plan.region
            first.operation = plan.operation
            first.images = plan.images.map(\.imageId)
            first.accounts = plan.accounts
            first.plan = plan
            first.undoes = undoes
        }
        do {
            try journal.append(first)
        } catch {
            throw .failed("\(error); nothing was changed")
        }
        let engine = BatchEngine(client: try client(), journal: journal, console: console, concurrency: session.settings.concurrency)
        let known = session.shares.mapValues { Set($0.map(\.accountId)) }
        let result = await engine.run(plan, batchId: batchId, knownShares: known)
        remember(result)
        report(result, plan: plan)
        if let error = result.journalError {
            throw .failed("\(error); the batch stopped before its next change; fix it and run `resume`")
        }
        if result.stopReason == .interrupted { throw .interrupted }
        if result.hasFailures {
            throw .failed(result.summaryLine + "; see `journal` (run `resume` to retry unknown pairs)")
        }
    }

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

    /// Prints the summary record: counts per outcome, failures with code and RequestId, batch id.
    private func report(_ result: BatchResult, plan: SharePlan) {
        let counts = result.counts
        var fields = [
            Record.Field(key: "batch", label: "batch", value: .init(.string(result.batchId))),
            Record.Field(key: "operation", label: "operation", value: .init(.string(result.operation.rawValue))),
            Record.Field(key: "images", label: "images", value: .init(.int(plan.images.count))),
        ]
        for key in PairOutcome.keys {
            let count = counts[key] ?? 0
            guard count > 0 || key == "failed" else { continue }
            let emphasis: Emphasis? = (key == "failed" || key == "unknown") && count > 0 ? .red : nil
            fields.append(.init(key: key, label: key.replacingOccurrences(of: "_", with: " "), value: .init(.int(count), emphasis: emphasis)))
        }
        let failures = result.failures(order: plan.images.map(\.imageId)).map {
            "\($0.imageId) \($0.accounts.joined(separator: ",")): \(BatchEngine.describe($0.outcome))"
        }
        if !failures.isEmpty {
            fields.append(.init(key: "failures", label: "failures", value: .init(.array(failures.map { .string($0) }))))
        }
        fields.append(.init(key: "calls", label: "calls", value: .init(.int(result.calls))))
        fields.append(.init(key: "reads", label: "reads", value: .init(.int(result.reads))))
        let seconds = JSONValue.number((result.elapsed.seconds * 10).rounded() / 10)
        fields.append(.init(key: "seconds", label: "seconds", value: .init(seconds)))
        render(Record(fields: fields))
    }

    /// The share lists of `ids`: cached ones unless `refresh`, the others read concurrently
    /// (at most `concurrency` at once; the client paces DescribeImageSharePermission at 10/s).
    func shareLists(of ids: [String], refresh: Bool = false) async throws(ShellError) -> [String: [SharePermission]] {
        let region = try requireRegion()
        let missing = refresh ? ids : ids.filter { session.shares[$0] == nil }
        if !missing.isEmpty {
            let client = try client()
            let width = session.settings.concurrency
            let read = await withTaskGroup(of: (String, Result<[SharePermission], TencentCloudError>).self) { group in
                var results: [(String, Result<[SharePermission], TencentCloudError>)] = []
                var next = 0
                let read: @Sendable (String) async -> (String, Result<[SharePermission], TencentCloudError>) = { id in
                    do throws(TencentCloudError) {
                        return (id, .success(try await client.describeImageSharePermission(region: region, imageId: id)))
                    } catch {
                        return (id, .failure(error))
                    }
                }
                while next < missing.count, next < width {
                    group.addTask { [id = missing[next]] in await read(id) }
                    next += 1
                }
                while let result = await group.next() {
                    results.append(result)
                    if next < missing.count, !Task.isCancelled, (try? result.1.get()) != nil {
                        group.addTask { [id = missing[next]] in await read(id) }
                        next += 1
                    }
                }
                return results
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
