import TencentCloudCore

/// Turning cell values into single-line text.
enum CellText {
    /// The text of a value for the `table` and `tsv` formats: null is empty, arrays are joined
    /// with `separator`, objects are compact JSON.
    static func text(of value: JSONValue, separator: String) -> String {
        switch value {
        case .null: ""
        case .bool(let value): value ? "true" : "false"
        case .int(let value): String(value)
        case .number(let value): value.isFinite ? String(value) : ""
        case .string(let value): value
        case .array(let elements): elements.map { text(of: $0, separator: separator) }.joined(separator: separator)
        case .object: value.encoded(pretty: false)
        }
    }

    /// `text` on one line with nothing that could drive a terminal: tab, newline and carriage
    /// return become `\t`, `\n`, `\r`; other control characters `\u{…}`. With
    /// `escapingBackslash` a `\` becomes `\\`, making the escaping reversible (TSV).
    static func escaped(_ text: String, escapingBackslash: Bool) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) || (escapingBackslash && $0 == "\\") }) else {
            return text
        }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\\" where escapingBackslash: result += "\\\\"
            default:
                if needsEscape(scalar) {
                    result += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// C0 and C1 controls and DEL, plus the bidirectional overrides and isolates, which could
    /// make a name display as another one.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
