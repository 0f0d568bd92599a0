/// The kind of quote that opens a quoted part of a word.
public enum QuoteKind: Sendable, Equatable {
    /// `'…'`: everything up to the next `'` is literal.
    case single
    /// `"…"`: literal except that `\"` and `\\` stand for `"` and `\`.
    case double

    /// The quote character itself.
    public var character: Character {
        switch self {
        case .single: "'"
        case .double: "\""
        }
    }
}

/// One word of a command line, after quote removal and escapes.
public struct Word: Sendable, Equatable {
    /// The word's value: quotes removed, escapes resolved.
    public var text: String
    /// Where the word's raw spelling (quotes and backslashes included) lies in the tokenized source.
    public var range: Range<String.Index>

    /// Creates a word.
    public init(text: String, range: Range<String.Index>) {
        self.text = text
        self.range = range
    }
}
