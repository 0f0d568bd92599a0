#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Shell
import Synchronization

/// SIGINT while a command runs: the handler only records it; a watcher task turns the first one
/// into cancellation of the running command (the batch engine then stops starting calls, lets
/// the calls in flight finish, records everything and prints its summary) and a second one into
/// abandoning the calls in flight (recorded as unknown). SIGTERM and SIGHUP cancel it too, so
/// the prompt loop can save history before the process ends.
enum InterruptWatcher {
    nonisolated(unsafe) private static var pending: sig_atomic_t = 0

    /// Runs `body` with `interpreter` in a task that SIGINT cancels; returns whether it was interrupted.
    static func run<T: Sendable>(_ interpreter: Interpreter, _ body: @escaping @Sendable (Interpreter) async -> T) async -> (T, interrupted: Bool) {
        pending = 0
        var action = sigaction()
        var previous = sigaction()
        action.__sigaction_handler.sa_handler = { _ in InterruptWatcher.pending = 1 }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, &previous)
        defer { sigaction(SIGINT, &previous, nil) }

        let handoff = Handoff(interpreter)
        let work = Task { await body(handoff.interpreter) }
        let interrupted = Atomic(false)
        let watcher = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: .milliseconds(40))
                if InterruptWatcher.pending != 0 {
                    InterruptWatcher.pending = 0
                    if interrupted.exchange(true, ordering: .relaxed) {
                        BatchEngine.abandonInFlightCalls()
                    } else {
                        work.cancel()
                    }
                }
                if HistorySaver.pendingSignal != 0 {
                    work.cancel()
                    BatchEngine.abandonInFlightCalls()
                }
            }
        }
        let result = await work.value
        watcher.cancel()
        return (result, interrupted.load(ordering: .relaxed))
    }
}

/// Carries the interpreter into the command's task. Sound because exactly one task uses it at a
/// time: the caller awaits that task before touching the interpreter again.
private final class Handoff: @unchecked Sendable {
    let interpreter: Interpreter
    init(_ interpreter: Interpreter) { self.interpreter = interpreter }
}
