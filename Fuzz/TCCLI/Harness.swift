// libFuzzer harness: tccli's JSON files (`<profile>.credential` and `.configure`) as the
// providers read them: the top-level object, typed fields, value checks, `_sys_param.region`.
// Built by scripts/fuzz together with Sources/TencentCloud/Credentials and Errors.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    // CredentialFile.read refuses what is not UTF-8; the rest reaches the JSON reader.
    guard let text = String(validating: bytes, as: UTF8.self) else { return 0 }
    let file = CredentialFile(path: "/fuzz/default.credential", text: text, warnings: [])
    let fix = "fix it"
    do {
        let object = try TCCLIJSON.object(file)
        for key in ["type", "secretId", "secretKey", "token"] {
            if let value = try TCCLIJSON.string(object, key, file.path, fix) {
                _ = try? CredentialValue.check(value, "\(file.path): \(key)", fix: fix)
            }
        }
        if let parameters = object["_sys_param"] as? [String: Any] {
            _ = try TCCLIJSON.string(parameters, "region", "\(file.path): _sys_param", fix)?
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
    } catch {
        precondition(!error.message.contains("\n"), "a multi-line error")
        precondition(error.message.hasPrefix(file.path), "an error that does not name the file")
    }
    return 0
}
