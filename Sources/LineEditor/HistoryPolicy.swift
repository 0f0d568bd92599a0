/// Decides which lines enter the history (bash's `ignoreboth`, plus a filter).
public struct HistoryPolicy {
    /// The caller's extra test, applied to the cleaned line; false keeps the
    /// line out of history (for example a line that logs in).
    public var filter: (String) -> Bool

    /// Creates a policy with an extra filter (by default, every line passes).
    public init(filter: @escaping (String) -> Bool = { _ in true }) {
        self.filter = filter
    }

    /// The entry to store for `line`, or nil when it must not be stored.
    ///
    /// The trailing newline and unescaped trailing blanks are removed first.
    /// Then a line is refused when it is blank, starts with a space or a tab,
    /// equals `previous` (the newest stored entry), or fails ``filter``.
    public func entry(for line: String, previous: String?) -> String? {
        let cleaned = Self.clean(line)
        guard let first = cleaned.first, first != " ", first != "\t" else { return nil }
        guard cleaned != previous, filter(cleaned) else { return nil }
        return cleaned
    }

    /// `line` without its line ending and without trailing blanks that are not
    /// escaped by a backslash.
    static func clean(_ line: String) -> String {
        var characters = Substring(line)
        while let last = characters.last, last == "\n" || last == "\r\n" || last == "\r" {
            characters.removeLast()
        }
        while let last = characters.last, last == " " || last == "\t" {
            let beforeBlank = characters.dropLast()
            if beforeBlank.last == "\\" { break }
            characters = beforeBlank
        }
        return String(characters)
    }
}
