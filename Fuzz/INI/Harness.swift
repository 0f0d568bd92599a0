// libFuzzer harness: the INI credentials file parser and the checks applied to its values.
// Built by scripts/fuzz together with Sources/TencentCloud/Credentials and Errors.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        let document = try INIDocument(parsing: text)
        for (_, section) in document.sections {
            for (key, value) in section {
                precondition(key == key.lowercased() && !key.isEmpty)
                _ = try? CredentialValue.check(value, "fuzz \(key)", fix: "fix it")
            }
        }
    } catch {
        precondition(error.line >= 1, "an error before line 1")
        precondition(!error.description.contains("\n"), "a multi-line error")
    }
    return 0
}
