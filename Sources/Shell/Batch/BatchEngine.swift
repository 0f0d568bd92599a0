import CVM
import Foundation
import TencentCloud

/// Runs a ``SharePlan``: up to ``concurrency`` images at once in a task group, each image's
/// calls in order (``ImageRunner``). The client's sliding windows pace the calls at the documented
/// 10/s and retry throttling and transient errors, so the batch runs at the API's rate and
/// throttling never surfaces as a failure.
///
/// Cancellation is cooperative: when the calling task is cancelled (Ctrl-C), no new call starts,
/// the calls in flight get ``gracePeriod`` to finish, and every pair is recorded (not started
/// ones as such, abandoned ones as unknown). The journal gets `send`, `call`, `image` and
/// `end` records; the `batch` record is the caller's, written before ``run(_:batchId:knownShares:)``.
public struct BatchEngine: Sendable {
    public var client: CVMClient
    public var journal: Journal
    public var console: any Console
    /// Images in flight at once.
    public var concurrency: Int
    /// How long in-flight calls may finish after Ctrl-C before they are abandoned.
    public var gracePeriod: Duration
    /// Awaited before an image's first change (`publish` waits there for a copy to be NORMAL).
    public var readiness: ImageReadiness?

    public init(
        client: CVMClient, journal: Journal, console: any Console, concurrency: Int = Settings.defaultConcurrency,
        gracePeriod: Duration = .seconds(10)
    ) {
        self.client = client
        self.journal = journal
        self.console = console
        self.concurrency = max(1, concurrency)
        self.gracePeriod = gracePeriod
    }

    /// A new batch id: `b` + Unix time + a random suffix, e.g. `b1767225600-3fa2`; sorts by time.
    public static func newBatchId(now: Date = Date()) -> String {
        "b\(Int(now.timeIntervalSince1970))-\(String(UInt16.random(in: 0...UInt16.max), radix: 16))"
    }

    /// Runs `plan` and returns every pair's outcome; writes the journal's end record.
    /// - Parameter knownShares: cached share lists, kept up to date as the batch changes them.
    public func run(_ plan: SharePlan, batchId: String, knownShares: [String: Set<String>] = [:]) async -> BatchResult {
        let control = BatchControl()
        let progress = BatchProgress(total: plan.images.count, label: plan.operation.rawValue, console: console)
        let started = ContinuousClock.now
        let engine = self
        let work = Task {
            await engine.execute(plan, batchId: batchId, knownShares: knownShares, control: control, progress: progress)
        }
        control.register { work.cancel() }
        let grace = gracePeriod
        let images = await withTaskCancellationHandler {
            await work.value
        } onCancel: {
            control.stop()
            Task {
                try? await Task.sleep(for: grace)
                control.abandon()
            }
        }
        control.unregister()
        progress.finish()

        var result = BatchResult(
            batchId: batchId, operation: plan.operation, outcomes: [:], shares: [:], calls: 0, reads: 0,
            stopReason: control.stopReason, journalError: control.journalError, elapsed: ContinuousClock.now - started)
        result.badAccounts = control.badAccounts
        result.unreachable = control.unreachable
        for image in images {
            result.outcomes[image.imageId] = image.outcomes
            if let shares = image.shares { result.shares[image.imageId] = shares }
            result.calls += image.calls
            result.reads += image.reads
        }
        var end = JournalRecord(kind: .end, batch: batchId)
        end.counts = result.counts
        end.interrupted = result.stopReason != nil || result.counts.unfinished > 0
        do {
            try await journal.append(end)
        } catch {
            result.journalError = result.journalError ?? error
        }
        return result
    }

    private func execute(
        _ plan: SharePlan, batchId: String, knownShares: [String: Set<String>], control: BatchControl,
        progress: BatchProgress
    ) async -> [ImageResult] {
        // Regions side by side: their images interleaved, `concurrency` in flight per region
        // (with the default endpoint each region has its own API host and rate limits).
        let regions = plan.regions
        let runners = Self.interleaved(plan.images, by: plan.region(of:)).map { image in
            ImageRunner(
                plan: image, operation: plan.operation, region: plan.region(of: image), batchId: batchId,
                client: client, journal: journal, control: control, known: knownShares[image.imageId],
                readiness: readiness)
        }
        let console = console
        let lineWidth = Self.lineWidth(console)
        var results: [ImageResult] = []
        results.reserveCapacity(runners.count)
        let started = await forEachConcurrently(runners, width: concurrency * regions.count) { runner in
            await runner.run()
        } handle: { result in
            let failed = result.outcomes.filter { if case .failed = $0.value { true } else { false } }
            let known = control.badAccounts
            // A bad account is reported once, at the end, not once per image.
            let reported = failed.keys.filter { known[$0] == nil }.sorted()
            for (outcome, accounts) in Dictionary(grouping: reported, by: { failed[$0]! }) {
                let list = Self.abbreviated(accounts)
                let line = "failed: \(result.imageId) \(list): \(Self.describe(outcome))"
                console.diagnostic(Self.fitted(line, lineWidth))
            }
            progress.imageDone(failures: failed.count)
            results.append(result)
            return control.stopReason == nil
        }
        for runner in runners[started...] {
            let image = runner.plan
            var outcomes = image.settled
            for account in image.change { outcomes[account] = .notStarted(control.stopReason ?? .interrupted) }
            results.append(ImageResult(imageId: image.imageId, outcomes: outcomes, shares: knownShares[image.imageId]))
        }
        return results
    }

    /// `images` taken one per region in turn (the first region's first, the second's first, …),
    /// each region's in their order.
    static func interleaved(_ images: [ImagePlan], by region: (ImagePlan) -> String) -> [ImagePlan] {
        var queues: [(String, [ImagePlan])] = []
        for image in images {
            let name = region(image)
            if let index = queues.firstIndex(where: { $0.0 == name }) {
                queues[index].1.append(image)
            } else {
                queues.append((name, [image]))
            }
        }
        guard queues.count > 1 else { return images }
        var result: [ImagePlan] = []
        result.reserveCapacity(images.count)
        var next = 0
        while result.count < images.count {
            for queue in queues where next < queue.1.count { result.append(queue.1[next]) }
            next += 1
        }
        return result
    }

    /// Abandons the in-flight calls of every running batch; their pairs are recorded as unknown.
    /// The executable calls this on a second Ctrl-C during a batch (the first one cancels the
    /// command's task, which only stops new calls).
    public static func abandonInFlightCalls() {
        BatchControl.abandonRunningBatches()
    }

    /// `Code: message (RequestId …)` for a failed outcome.
    static func describe(_ outcome: PairOutcome) -> String {
        guard case .failed(let code, let message, let requestId) = outcome else { return outcome.kind.label }
        return "\(code): \(message)" + (requestId.map { " (RequestId \($0))" } ?? "")
    }

    /// The widest line a batch prints: the terminal's, or 200 columns off a terminal.
    static func lineWidth(_ console: any Console) -> Int { console.isTerminal ? console.width : 200 }

    /// `a,b,c` for a few accounts, `a,b,c +497 more` for many.
    static func abbreviated(_ accounts: [String], first: Int = 3) -> String {
        let shown = accounts.prefix(first).joined(separator: ",")
        return accounts.count > first ? "\(shown) +\(accounts.count - first) more" : shown
    }

    /// `line`, cut to `width` columns with a final `…` when longer.
    static func fitted(_ line: String, _ width: Int) -> String {
        guard line.count > width, width > 1 else { return line }
        return String(line.prefix(width - 1)) + "…"
    }
}
