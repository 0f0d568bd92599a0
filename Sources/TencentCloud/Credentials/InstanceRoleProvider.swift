import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Temporary credentials of the CVM instance's CAM role, from the metadata service:
/// `GET <endpoint>` gives the role name, `GET <endpoint><role>` the credential JSON
/// (`TmpSecretId`, `TmpSecretKey`, `Token`, `ExpiredTime` or `Expiration`, `Code == "Success"`).
///
/// The credential is cached and fetched again once fewer than ``refreshMargin`` seconds remain.
/// Every request is bounded by ``timeout``. HTTP 404 means no role is bound (`nil`).
public actor InstanceRoleProvider: CredentialProvider {
    /// Overrides the metadata base URL (tests point it at a loopback server).
    public static let endpointVariable = "CVMSH_METADATA_ENDPOINT"
    /// The official metadata base URL for instance-role credentials.
    public static let defaultEndpoint = "http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/"
    /// Credentials are refreshed when fewer than this many seconds remain (the SDKs' 300 s).
    public static let refreshMargin: TimeInterval = 300

    /// The base URL as configured (always ending in `/`).
    public nonisolated let endpoint: String
    /// The bound on each metadata request.
    public nonisolated let timeout: Duration
    private let now: @Sendable () -> Date
    private let session: URLSession
    private var cached: ResolvedCredential?

    /// - Parameters:
    ///   - environment: where `CVMSH_METADATA_ENDPOINT` is looked up.
    ///   - timeout: the bound on each request (1 s by default: off CVM nothing answers).
    ///   - now: the clock used to decide when to refresh.
    public init(
        environment: [String: String], timeout: Duration = .seconds(1),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        let configured = environment[Self.endpointVariable].flatMap { $0.isEmpty ? nil : $0 }
        self.init(endpoint: configured ?? Self.defaultEndpoint, timeout: timeout, now: now)
    }

    /// - Parameter endpoint: the metadata base URL; a missing trailing `/` is added.
    public init(endpoint: String, timeout: Duration = .seconds(1), now: @escaping @Sendable () -> Date = { Date() }) {
        self.endpoint = endpoint.hasSuffix("/") ? endpoint : endpoint + "/"
        self.timeout = timeout
        self.now = now
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// The role's credential (cached until ``refreshMargin`` before expiry); `nil` when the
    /// metadata service says no role is bound. Throws when it does not answer in time or answers
    /// something other than a successful credential.
    public func resolve() async throws(CredentialError) -> ResolvedCredential? {
        if let cached, let expiry = cached.credential.expiration,
            expiry.timeIntervalSince(now()) >= Self.refreshMargin
        {
            return cached
        }
        cached = nil
        guard let roleBody = try await get(endpoint) else { return nil }
        let role = String(decoding: roleBody, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !role.isEmpty else { return nil }
        guard role.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+=,.@_-".contains($0)) }) else {
            throw CredentialError("metadata service at \(endpoint) answered an invalid role name; check \(Self.endpointVariable)")
        }
        guard let body = try await get(endpoint + role) else { return nil }
        let credential = try RoleCredentialDocument.decode(body, from: endpoint + role)
        let resolved = ResolvedCredential(credential, source: .instanceRole(name: role))
        cached = resolved
        return resolved
    }

    /// The body of a 200 answer; `nil` for 404; throws for anything else or no answer in time.
    private func get(_ url: String) async throws(CredentialError) -> Data? {
        guard let target = URL(string: url), target.scheme == "http" || target.scheme == "https" else {
            throw CredentialError("metadata endpoint \(url) is not an http(s) URL; fix \(Self.endpointVariable)")
        }
        var request = URLRequest(url: target)
        request.timeoutInterval = session.configuration.timeoutIntervalForRequest
        let session = self.session
        let answer: (Data, URLResponse)
        do {
            answer = try await withDeadline(timeout) { [request] in try await session.data(for: request) }
        } catch is DeadlineExceeded {
            throw CredentialError("metadata service at \(url) did not answer within \(timeout) (not a CVM instance?)")
        } catch {
            throw CredentialError("metadata service at \(url) could not be reached (\(Self.reason(error))); not a CVM instance?")
        }
        let status = (answer.1 as? HTTPURLResponse)?.statusCode ?? 0
        switch status {
        case 200: return answer.0
        case 404: return nil
        default: throw CredentialError("metadata service at \(url) answered HTTP \(status); try again later")
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? URLError {
            return error.code == .timedOut ? "timed out" : "URL error \(error.code.rawValue)"
        }
        return error is CancellationError ? "cancelled" : "\(type(of: error))"
    }
}
