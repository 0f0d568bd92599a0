/// Comma-separated values as RFC 4180 writes them (https://www.rfc-editor.org/rfc/rfc4180):
/// records end in CRLF, a field holding a comma, a double quote, CR or LF is enclosed in double
/// quotes with each quote doubled, and the first record names the columns.
///
/// Line breaks inside a field are kept (quoted, as the RFC allows), so a spreadsheet shows the
/// text as it is; other control characters and bidirectional overrides are written as `\u{…}`,
/// as in the other formats, so a name cannot drive a terminal or pose as another name.
enum CSV {
    /// U+FEFF, which tells spreadsheet programs the file is UTF-8 (the `csv_bom` setting).
    static let byteOrderMark = "\u{FEFF}"

    /// A whole document: the optional byte order mark, the header record, then the rows.
    static func document(header: [String], rows: [[String]], byteOrderMark bom: Bool) -> String {
        var output = bom ? byteOrderMark : ""
        output += record(header)
        for row in rows { output += record(row) }
        return output
    }

    /// One record, CRLF included.
    static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted only when it must be.
    static func field(_ text: String) -> String {
        var body = ""
        var quoted = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"":
                quoted = true
                body += "\"\""
            case ",", "\r", "\n":
                quoted = true
                body.unicodeScalars.append(scalar)
            case "\t":
                body.unicodeScalars.append(scalar)
            default:
                if CellText.needsEscape(scalar) {
                    body += "\\u{" + String(scalar.value, radix: 16) + "}"
                } else {
                    body.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted ? "\"" + body + "\"" : body
    }
}
