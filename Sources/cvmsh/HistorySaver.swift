#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditor
import Synchronization

/// SIGHUP (the terminal went away) and SIGTERM during an interactive session: the handler only
/// records the signal; the prompt loop then saves the history outside the handler and ends the
/// process with that signal, as it would have ended without the handler.
enum HistorySaver {
    /// Written by the handler, read by the prompt loop and the interrupt watcher (other
    /// threads): an atomic, lock-free so safe to store from a signal handler.
    private static let received = Atomic<Int32>(0)

    /// The terminating signal received, or 0.
    static var pendingSignal: Int32 { received.load(ordering: .sequentiallyConsistent) }

    static func install() {
        received.store(0, ordering: .sequentiallyConsistent)
        for signal in [SIGHUP, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in HistorySaver.received.store(number, ordering: .sequentiallyConsistent) }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    /// If a terminating signal arrived: saves the history, restores the terminal and dies of it.
    static func finishIfSignalled(_ editor: LineEditor) {
        let number = pendingSignal
        guard number != 0 else { return }
        _ = editor.saveHistory()
        editor.close()
        signal(number, SIG_DFL)
        raise(number)
    }
}
