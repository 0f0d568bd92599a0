#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `posix_spawn` settings every child a test starts gets, shared by ``SpawnedProcess`` and
/// the end-to-end tests' pseudo-terminal.
public enum ChildSpawn {
    /// Calls `body` with spawn attributes that give the child an empty signal mask and default
    /// signal dispositions (test runners block most signals on their threads, and a spawned
    /// child would inherit that), plus `extraFlags` (for example POSIX_SPAWN_SETSID).
    public static func withAttributes<T>(
        extraFlags: Int32 = 0, _ body: (UnsafePointer<posix_spawnattr_t>) throws -> T
    ) rethrows -> T {
        #if canImport(Darwin)
            var attributes: posix_spawnattr_t = nil
            // No closefrom on macOS: every descriptor not set up for the child is closed.
            let platformFlags = Int32(POSIX_SPAWN_CLOEXEC_DEFAULT)
        #else
            var attributes = posix_spawnattr_t()
            let platformFlags: Int32 = 0
        #endif
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(
            &attributes, Int16(extraFlags | platformFlags | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return try body(&attributes)
    }

    /// Calls `body` with file actions that first do what `setUp` adds (the child's standard
    /// descriptors), then change to `directory` (when given) and close every descriptor from 3
    /// up, so that no descriptor of the test process leaks into the child.
    ///
    /// - Throws: ``SpawnFailure`` when the C library lacks the calls (glibc before 2.34).
    public static func withFileActions<T>(
        directory: String? = nil, setUp: (inout posix_spawn_file_actions_t) -> Void,
        _ body: (UnsafePointer<posix_spawn_file_actions_t>) throws -> T
    ) throws -> T {
        #if canImport(Darwin)
            var actions: posix_spawn_file_actions_t = nil
        #else
            var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        setUp(&actions)
        if let directory {
            guard let addChdir = addChdir, addChdir(&actions, directory) == 0 else {
                throw SpawnFailure(description: "cannot make the child change to \(directory)")
            }
        }
        #if os(Linux)
            guard let addCloseFrom = addCloseFrom, addCloseFrom(&actions, 3) == 0 else {
                throw SpawnFailure(description: "cannot make the child close inherited descriptors")
            }
        #endif
        return try body(&actions)
    }

    #if canImport(Darwin)
        private static let addChdir: Optional = posix_spawn_file_actions_addchdir_np
    #else
        // Declared by glibc only with _DEFAULT_SOURCE, which Swift's Glibc module does not set: looked up by name.
        private typealias AddCloseFrom =
            @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) ->
            Int32
        private typealias AddChdir =
            @convention(c) (
                UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>
            ) -> Int32

        private static let addCloseFrom = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np").map {
            unsafeBitCast($0, to: AddCloseFrom.self)
        }
        private static let addChdir = dlsym(nil, "posix_spawn_file_actions_addchdir_np").map {
            unsafeBitCast($0, to: AddChdir.self)
        }
    #endif
}

/// A child process could not be started.
public struct SpawnFailure: Error, CustomStringConvertible {
    public let description: String
}
