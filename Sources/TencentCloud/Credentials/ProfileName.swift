/// The name of a credentials profile (`--profile`), as tccli and the SDK INI file use it.
enum ProfileName {
    /// The profile used when none is given.
    static let standard = "default"

    /// Rejects names that would escape `~/.tccli/` or cannot be an INI section.
    static func check(_ name: String) throws(CredentialError) {
        let bad = name.isEmpty || name == "." || name == ".." || name.contains { "/[]\0\n\r".contains($0) }
        if bad {
            throw CredentialError("invalid profile name \"\(name)\"; use letters, digits, dots, dashes or underscores")
        }
    }
}
