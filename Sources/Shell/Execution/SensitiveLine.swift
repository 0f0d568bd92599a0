/// Decides which lines may be kept in history: never a `login` line, nor one with a word that
/// looks like a key or token (so a key pasted at the prompt by mistake is not written to disk).
public enum SensitiveLine {
    /// Whether `line` may be stored in the history file.
    public static func isSafeToStore(_ line: String) -> Bool {
        let tokens = Tokenizer.tokenize(line)
        for command in tokens.segments {
            guard let first = command.first?.text else { continue }
            let name = String(first.drop(while: { $0 == "-" || $0 == "@" }))
            if name == "login" { return false }
        }
        let lowered = line.lowercased()
        let markers = ["secretkey", "secret_key", "secretid", "secret_id", "tencentcloud_", "token", "akid"]
        if markers.contains(where: { lowered.contains($0) }) { return false }
        return !tokens.words.contains { looksLikeSecret($0.text) }
    }

    /// A long run of letters and digits, mixed case or mixed letters and digits (a SecretKey,
    /// a token); image ids (`img-…`) and account ids (digits) never look like this.
    static func looksLikeSecret(_ word: String) -> Bool {
        guard word.count >= 24, !word.hasPrefix("img-"), !word.hasPrefix("name:") else { return false }
        let letters = word.filter(\.isLetter)
        let digits = word.filter(\.isNumber)
        let alphanumeric = word.filter { $0.isLetter || $0.isNumber || "+/=_".contains($0) }.count
        guard Double(alphanumeric) / Double(word.count) > 0.9 else { return false }
        let mixedCase = letters.contains(where: \.isUppercase) && letters.contains(where: \.isLowercase)
        return (mixedCase || !digits.isEmpty) && !letters.isEmpty
    }
}
