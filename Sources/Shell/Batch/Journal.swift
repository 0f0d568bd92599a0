import Foundation
import Synchronization

/// The append-only journal of share changes: one JSON object per line, each record flushed to
/// disk (`fsync`) before ``append(_:)`` returns, so a record that was acknowledged survives a
/// crash and a change is never sent before the record announcing it is on disk.
///
/// The file is created lazily with mode 0600 in a 0700 directory and opened with
/// `O_NOFOLLOW | O_APPEND | O_CREAT`: a symlink planted at its path is refused, never followed.
/// A torn last line left by a crash is closed with a newline before the next record.
public final class Journal: Sendable {
    public let path: String
    private let descriptor: Mutex<Int32>
    private let queue = DispatchQueue(label: "cvmsh.journal")

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = Mutex(descriptor)
    }

    deinit {
        descriptor.withLock { fd in
            if fd >= 0 { systemClose(fd) }
        }
    }

    /// Opens (creating if needed) the journal at `path`.
    public static func open(path: String) throws(JournalError) -> Journal {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            do {
                try FileManager.default.createDirectory(
                    atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw JournalError(path: path, reason: "cannot create its directory: \(error.localizedDescription)")
            }
        }
        let fd = systemOpen(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let code = errno
            let reason = code == ELOOP ? "is a symbolic link; refusing to follow it" : String(cString: strerror(code))
            throw JournalError(path: path, reason: reason)
        }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            systemClose(fd)
            throw JournalError(path: path, reason: "not a regular file")
        }
        if info.st_size > 0 {
            var last: UInt8 = 0
            let reader = systemOpen(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
            if reader >= 0 {
                if pread(reader, &last, 1, off_t(info.st_size - 1)) == 1, last != UInt8(ascii: "\n") {
                    SystemIO.writeAll("\n", to: fd)
                }
                systemClose(reader)
            }
        }
        return Journal(path: path, descriptor: fd)
    }

    /// Writes `record` as one line and flushes it to disk; returns once it is there. The write
    /// and the `fsync` (which can take long on a busy disk) run on the journal's own queue, not
    /// on a thread of Swift's cooperative pool; records are written in the order appended.
    public func append(_ record: JournalRecord) async throws(JournalError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8]
        do {
            bytes = Array(try encoder.encode(record))
        } catch {
            throw JournalError(path: path, reason: "cannot encode a record: \(error)")
        }
        bytes.append(UInt8(ascii: "\n"))
        let line = bytes
        let failure = await withCheckedContinuation { (done: CheckedContinuation<String?, Never>) in
            queue.async { done.resume(returning: self.writeAndSync(line)) }
        }
        if let failure { throw JournalError(path: path, reason: "cannot write: \(failure)") }
    }

    /// Writes `line` and flushes it to disk; the reason it could not, if it could not.
    private func writeAndSync(_ line: [UInt8]) -> String? {
        descriptor.withLock { fd -> String? in
            if let code = line.withUnsafeBytes({ SystemIO.writeAll($0, to: fd) }) {
                return String(cString: strerror(code))
            }
            return fsync(fd) == 0 ? nil : String(cString: strerror(errno))
        }
    }
}
