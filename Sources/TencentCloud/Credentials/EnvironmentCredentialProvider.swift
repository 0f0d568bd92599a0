import Foundation

/// Credentials from `TENCENTCLOUD_SECRET_ID` and `TENCENTCLOUD_SECRET_KEY`, with the session token
/// from the first non-empty of `TENCENTCLOUD_TOKEN` (tccli), `TENCENTCLOUD_SESSION_TOKEN` and
/// `TENCENTCLOUD_SECURITY_TOKEN` (Terraform).
///
/// The environment is given, not read from the process, so tests control it completely.
public struct EnvironmentCredentialProvider: CredentialProvider {
    public static let secretIdVariable = "TENCENTCLOUD_SECRET_ID"
    public static let secretKeyVariable = "TENCENTCLOUD_SECRET_KEY"
    /// Searched in this order; the first non-empty one is the token.
    public static let tokenVariables = [
        "TENCENTCLOUD_TOKEN", "TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_SECURITY_TOKEN",
    ]
    public static let regionVariable = "TENCENTCLOUD_REGION"

    public let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// `TENCENTCLOUD_REGION`, trimmed; `nil` when unset or blank.
    public var region: String? {
        guard let value = environment[Self.regionVariable]?.trimmingCharacters(in: .whitespacesAndNewlines),
            !value.isEmpty
        else { return nil }
        return value
    }

    /// `nil` when neither key variable is set (or both are empty). Throws when only one is set,
    /// or a value has surrounding whitespace or control characters.
    public func resolve() throws(CredentialError) -> ResolvedCredential? {
        let id = environment[Self.secretIdVariable] ?? ""
        let key = environment[Self.secretKeyVariable] ?? ""
        if id.isEmpty && key.isEmpty { return nil }
        let fix = "set both \(Self.secretIdVariable) and \(Self.secretKeyVariable), or neither"
        let secretId = try CredentialValue.check(id, Self.secretIdVariable, fix: fix)
        let secretKey = try CredentialValue.check(key, Self.secretKeyVariable, fix: fix)
        var token: String?
        if let name = Self.tokenVariables.first(where: { !(environment[$0] ?? "").isEmpty }) {
            token = try CredentialValue.check(environment[name]!, name, fix: "export it without surrounding whitespace")
        }
        return ResolvedCredential(
            Credential(secretId: secretId, secretKey: secretKey, token: token), source: .environment)
    }
}
