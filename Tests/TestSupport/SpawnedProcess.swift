import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A child process started with `posix_spawn` (Foundation's `Process` can crash while it
/// starts one on Linux: it copies `dirent` names past the end of glibc's buffer).
///
/// The child gets ``ChildSpawn``'s settings: an empty signal mask, default signal dispositions
/// and no descriptor of the test process beyond its standard ones. A thread of its own waits
/// for it with `waitpid`, so a task waiting for the exit holds no thread; a child still running
/// when the value is dropped is killed (SIGKILL) and reaped all the same.
public final class SpawnedProcess: Sendable {
    /// Where one of the child's standard descriptors goes.
    public enum Stream: Sendable {
        /// `/dev/null`.
        case null
        /// A file: read as standard input, created or truncated as standard output or error.
        case file(String)
        /// A pipe whose other end is the matching property of the process.
        case pipe
    }

    /// How the child ended.
    public enum Termination: Sendable, Equatable {
        /// It exited with this status.
        case exited(Int32)
        /// This signal ended it.
        case signaled(Int32)

        /// The status as shells report it: the exit status, or 128 + the signal number.
        public var shellStatus: Int32 {
            switch self {
            case .exited(let status): status
            case .signaled(let signal): 128 + signal
            }
        }
    }

    /// The child's process id.
    public let pid: pid_t
    /// The name of the executable (the last part of its path).
    public let name: String
    /// The write end of the child's standard input, when it is a ``Stream/pipe``.
    public let standardInput: FileHandle?
    /// The read end of the child's standard output, when it is a ``Stream/pipe``.
    public let standardOutput: FileHandle?
    /// The read end of the child's standard error, when it is a ``Stream/pipe``.
    public let standardError: FileHandle?

    private let exit: ExitWatch

    /// Starts `executable` (a path) with `arguments` and exactly `environment`, in `directory`
    /// (default: this process's).
    ///
    /// - Throws: ``SpawnFailure`` when it cannot start.
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String], directory: String? = nil,
        stdin: Stream = .null, stdout: Stream = .null, stderr: Stream = .null
    ) throws {
        let streams = [stdin, stdout, stderr]
        // Per descriptor 0...2: the child's end and the parent's end of its pipe, if any (the
        // parent's end closes itself when the handle goes, also when this throws).
        var pipes: [(child: Int32, parent: FileHandle)?] = []
        defer { for pipe in pipes { if let pipe { close(pipe.child) } } }
        for (descriptor, stream) in streams.enumerated() {
            guard case .pipe = stream else {
                pipes.append(nil)
                continue
            }
            var ends: [Int32] = [-1, -1]
            guard pipe(&ends) == 0 else {
                throw SpawnFailure(description: "cannot make a pipe: \(String(cString: strerror(errno)))")
            }
            // Children spawned meanwhile close every descriptor from 3 up (``ChildSpawn``).
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            let (child, parent) = descriptor == 0 ? (ends[0], ends[1]) : (ends[1], ends[0])
            pipes.append((child, FileHandle(fileDescriptor: parent, closeOnDealloc: true)))
        }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in argv + envp { free(pointer) } }
        var child: pid_t = 0
        let spawned = try ChildSpawn.withFileActions(directory: directory) { actions in
            for (descriptor, stream) in streams.enumerated() {
                let target = Int32(descriptor)
                switch stream {
                case .null:
                    posix_spawn_file_actions_addopen(
                        &actions, target, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
                case .file(let path):
                    let flags = descriptor == 0 ? O_RDONLY : O_WRONLY | O_CREAT | O_TRUNC
                    posix_spawn_file_actions_addopen(&actions, target, path, flags, 0o644)
                case .pipe:
                    posix_spawn_file_actions_adddup2(&actions, pipes[descriptor]!.child, target)
                }
            }
        } _: { actions in
            ChildSpawn.withAttributes { attributes in posix_spawn(&child, executable, actions, attributes, argv, envp) }
        }
        guard spawned == 0 else {
            throw SpawnFailure(description: "cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        pid = child
        name = String(executable.split(separator: "/").last ?? "process")
        standardInput = pipes[0]?.parent
        standardOutput = pipes[1]?.parent
        standardError = pipes[2]?.parent
        exit = ExitWatch(pid: child)
    }

    deinit {
        signal(SIGKILL)
    }

    /// How the child ended, or nil while it runs.
    public var termination: Termination? { exit.termination }

    /// How the child ended as shells report it (``Termination/shellStatus``), or nil while it runs.
    public var shellStatus: Int32? { termination?.shellStatus }

    /// Whether the child has not exited yet.
    public var isRunning: Bool { termination == nil }

    /// Sends `signal` to the child unless it has exited (and its pid might be another's).
    public func signal(_ signal: Int32) {
        exit.signal(signal)
    }

    /// Waits until the child has exited, holding no thread meanwhile.
    ///
    /// - Returns: whether it exited within `timeout`.
    /// - Throws: `CancellationError` when the waiting task is cancelled.
    public func exited(within timeout: Duration) async throws -> Bool {
        try await exit.exited(within: timeout)
    }

    /// Waits up to `timeout` for the exit; a child still running then is killed (SIGKILL) and
    /// reaped (waiting up to 30 s more).
    ///
    /// - Returns: the ``shellStatus``, or nil when the child had to be killed.
    public func finish(within timeout: Duration) async throws -> Int32? {
        if try await exited(within: timeout) { return shellStatus }
        signal(SIGKILL)
        _ = try await exited(within: .seconds(30))
        return nil
    }
}

/// Waits for one child on a thread of its own and wakes the tasks waiting for its exit.
private final class ExitWatch: Sendable {
    private struct State {
        var termination: SpawnedProcess.Termination?
        var waiters: [Int: CheckedContinuation<Bool, any Error>] = [:]
        var nextWaiter = 0
    }

    private let pid: pid_t
    private let state = Mutex(State())

    init(pid: pid_t) {
        self.pid = pid
        Thread.detachNewThread { [self] in watch() }
    }

    var termination: SpawnedProcess.Termination? { state.withLock { $0.termination } }

    func signal(_ signal: Int32) {
        // Under the lock: the watcher reaps the child (freeing its pid) only while holding it.
        state.withLock { if $0.termination == nil { kill(pid, signal) } }
    }

    func exited(within timeout: Duration) async throws -> Bool {
        let id = state.withLock { state in
            state.nextWaiter += 1
            return state.nextWaiter
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Bool, any Error>) in
                // nil: now waiting; else what to answer at once.
                let answer: Result<Bool, any Error>? = state.withLock { state in
                    if state.termination != nil { return .success(true) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiters[id] = waiter
                    return nil
                }
                if let answer { return waiter.resume(with: answer) }
                Task { [self] in
                    try? await Task.sleep(for: timeout)
                    state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(returning: false)
                }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.resume(throwing: CancellationError())
        }
    }

    /// Waits for the exit without reaping, then reaps under the lock and wakes every waiter.
    private func watch() {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0, errno == EINTR {}
        let waiters = state.withLock { state in
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0, errno == EINTR {}
            let signal = status & 0x7F
            state.termination = signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
            defer { state.waiters = [:] }
            return Array(state.waiters.values)
        }
        for waiter in waiters { waiter.resume(returning: true) }
    }
}
