/// The one tokenizer of the command language, shared by scripts, interactive lines and completion.
///
/// Rules (see the conventions): words split on ASCII whitespace; `'…'` is literal; `"…"` allows
/// `\"` and `\\`; outside quotes a backslash escapes the next character; `#` starts a comment at
/// the start of input or after whitespace (or `;`); an unquoted `;` separates commands; a trailing
/// unquoted `\` continues the line. Nothing is expanded. Work is linear in the input's length.
public enum Tokenizer {
    /// Tokenizes `line`, which may be incomplete (for completion) or complete (for execution).
    /// A `\n` in `line` counts as whitespace; callers split physical lines themselves.
    public static func tokenize(_ line: String) -> TokenizedLine {
        var scanner = Scanner(source: line)
        return scanner.run()
    }

    /// Tokenizes one complete line and returns its non-empty commands.
    /// Throws on an open quote, a NUL byte or a trailing continuation.
    public static func commands(in line: String) throws(SyntaxError) -> [[String]] {
        let tokens = tokenize(line)
        try tokens.validate()
        if tokens.endsWithContinuation { throw .continuationAtEndOfInput }
        return tokens.commands
    }
}

/// The byte-level state machine behind ``Tokenizer``. Every special character is ASCII, so
/// scanning UTF-8 bytes is exact and avoids per-Character cost on very long lines.
private struct Scanner {
    private enum State { case between, word, single, double, comment }

    let source: String
    private var state = State.between
    private var bytes: [UInt8] = []
    private var wordStart: String.Index?
    private var segments: [[Word]] = [[]]
    private var commentStart: String.Index?
    private var containsNUL = false
    private var continuation = false

    init(source: String) { self.source = source }

    mutating func run() -> TokenizedLine {
        let utf8 = source.utf8
        var index = utf8.startIndex
        scan: while index < utf8.endIndex {
            let byte = utf8[index]
            let next = utf8.index(after: index)
            if byte == 0, state != .comment { containsNUL = true }
            switch state {
            case .comment:
                break scan
            case .single:
                if byte == .singleQuote { state = .word } else { bytes.append(byte) }
            case .double:
                if byte == .backslash, next < utf8.endIndex,
                   utf8[next] == .doubleQuote || utf8[next] == .backslash {
                    bytes.append(utf8[next])
                    index = utf8.index(after: next)
                    continue scan
                }
                if byte == .doubleQuote { state = .word } else { bytes.append(byte) }
            case .between, .word:
                if byte.isBlank {
                    finishWord(at: index)
                } else if byte == .semicolon {
                    finishWord(at: index)
                    segments.append([])
                } else if byte == .hash, state == .between {
                    commentStart = index
                    state = .comment
                    break scan
                } else if byte == .backslash {
                    guard next < utf8.endIndex else {
                        finishWord(at: index)
                        continuation = true
                        break scan
                    }
                    startWord(at: index)
                    bytes.append(utf8[next])
                    index = utf8.index(after: next)
                    continue scan
                } else {
                    startWord(at: index)
                    if byte == .singleQuote {
                        state = .single
                    } else if byte == .doubleQuote {
                        state = .double
                    } else {
                        bytes.append(byte)
                    }
                }
            }
            index = next
        }
        let openQuote: QuoteKind? = switch state {
        case .single: .single
        case .double: .double
        default: nil
        }
        let endsInWord = state != .between && state != .comment && !continuation
        finishWord(at: utf8.endIndex)
        return TokenizedLine(
            segments: segments,
            openQuote: openQuote,
            endsWithContinuation: continuation,
            endsInWord: endsInWord,
            comment: commentStart.map { $0..<source.endIndex },
            containsNUL: containsNUL
        )
    }

    private mutating func startWord(at index: String.Index) {
        if state == .between {
            state = .word
            wordStart = index
        }
    }

    private mutating func finishWord(at index: String.Index) {
        if let start = wordStart {
            let text = String(decoding: bytes, as: UTF8.self)
            segments[segments.count - 1].append(Word(text: text, range: start..<index))
            bytes.removeAll(keepingCapacity: true)
            wordStart = nil
        }
        state = .between
    }
}

extension UInt8 {
    fileprivate static let singleQuote = UInt8(ascii: "'")
    fileprivate static let doubleQuote = UInt8(ascii: "\"")
    fileprivate static let backslash = UInt8(ascii: "\\")
    fileprivate static let semicolon = UInt8(ascii: ";")
    fileprivate static let hash = UInt8(ascii: "#")

    /// Space, tab, newline, vertical tab, form feed, carriage return.
    fileprivate var isBlank: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}
