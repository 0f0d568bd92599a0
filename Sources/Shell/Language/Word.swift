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
    /// What a word is to the executor.
    public enum Kind: Sendable, Equatable {
        /// An ordinary word: a command name or argument.
        case word
        /// An unquoted `|`, `>`, `>>` or a `!` that starts a command (its ``Word/text``).
        case `operator`
        /// The text after `|` or a leading `!` up to an unquoted `;` or comment, as written
        /// (quotes kept), for `/bin/sh -c`.
        case shellText
    }

    /// The word's value: quotes removed, escapes resolved.
    public var text: String
    /// Where the word's raw spelling (quotes and backslashes included) lies in the tokenized source.
    public var range: Range<String.Index>
    /// Whether the word is an argument, an operator or text for the system shell.
    public var kind: Kind

    /// Creates a word.
    public init(text: String, range: Range<String.Index>, kind: Kind = .word) {
        self.text = text
        self.range = range
        self.kind = kind
    }
}
