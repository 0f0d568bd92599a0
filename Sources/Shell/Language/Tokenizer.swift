/// The one tokenizer of the command language, shared by scripts, interactive lines and completion.
///
/// Rules (see the conventions): words split on ASCII whitespace; `'…'` is literal; `"…"` allows
/// `\"` and `\\`; outside quotes a backslash escapes the next character; `#` starts a comment at
/// the start of input or after whitespace (or `;`); an unquoted `;` separates commands; a trailing
/// unquoted `\` continues the line. An unquoted `>` or `>>` is an operator word (the next word
/// names a file); an unquoted `|`, or a `!` that starts a command, is an operator followed by the
/// text up to the next unquoted `;` or comment as written, for `/bin/sh` (see ``Word/Kind``).
/// Nothing is expanded. Work is linear in the input's length.
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
    private enum State { case between, word, single, double }

    let source: String
    private var state = State.between
    private var bytes: [UInt8] = []
    private var wordStart: Int?
    private var segments: [[Word]] = [[]]
    private var commentStart: Int?
    private var containsNUL = false
    private var continuation = false

    init(source: String) { self.source = source }

    mutating func run() -> TokenizedLine {
        var text = source
        let end = text.withUTF8 { scan($0) }
        let openQuote: QuoteKind? =
            switch state {
            case .single: .single
            case .double: .double
            default: nil
            }
        let endsInWord = state != .between && !continuation
        finishWord(at: end)
        return TokenizedLine(
            segments: segments,
            openQuote: openQuote,
            endsWithContinuation: continuation,
            endsInWord: endsInWord,
            comment: commentStart.map { index($0)..<source.endIndex },
            containsNUL: containsNUL
        )
    }

    /// Runs the state machine over the bytes; returns the offset where scanning stopped.
    private mutating func scan(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var offset = 0
        while offset < utf8.count {
            let byte = utf8[offset]
            let next = offset + 1
            if byte == 0 { containsNUL = true }
            switch state {
            case .single:
                if byte == .singleQuote { state = .word } else { bytes.append(byte) }
            case .double:
                if byte == .backslash, next < utf8.count, utf8[next] == .doubleQuote || utf8[next] == .backslash {
                    bytes.append(utf8[next])
                    offset += 2
                    continue
                }
                if byte == .doubleQuote { state = .word } else { bytes.append(byte) }
            case .between, .word:
                if byte.isBlank {
                    finishWord(at: offset)
                } else if byte == .semicolon {
                    finishWord(at: offset)
                    segments.append([])
                } else if byte == .hash, state == .between {
                    commentStart = offset
                    return utf8.count
                } else if byte == .pipe || (byte == .bang && state == .between && segments[segments.count - 1].isEmpty)
                {
                    finishWord(at: offset)
                    addOperator(byte == .pipe ? "|" : "!", from: offset, to: next)
                    offset = scanShellText(utf8, from: next)
                    continue
                } else if byte == .greater {
                    finishWord(at: offset)
                    let appends = next < utf8.count && utf8[next] == .greater
                    addOperator(appends ? ">>" : ">", from: offset, to: appends ? next + 1 : next)
                    offset = appends ? next + 1 : next
                    continue
                } else if byte == .backslash {
                    guard next < utf8.count else {
                        finishWord(at: offset)
                        continuation = true
                        return utf8.count
                    }
                    startWord(at: offset)
                    bytes.append(utf8[next])
                    offset += 2
                    continue
                } else {
                    startWord(at: offset)
                    if byte == .singleQuote {
                        state = .single
                    } else if byte == .doubleQuote {
                        state = .double
                    } else {
                        bytes.append(byte)
                    }
                }
            }
            offset = next
        }
        return utf8.count
    }

    /// Takes the text after `|` or a leading `!` as written, up to an unquoted `;` or comment
    /// (quotes and backslashes follow the language's rules and are kept for `/bin/sh`), as one
    /// ``Word/Kind/shellText`` word without surrounding blanks. Returns where scanning resumes.
    private mutating func scanShellText(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var offset = start
        var quote: UInt8?
        var end = utf8.count
        while offset < utf8.count {
            let byte = utf8[offset]
            if let open = quote {
                if byte == .backslash, open == .doubleQuote, offset + 1 < utf8.count {
                    offset += 2
                    continue
                }
                if byte == open { quote = nil }
            } else if byte == .backslash {
                offset += 1
            } else if byte == .singleQuote || byte == .doubleQuote {
                quote = byte
            } else if byte == .semicolon || (byte == .hash && (offset == start || utf8[offset - 1].isBlank)) {
                end = offset
                break
            }
            offset += 1
        }
        if let quote { state = quote == .singleQuote ? .single : .double }
        var first = start
        var last = min(end, utf8.count)
        while first < last, utf8[first].isBlank { first += 1 }
        while last > first, utf8[last - 1].isBlank { last -= 1 }
        if first < last {
            let text = String(decoding: UnsafeBufferPointer(rebasing: utf8[first..<last]), as: UTF8.self)
            segments[segments.count - 1].append(Word(text: text, range: index(first)..<index(last), kind: .shellText))
        }
        return end
    }

    /// The string index of a UTF-8 offset (constant time for native strings).
    private func index(_ offset: Int) -> String.Index {
        source.utf8.index(source.utf8.startIndex, offsetBy: offset)
    }

    private mutating func addOperator(_ text: String, from start: Int, to end: Int) {
        segments[segments.count - 1].append(Word(text: text, range: index(start)..<index(end), kind: .operator))
    }

    private mutating func startWord(at offset: Int) {
        if state == .between {
            state = .word
            wordStart = offset
        }
    }

    private mutating func finishWord(at offset: Int) {
        if let start = wordStart {
            let text = String(decoding: bytes, as: UTF8.self)
            segments[segments.count - 1].append(Word(text: text, range: index(start)..<index(offset)))
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
    fileprivate static let pipe = UInt8(ascii: "|")
    fileprivate static let greater = UInt8(ascii: ">")
    fileprivate static let bang = UInt8(ascii: "!")

    /// Space, tab, newline, vertical tab, form feed, carriage return.
    fileprivate var isBlank: Bool { self == 0x20 || (0x09...0x0D).contains(self) }
}
