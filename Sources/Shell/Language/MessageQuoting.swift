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
