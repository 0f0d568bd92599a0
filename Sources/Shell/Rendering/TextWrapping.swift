extension StringProtocol {
    /// The text broken into lines of at most `width` terminal columns, at spaces only (a word
    /// wider than the line stands alone, never split). Without a width the text is one line.
    public func wrapped(toDisplayWidth width: Int?) -> [String] {
        let words = split(separator: " ", omittingEmptySubsequences: true)
        guard let width, !words.isEmpty else { return [String(self)] }
        var lines: [String] = []
        var line = ""
        for word in words {
            if line.isEmpty {
                line = String(word)
            } else if line.displayWidth + 1 + word.displayWidth <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        lines.append(line)
        return lines
    }
}
