extension JSONValue {
    /// The document as JSON text (RFC 8259): objects keep member order, strings are valid UTF-8
    /// with `"`, `\` and control characters escaped. Pretty output indents by two spaces.
    public func encoded(pretty: Bool = true) -> String {
        var output = ""
        write(to: &output, pretty: pretty, indent: "")
        return output
    }

    /// The compact encoding as UTF-8 bytes (an HTTP body).
    public var bytes: [UInt8] { Array(encoded(pretty: false).utf8) }

    private func write(to output: inout String, pretty: Bool, indent: String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .number(let value): output += Self.text(of: value)
        case .string(let value): Self.writeString(value, to: &output)
        case .array(let elements):
            writeContainer(elements, open: "[", close: "]", to: &output, pretty: pretty, indent: indent) {
                element, output, inner in element.write(to: &output, pretty: pretty, indent: inner)
            }
        case .object(let members):
            writeContainer(members, open: "{", close: "}", to: &output, pretty: pretty, indent: indent) {
                member, output, inner in
                Self.writeString(member.key, to: &output)
                output += pretty ? ": " : ":"
                member.value.write(to: &output, pretty: pretty, indent: inner)
            }
        }
    }

    /// A number with a fraction in its shortest exact form, an integral one without `.0`,
    /// `null` when not finite (JSON has no infinity or NaN).
    private static func text(of value: Double) -> String {
        guard value.isFinite else { return "null" }
        return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    private func writeContainer<Element>(
        _ elements: [Element], open: String, close: String, to output: inout String,
        pretty: Bool, indent: String, writeElement: (Element, inout String, String) -> Void
    ) {
        output += open
        guard !elements.isEmpty else {
            output += close
            return
        }
        let inner = pretty ? indent + "  " : ""
        for (position, element) in elements.enumerated() {
            if position > 0 { output += "," }
            if pretty { output += "\n" + inner }
            writeElement(element, &output, inner)
        }
        if pretty { output += "\n" + indent }
        output += close
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
