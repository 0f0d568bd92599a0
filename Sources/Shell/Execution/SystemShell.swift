import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs `/bin/sh -c TEXT` for `!TEXT` and for the right side of `CMD | TEXT`.
///
/// The child's standard output and error are forwarded line by line to the console (so they
/// land where the shell's own output does, and tests see them); its standard input is the
/// piped text, or `/dev/null` for `!` (the terminal and a script on stdin stay the shell's).
/// Credentials in the environment are not passed on. Blocking reads and writes happen on
/// Dispatch threads, never on the cooperative pool; the process's end is awaited
/// (``ChildProcess``).
public enum SystemShell {
    /// Environment variables a child never sees: the keys and tokens cvmsh may run with.
    public static func isSecret(_ variable: String) -> Bool {
        variable.hasPrefix("TENCENTCLOUD_") && (variable.contains("SECRET") || variable.contains("TOKEN"))
    }

    /// A connected pair of Unix stream sockets (`socketpair(2)`), or `nil` with `errno` set.
    public static func socketPair() -> [Int32]? {
        #if canImport(Glibc)
            let type = Int32(SOCK_STREAM.rawValue) // an enum case in Glibc
        #else
            let type = SOCK_STREAM
        #endif
        var sockets: [Int32] = [-1, -1]
        return socketpair(AF_UNIX, type, 0, &sockets) == 0 ? sockets : nil
    }

    /// Runs `text`; throws when it cannot start or does not exit with status 0.
    static func run(
        _ text: String, input: String?, environment: [String: String], console: any Console
    ) async throws(ShellError) {
        let output = Pipe()
        let errors = Pipe()
        // A socket, not a pipe, for the input: a reader that stops early (`head`) makes the
        // write fail with EPIPE instead of raising SIGPIPE in the shell.
        var sockets: [Int32]?
        if input != nil {
            guard let pair = socketPair() else {
                throw .failed("cannot run `\(text)`: \(String(cString: strerror(errno)))")
            }
            sockets = pair
        }
        let child: ChildProcess
        do {
            child = try ChildProcess.shell(
                text, environment: environment.filter { !isSecret($0.key) }, input: sockets?[1],
                output: output.fileHandleForWriting.fileDescriptor, errors: errors.fileHandleForWriting.fileDescriptor)
        } catch {
            for socket in sockets ?? [] { close(socket) }
            throw .failed("cannot run /bin/sh: \(error)")
        }
        // The child has its own copies; the reads below end when it closes them.
        try? output.fileHandleForWriting.close()
        try? errors.fileHandleForWriting.close()
        if let sockets { close(sockets[1]) }
        async let written: Void = feed(input, to: sockets?[0] ?? -1)
        async let printed: Void = forward(output.fileHandleForReading) { console.write($0) }
        async let reported: Void = forward(errors.fileHandleForReading) { lines in
            let split = lines.split(separator: "\n", omittingEmptySubsequences: false)
            for line in split.dropLast(lines.hasSuffix("\n") ? 1 : 0) { console.diagnostic(String(line)) }
        }
        let termination = await withTaskCancellationHandler {
            await child.termination()
        } onCancel: {
            child.send(SIGTERM)
        }
        _ = await (written, printed, reported)
        if Task.isCancelled { throw .interrupted }
        switch termination {
        case .exited(0): return
        case .exited(let status): throw .failed("`\(text)` exited with status \(status)")
        case .signalled(let signal): throw .failed("`\(text)` was killed by signal \(signal)")
        }
    }

    /// Writes `text` to the socket `descriptor` on a Dispatch thread and closes it; stops quietly
    /// when the reader has gone (no SIGPIPE). Does nothing without text.
    public static func feed(_ text: String?, to descriptor: Int32) async {
        guard let text else { return }
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                var bytes = Array(text.utf8)[...]
                while !bytes.isEmpty {
                    let sent = bytes.withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    if sent < 0, errno == EINTR { continue }
                    guard sent > 0 else { break }
                    bytes = bytes.dropFirst(sent)
                }
                close(descriptor)
                done.resume()
            }
        }
    }

    /// Reads `handle` to its end on a Dispatch thread, passing on whole lines as they come
    /// (the last one may lack its newline).
    private static func forward(_ handle: FileHandle, to sink: @escaping @Sendable (String) -> Void) async {
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                var pending: [UInt8] = []
                while true {
                    let chunk = handle.availableData
                    if chunk.isEmpty { break }
                    pending += chunk
                    if let last = pending.lastIndex(of: UInt8(ascii: "\n")) {
                        sink(String(decoding: pending[...last], as: UTF8.self))
                        pending.removeSubrange(...last)
                    }
                }
                if !pending.isEmpty { sink(String(decoding: pending, as: UTF8.self)) }
                done.resume()
            }
        }
    }
}
