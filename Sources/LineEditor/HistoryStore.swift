#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads and writes the history file: atomic replacement, mode 0600, parent
/// directories created with mode 0700, and a lock so that two sessions saving
/// at once do not lose each other's entries.
enum HistoryStore {
    /// What reading the history file found.
    enum Contents: Equatable {
        /// The file's entries, oldest first.
        case entries([String])
        /// There is no file yet.
        case missing
        /// The file exists but is not a history file; the reason says why.
        case corrupt(String)
        /// The file could not be read (permissions, I/O error).
        case unreadable(String)
    }

    /// A failure to write the history file.
    struct WriteError: Error, CustomStringConvertible {
        /// What failed, with the system's reason.
        var description: String
    }

    /// Reads the history at `path`. A symlink planted at `path` is not followed: it counts as
    /// unreadable, so the history is neither read from its target nor saved over it.
    static func load(_ path: String) -> Contents {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ELOOP { return .unreadable("it is a symbolic link; refusing to follow it") }
            return errno == ENOENT ? .missing : .unreadable(systemError())
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .unreadable(systemError())
            }
            if count == 0 { break }
            bytes += buffer[..<count]
        }
        do {
            return .entries(try HistoryFile.decode(bytes))
        } catch {
            return .corrupt(error.description)
        }
    }

    /// Replaces the file at `path` with `entries`, atomically and with mode
    /// 0600, creating missing parent directories with mode 0700.
    static func save(_ entries: [String], to path: String) throws(WriteError) {
        try createDirectories(parentOf(path))
        let temporary = "\(path).tmp-\(getpid())"
        unlink(temporary)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw WriteError(description: "cannot create \(temporary): \(systemError())") }
        var written = false
        defer {
            close(fd)
            if !written { unlink(temporary) }
        }
        fchmod(fd, 0o600)
        let bytes = HistoryFile.encode(entries)
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if count < 0 {
                if errno == EINTR { continue }
                throw WriteError(description: "cannot write \(temporary): \(systemError())")
            }
            offset += count
        }
        guard fsync(fd) == 0 else { throw WriteError(description: "cannot sync \(temporary): \(systemError())") }
        guard rename(temporary, path) == 0 else {
            throw WriteError(description: "cannot replace \(path): \(systemError())")
        }
        written = true
    }

    /// Runs `body` holding an exclusive lock on the directory that holds
    /// `path` (creating it first). When the lock cannot be had within about
    /// two seconds, `body` runs anyway: a lost race costs entries, never the file.
    static func withLock<T>(on path: String, _ body: () -> T) -> T {
        let directory = parentOf(path)
        try? createDirectories(directory)
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return body() }
        defer { close(fd) }
        for _ in 0..<200 {
            if flock(fd, LOCK_EX | LOCK_NB) == 0 {
                defer { flock(fd, LOCK_UN) }
                return body()
            }
            usleep(10_000)
        }
        return body()
    }

    /// The directory part of `path` ("." for a bare file name).
    static func parentOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    /// `mkdir -p` with mode 0700 for each directory it creates.
    static func createDirectories(_ path: String) throws(WriteError) {
        var info = stat()
        if stat(path, &info) == 0 { return }
        let parent = parentOf(path)
        if parent != path { try createDirectories(parent) }
        if mkdir(path, 0o700) != 0 && errno != EEXIST {
            throw WriteError(description: "cannot create directory \(path): \(systemError())")
        }
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
