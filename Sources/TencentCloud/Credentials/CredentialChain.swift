import Foundation
import Synchronization

/// The credential sources in cvmsh's order; the first that yields a key wins:
///
/// 1. the session credential set by `login`;
/// 2. the environment (``EnvironmentCredentialProvider``);
/// 3. the profile files: tccli's (``TCCLIProfileProvider``), then the SDKs' INI file
///    (``INIProfileProvider``);
/// 4. the CVM instance role (``InstanceRoleProvider``).
///
/// With an explicit profile (`--profile`) the profile files come before the environment, as in
/// tccli, and a profile found in neither file is an error rather than a silent fallback.
public final class CredentialChain: CredentialProvider, Sendable {
    /// The profile given with `--profile`, or `nil` for the `default` profile.
    public let profile: String?
    public let environmentProvider: EnvironmentCredentialProvider
    public let tccliProvider: TCCLIProfileProvider
    public let iniProvider: INIProfileProvider
    public let instanceRole: InstanceRoleProvider
    private let session = Mutex<Credential?>(nil)

    /// - Parameters:
    ///   - profile: the `--profile` name, or `nil`.
    ///   - environment: the process environment (or a test's).
    ///   - home: the home directory holding `.tccli/` and `.tencentcloud/`.
    ///   - systemFile: the machine-wide INI file.
    ///   - instanceRole: the metadata provider; by default one asking the official metadata
    ///     endpoint (the caller decides any override: the SDK layer reads no variable for it).
    public init(
        profile: String? = nil, environment: [String: String], home: String,
        systemFile: String = INIProfileProvider.systemFile, instanceRole: InstanceRoleProvider = InstanceRoleProvider()
    ) {
        let name = profile ?? ProfileName.standard
        let role = instanceRole
        self.profile = profile
        self.instanceRole = role
        environmentProvider = EnvironmentCredentialProvider(environment: environment)
        tccliProvider = TCCLIProfileProvider(profile: name, home: home, instanceRole: role)
        iniProvider = INIProfileProvider(profile: name, environment: environment, home: home, systemFile: systemFile)
    }

    /// The credential set with `login`, if any.
    public var sessionCredential: Credential? { session.withLock { $0 } }

    /// Sets (`login`) or clears (`nil`, `logout`) the session credential, which then comes first.
    /// Throws, changing nothing, when the id or key is empty or padded with whitespace.
    public func setSessionCredential(_ credential: Credential?) throws(CredentialError) {
        if let credential {
            let fix = "run `login` again and paste the value exactly"
            _ = try CredentialValue.check(credential.secretId, "the SecretId", fix: fix)
            _ = try CredentialValue.check(credential.secretKey, "the SecretKey", fix: fix)
            if let token = credential.token {
                _ = try CredentialValue.check(token, "the token", fix: fix)
            }
        }
        session.withLock { $0 = credential }
    }

    /// The first credential found, with its source and any warnings. Never returns `nil`: throws
    /// ``CredentialError/missing`` (with the instance-role reason, if it failed) when no source
    /// has one, and the source's error when a source is present but broken.
    public func resolve() async throws(CredentialError) -> ResolvedCredential? {
        if let credential = sessionCredential {
            return ResolvedCredential(credential, source: .session)
        }
        if let profile {
            if let found = try await profileFiles() { return found }
            throw CredentialError(
                "profile \(profile) not found: neither \(tccliProvider.credentialPath) nor section [\(profile)] of "
                    + "\(iniProvider.preferredPath) has it; create it (tccli configure --profile \(profile)) "
                    + "or drop --profile")
        }
        if let found = try environmentProvider.resolve() { return found }
        if let found = try await profileFiles() { return found }
        let role: ResolvedCredential?
        do {
            role = try await instanceRole.resolve()
        } catch {
            throw CredentialError("\(CredentialError.missing.message) (instance role: \(error.message))")
        }
        guard let role else { throw CredentialError.missing }
        return role
    }

    private func profileFiles() async throws(CredentialError) -> ResolvedCredential? {
        if let found = try await tccliProvider.resolve() { return found }
        return try iniProvider.resolve()
    }
}
