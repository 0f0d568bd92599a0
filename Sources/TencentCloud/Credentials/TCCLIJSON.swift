import Foundation

/// Reading tccli's JSON files: the top-level object and typed fields, with errors that name the
/// file and never a value.
enum TCCLIJSON {
    /// The file's top-level JSON object.
    static func object(_ file: CredentialFile) throws(CredentialError) -> [String: Any] {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: Data(file.text.utf8))
        } catch {
            throw CredentialError("\(file.path): not valid JSON; fix the file or recreate it with `tccli configure`")
        }
        guard let object = parsed as? [String: Any] else {
            throw CredentialError("\(file.path): not a JSON object; fix the file or recreate it with `tccli configure`")
        }
        return object
    }

    /// `object[key]` as a string; `nil` when absent or null; throws when of another type.
    static func string(
        _ object: [String: Any], _ key: String, _ place: String, _ fix: String
    ) throws(CredentialError) -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let string = value as? String else {
            throw CredentialError("\(place): \(key) is not a string; \(fix)")
        }
        return string
    }
}
