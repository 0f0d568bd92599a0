import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text of one small credentials or configuration file, read for a provider: size-bounded,
/// UTF-8 only, with a warning when users other than the owner can read it.
struct CredentialFile: Sendable {
    /// Real credential files are a few hundred bytes (a tccli `.configure` about 24 KB).
    static let maximumSize = 1 << 20

    let path: String
    let text: String
    /// Non-empty when the file is readable by group or others and the caller asked to check.
    let warnings: [String]

    /// Reads `path`; `nil` when nothing is there. Throws when something is there but unusable.
    /// - Parameter secret: whether the file holds keys (so group/other read access is warned about).
    static func read(_ path: String, secret: Bool) throws(CredentialError) -> CredentialFile? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            let reason = String(cString: strerror(code))
            throw CredentialError("\(path): cannot read it (\(reason)); check the path and its permissions")
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw CredentialError("\(path): not a regular file; remove it or point to a credentials file")
        }
        guard info.st_size <= maximumSize else {
            throw CredentialError(
                "\(path): too large for a credentials file (\(info.st_size) bytes); check that it is the right file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw CredentialError(
                "\(path): cannot read it (permission denied?); make it readable by your user, e.g. chmod 600 \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CredentialError("\(path): not UTF-8 text; rewrite it as a plain text file")
        }
        var warnings: [String] = []
        let mode = info.st_mode & 0o777
        if secret, mode & 0o044 != 0 {
            let octal = String(mode, radix: 8)
            warnings.append("\(path) is readable by other users (mode \(octal)); run chmod 600 \(path)")
        }
        return CredentialFile(path: path, text: text, warnings: warnings)
    }
}
