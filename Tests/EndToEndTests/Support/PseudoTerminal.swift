import TestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program running on its own pseudo-terminal, driven like a user at a
/// keyboard: type text and keys, wait for output, resize the window, collect
/// the exit status.
///
/// The program starts in a new session with the terminal as its controlling
/// tty, with ``ChildSpawn``'s signal settings and no other descriptor of ours.
/// Every wait is bounded and holds no thread: a ``TerminalWatcher`` reads
/// the output and reaps the program on a thread of its own, and wakes a waiting
/// test when something changes. A program still running when the terminal is
/// dropped is killed.
///
/// Its waits run on ``TerminalActor``, off the cooperative threads. Use one instance from
/// one test.
@TerminalActor final class PseudoTerminal {
    /// Keys that send escape sequences or special characters.
    enum Key: String {
        case up = "\u{1B}[A"
        case down = "\u{1B}[B"
        case right = "\u{1B}[C"
        case left = "\u{1B}[D"
        case tab = "\t"
        case enter = "\r"
        case escape = "\u{1B}"
        case backspace = "\u{7F}"
    }

    /// A failure to start, drive or wait for the program; the description
    /// includes what the program printed so a failing test explains itself.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The program's process id.
    let pid: pid_t
    /// Everything the program has written to the terminal so far (including
    /// the terminal's echo of typed input), as raw bytes.
    nonisolated var transcript: [UInt8] { watcher.seen(\.transcript) }

    private let master: Int32
    private let executable: String
    private let watcher: TerminalWatcher
    /// Offset in `transcript` just past the last `waitFor` match.
    private var matched = 0

    /// Starts `executable` with `arguments` on a new terminal of `rows` x
    /// `cols`.
    ///
    /// The environment is `PATH` and `HOME` from this process, `TERM=xterm`, `PAGER=cat`
    /// and `LANG=C.UTF-8`, overridden and extended by `environment`.
    nonisolated init(
        _ executable: String, arguments: [String] = [], environment: [String: String] = [:],
        rows: UInt16 = 24, cols: UInt16 = 80
    ) throws {
        var masterFD: Int32 = -1
        var slaveFD: Int32 = -1
        var name = [CChar](repeating: 0, count: 256)
        var size = winsize(ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterFD, &slaveFD, &name, nil, &size) == 0 else {
            throw Failure(description: "openpty failed: \(String(cString: strerror(errno)))")
        }
        // The child reopens the slave by name after setsid(), which makes it its
        // controlling terminal; no descriptor of ours may leak into it.
        close(slaveFD)
        _ = fcntl(masterFD, F_SETFD, FD_CLOEXEC)
        _ = fcntl(masterFD, F_SETFL, fcntl(masterFD, F_GETFL) | O_NONBLOCK)
        let slaveName = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

        // PAGER=cat: long results must not wait in less for a key no test sends.
        var variables = [
            "PATH": Self.variable("PATH") ?? "/usr/bin:/bin", "TERM": "xterm", "LANG": "C.UTF-8", "PAGER": "cat",
        ]
        variables["HOME"] = Self.variable("HOME")
        variables.merge(environment) { $1 }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = variables.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }

        var child: pid_t = 0
        let rc: Int32
        do {
            rc = try ChildSpawn.withFileActions { actions in
                posix_spawn_file_actions_addopen(&actions, 0, slaveName, O_RDWR, 0)
                posix_spawn_file_actions_adddup2(&actions, 0, 1)
                posix_spawn_file_actions_adddup2(&actions, 0, 2)
            } _: { actions in
                ChildSpawn.withAttributes(extraFlags: Self.spawnSetSID) { attributes in
                    posix_spawn(&child, executable, actions, attributes, argv, envp)
                }
            }
        } catch {
            close(masterFD)
            throw error
        }
        guard rc == 0 else {
            close(masterFD)
            throw Failure(description: "cannot start \(executable): \(String(cString: strerror(rc)))")
        }
        pid = child
        master = masterFD
        self.executable = executable
        watcher = TerminalWatcher(master: masterFD, pid: child)
    }

    deinit {
        watcher.stop()
    }

    /// The transcript as text (invalid UTF-8 repaired).
    nonisolated var output: String { String(decoding: transcript, as: UTF8.self) }

    /// Types `text` as if on the keyboard ("\r" is Enter).
    func type(_ text: String, timeout: Duration = .seconds(5)) async throws {
        let bytes = Array(text.utf8)
        var offset = 0
        let deadline = ContinuousClock.now + timeout
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if count > 0 {
                offset += count
                continue
            }
            guard count < 0, errno == EAGAIN || errno == EINTR else {
                throw Failure(description: "cannot type into \(executable): \(String(cString: strerror(errno)))")
            }
            guard ContinuousClock.now < deadline else {
                throw Failure(description: "\(executable) stopped reading input; output:\n\(pendingOutput)")
            }
            await watcher.change(after: watcher.seen(\.version), until: .now + .milliseconds(10))
        }
    }

    /// Presses `key`.
    func press(_ key: Key) async throws {
        try await type(key.rawValue)
    }

    /// Sends Ctrl-`letter`: "c" interrupts, "d" is end of input, "z" suspends,
    /// "[" is Escape.
    func send(control letter: Character) async throws {
        guard let ascii = letter.uppercased().first?.asciiValue, (0x40...0x5F).contains(ascii) else {
            throw Failure(description: "no control character for \(letter)")
        }
        try await type(String(UnicodeScalar(ascii & 0x1F)))
    }

    /// Waits until `substring` appears in output not yet matched by an earlier
    /// wait, and returns the output from the end of the previous match up to
    /// and including this one.
    ///
    /// - Throws: ``Failure`` after `timeout`, or as soon as the program has
    ///   closed the terminal without printing `substring`.
    @discardableResult
    func waitFor(_ substring: String, timeout: Duration = .seconds(10)) async throws -> String {
        let needle = Array(substring.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            let from = matched
            let (version, found, closed) = watcher.seen { seen in
                (seen.version, Self.find(needle, in: seen.transcript, from: from), seen.closed)
            }
            if let (end, chunk) = found {
                matched = end
                return chunk
            }
            if closed {
                throw Failure(
                    description:
                        "\(executable) closed the terminal before printing \(substring.debugDescription); output:\n\(pendingOutput)"
                )
            }
            guard ContinuousClock.now < deadline else {
                throw Failure(
                    description:
                        "timed out waiting for \(substring.debugDescription) from \(executable); output:\n\(pendingOutput)"
                )
            }
            await watcher.change(after: version, until: deadline)
        }
    }

    /// Waits until the program has switched the terminal out of line mode (ICANON off): a line
    /// editor does that when it starts waiting for keys, so a key sent now reaches it rather
    /// than the terminal's own line discipline (which would, for example, eat a Ctrl-D).
    func waitForRawMode(timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now + timeout
        while true {
            // On a pseudo-terminal the master reports the modes the program set on its side.
            let (version, lineMode, closed) = watcher.seen { ($0.version, $0.lineMode, $0.closed) }
            if !lineMode { return }
            guard ContinuousClock.now < deadline, !closed else {
                throw Failure(description: "\(executable) never left line mode; output:\n\(pendingOutput)")
            }
            await watcher.change(after: version, until: deadline)
        }
    }

    /// Changes the window size; the program receives SIGWINCH.
    nonisolated func resize(rows: UInt16, cols: UInt16) throws {
        var size = winsize(ws_row: rows, ws_col: cols, ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else {
            throw Failure(description: "cannot resize the terminal: \(String(cString: strerror(errno)))")
        }
    }

    /// Waits for the program to exit, its output read meanwhile.
    ///
    /// - Returns: the exit status, or 128 + the signal number when a signal
    ///   ended it (as shells report it).
    /// - Throws: ``Failure`` after `timeout`, having killed the program with
    ///   SIGKILL and reaped it.
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(10)) async throws -> Int32 {
        if let status = watcher.seen(\.status) { return Self.decode(status) }
        let deadline = ContinuousClock.now + timeout
        while true {
            let (version, status, killed) = watcher.seen { ($0.version, $0.status, $0.killedAtDeadline) }
            if let status {
                guard !killed else {
                    throw Failure(
                        description: "\(executable) did not exit within \(timeout); killed. Output:\n\(pendingOutput)")
                }
                return Self.decode(status)
            }
            await watcher.change(after: version, until: deadline, killAtDeadline: true)
        }
    }

    /// The path of the built executable `name` (for example "cvmsh"), found
    /// next to the running test bundle (`/proc/self/exe`, so
    /// `.build/<triple>/debug/<name>`) or in one of the directories above it.
    nonisolated static func builtProduct(named name: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let me =
            length > 0
            ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            : CommandLine.arguments[0]
        var directory = parent(of: me)
        for _ in 0..<4 {
            let candidate = directory + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
            directory = parent(of: directory)
        }
        return parent(of: me) + "/" + name
    }

    // MARK: - Internals

    /// POSIX_SPAWN_SETSID (glibc 2.26+, macOS 10.15+), not imported into Swift.
    #if os(Linux)
        private nonisolated static let spawnSetSID: Int32 = 0x80
    #else
        private nonisolated static let spawnSetSID: Int32 = 0x400
    #endif

    private var pendingOutput: String {
        let from = matched
        return watcher.seen { String(decoding: $0.transcript[from...], as: UTF8.self).debugDescription }
    }

    /// The end of the first `needle` in `transcript` at or after `start`, and the text from
    /// `start` to it.
    private nonisolated static func find(_ needle: [UInt8], in transcript: [UInt8], from start: Int) -> (Int, String)? {
        guard transcript.count - start >= needle.count else { return nil }
        for begin in start...(transcript.count - needle.count)
        where transcript[begin..<(begin + needle.count)].elementsEqual(needle) {
            let end = begin + needle.count
            return (end, String(decoding: transcript[start..<end], as: UTF8.self))
        }
        return nil
    }

    private nonisolated static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    private nonisolated static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    private nonisolated static func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
