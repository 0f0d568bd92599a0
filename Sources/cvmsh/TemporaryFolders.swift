import Foundation
import Synchronization

/// Folders the process made for itself (the demo's `cvmsh-demo-PID`), removed when it ends:
/// at a normal exit and before it re-raises SIGTERM or SIGHUP.
enum TemporaryFolders {
    private static let paths = Mutex<[String]>([])

    /// Creates `path` (mode 0700) and registers it for removal.
    static func create(_ path: String) throws {
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        paths.withLock { $0.append(path) }
    }

    /// Removes every registered folder with what it holds.
    static func removeAll() {
        for path in paths.withLock({ paths in
            defer { paths.removeAll() }
            return paths
        }) {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
