/// Checks one secret value taken from a file, a variable or `login`, the way the SDKs'
/// `Credential` does: not empty, no surrounding whitespace. Messages never include the value.
enum CredentialValue {
    /// Returns `value` when it can be used as a key, else throws naming `what` and `fix`.
    static func check(_ value: String, _ what: String, fix: String) throws(CredentialError) -> String {
        if value.isEmpty {
            throw CredentialError("\(what) is empty; \(fix)")
        }
        if value.first!.isWhitespace || value.last!.isWhitespace {
            throw CredentialError("\(what) has leading or trailing whitespace; \(fix)")
        }
        if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw CredentialError("\(what) contains control characters; \(fix)")
        }
        return value
    }
}
