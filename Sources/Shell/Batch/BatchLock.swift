import Foundation
import Synchronization

/// The lock a running batch holds: `flock` on `JOURNAL.BATCH.lock` beside the journal, with the
/// holder's pid written in it. Another shell's `resume`, `undo` or `redo` of the batch sees who
/// holds it and changes nothing. The kernel releases the lock when its process dies, so a lock
/// file left by a killed process is simply taken over.
final class BatchLock: Sendable {
    let path: String
    private let descriptor: Mutex<Int32>

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    deinit { release() }

    /// The lock file of `batch` next to the journal at `journal`.
    static func path(journal: String, batch: String) -> String { "\(journal).\(batch).lock" }

    /// Takes the lock of `batch`, or says who holds it.
    static func acquire(journal: String, batch: String) throws(BatchLockError) -> BatchLock {
        let path = path(journal: journal, batch: batch)
        // A holder that releases between our open and flock unlinks the file: try again on a fresh one.
        for _ in 0..<3 {
            let fd = systemOpen(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw .unusable(path: path, reason: String(cString: strerror(errno))) }
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                let code = errno
                let holder = code == EWOULDBLOCK ? Self.pid(in: fd) : nil
                systemClose(fd)
                if code == EWOULDBLOCK { throw .held(batch: batch, pid: holder) }
                throw .unusable(path: path, reason: String(cString: strerror(code)))
            }
            var opened = stat()
            var named = stat()
            guard fstat(fd, &opened) == 0, stat(path, &named) == 0, opened.st_ino == named.st_ino else {
                systemClose(fd)
                continue
            }
            let text = Array("\(getpid())\n".utf8)
            _ = ftruncate(fd, 0)
            _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, text.count, 0) }
            return BatchLock(path: path, descriptor: fd)
        }
        throw .unusable(path: path, reason: "it keeps being replaced")
    }

    /// Fails with who holds the lock of `batch` if another batch runner holds it now.
    static func requireFree(journal: String, batch: String) throws(BatchLockError) {
        let lock = try acquire(journal: journal, batch: batch)
        lock.release()
    }

    /// Removes the lock file and releases the lock.
    func release() {
        descriptor.withLock { fd in
            guard fd >= 0 else { return }
            unlink(path)
            systemClose(fd)
            fd = -1
        }
    }

    private static func pid(in fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}

/// Why a batch's lock could not be taken.
enum BatchLockError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process (its pid, when it wrote one) is running the batch.
    case held(batch: String, pid: Int32?)
    /// The lock file cannot be created or locked.
    case unusable(path: String, reason: String)

    var description: String {
        switch self {
        case .held(let batch, let pid):
            let who = pid.map { "process \($0)" } ?? "another process"
            return "batch \(batch) is running in \(who) (another cvmsh); wait for it to finish"
        case .unusable(let path, let reason):
            return "batch lock \(path): \(reason)"
        }
    }
}

extension Interpreter {
    /// Refuses to act on `batch` while another process runs it (its lock is held).
    func requireNotRunning(_ batch: JournalBatch, command: String) throws(ShellError) {
        do {
            try BatchLock.requireFree(journal: services.paths.journalFile, batch: batch.id)
        } catch {
            throw .failed("\(command): \(error); nothing was changed")
        }
    }

    /// Refuses to walk the history (`undo`, `redo`) while the newest of `batches` runs in another
    /// process or is incomplete.
    func requireNewestSettled(_ batches: [JournalBatch], command: String) throws(ShellError) {
        guard let newest = batches.last else { return }
        try requireNotRunning(newest, command: command)
        guard newest.isComplete else {
            throw .failed("\(command): the last batch \(newest.id) is incomplete; run `resume` first")
        }
    }
}
