import Shell

/// SIGINT while a command runs, delivered by ``ProcessSignals``: the first one cancels the
/// running command (the batch engine then stops starting calls, lets the calls in flight
/// finish, records everything and prints its summary; a question being asked is answered No),
/// a second one abandons the calls in flight (recorded as unknown). SIGTERM and SIGHUP do
/// both at once, so the shell can save history and clean up before the process ends.
///
/// The interpreter is not `Sendable`: it belongs to the main actor, the command's task runs there
/// too, and `Shell`'s async functions are `nonisolated(nonsending)` (the module is built with
/// `NonisolatedNonsendingByDefault`), so they run where they are called and the interpreter
/// never crosses an isolation boundary. Batch calls still run in parallel in child tasks.
@MainActor
enum InterruptWatcher {
    /// Runs `body` with `interpreter` in a task that SIGINT cancels; returns whether it was interrupted.
    static func run<T: Sendable>(
        _ interpreter: Interpreter, _ body: @escaping @MainActor (Interpreter) async -> T
    ) async -> (T, interrupted: Bool) {
        let subscription = ProcessSignals.subscribe()
        let work = Task { @MainActor in await body(interpreter) }
        if ProcessSignals.terminatingSignal != nil {
            work.cancel()
        }
        let watcher = Task {
            var interrupts = 0
            for await number in subscription.signals {
                if number != ProcessSignals.interrupt {
                    work.cancel()
                    BatchEngine.abandonInFlightCalls()
                    continue
                }
                interrupts += 1
                if interrupts == 1 { work.cancel() } else { BatchEngine.abandonInFlightCalls() }
            }
            return interrupts > 0
        }
        let result = await work.value
        // The watcher must be gone before the next command subscribes, or it could take that
        // command's Ctrl-C.
        subscription.end()
        return (result, await watcher.value)
    }
}
