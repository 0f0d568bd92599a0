import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT, SIGTERM and SIGHUP, delivered by dispatch sources (so no code of ours runs in a
/// signal handler) to every task listening through ``subscribe()``.
///
/// Installed once at start; until then, and whenever nobody listens, SIGINT is ignored.
/// SIGTERM and SIGHUP are remembered (``terminatingSignal``): the shell finishes what it is
/// doing (history saved, temporary folder removed, terminal restored) and then ends with that
/// signal through ``die(of:)``, as it would have ended without a handler.
enum ProcessSignals {
    /// SIGINT (Ctrl-C), the signal that interrupts a command rather than ending the shell.
    static let interrupt = SIGINT
    /// The signals handled.
    static let handled = [SIGINT, SIGTERM, SIGHUP]

    private struct State: ~Copyable {
        var listeners: [Int: AsyncStream<Int32>.Continuation] = [:]
        var nextListener = 0
        var sources: [any DispatchSourceSignal] = []
        var terminating: Int32?
    }

    private static let state = Mutex(State())
    private static let queue = DispatchQueue(label: "cvmsh.signals")

    /// Starts the dispatch sources (idempotent).
    static func install() async {
        state.withLock { state in
            guard state.sources.isEmpty else { return }
            for number in handled {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
                source.setEventHandler { deliver(number) }
                source.resume()
                state.sources.append(source)
            }
        }
        // libdispatch installs its handlers from its own thread, a moment after `resume()`; the
        // line editor saves and restores the SIGINT handler around each read, so it must not
        // start before they are in place (or it would put `SIG_IGN` back over them).
        let deadline = ContinuousClock.now + .seconds(2)
        while handled.contains(where: isIgnored), ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(1))
        }
    }

    private static func isIgnored(_ number: Int32) -> Bool {
        var current = sigaction()
        sigaction(number, nil, &current)
        #if canImport(Glibc)
            let handler = current.__sigaction_handler.sa_handler
        #else
            let handler = current.__sigaction_u.__sa_handler
        #endif
        return unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    /// The first SIGTERM or SIGHUP received, if any.
    static var terminatingSignal: Int32? {
        state.withLock { $0.terminating }
    }

    /// The signals that arrive from now until the subscription ends.
    static func subscribe() -> Subscription {
        let (stream, continuation) = AsyncStream<Int32>.makeStream(bufferingPolicy: .unbounded)
        let id = state.withLock { state in
            state.nextListener += 1
            state.listeners[state.nextListener] = continuation
            return state.nextListener
        }
        return Subscription(signals: stream, id: id)
    }

    /// A listener's stream of signal numbers; ``end()`` finishes it.
    struct Subscription: Sendable {
        let signals: AsyncStream<Int32>
        fileprivate let id: Int

        /// Stops listening: the stream finishes.
        func end() {
            let continuation = ProcessSignals.state.withLock { $0.listeners.removeValue(forKey: id) }
            continuation?.finish()
        }
    }

    /// Ends the process with `number`, with its default disposition (so the parent sees it).
    static func die(of number: Int32) -> Never {
        signal(number, SIG_DFL)
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, number)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
        raise(number)
        exit(128 + number)
    }

    private static func deliver(_ number: Int32) {
        let listeners = state.withLock { state in
            if number != SIGINT, state.terminating == nil { state.terminating = number }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.yield(number) }
    }
}
