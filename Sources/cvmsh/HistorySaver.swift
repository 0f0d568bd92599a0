#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LineEditor

/// Saves history when the session is ended by SIGHUP or SIGTERM (the terminal closed, a kill),
/// then lets the signal end the process as it would have.
enum HistorySaver {
    nonisolated(unsafe) private static var editor: LineEditor?

    static func install(_ editor: LineEditor) {
        Self.editor = editor
        for signal in [SIGHUP, SIGTERM] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                _ = HistorySaver.editor?.saveHistory()
                HistorySaver.editor?.close()
                Glibc.signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    static func uninstall() {
        editor = nil
        signal(SIGHUP, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
