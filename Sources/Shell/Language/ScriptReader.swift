/// Turns script text, fed one physical line at a time, into ``ScriptCommand``s with file:line.
///
/// - Joins lines that end with an unquoted `\`. The backslash is replaced by one space, so a
///   continuation never glues two words together (`share 100001,\` + `100002` is two ids, never
///   the single id `100001100002`); quotes cannot span lines.
/// - Drops comments and blank lines, splits on unquoted `;`, drops empty commands (`;;`).
/// - Reads the sftp-style prefixes before the first word of a logical line: `-` (ignore this
///   line's failure) and `@` (do not echo), in either order, each at most once.
/// - Strips a trailing `\r` (CRLF files) and a UTF-8 byte order mark on line 1.
/// - Rejects invalid UTF-8 with an error naming the line rather than decoding it lossily: a
///   replaced byte could silently turn an image name or glob into another one. NUL bytes and
///   logical lines longer than ``maxLineLength`` bytes are errors too.
///
/// After an error the pending logical line is dropped, so the caller may keep feeding lines
/// (`--on-error continue`). Work is linear in the input.
public struct ScriptReader: Sendable {
    /// The default limit for one logical line: 1 MiB, far above any real command.
    public static let defaultMaxLineLength = 1 << 20

    /// The script's name in locations.
    public let source: String
    /// The longest logical line accepted, in UTF-8 bytes.
    public let maxLineLength: Int
    /// The number of physical lines fed so far (the current line's number once fed).
    public private(set) var lineNumber = 0
    private var pending: PendingLine?

    /// Creates a reader for the script named `source`.
    public init(source: String, maxLineLength: Int = ScriptReader.defaultMaxLineLength) {
        self.source = source
        self.maxLineLength = maxLineLength
    }

    /// Whether the last line ended with a continuation, so more input is needed before the
    /// logical line is complete (the interactive prompt shows `...> `).
    public var needsMoreInput: Bool { pending != nil }

    /// Feeds one physical line (without its `\n`) and returns the commands it completes.
    public mutating func feed(_ line: String) throws(ScriptSyntaxError) -> [ScriptCommand] {
        lineNumber += 1
        return try consume(line)
    }

    /// Feeds one physical line as raw bytes (without its `\n`), validating its UTF-8 first.
    public mutating func feed(bytes line: some Collection<UInt8>) throws(ScriptSyntaxError) -> [ScriptCommand] {
        lineNumber += 1
        try checkLength(line.count)
        guard let text = String(validating: line, as: UTF8.self) else {
            pending = nil
            throw fail(.invalidUTF8(offset: Self.firstInvalidByte(in: line)), ignorable: false)
        }
        return try consume(text)
    }

    /// Declares the end of input. Throws if a continued line was never completed.
    public mutating func finish() throws(ScriptSyntaxError) {
        if let line = pending {
            pending = nil
            throw fail(.continuationAtEndOfInput, ignorable: line.ignoreFailure)
        }
    }

    private mutating func consume(_ rawLine: String) throws(ScriptSyntaxError) -> [ScriptCommand] {
        var line = rawLine
        if line.utf8.last == UInt8(ascii: "\r") { line = String(line.dropLast()) }
        if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = String(line.dropFirst()) }
        try checkLength(line.utf8.count)

        var logical: PendingLine
        if let pending {
            logical = pending
        } else {
            let prefix = LinePrefix(parsing: line)
            if prefix.length > 0 { line = String(line[line.utf8.index(line.startIndex, offsetBy: prefix.length)...]) }
            logical = PendingLine(ignoreFailure: prefix.ignoreFailure, suppressEcho: prefix.suppressEcho)
        }
        let tokens = Tokenizer.tokenize(line)
        if tokens.containsNUL {
            pending = nil
            throw fail(.nulCharacter, ignorable: false)
        }
        if let quote = tokens.openQuote {
            pending = nil
            throw fail(.unterminatedQuote(quote), ignorable: logical.ignoreFailure)
        }
        logical.append(tokens, of: line, at: lineNumber)
        if tokens.endsWithContinuation {
            pending = logical
            return []
        }
        pending = nil
        do throws(SyntaxError) {
            return try logical.commands(source: source)
        } catch {
            throw fail(error, ignorable: logical.ignoreFailure)
        }
    }

    private mutating func checkLength(_ count: Int) throws(ScriptSyntaxError) {
        let total = count + (pending?.byteCount ?? 0)
        if total > maxLineLength {
            pending = nil
            throw fail(.lineTooLong(bytes: total, limit: maxLineLength), ignorable: false)
        }
    }

    private func fail(_ error: SyntaxError, ignorable: Bool) -> ScriptSyntaxError {
        ScriptSyntaxError(error, at: ScriptLocation(source: source, line: lineNumber), ignoreFailure: ignorable)
    }

    /// The 1-based offset of the first byte that does not start a valid UTF-8 sequence.
    private static func firstInvalidByte(in bytes: some Collection<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset + 1
            case .emptyInput: return offset + 1
            }
        }
    }
}

extension ScriptReader {
    /// Reads a whole script held in memory; throws at the first error.
    public static func commands(
        in text: String, source: String, maxLineLength: Int = defaultMaxLineLength
    ) throws(ScriptSyntaxError) -> [ScriptCommand] {
        var reader = ScriptReader(source: source, maxLineLength: maxLineLength)
        var commands: [ScriptCommand] = []
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if text.utf8.last == UInt8(ascii: "\n") { lines.removeLast() }
        for line in lines {
            commands += try reader.feed(String(text[line.startIndex..<line.endIndex]))
        }
        try reader.finish()
        return commands
    }

    /// Reads a whole script given as bytes (a file's contents), validating UTF-8 line by line;
    /// throws at the first error.
    public static func commands(
        in bytes: [UInt8], source: String, maxLineLength: Int = defaultMaxLineLength
    ) throws(ScriptSyntaxError) -> [ScriptCommand] {
        var reader = ScriptReader(source: source, maxLineLength: maxLineLength)
        var commands: [ScriptCommand] = []
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if bytes.last == UInt8(ascii: "\n") { lines.removeLast() }
        for line in lines {
            commands += try reader.feed(bytes: line)
        }
        try reader.finish()
        return commands
    }

    /// Whether the lines typed so far end inside a continued logical line, so the interactive
    /// prompt should ask for more (`...> `). Lines with errors complete their logical line.
    public static func needsMoreInput(_ lines: [String]) -> Bool {
        var reader = ScriptReader(source: "")
        for line in lines { _ = try? reader.feed(line) }
        return reader.needsMoreInput
    }
}
