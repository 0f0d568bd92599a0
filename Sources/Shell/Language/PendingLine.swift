/// A logical line being assembled from physical lines by ``ScriptReader``.
struct PendingLine: Sendable {
    struct Command: Sendable {
        var words: [(text: String, kind: Word.Kind)] = []
        var line: Int?
        var text = ""
    }

    let ignoreFailure: Bool
    let suppressEcho: Bool
    private(set) var segments = [Command()]
    private(set) var byteCount = 0

    init(ignoreFailure: Bool, suppressEcho: Bool) {
        self.ignoreFailure = ignoreFailure
        self.suppressEcho = suppressEcho
    }

    /// Adds one physical line's tokens; its first segment continues the current command.
    mutating func append(_ tokens: TokenizedLine, of line: String, at lineNumber: Int) {
        byteCount += line.utf8.count + 1
        for (position, words) in tokens.segments.enumerated() {
            if position > 0 { segments.append(Command()) }
            guard let first = words.first, let last = words.last else { continue }
            let current = segments.count - 1
            segments[current].words += words.map { ($0.text, $0.kind) }
            if segments[current].line == nil { segments[current].line = lineNumber }
            if !segments[current].text.isEmpty { segments[current].text += " " }
            segments[current].text += line[first.range.lowerBound..<last.range.upperBound]
        }
    }

    /// The finished, non-empty commands; throws when an operator (`|`, `>`, `!`) is misused.
    func commands(source: String) throws(SyntaxError) -> [ScriptCommand] {
        var commands: [ScriptCommand] = []
        for command in segments {
            guard let line = command.line else { continue }
            let parts = try OutputTarget.split(command.words)
            commands.append(
                ScriptCommand(
                    words: parts.words, source: source, line: line,
                    ignoreFailure: ignoreFailure, suppressEcho: suppressEcho, text: command.text,
                    shellEscape: parts.escape, output: parts.output
                ))
        }
        return commands
    }
}
