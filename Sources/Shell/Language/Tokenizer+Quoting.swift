extension Tokenizer {
    /// Spells `text` so that it tokenizes back to exactly one word equal to `text`.
    ///
    /// Plain words are returned unchanged; anything else is single-quoted, with each `'` written
    /// as `'\''`. The empty string becomes `''`.
    public static func quoted(_ text: String) -> String {
        if !text.isEmpty, !text.unicodeScalars.contains(where: needsQuoting) { return text }
        return "'" + escaped(text, inside: .single) + "'"
    }

    /// Escapes `text` for insertion at a position that is inside `quote` (or unquoted when `nil`),
    /// so that the inserted characters become literally part of the current word.
    /// Completion uses this to extend a partly typed word.
    public static func escaped(_ text: String, inside quote: QuoteKind?) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch quote {
            case .single:
                if scalar == "'" { result += "'\\''" } else { result.unicodeScalars.append(scalar) }
            case .double:
                if scalar == "\"" || scalar == "\\" { result += "\\" }
                result.unicodeScalars.append(scalar)
            case nil:
                if needsQuoting(scalar) { result += "\\" }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Characters that are not literal when unquoted (`#` and `!` are included although they are
    /// literal inside a word, so a quoted word never depends on its position).
    private static func needsQuoting(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "'", "\"", "\\", ";", "#", "|", ">", "!": true
        default: false
        }
    }
}
