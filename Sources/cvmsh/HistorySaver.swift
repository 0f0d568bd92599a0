#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditor

/// SIGHUP (the terminal went away) and SIGTERM during an interactive session: the handler only
/// records the signal; the prompt loop then saves the history outside the handler and ends the
/// process with that signal, as it would have ended without the handler.
enum HistorySaver {
    nonisolated(unsafe) private static var received: sig_atomic_t = 0

    /// The terminating signal received, or 0.
    static var pendingSignal: Int32 { Int32(received) }

    static func install() {
        received = 0
        for signal in [SIGHUP, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in HistorySaver.received = sig_atomic_t(number) }
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
