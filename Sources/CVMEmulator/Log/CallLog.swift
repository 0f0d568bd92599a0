import Foundation
import Synchronization

/// Appends one JSON line per call to a file, each written with a single `write(2)`, so a
/// reader (or a crash) never sees a partial buffer.
final class CallLog: Sendable {
    private let handle: Mutex<FileHandle>

    /// Opens `path` for appending, creating it (mode 0600) when missing.
    init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            let created = FileManager.default.createFile(
                atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            guard created else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        self.handle = Mutex(handle)
    }

    func append(_ call: EmulatorCall) {
        let line = Data((call.logLine + "\n").utf8)
        handle.withLock { try? $0.write(contentsOf: line) }
    }

    func close() {
        handle.withLock { try? $0.close() }
    }
}
