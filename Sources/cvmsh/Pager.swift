import Foundation
import Shell

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the user's pager on text: `/bin/sh -c COMMAND` (``ChildProcess``) with the text on its
/// standard input and the terminal as its output. The write and the wait happen off the
/// cooperative pool.
enum Pager {
    /// Shows `text` through `command`; `false` when the pager could not be started (the caller
    /// then writes the text itself).
    static func show(_ text: String, command: String) async -> Bool {
        // A socket, not a pipe: a pager that quits early (q in less) makes the write fail with
        // EPIPE instead of raising SIGPIPE in cvmsh.
        guard let sockets = SystemShell.socketPair() else { return false }
        let child: ChildProcess
        do {
            // The pager, like `!`, never sees the keys cvmsh runs with.
            let environment = ProcessInfo.processInfo.environment.filter { !SystemShell.isSecret($0.key) }
            child = try ChildProcess.shell(command, environment: environment, input: sockets[1])
        } catch {
            for socket in sockets { close(socket) }
            return false
        }
        close(sockets[1])
        await SystemShell.feed(text, to: sockets[0])
        _ = await child.termination()
        return true
    }
}
