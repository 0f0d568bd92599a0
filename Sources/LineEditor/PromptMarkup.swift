/// Marks the invisible parts of a prompt for libedit.
///
/// libedit (`EL_PROMPT_ESC`) counts every prompt character as one column
/// unless it sits between two ``ignore`` characters. Wrapping each run of ANSI
/// escape sequences that way keeps coloured prompts from breaking cursor
/// movement and line wrapping.
enum PromptMarkup {
    /// The delimiter given to `EL_PROMPT_ESC`.
    static let ignore: Character = "\u{1}"

    /// `prompt` with every run of escape sequences wrapped in ``ignore``
    /// characters. A prompt that already holds the delimiter is returned as is.
    static func marked(_ prompt: String) -> String {
        guard !prompt.contains(ignore) else { return prompt }
        var result = ""
        var scalars = prompt.unicodeScalars[...]
        var inRun = false
        while let scalar = scalars.first {
            if scalar == "\u{1B}" {
                if !inRun {
                    result.unicodeScalars.append("\u{1}")
                    inRun = true
                }
                let length = escapeLength(scalars)
                result.unicodeScalars += scalars.prefix(length)
                scalars = scalars.dropFirst(length)
            } else {
                if inRun {
                    result.unicodeScalars.append("\u{1}")
                    inRun = false
                }
                result.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst()
            }
        }
        if inRun { result.unicodeScalars.append("\u{1}") }
        return result
    }

    /// Length in scalars of the escape sequence starting at `scalars.first`
    /// (ESC): CSI up to its final byte, OSC up to BEL or ESC \, else ESC plus one.
    private static func escapeLength(_ scalars: Substring.UnicodeScalarView) -> Int {
        let rest = Array(scalars.prefix(256))
        guard rest.count > 1 else { return 1 }
        switch rest[1] {
        case "[":
            let end = rest.indices.dropFirst(2).first { (0x40...0x7E).contains(rest[$0].value) }
            return (end ?? rest.count - 1) + 1
        case "]":
            for index in rest.indices.dropFirst(2) {
                if rest[index] == "\u{7}" { return index + 1 }
                if rest[index] == "\\" && rest[index - 1] == "\u{1B}" { return index + 1 }
            }
            return rest.count
        default:
            return 2
        }
    }
}
