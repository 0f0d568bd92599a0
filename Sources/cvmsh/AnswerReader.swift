import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one answer line from standard input on a queue of its own (never on Swift's
/// cooperative pool), and gives up at once when the asking task is cancelled (Ctrl-C at
/// `share now? [y/N]`): the read waits in poll(2) on the input and on a pipe that the
/// cancellation writes to.
enum AnswerReader {
    private static let queue = DispatchQueue(label: "cvmsh.answers")

    /// How the terminal treats the answer while it is typed.
    enum Echo {
        /// Typed characters are shown; control characters (`^C`) are not.
        case plain
        /// Nothing typed is shown (`login`'s SecretKey).
        case hidden
    }

    /// Shows `prompt` on standard error (after the terminal's modes are set, so nothing typed
    /// early is echoed) and returns the line typed (without its newline), or `nil` at end of
    /// input or when cancelled.
    static func readLine(prompt: String, echo: Echo) async -> String? {
        var wake: [Int32] = [-1, -1]
        guard pipe(&wake) == 0 else { return nil }
        let (readEnd, writeEnd) = (wake[0], wake[1])
        defer {
            close(readEnd)
            close(writeEnd)
        }
        let removed: TerminalMode.Flags = echo == .hidden ? [.echo, .echoControl] : [.echoControl]
        let terminal = TerminalMode(descriptor: STDIN_FILENO, removing: removed)
        defer { terminal?.restore() }
        StandardConsole.write(STDERR_FILENO, prompt)
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                queue.async { continuation.resume(returning: readAnswer(wake: readEnd)) }
            }
        } onCancel: {
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }
    }

    /// Reads up to a newline, one read(2) at a time so nothing after the line is consumed.
    private static func readAnswer(wake: Int32) -> String? {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            var descriptors = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&descriptors, 2, -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if descriptors[1].revents != 0 { return nil }
            let count = read(STDIN_FILENO, &byte, 1)
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            if count <= 0 { return line.isEmpty ? nil : String(decoding: line, as: UTF8.self) }
            if byte == UInt8(ascii: "\n") { return String(decoding: line, as: UTF8.self) }
            line.append(byte)
        }
    }
}
