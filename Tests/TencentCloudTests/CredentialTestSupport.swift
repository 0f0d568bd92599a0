import Foundation
import Synchronization
import TencentCloud
import TestSupport
import Testing

/// A fresh directory under the system temporary directory, used as HOME (and for other files)
/// so credential tests never read or write the real ones. It is removed when released.
struct TemporaryHome {
    private let folder: TemporaryFolder
    var path: String { folder.path }

    init() throws {
        folder = try TemporaryFolder("cvmsh-cred")
    }

    /// Writes `contents` at `relative` (creating directories) with `mode`; returns the full path.
    @discardableResult
    func write(_ relative: String, _ contents: String, mode: Int = 0o600) throws -> String {
        try write(relative, bytes: Data(contents.utf8), mode: mode)
    }

    /// Writes raw bytes at `relative` with `mode`; returns the full path.
    @discardableResult
    func write(_ relative: String, bytes: Data, mode: Int = 0o600) throws -> String {
        let full = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try bytes.write(to: URL(fileURLWithPath: full))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: full)
        return full
    }

    /// A path inside this directory that does not exist (for the system INI file).
    var absentSystemFile: String { path + "/etc-absent/credentials" }

    /// Keeps the folder until this call (as `defer { home.remove() }`), then removes it.
    func remove() {
        withExtendedLifetime(folder) { try? FileManager.default.removeItem(atPath: folder.path) }
    }
}

/// A clock tests move by hand.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date) { current = Mutex(start) }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 += seconds }
    }
}

/// Fake secrets that are easy to find if they ever leak into a message.
enum FakeKeys {
    static let id = "AKIDfakeSecretId0000000000001234"
    static let key = "fakeSecretKeyDoNotLeak0000000000"
    static let token = "fakeSessionTokenDoNotLeak000000"
}

/// Checks that `text` contains none of the fake secrets (the id only masked).
func expectNoSecrets(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!text.contains(FakeKeys.key), "secret key leaked: \(text)", sourceLocation: sourceLocation)
    #expect(!text.contains(FakeKeys.token), "token leaked: \(text)", sourceLocation: sourceLocation)
    #expect(!text.contains(FakeKeys.id), "unmasked id leaked: \(text)", sourceLocation: sourceLocation)
}

/// Runs `body` expecting a ``CredentialError``; returns its message ("" if none was thrown).
func credentialErrorMessage(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> String {
    do {
        try await body()
    } catch let error as CredentialError {
        return error.message
    } catch {
        Issue.record("expected a CredentialError, got \(error)", sourceLocation: sourceLocation)
        return ""
    }
    Issue.record("expected a CredentialError", sourceLocation: sourceLocation)
    return ""
}

/// A fake CVM metadata service for one role, served by a ``LoopbackHTTPServer``.
enum MetadataServer {
    static let path = "/latest/meta-data/cam/security-credentials/"
    /// The request bound for providers whose server answers: generous, so a busy machine's slow
    /// first connection is not mistaken for a missing metadata service (the 1 s default is for
    /// machines where nothing answers, and has a test of its own).
    static let answeringTimeout = Duration.seconds(20)
    static let tmpSecretId = "AKIDtmpRoleId00000000000000007777"

    /// Answers the role name at ``path`` and, at `path + role`, a credential whose id ends with the
    /// number of credential requests so far and whose `ExpiredTime` is `expiredTime()`.
    static func handler(role: String, expiredTime: @escaping @Sendable () -> Int = { 4_000_000_000 })
        -> LoopbackHTTPServer.Handler
    {
        let served = LockedCounter()
        return { request in
            switch request.path {
            case path: return .text(role + "\n")
            case path + role:
                let number = served.increment()
                return .json(
                    """
                    {"TmpSecretId": "\(tmpSecretId)\(number)", "TmpSecretKey": "\(FakeKeys.key)",
                     "Token": "\(FakeKeys.token)", "ExpiredTime": \(expiredTime()),
                     "Expiration": "2096-10-02T07:06:40Z", "Code": "Success"}
                    """)
            default: return .text("not found", status: 404)
            }
        }
    }

    /// The metadata base URL of `server`.
    static func endpoint(_ server: LoopbackHTTPServer) -> String { server.baseURL + path }
}

/// A thread-safe counter.
final class LockedCounter: Sendable {
    private let value = Mutex(0)

    func increment() -> Int {
        value.withLock {
            $0 += 1
            return $0
        }
    }
}
