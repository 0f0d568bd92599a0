import Foundation

/// Credentials from tccli's `~/.tccli/<profile>.credential` (JSON: `secretId`, `secretKey`,
/// optional `token` and `type`), and the default region from `~/.tccli/<profile>.configure`
/// (`_sys_param.region`). A credential of `"type": "cvm-role"` means "use the instance role",
/// which is asked of the given role provider (``InstanceRoleProvider`` in the chain).
public struct TCCLIProfileProvider: CredentialProvider {
    public let profile: String
    public let home: String
    /// Answers for profiles of type `cvm-role`.
    public let instanceRole: any CredentialProvider

    public init(profile: String = "default", home: String, instanceRole: any CredentialProvider) {
        self.profile = profile
        self.home = home
        self.instanceRole = instanceRole
    }

    /// `~/.tccli/<profile>.credential`.
    public var credentialPath: String { "\(home)/.tccli/\(profile).credential" }
    /// `~/.tccli/<profile>.configure`.
    public var configurePath: String { TCCLIConfigureFile.path(profile: profile, home: home) }

    /// The profile's credential; `nil` when there is no credential file. Throws when the file is
    /// malformed, a key is missing, empty or padded with whitespace, or its instance role is absent.
    public func resolve() async throws(CredentialError) -> ResolvedCredential? {
        try ProfileName.check(profile)
        guard let file = try CredentialFile.read(credentialPath, secret: true) else { return nil }
        let object = try TCCLIJSON.object(file)
        let path = file.path
        let fix =
            "run `tccli configure --profile \(profile)` or write "
            + "{\"secretId\": \"AKID...\", \"secretKey\": \"...\"} to \(path)"

        if try TCCLIJSON.string(object, "type", path, fix) == "cvm-role" {
            let resolved: ResolvedCredential?
            do {
                resolved = try await instanceRole.resolve()
            } catch {
                throw CredentialError("\(path) (type cvm-role): \(error.message)")
            }
            guard let resolved else {
                throw CredentialError(
                    "\(path) has type cvm-role, but this machine has no CVM instance role; "
                        + "attach a CAM role to the instance or \(fix)")
            }
            return ResolvedCredential(
                resolved.credential, source: resolved.source, warnings: file.warnings + resolved.warnings)
        }

        guard let id = try TCCLIJSON.string(object, "secretId", path, fix) else {
            throw CredentialError("\(path): secretId is missing; \(fix)")
        }
        guard let key = try TCCLIJSON.string(object, "secretKey", path, fix) else {
            throw CredentialError("\(path): secretKey is missing; \(fix)")
        }
        let secretId = try CredentialValue.check(id, "\(path): secretId", fix: fix)
        let secretKey = try CredentialValue.check(key, "\(path): secretKey", fix: fix)
        var token: String?
        if let value = try TCCLIJSON.string(object, "token", path, fix), !value.isEmpty {
            token = try CredentialValue.check(value, "\(path): token", fix: fix)
        }
        return ResolvedCredential(
            Credential(secretId: secretId, secretKey: secretKey, token: token),
            source: .tccliProfile(name: profile, path: path), warnings: file.warnings)
    }

    /// `_sys_param.region` of the profile's `.configure` file; `nil` when the file, the key or a
    /// value is absent. Throws when the file is not a JSON object or the region is not a string.
    public func region() throws(CredentialError) -> String? {
        try TCCLIConfigureFile.region(profile: profile, home: home)
    }
}
