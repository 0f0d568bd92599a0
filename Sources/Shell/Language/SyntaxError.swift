/// Why a line of the command language cannot be run.
///
/// Every case has a one-line ``message``; ``ScriptSyntaxError`` adds the file and line.
public enum SyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A quote was opened and not closed on the same line.
    case unterminatedQuote(QuoteKind)
    /// The input ended right after a line that asked to be continued with a trailing `\`.
    case continuationAtEndOfInput
    /// The line holds a NUL byte (binary data, or an attempt to cut a word short in C APIs).
    case nulCharacter
    /// The line is not valid UTF-8; `offset` is the 1-based byte offset of the first bad byte.
    case invalidUTF8(offset: Int)
    /// A logical line (continuations joined) is longer than the reader accepts.
    case lineTooLong(bytes: Int, limit: Int)

    /// A one-line, human-readable explanation.
    public var message: String {
        switch self {
        case .unterminatedQuote(.single): "unterminated single quote (')"
        case .unterminatedQuote(.double): "unterminated double quote (\")"
        case .continuationAtEndOfInput: "input ends with a line continuation (trailing \\)"
        case .nulCharacter: "line contains a NUL byte"
        case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset) of the line"
        case .lineTooLong(let bytes, let limit): "line too long (\(bytes) bytes; the limit is \(limit))"
        }
    }

    public var description: String { message }
}
