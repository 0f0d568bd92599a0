import Foundation

/// A Tencent Cloud API key pair, with the session token that temporary keys carry.
///
/// The secret key and token never leave this value except to sign a request: `description`
/// shows only the masked secret id, so a credential can be logged or printed safely.
public struct Credential: Sendable, Equatable, CustomStringConvertible {
    /// The SecretId (`AKID…`); sent in every Authorization header.
    public let secretId: String
    /// The SecretKey; used only to derive the signing key.
    public let secretKey: String
    /// The STS session token of temporary credentials, sent as `X-TC-Token`, never signed.
    public let token: String?
    /// When temporary credentials stop working; `nil` for permanent keys.
    public let expiration: Date?

    public init(secretId: String, secretKey: String, token: String? = nil, expiration: Date? = nil) {
        self.secretId = secretId
        self.secretKey = secretKey
        self.token = token
        self.expiration = expiration
    }

    /// The secret id with all but its first four and last four characters hidden: `AKID…1234`.
    public var maskedId: String { Credential.mask(secretId) }

    public var description: String { "Credential(\(maskedId)\(token == nil ? "" : ", temporary"))" }

    /// Masks any identifier the way `maskedId` does; short values are hidden entirely.
    public static func mask(_ value: String) -> String {
        guard value.count > 8 else { return String(repeating: "*", count: value.count) }
        return "\(value.prefix(4))…\(value.suffix(4))"
    }
}

/// Where a credential came from, for `status` and error messages. Never holds a secret.
public enum CredentialSource: Sendable, Equatable, CustomStringConvertible {
    /// Typed in with `login` for this session only.
    case session
    /// `TENCENTCLOUD_SECRET_ID` / `TENCENTCLOUD_SECRET_KEY` (and a token variable).
    case environment
    /// tccli's `~/.tccli/<profile>.credential`.
    case tccliProfile(name: String, path: String)
    /// The SDKs' INI file (`~/.tencentcloud/credentials` and friends).
    case iniProfile(name: String, path: String)
    /// The CVM instance role, from the metadata service.
    case instanceRole(name: String)
    /// Given directly by the program (tests, the demo).
    case explicit(String)

    public var description: String {
        switch self {
        case .session: "login (this session)"
        case .environment: "environment"
        case .tccliProfile(let name, let path): "tccli profile \(name) (\(path))"
        case .iniProfile(let name, let path): "profile \(name) (\(path))"
        case .instanceRole(let name): "instance role \(name)"
        case .explicit(let what): what
        }
    }
}

/// A credential together with the source that produced it.
public struct ResolvedCredential: Sendable, Equatable, CustomStringConvertible {
    public let credential: Credential
    public let source: CredentialSource
    /// Problems worth telling the user that did not stop the credential from working, such as
    /// a credentials file other users can read. Never holds a secret; the shell prints them.
    public let warnings: [String]

    public init(_ credential: Credential, source: CredentialSource, warnings: [String] = []) {
        self.credential = credential
        self.source = source
        self.warnings = warnings
    }

    public var description: String { "\(credential.maskedId) from \(source)" }
}

/// Anything that can produce a credential: one source, or a chain of them.
public protocol CredentialProvider: Sendable {
    /// The current credential, refreshed when it is about to expire; `nil` when this source
    /// has nothing to offer (so a chain moves on). Throws ``CredentialError`` when the source
    /// exists but is broken (a malformed file, a metadata answer that is not JSON).
    func resolve() async throws(CredentialError) -> ResolvedCredential?
}

/// A provider that always answers with the same credential.
public struct StaticCredentialProvider: CredentialProvider {
    public let resolved: ResolvedCredential

    public init(_ credential: Credential, source: CredentialSource = .explicit("given")) {
        resolved = ResolvedCredential(credential, source: source)
    }

    public func resolve() async throws(CredentialError) -> ResolvedCredential? { resolved }
}
