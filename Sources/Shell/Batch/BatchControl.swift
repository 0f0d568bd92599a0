import Synchronization

/// The shared stop switch and knowledge of one running batch: Ctrl-C, a journal failure or an
/// unreachable endpoint stops new calls; a second Ctrl-C (or the end of the grace period)
/// abandons the calls in flight. Accounts found unable to receive shares are left out of the
/// later images without a call.
final class BatchControl: Sendable {
    private struct State {
        var stopReason: SkipReason?
        var journalError: JournalError?
        var abandon: (@Sendable () -> Void)?
        var badAccounts: [String: PairOutcome] = [:]
        var unsentInARow = 0
        var unreachable: String?
    }

    /// Calls in a row that could not reach the endpoint before the batch stops sending.
    static let maxUnsentInARow = 3

    private let state = Mutex(State())
    private static let running = Mutex<[ObjectIdentifier: BatchControl]>([:])

    /// Why no new call may start, once one may not.
    var stopReason: SkipReason? { state.withLock { $0.stopReason } }
    /// The journal failure that stopped the batch, if any.
    var journalError: JournalError? { state.withLock { $0.journalError } }

    /// Stops starting new calls (the first Ctrl-C).
    func stop() {
        state.withLock { if $0.stopReason == nil { $0.stopReason = .interrupted } }
    }

    /// Accounts the service refused for themselves (unknown, not a root account, your own),
    /// with the outcome their pairs get.
    var badAccounts: [String: PairOutcome] { state.withLock { $0.badAccounts } }

    /// Remembers that `account` cannot receive shares in this batch.
    func markBad(_ account: String, as outcome: PairOutcome) {
        state.withLock { if $0.badAccounts[account] == nil { $0.badAccounts[account] = outcome } }
    }

    /// Why the endpoint is taken as unreachable (the last connection error), once it is.
    var unreachable: String? { state.withLock { $0.unreachable } }

    /// A call got an answer (of any kind): the endpoint is reachable.
    func answered() {
        state.withLock { $0.unsentInARow = 0 }
    }

    /// A call could not be sent; after ``maxUnsentInARow`` in a row no new call starts.
    func notSent(_ error: some Error & CustomStringConvertible) {
        state.withLock {
            $0.unsentInARow += 1
            guard $0.unsentInARow >= Self.maxUnsentInARow, $0.stopReason == nil else { return }
            $0.stopReason = .endpointUnreachable
            $0.unreachable = error.description
        }
    }

    /// Stops starting new calls because the journal cannot be written.
    func journalFailed(_ error: JournalError) {
        state.withLock {
            $0.stopReason = .journalUnwritable
            if $0.journalError == nil { $0.journalError = error }
        }
    }

    /// Registers what abandons the in-flight calls, while the batch runs.
    func register(abandon: @escaping @Sendable () -> Void) {
        state.withLock { $0.abandon = abandon }
        Self.running.withLock { $0[ObjectIdentifier(self)] = self }
    }

    func unregister() {
        _ = Self.running.withLock { $0.removeValue(forKey: ObjectIdentifier(self)) }
        state.withLock { $0.abandon = nil }
    }

    /// Abandons the calls in flight; they are recorded as unknown.
    func abandon() {
        stop()
        state.withLock { $0.abandon }?()
    }

    /// Abandons the in-flight calls of every running batch: what a second Ctrl-C during a batch
    /// does (the first one cancels the command's task, which stops new calls).
    static func abandonRunningBatches() {
        for control in running.withLock({ Array($0.values) }) { control.abandon() }
    }
}
