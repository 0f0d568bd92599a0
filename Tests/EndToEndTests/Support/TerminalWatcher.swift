import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The thread of its own that watches a ``PseudoTerminal``'s program: it reads the master side
/// as output arrives, reaps the program when it exits and notes when it leaves line mode, and
/// wakes the one task waiting for any of that (or for its deadline). Waiting tasks therefore
/// hold no thread, and resume once per change rather than once per poll: on a busy cooperative
/// pool every resumption may wait its turn.
///
/// It owns the master descriptor from the start; ``stop()`` kills the program if it still
/// runs, reaps it and closes the descriptor, on the watcher's thread.
final class TerminalWatcher: Sendable {
    /// What the watcher has seen so far.
    struct Seen {
        /// Everything the program wrote to the terminal, as raw bytes.
        var transcript: [UInt8] = []
        /// Every slave descriptor is closed (the program and its children are gone).
        var closed = false
        /// The status `waitpid` reported, once the program has exited.
        var status: Int32?
        /// The watcher killed the program (SIGKILL) at a waiter's deadline.
        var killedAtDeadline = false
        /// The terminal is in line mode (ICANON), as a program starts.
        var lineMode = true
        /// Counts changes to the fields above.
        var version = 0
    }

    private struct State {
        var seen = Seen()
        var waiter: Waiter?
        var stopping = false
    }

    private struct Waiter {
        let version: Int
        let deadline: ContinuousClock.Instant
        let killAtDeadline: Bool
        let wake: CheckedContinuation<Void, Never>
    }

    private let master: Int32
    private let pid: pid_t
    private let state = Mutex(State())

    /// Starts watching `pid` on `master` (non-blocking), which the watcher now owns.
    init(master: Int32, pid: pid_t) {
        self.master = master
        self.pid = pid
        Thread.detachNewThread { [self] in watch() }
    }

    /// A look at what has been seen, under the lock.
    func seen<T>(_ body: (Seen) -> T) -> T {
        state.withLock { body($0.seen) }
    }

    /// Returns once anything has changed since `version` (see ``Seen/version``), or at
    /// `deadline`, whichever comes first; with `killAtDeadline`, a program still running at the
    /// deadline is killed (SIGKILL) and reaped first, so the waiter resumes once for all of
    /// that. One task at a time may wait.
    ///
    /// The waiting task prefers ``TerminalActor``'s executor: a resumed continuation goes to the
    /// task's executor preference, or else to the cooperative threads, where on a busy machine
    /// it waited seconds for its turn before it could even hop back to the actor.
    func change(
        after version: Int, until deadline: ContinuousClock.Instant, killAtDeadline: Bool = false,
        isolation: isolated (any Actor)? = #isolation
    ) async {
        await withTaskExecutorPreference(TerminalActor.executor) {
            await withCheckedContinuation(isolation: isolation) { (wake: CheckedContinuation<Void, Never>) in
                let now = state.withLock { state -> Bool in
                    // Past the deadline, a waiter that wants the program killed still waits for that.
                    let late = ContinuousClock.now >= deadline && !killAtDeadline
                    guard state.seen.version == version, !late, !state.stopping else { return true }
                    precondition(state.waiter == nil, "two tasks wait on one terminal")
                    state.waiter = Waiter(
                        version: version, deadline: deadline, killAtDeadline: killAtDeadline, wake: wake)
                    return false
                }
                if now { wake.resume() }
            }
        }
    }

    /// Ends the watch: the program is killed (SIGKILL) if it still runs, and reaped.
    func stop() {
        let waiter = state.withLock { state in
            state.stopping = true
            defer { state.waiter = nil }
            return state.waiter?.wake
        }
        waiter?.resume()
    }

    // MARK: - The watcher's thread

    private func watch() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let (closed, exited, stopping) = state.withLock { ($0.seen.closed, $0.seen.status != nil, $0.stopping) }
            if stopping {
                if !exited {
                    kill(pid, SIGKILL)
                    var status: Int32 = 0
                    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                }
                close(master)
                return
            }
            // Blocks this thread only: until output arrives, or 10 ms to look at the rest.
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            _ = closed ? poll(nil, 0, 10) : poll(&descriptor, 1, 10)

            // Reap before reading, so that once the status is known so is all the output.
            var status: Int32 = 0
            let reaped = !exited && waitpid(pid, &status, WNOHANG) == pid
            var output: [UInt8] = []
            var nowClosed = closed
            while !nowClosed {
                let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if count > 0 {
                    output += buffer[..<count]
                } else {
                    // EIO: every slave descriptor is closed.
                    if count == 0 || errno == EIO { nowClosed = true }
                    break
                }
            }
            var modes = termios()
            let lineMode = tcgetattr(master, &modes) == 0 ? modes.c_lflag & tcflag_t(ICANON) != 0 : nil

            let waiter = state.withLock { state -> Waiter? in
                var changed = !output.isEmpty || nowClosed != closed || reaped
                state.seen.transcript += output
                state.seen.closed = nowClosed
                if reaped { state.seen.status = status }
                if let lineMode, lineMode != state.seen.lineMode {
                    state.seen.lineMode = lineMode
                    changed = true
                }
                if changed { state.seen.version += 1 }
                guard let waiter = state.waiter,
                    waiter.version != state.seen.version || ContinuousClock.now >= waiter.deadline
                else { return nil }
                state.waiter = nil
                return waiter
            }
            if let waiter, waiter.killAtDeadline, !exited, !reaped, waiter.version == seen(\.version) {
                kill(pid, SIGKILL)
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
                state.withLock { state in
                    state.seen.status = status
                    state.seen.killedAtDeadline = true
                    state.seen.version += 1
                }
            }
            waiter?.wake.resume()
        }
    }
}
