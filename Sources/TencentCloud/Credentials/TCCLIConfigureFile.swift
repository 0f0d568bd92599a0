import Foundation

/// tccli's `~/.tccli/<profile>.configure`: only the default region (`_sys_param.region`) is used.
enum TCCLIConfigureFile {
    static func path(profile: String, home: String) -> String { "\(home)/.tccli/\(profile).configure" }

    /// The profile's region; `nil` when the file, `_sys_param` or the region is absent or blank.
    static func region(profile: String, home: String) throws(CredentialError) -> String? {
        try ProfileName.check(profile)
        guard let file = try CredentialFile.read(path(profile: profile, home: home), secret: false) else { return nil }
        let object = try TCCLIJSON.object(file)
        let fix = "run `tccli configure set region <region> --profile \(profile)`"
        guard let parameters = object["_sys_param"], !(parameters is NSNull) else { return nil }
        guard let parameters = parameters as? [String: Any] else {
            throw CredentialError("\(file.path): _sys_param is not a JSON object; \(fix)")
        }
        let region = try TCCLIJSON.string(parameters, "region", "\(file.path): _sys_param", fix)?
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return region?.isEmpty == false ? region : nil
    }
}
