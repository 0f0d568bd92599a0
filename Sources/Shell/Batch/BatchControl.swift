import Synchronization

/// The shared stop switch of one running batch: Ctrl-C or a journal failure stops new calls;
/// a second Ctrl-C (or the end of the grace period) abandons the calls in flight.
final class BatchControl: Sendable {
    private struct State {
        var stopReason: SkipReason?
        var journalError: JournalError?
        var abandon: (@Sendable () -> Void)?
    }

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
