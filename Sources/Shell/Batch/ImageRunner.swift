import CVM
import TencentCloud

/// What one image's part of a batch came to.
struct ImageResult: Sendable {
    let imageId: String
    var outcomes: [String: PairOutcome]
    /// The image's share list after the batch, when known (read, or cached and kept up to date).
    var shares: Set<String>?
    var calls = 0
    var reads = 0
}

/// Carries out one ``ImagePlan``: the change calls for one image, one after another, with the
/// recovery rules of the engine:
///
/// - `FailedOperation.AccountAlreadyExists` (the call is all or nothing): re-read the image's
///   list, count the accounts found as already present, re-send only the missing ones.
/// - An ambiguous failure (timeout, dropped connection; the client never re-sends those):
///   re-read the list; accounts found in the wanted state count as changed by this batch, the
///   rest are sent again. An `AccountAlreadyExists` after that counts as done.
/// - `InvalidParameterValue.LimitExceeded`: halve the number of accounts per call and go on.
/// - Any other error fails the accounts of that call, with its code, message and RequestId.
///
/// Before every change a `send` record is written to the journal; if it cannot be, nothing more
/// is sent. After every call a `call` record, and at the end an `image` record with every pair.
struct ImageRunner: Sendable {
    let plan: ImagePlan
    let operation: BatchOperation
    let region: String
    let batchId: String
    let client: CVMClient
    let journal: Journal
    let control: BatchControl
    /// The session's cached share list of the image, if any.
    let known: Set<String>?

    /// Calls in a row that settle nothing before the remaining pairs fail.
    static let maxStalls = 8

    private static let alreadyExists = ErrorCode.accountAlreadyExists
    private static let limitExceeded = ErrorCode.accountIdLimitExceeded

    func run() async -> ImageResult {
        var run = State(plan: plan, known: known)
        if plan.readFirst {
            await refresh(&run, after: nil)
        }
        var stalls = 0
        var perCall = SharePlan.maxAccountsPerCall
        while !run.pending.isEmpty {
            if let reason = control.stopReason {
                run.settle(run.pending, as: .skipped(reason))
                break
            }
            guard stalls < Self.maxStalls else {
                run.settle(run.pending, as: run.lastFailure ?? .failed(code: "cvmsh.NoProgress", message: "gave up after \(stalls) calls without progress", requestId: nil))
                break
            }
            let chunk = Array(run.pending.prefix(perCall))
            let before = run.pending.count
            do {
                try journal.append(makeRecord(.send, accounts: chunk))
            } catch {
                control.journalFailed(error)
                run.settle(run.pending, as: .skipped(.journalUnwritable))
                break
            }
            run.calls += 1
            do {
                let result = try await client.modifyImageSharePermission(
                    region: region, imageId: plan.imageId, accountIds: chunk, change: operation.change)
                write(makeRecord(.call, accounts: chunk, result: "ok", requestId: result.requestId, attempt: result.attempts))
                run.applied(chunk, operation: operation)
            } catch {
                let ambiguous = error.isAmbiguous
                write(failureRecord(chunk, error))
                if ambiguous { run.maybeApplied.formUnion(chunk) }
                if ambiguous, Task.isCancelled {
                    run.settle(chunk, as: .unknown)
                } else if ambiguous || (operation == .share && error.code == Self.alreadyExists) {
                    run.lastFailure = Self.failure(error)
                    await refresh(&run, after: (chunk, error))
                } else if error.code == Self.limitExceeded, chunk.count > 1 {
                    perCall = max(1, chunk.count / 2)
                    continue
                } else {
                    run.settle(chunk, as: Self.failure(error))
                }
            }
            stalls = run.pending.count < before ? 0 : stalls + 1
        }
        write(imageRecord(run.outcomes))
        return ImageResult(imageId: plan.imageId, outcomes: run.outcomes, shares: run.current, calls: run.calls, reads: run.reads)
    }

    /// Re-reads the share list and settles the pending accounts already in the wanted state.
    /// When the read fails, the accounts of `failed` (the call that made the read necessary)
    /// end as unknown (ambiguous call) or failed.
    private func refresh(_ run: inout State, after failed: (chunk: [String], error: TencentCloudError)?) async {
        do {
            let list = try await readList(&run)
            run.current = Set(list.map(\.accountId))
            run.settleFromList(operation: operation)
            if let failed, !failed.error.isAmbiguous, !failed.chunk.contains(where: { run.outcomes[$0] != nil }) {
                // AccountAlreadyExists, yet none of the accounts is listed: a re-send cannot fix it.
                run.settle(failed.chunk, as: Self.failure(failed.error))
            }
        } catch {
            if let failed {
                run.settle(failed.chunk, as: failed.error.isAmbiguous ? .unknown : Self.failure(failed.error))
            } else {
                run.settle(run.pending, as: Task.isCancelled ? .skipped(.interrupted) : Self.failure(error))
            }
        }
    }

    /// Reads the image's share list. The client already retries transient failures; a read
    /// that still fails that way is tried again a few times, because an unread list after an
    /// ambiguous change leaves pairs unknown.
    private func readList(_ run: inout State) async throws(TencentCloudError) -> [SharePermission] {
        var attempt = 0
        while true {
            attempt += 1
            run.reads += 1
            do {
                return try await client.describeImageSharePermission(region: region, imageId: plan.imageId)
            } catch {
                let transient: Bool
                switch error {
                case .api(let api): transient = api.code.isIn(.internalError) || api.code.isIn(.requestLimitExceeded)
                case .transport: transient = !Task.isCancelled
                default: transient = false
                }
                guard transient, attempt < Self.maxReads else { throw error }
                try? await Task.sleep(for: .milliseconds(200 * attempt))
            }
        }
    }

    /// Reads of one list before giving up.
    static let maxReads = 3

    private func write(_ record: JournalRecord) {
        do {
            try journal.append(record)
        } catch {
            control.journalFailed(error)
        }
    }

    private func makeRecord(
        _ kind: JournalRecord.Kind, accounts: [String], result: String? = nil, requestId: String? = nil, attempt: Int? = nil
    ) -> JournalRecord {
        var record = JournalRecord(kind: kind, batch: batchId)
        record.image = plan.imageId
        record.accounts = accounts
        record.permission = operation.change.rawValue
        record.result = result
        record.requestId = requestId
        record.attempt = attempt
        return record
    }

    private func failureRecord(_ accounts: [String], _ error: TencentCloudError) -> JournalRecord {
        var record = makeRecord(.call, accounts: accounts, result: error.isAmbiguous ? "ambiguous" : "error", requestId: error.requestId)
        record.code = Self.code(of: error)
        record.message = error.description
        return record
    }

    private func imageRecord(_ outcomes: [String: PairOutcome]) -> JournalRecord {
        var record = JournalRecord(kind: .image, batch: batchId)
        record.image = plan.imageId
        record.outcomes = outcomes
        return record
    }

    /// The failed outcome for `error`.
    static func failure(_ error: TencentCloudError) -> PairOutcome {
        let message: String
        if case .api(let api) = error { message = api.message } else { message = error.description }
        return .failed(code: code(of: error), message: message, requestId: error.requestId)
    }

    /// The API error code, or a name for the kind of local failure.
    static func code(of error: TencentCloudError) -> String {
        switch error {
        case .api(let api): api.code.rawValue
        case .transport: "cvmsh.Transport"
        case .decoding: "cvmsh.Decoding"
        case .credential: "cvmsh.Credential"
        case .cancelled: "cvmsh.Cancelled"
        }
    }
}

/// The running state of one image.
private struct State {
    var outcomes: [String: PairOutcome]
    var pending: [String]
    var current: Set<String>?
    var maybeApplied: Set<String>
    var lastFailure: PairOutcome?
    var calls = 0
    var reads = 0

    init(plan: ImagePlan, known: Set<String>?) {
        outcomes = plan.settled
        pending = plan.change
        current = known
        maybeApplied = Set(plan.maybeApplied)
    }

    mutating func settle(_ accounts: [String], as outcome: PairOutcome) {
        for account in accounts where outcomes[account] == nil { outcomes[account] = outcome }
        pending.removeAll { outcomes[$0] != nil }
    }

    mutating func applied(_ accounts: [String], operation: BatchOperation) {
        switch operation {
        case .share: current?.formUnion(accounts)
        case .unshare: current?.subtract(accounts)
        }
        settle(accounts, as: operation == .share ? .shared : .unshared)
    }

    /// Settles pending accounts that the fresh list shows in the wanted state.
    mutating func settleFromList(operation: BatchOperation) {
        guard let current else { return }
        for account in pending {
            switch operation {
            case .share where current.contains(account):
                outcomes[account] = maybeApplied.contains(account) ? .shared : .alreadyPresent
            case .unshare where !current.contains(account):
                outcomes[account] = maybeApplied.contains(account) ? .unshared : .notPresent
            default: break
            }
        }
        pending.removeAll { outcomes[$0] != nil }
    }
}
