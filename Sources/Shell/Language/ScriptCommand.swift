/// One command of a script or interactive input, ready for the executor.
public struct ScriptCommand: Sendable, Equatable {
    /// The command's words, quotes removed and escapes resolved; never empty.
    public var words: [String]
    /// The script's name as given to the reader.
    public var source: String
    /// The physical line on which the command's first word stands.
    public var line: Int
    /// The line carried the `-` prefix: a failure is reported but does not stop the script.
    public var ignoreFailure: Bool
    /// The line carried the `@` prefix: the command is not echoed.
    public var suppressEcho: Bool
    /// The command as written (from its first to its last word, without prefix, `;` or comment);
    /// parts from continued lines are joined with one space. For echo.
    public var text: String
    /// `!TEXT`: the command is `/bin/sh -c TEXT` (``words`` is then `["!"]`).
    public var shellEscape: String?
    /// `| COMMAND`, `> FILE` or `>> FILE`: where the output goes instead of the console.
    public var output: OutputTarget?

    /// Creates a command.
    public init(
        words: [String], source: String, line: Int,
        ignoreFailure: Bool = false, suppressEcho: Bool = false, text: String,
        shellEscape: String? = nil, output: OutputTarget? = nil
    ) {
        self.words = words
        self.source = source
        self.line = line
        self.ignoreFailure = ignoreFailure
        self.suppressEcho = suppressEcho
        self.text = text
        self.shellEscape = shellEscape
        self.output = output
    }

    /// `source:line`, for error messages.
    public var location: ScriptLocation { ScriptLocation(source: source, line: line) }
}
