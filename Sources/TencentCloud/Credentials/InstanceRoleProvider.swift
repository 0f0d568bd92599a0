import AsyncHTTPClient
import Foundation
import NIOCore

/// Temporary credentials of the CVM instance's CAM role, from the metadata service:
/// `GET <endpoint>` gives the role name, `GET <endpoint><role>` the credential JSON
/// (`TmpSecretId`, `TmpSecretKey`, `Token`, `ExpiredTime` or `Expiration`, `Code == "Success"`).
///
/// The credential is cached and fetched again once fewer than ``refreshMargin`` seconds remain.
/// Every request is bounded by ``timeout``. HTTP 404 means no role is bound (`nil`).
public actor InstanceRoleProvider: CredentialProvider {
    /// The official metadata base URL for instance-role credentials.
    public static let defaultEndpoint = "http://metadata.tencentyun.com/latest/meta-data/cam/security-credentials/"
    /// Credentials are refreshed when fewer than this many seconds remain (the SDKs' 300 s).
    public static let refreshMargin: TimeInterval = 300

    /// The base URL as configured (always ending in `/`).
    public nonisolated let endpoint: String
    /// The bound on each metadata request.
    public nonisolated let timeout: Duration
    private let now: @Sendable () -> Date
    private var cached: ResolvedCredential?

    /// - Parameters:
    ///   - endpoint: the metadata base URL, chosen by the caller (tests and tools point it at a
    ///     loopback server); a missing trailing `/` is added.
    ///   - timeout: the bound on each request (1 s by default: off CVM nothing answers).
    ///   - now: the clock used to decide when to refresh.
    public init(
        endpoint: String = InstanceRoleProvider.defaultEndpoint, timeout: Duration = .seconds(1),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpoint = endpoint.hasSuffix("/") ? endpoint : endpoint + "/"
        self.timeout = timeout
        self.now = now
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
        let role =
            String(decoding: roleBody, as: UTF8.self)
            .split(whereSeparator: \.isNewline).first
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard !role.isEmpty else { return nil }
        guard role.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+=,.@_-".contains($0)) }) else {
            throw CredentialError(
                "metadata service at \(endpoint) answered an invalid role name; "
                    + "is it a Tencent Cloud metadata service?")
        }
        guard let body = try await get(endpoint + role) else { return nil }
        let credential = try RoleCredentialDocument.decode(body, from: endpoint + role)
        let resolved = ResolvedCredential(credential, source: .instanceRole(name: role))
        cached = resolved
        return resolved
    }

    /// The body of a 200 answer; `nil` for 404; throws for anything else or no answer in time.
    /// The metadata service is link-local: requests go direct, never through a proxy.
    private func get(_ url: String) async throws(CredentialError) -> Data? {
        guard let target = URL(string: url), target.scheme == "http" || target.scheme == "https",
            target.host != nil
        else {
            throw CredentialError("metadata endpoint \(url) is not an http(s) URL; give http://HOST[:PORT]/PATH/")
        }
        let limit = timeout
        let answer: (status: Int, body: Data)
        do {
            answer = try await withDeadline(timeout) {
                var request = HTTPClientRequest(url: url)
                request.method = .GET
                let response = try await HTTPClient.shared.execute(request, timeout: .nanoseconds(limit.nanoseconds))
                let body = try await response.body.collect(upTo: 1 << 20)
                return (Int(response.status.code), Data(body.readableBytesView))
            }
        } catch is DeadlineExceeded {
            throw CredentialError("metadata service at \(url) did not answer within \(timeout) (not a CVM instance?)")
        } catch {
            throw CredentialError(
                "metadata service at \(url) could not be reached (\(Self.reason(error))); not a CVM instance?")
        }
        switch answer.status {
        case 200: return answer.body
        case 404: return nil
        default: throw CredentialError("metadata service at \(url) answered HTTP \(answer.status); try again later")
        }
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            return error == .readTimeout || error == .deadlineExceeded ? "timed out" : "\(error)"
        }
        return error is CancellationError ? "cancelled" : AsyncHTTPTransport.classify(error, label: "metadata").detail
    }
}
