import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `/bin/sh -c COMMAND` started with `posix_spawn(3)`: for `!`, `| COMMAND` and the pager.
///
/// Not Foundation's `Process`: on Linux its `run()` reads past a buffer while listing
/// `/proc/self/fd` and crashes now and then (swift-corelibs-foundation pull request 5472). The
/// child gets the given descriptors as 0, 1 and 2 and no other (`closefrom`, or
/// `POSIX_SPAWN_CLOEXEC_DEFAULT` on macOS), an empty signal mask and the default action for the
/// signals cvmsh handles, in cvmsh's process group so a Ctrl-C at the terminal reaches it too.
public struct ChildProcess: Sendable {
    /// How the child ended.
    public enum Termination: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    /// Why a child could not be started: the `errno` of `posix_spawn`.
    public struct StartError: Error, CustomStringConvertible {
        public let code: Int32
        public var description: String { String(cString: strerror(code)) }
    }

    /// The child's process id.
    public let pid: pid_t

    /// Starts `/bin/sh -c command`. `input`, `output` and `errors` become its standard input,
    /// output and error (`nil`: `/dev/null` for input, cvmsh's own for the others); the caller
    /// closes its copies. `environment` is all the child's environment.
    public static func shell(
        _ command: String, environment: [String: String], input: Int32?, output: Int32? = nil,
        errors: Int32? = nil
    ) throws(StartError) -> ChildProcess {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t = nil
            var attributes: posix_spawnattr_t = nil
        #else
            var actions = posix_spawn_file_actions_t()
            var attributes = posix_spawnattr_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let input {
            posix_spawn_file_actions_adddup2(&actions, input, 0)
        } else {
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        }
        if let output { posix_spawn_file_actions_adddup2(&actions, output, 1) }
        if let errors { posix_spawn_file_actions_adddup2(&actions, errors, 2) }
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var flags = Int32(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        #if canImport(Darwin)
            flags |= Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
            closeDescriptorsFrom3(&actions)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(flags))
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)

        let arguments = ["/bin/sh", "-c", command]
        let variables = environment.map { "\($0.key)=\($0.value)" }
        var pid = pid_t()
        let code = withCStrings(arguments) { argv in
            withCStrings(variables) { envp in posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, envp) }
        }
        guard code == 0 else { throw StartError(code: code) }
        return ChildProcess(pid: pid)
    }

    /// Waits for the child to end, on a thread of its own (never one of Swift's cooperative
    /// pool), and reaps it. Call once.
    public func termination() async -> Termination {
        let pid = pid
        return await withCheckedContinuation { (done: CheckedContinuation<Termination, Never>) in
            Thread.detachNewThread {
                var status: Int32 = 0
                while waitpid(pid, &status, 0) < 0, errno == EINTR {}
                // WIFEXITED / WEXITSTATUS / WTERMSIG, which Swift does not import as functions.
                let signal = status & 0x7F
                done.resume(returning: signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal))
            }
        }
    }

    /// Sends `signal` to the child.
    public func send(_ signal: Int32) {
        kill(pid, signal)
    }
}

#if !canImport(Darwin)
    /// `posix_spawn_file_actions_addclosefrom_np(actions, 3)` (glibc 2.34 and later), looked up
    /// at run time because Swift's Glibc module does not import it. Without it the child keeps
    /// only what is not close-on-exec; cvmsh opens its own descriptors close-on-exec.
    private func closeDescriptorsFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }
#endif

/// Calls `body` with `strings` as a NULL-terminated array of C strings.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
}
