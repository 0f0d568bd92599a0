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
    /// Set by the SIGINT handler, taken by the watcher task (on another thread): an atomic, so
    /// neither a lost nor a doubled interrupt (a plain global here was a data race, found by
    /// ThreadSanitizer). Lock-free, hence safe to store from a signal handler.
    private static let pending = Atomic<Int32>(0)

    /// Runs `body` with `interpreter` in a task that SIGINT cancels; returns whether it was interrupted.
    static func run<T: Sendable>(_ interpreter: Interpreter, _ body: @escaping @Sendable (Interpreter) async -> T) async -> (T, interrupted: Bool) {
        pending.store(0, ordering: .sequentiallyConsistent)
        var action = sigaction()
        var previous = sigaction()
        action.__sigaction_handler.sa_handler = { _ in InterruptWatcher.pending.store(1, ordering: .sequentiallyConsistent) }
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
                if InterruptWatcher.pending.exchange(0, ordering: .sequentiallyConsistent) != 0 {
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
        // The watcher must be gone before the next command resets `pending` and starts its own,
        // or it could take that command's Ctrl-C.
        await watcher.value
        return (result, interrupted.load(ordering: .relaxed))
    }
}

/// Carries the interpreter into the command's task. Sound because exactly one task uses it at a
/// time: the caller awaits that task before touching the interpreter again.
private final class Handoff: @unchecked Sendable {
    let interpreter: Interpreter
    init(_ interpreter: Interpreter) { self.interpreter = interpreter }
}
