extension String {
    /// The string in single quotes for an error message: control characters shown as escapes
    /// (so hostile input cannot drive the terminal) and anything past 40 characters cut to `…`.
    var quotedForMessage: String {
        var result = "'"
        for (count, character) in self.enumerated() {
            if count == 40 {
                result += "…"
                break
            }
            for scalar in character.unicodeScalars {
                if scalar.properties.generalCategory == .control {
                    result += scalar.escaped(asASCII: true)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "'"
    }
}

extension String {
    /// The string with each control character (newline, CR, ESC, …) and line or paragraph
    /// separator written as an escape (`\u{1B}`), so one diagnostic stays one terminal line.
    var controlCharactersEscaped: String {
        func breaks(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: true
            default: false
            }
        }
        guard unicodeScalars.contains(where: breaks) else { return self }
        var result = ""
        for scalar in unicodeScalars {
            if breaks(scalar) { result += scalar.escaped(asASCII: true) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
