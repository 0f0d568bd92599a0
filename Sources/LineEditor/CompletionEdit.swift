/// What pressing TAB does to the line, decided from a ``CompletionReply``.
public enum CompletionEdit: Equatable, Sendable {
    /// Nothing to do: ring the bell.
    case beep
    /// Replace the characters from `start` up to the cursor with `text`.
    case replace(start: Int, text: String)
    /// Nothing can be added: show these candidates and redraw the line.
    case list([String])

    /// Plans the edit for `reply` on `line` with the cursor at character
    /// offset `cursor`.
    ///
    /// One candidate replaces the word, followed by the closing quote it
    /// leaves open and a space when `appendSpaceWhenUnique` is set (no space
    /// when one already follows the cursor). Several candidates insert their
    /// longest common prefix when it is longer than the word; otherwise they
    /// are listed.
    public static func plan(line: String, cursor: Int, reply: CompletionReply) -> CompletionEdit {
        let characters = Array(line)
        let cursor = min(max(cursor, 0), characters.count)
        let start = min(max(reply.replaceStart, 0), cursor)
        let word = String(characters[start..<cursor])
        switch reply.candidates.count {
        case 0:
            return .beep
        case 1:
            var text = reply.candidates[0]
            if reply.appendSpaceWhenUnique {
                if let quote = openQuote(in: text) { text.append(quote) }
                if cursor == characters.count || characters[cursor] != " " { text.append(" ") }
            }
            return text == word ? .beep : .replace(start: start, text: text)
        default:
            let prefix = longestCommonPrefix(reply.candidates)
            if prefix.count > word.count { return .replace(start: start, text: prefix) }
            return .list(reply.displays ?? reply.candidates)
        }
    }

    /// The line and cursor after applying this edit (a listing changes nothing).
    public func applied(to line: String, cursor: Int) -> (line: String, cursor: Int) {
        guard case .replace(let wordStart, let text) = self else { return (line, cursor) }
        let characters = Array(line)
        let cursor = min(max(cursor, 0), characters.count)
        let start = min(max(wordStart, 0), cursor)
        let result = String(characters[..<start]) + text + String(characters[cursor...])
        return (result, start + text.count)
    }

    /// The longest prefix, in whole characters, shared by all `words`.
    public static func longestCommonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map(Array.init) else { return "" }
        for word in words.dropFirst() {
            let shared = zip(prefix, word).prefix { $0 == $1 }.count
            prefix.removeSubrange(shared...)
        }
        return String(prefix)
    }

    /// The quote character `word` leaves open, using the shell's rules:
    /// `'…'` is literal, `"…"` honours `\"` and `\\`, and a backslash outside
    /// quotes escapes the next character.
    public static func openQuote(in word: String) -> Character? {
        var open: Character?
        var escaped = false
        for character in word {
            if escaped {
                escaped = false
                continue
            }
            switch (open, character) {
            case (nil, "\\"), ("\"", "\\"): escaped = true
            case (nil, "'"), (nil, "\""): open = character
            case ("'", "'"), ("\"", "\""): open = nil
            default: break
            }
        }
        return open
    }
}
