/// Credentials from the SDKs' INI file: `TENCENTCLOUD_CREDENTIALS_FILE` if set, else
/// `~/.tencentcloud/credentials`, else `/etc/tencentcloud/credentials`; section `[default]` or
/// `[<profile>]`, keys `secret_id`, `secret_key` and optionally `token` and `region`.
///
/// The environment, home directory and system file are given, so tests never see the real ones.
public struct INIProfileProvider: CredentialProvider {
    /// Names the file to read instead of the home and system files.
    public static let fileVariable = "TENCENTCLOUD_CREDENTIALS_FILE"
    /// The machine-wide file, read when the home directory has none.
    public static let systemFile = "/etc/tencentcloud/credentials"

    public let profile: String
    public let environment: [String: String]
    public let home: String
    public let systemFile: String

    public init(
        profile: String = "default", environment: [String: String], home: String,
        systemFile: String = INIProfileProvider.systemFile
    ) {
        self.profile = profile
        self.environment = environment
        self.home = home
        self.systemFile = systemFile
    }

    /// `TENCENTCLOUD_CREDENTIALS_FILE` when set; otherwise the user's file.
    public var preferredPath: String {
        if let path = environment[Self.fileVariable], !path.isEmpty { return path }
        return home + "/.tencentcloud/credentials"
    }

    /// The profile's credential; `nil` when there is no file or no section with keys for it.
    /// Throws when the file is unreadable or malformed, or a key is missing, empty or padded.
    public func resolve() throws(CredentialError) -> ResolvedCredential? {
        guard let (file, section) = try load() else { return nil }
        let id = section["secret_id"]
        let key = section["secret_key"]
        if id == nil && key == nil { return nil }
        let place = "\(file.path) [\(profile)]"
        let fix =
            "write `secret_id = AKID...` and `secret_key = ...` (without quotes) "
            + "in section [\(profile)] of \(file.path)"
        guard let id, let key else {
            throw CredentialError("\(place): \(id == nil ? "secret_id" : "secret_key") is missing; \(fix)")
        }
        let secretId = try CredentialValue.check(id, "\(place) secret_id", fix: fix)
        let secretKey = try CredentialValue.check(key, "\(place) secret_key", fix: fix)
        var token: String?
        if let value = section["token"], !value.isEmpty {
            token = try CredentialValue.check(value, "\(place) token", fix: fix)
        }
        return ResolvedCredential(
            Credential(secretId: secretId, secretKey: secretKey, token: token),
            source: .iniProfile(name: profile, path: file.path), warnings: file.warnings)
    }

    /// The profile's `region` key, if the file and section exist and it is not blank.
    public func region() throws(CredentialError) -> (region: String, path: String)? {
        guard let (file, section) = try load(), let region = section["region"], !region.isEmpty else { return nil }
        return (region, file.path)
    }

    /// The file (the first that exists) and the profile's section in it.
    private func load() throws(CredentialError) -> (CredentialFile, [String: String])? {
        try ProfileName.check(profile)
        let explicit = environment[Self.fileVariable].map { !$0.isEmpty } ?? false
        var file = try CredentialFile.read(preferredPath, secret: true)
        if file == nil {
            if explicit {
                let variable = Self.fileVariable
                throw CredentialError(
                    "\(preferredPath): no such file, but \(variable) names it; create it or unset \(variable)")
            }
            file = try CredentialFile.read(systemFile, secret: true)
        }
        guard let file else { return nil }
        let document: INIDocument
        do {
            document = try INIDocument(parsing: file.text)
        } catch {
            throw CredentialError(
                "\(file.path): \(error); fix that line (INI format: [\(profile)] then `key = value` lines)")
        }
        guard let section = document[profile] else { return nil }
        return (file, section)
    }
}
