/// The result of tokenizing one line, complete or not.
///
/// Tokenizing never fails: incomplete input (an open quote, a trailing `\`) is described here so
/// that TAB completion can work on it; ``validate()`` turns it into an error for execution.
public struct TokenizedLine: Sendable, Equatable {
    /// The words of each command, split on unquoted `;`. There is always at least one segment;
    /// segments may be empty (`ls;` gives `[[ls], []]`), so the last one is the command being typed.
    public var segments: [[Word]]
    /// The quote left open at the end of the input, if any (the last word is inside it).
    public var openQuote: QuoteKind?
    /// Whether the input ends with an unquoted `\` (the line continues on the next one).
    public var endsWithContinuation: Bool
    /// Whether the end of the input touches the last word (no whitespace, `;` or comment after it),
    /// so completion extends that word rather than starting a new one.
    public var endsInWord: Bool
    /// The comment (from its `#` to the end of input), if any.
    public var comment: Range<String.Index>?
    /// Whether the input holds a NUL byte outside a comment.
    public var containsNUL: Bool

    /// All words of all segments, in order.
    public var words: [Word] { segments.flatMap { $0 } }

    /// The non-empty commands as plain strings, for execution.
    public var commands: [[String]] {
        segments.filter { !$0.isEmpty }.map { $0.map(\.text) }
    }

    /// Whether the input forms whole commands: no open quote and no trailing continuation.
    public var isComplete: Bool { openQuote == nil && !endsWithContinuation }

    /// Throws if the line cannot be executed as it stands: an open quote or a NUL byte.
    /// A trailing continuation is not an error here; the reader joins the next line.
    public func validate() throws(SyntaxError) {
        if containsNUL { throw .nulCharacter }
        if let openQuote { throw .unterminatedQuote(openQuote) }
    }
}
