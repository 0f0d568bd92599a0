import CVM
import TencentCloud

/// Carries out one ``ImagePlan``: the change calls for one image, one after another, with the
/// recovery rules of the engine:
///
/// - `FailedOperation.AccountAlreadyExists` (the call is all or nothing): re-read the image's
///   list, count the accounts found as already present, re-send only the missing ones.
/// - An ambiguous failure (timeout, dropped connection; the client never re-sends those):
///   re-read the list; accounts found in the wanted state count as changed by this batch, the
///   rest are sent again. An `AccountAlreadyExists` after that counts as done.
/// - `InvalidParameterValue.LimitExceeded`: halve the number of accounts per call and go on.
/// - Refused for one of its accounts (`InvalidAccountId.NotFound`, `FailedOperation.NotMasterAccount`,
///   sharing to yourself): split the call in halves until the account is alone; it fails (your
///   own account: is skipped) and the batch leaves it out of later images without a call.
/// - Nothing sent (cannot connect): the pairs are not started; a few in a row stop the batch.
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
    /// Awaited before the first change; its outcome, if any, settles every pair without a call.
    var readiness: ImageReadiness? = nil

    /// Calls in a row that settle nothing before the remaining pairs fail.
    static let maxStalls = 8

    func run() async -> ImageResult {
        var run = ImageRunState(plan: plan, known: known)
        run.leaveOut(control.badAccounts)
        if plan.readFirst, !run.pending.isEmpty {
            await refresh(&run, after: nil)
        }
        if let readiness, !run.pending.isEmpty, let outcome = await readiness(region, plan.imageId) {
            run.settle(run.pending, as: outcome)
        }
        var stalls = 0
        var perCall = SharePlan.maxAccountsPerCall
        while !run.pending.isEmpty {
            if let reason = control.stopReason {
                run.settle(run.pending, as: .notStarted(reason))
                break
            }
            run.leaveOut(control.badAccounts)
            guard !run.pending.isEmpty else { break }
            guard stalls < Self.maxStalls else {
                let noProgress = PairOutcome.failed(
                    code: "cvmsh.NoProgress", message: "gave up after \(stalls) calls without progress", requestId: nil)
                run.settle(run.pending, as: run.lastFailure ?? noProgress)
                break
            }
            let chunk = run.nextChunk(limit: perCall)
            let before = run.pending.count
            do {
                try await journal.append(record(.send, accounts: chunk))
            } catch {
                control.journalFailed(error)
                run.settle(run.pending, as: .notStarted(.journalUnwritable))
                break
            }
            run.calls += 1
            do {
                let result = try await client.modifyImageSharePermission(
                    region: region, imageId: plan.imageId, accountIds: chunk, change: operation.change)
                control.answered()
                await write(
                    record(
                        .call, accounts: chunk, result: "ok", requestId: result.requestId, attempt: result.attempts))
                run.applied(chunk, operation: operation)
            } catch {
                await write(failureRecord(chunk, error))
                if await handle(error, chunk: chunk, run: &run, perCall: &perCall) { continue }
            }
            stalls = run.pending.count < before ? 0 : stalls + 1
        }
        await write(imageRecord(run.outcomes))
        return ImageResult(
            imageId: plan.imageId, outcomes: run.outcomes, shares: run.current, calls: run.calls, reads: run.reads)
    }

    /// Applies the recovery rule for a failed change call. Returns `true` when the call was only
    /// split (more information, not a stall).
    private func handle(
        _ error: TencentCloudError, chunk: [String], run: inout ImageRunState, perCall: inout Int
    ) async -> Bool {
        let failure = ChangeFailure(error)
        if failure == .notSent {
            run.settle(chunk, as: .notStarted(.endpointUnreachable))
            control.notSent(error)
            return false
        }
        control.answered()
        switch failure {
        case .ambiguous:
            run.maybeApplied.formUnion(chunk)
            if Task.isCancelled {
                run.settle(chunk, as: .unknown)
            } else {
                run.lastFailure = Self.failure(error)
                await refresh(&run, after: (chunk, error))
            }
        case .alreadyExists where operation == .share:
            run.lastFailure = Self.failure(error)
            await refresh(&run, after: (chunk, error))
        case .tooManyAccounts where chunk.count > 1:
            perCall = max(1, chunk.count / 2)
            return true
        case .ownAccount where chunk.count > 1, .badAccount where chunk.count > 1:
            run.split(chunk)
            return true
        case .ownAccount:
            control.markBad(chunk[0], as: .skipped(.ownAccount))
            run.settle(chunk, as: .skipped(.ownAccount))
        case .badAccount:
            let outcome = Self.failure(error)
            control.markBad(chunk[0], as: Self.leftOut(outcome))
            run.settle(chunk, as: outcome)
        default:
            run.settle(chunk, as: Self.failure(error))
        }
        return false
    }

    /// Re-reads the share list and settles the pending accounts already in the wanted state.
    /// When the read fails, the accounts of `failed` (the call that made the read necessary)
    /// end as unknown (ambiguous call) or failed.
    private func refresh(_ run: inout ImageRunState, after failed: (chunk: [String], error: TencentCloudError)?) async {
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
            } else if Task.isCancelled {
                run.settle(run.pending, as: .notStarted(.interrupted))
            } else if ChangeFailure(error) == .notSent {
                run.settle(run.pending, as: .notStarted(.endpointUnreachable))
                control.notSent(error)
            } else {
                run.settle(run.pending, as: Self.failure(error))
            }
        }
    }

    /// Reads the image's share list. The client already retries transient failures; a read
    /// that still fails is tried again (at most ``maxReads`` reads) when the client's own
    /// ``RetryPolicy`` says the error is worth it, because an unread list after an ambiguous
    /// change leaves pairs unknown.
    private func readList(_ run: inout ImageRunState) async throws(TencentCloudError) -> [SharePermission] {
        let policy = client.api.configuration.retry
        var attempt = 0
        while true {
            attempt += 1
            run.reads += 1
            do {
                return try await client.describeImageSharePermission(region: region, imageId: plan.imageId)
            } catch {
                let decision = policy.decide(error, attempt: attempt, idempotent: true, random: .random(in: 0..<1))
                guard attempt < Self.maxReads, !Task.isCancelled, case .retry(let delay) = decision else { throw error }
                try? await Task.sleep(for: delay)
            }
        }
    }

    /// Reads of one list before giving up.
    static let maxReads = 3

    private func write(_ record: JournalRecord) async {
        do {
            try await journal.append(record)
        } catch {
            control.journalFailed(error)
        }
    }
}
