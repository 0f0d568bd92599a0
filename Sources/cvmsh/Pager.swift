import Foundation
import Shell

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs the user's pager on text: `/bin/sh -c COMMAND` with the text on its standard input and
/// the terminal as its output. The write and the wait happen off the cooperative pool.
enum Pager {
    /// Shows `text` through `command`; `false` when the pager could not be started (the caller
    /// then writes the text itself).
    static func show(_ text: String, command: String) async -> Bool {
        // A socket, not a pipe: a pager that quits early (q in less) makes the write fail with
        // EPIPE instead of raising SIGPIPE in cvmsh.
        guard let sockets = SystemShell.socketPair() else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardInput = FileHandle(fileDescriptor: sockets[1], closeOnDealloc: true)
        let ended = AsyncStream<Void>.makeStream()
        process.terminationHandler = { _ in ended.continuation.finish() }
        do {
            try process.run()
        } catch {
            close(sockets[0])
            return false
        }
        try? (process.standardInput as? FileHandle)?.close()
        await SystemShell.feed(text, to: sockets[0])
        for await _ in ended.stream {}
        return true
    }
}
