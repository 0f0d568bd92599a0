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
    /// `|`, `!`, `>` or `>>` with nothing after it (`ls >`, `ls |`).
    case missingAfterOperator(String)
    /// `|`, `>` or `>>` with no command before it (`| grep x`).
    case missingBeforeOperator(String)
    /// A word after the file name of `>` or `>>` (`ls > a.txt b`).
    case textAfterRedirection(String)

    /// A one-line, human-readable explanation.
    public var message: String {
        switch self {
        case .unterminatedQuote(.single): "unterminated single quote (')"
        case .unterminatedQuote(.double): "unterminated double quote (\")"
        case .continuationAtEndOfInput: "input ends with a line continuation (trailing \\)"
        case .nulCharacter: "line contains a NUL byte"
        case .invalidUTF8(let offset): "invalid UTF-8 at byte \(offset) of the line"
        case .lineTooLong(let bytes, let limit): "line too long (\(bytes) bytes; the limit is \(limit))"
        case .missingAfterOperator("|"), .missingAfterOperator("!"):
            "expected a command after '\(operatorText)' (quote it to use it literally)"
        case .missingAfterOperator: "expected a file name after '\(operatorText)' (quote it to use it literally)"
        case .missingBeforeOperator: "expected a command before '\(operatorText)' (quote it to use it literally)"
        case .textAfterRedirection(let word):
            "unexpected '\(word)' after the file name: the redirection ends the command"
        }
    }

    public var description: String { message }

    private var operatorText: String {
        switch self {
        case .missingAfterOperator(let text), .missingBeforeOperator(let text): text
        default: ""
        }
    }
}
