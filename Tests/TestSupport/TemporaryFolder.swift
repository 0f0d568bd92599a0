import Foundation

/// A fresh folder under the system's temporary folder, removed with everything in it when the
/// value is released. Prefer ``withTemporaryFolder(_:_:)-(_,(String)throws->T)``, which
/// removes it when the body ends; keep an instance only where a suite owns the folder.
public final class TemporaryFolder: Sendable {
    /// The folder's absolute path.
    public let path: String

    /// Creates `PREFIX-UUID` in the temporary folder, mode 0700 (private, as a HOME should be).
    public init(_ prefix: String = "cvmsh-test") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(
            atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The permission bits of `path`, or nil when it does not exist.
    public static func mode(of path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    /// Writes `bytes` to `path`, replacing it.
    public static func write(_ bytes: [UInt8], to path: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    /// The bytes of `path` (empty when it cannot be read).
    public static func contents(of path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map(Array.init) ?? []
    }
}

/// Runs `body` with the path of a fresh temporary folder, and removes the folder when `body`
/// returns or throws (a failed expectation leaves nothing behind either).
public func withTemporaryFolder<T>(_ prefix: String = "cvmsh-test", _ body: (String) throws -> T) throws -> T {
    let folder = try TemporaryFolder(prefix)
    return try withExtendedLifetime(folder) { try body(folder.path) }
}

/// Runs `body` with the path of a fresh temporary folder, and removes the folder when `body`
/// returns or throws.
public func withTemporaryFolder<T>(
    _ prefix: String = "cvmsh-test", _ body: (String) async throws -> T
) async throws -> T {
    let folder = try TemporaryFolder(prefix)
    defer { withExtendedLifetime(folder) {} }
    return try await body(folder.path)
}
