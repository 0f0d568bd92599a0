/// The shell's only window on the world: where output goes and how the user is asked things.
/// The executable supplies a terminal or pipe implementation; tests supply a buffer.
public protocol Console: AnyObject, Sendable {
    /// Writes `text` to standard output as it is.
    func write(_ text: String)
    /// Writes one diagnostic line (warning, error, progress summary) to standard error.
    func diagnostic(_ line: String)
    /// Shows (or, with `nil`, clears) a transient status line; does nothing off a terminal.
    func progress(_ line: String?)
    /// Asks a yes/no question (its text ends with `[y/N] `); the default answer is No. Only
    /// called in interactive sessions.
    func confirm(_ question: String) async -> Bool
    /// Asks a question that needs a word typed in full (`apply` wants `yes` before it removes
    /// shares) and returns the line typed, or `nil` when there is none. Only called in
    /// interactive sessions.
    func ask(_ question: String) async -> String?
    /// Reads a line without echo (`login`); `nil` when the user gave up or there is no terminal.
    func readSecret(_ prompt: String) async -> String?
    /// Whether standard output is a terminal (progress redraws, colour when allowed).
    var isTerminal: Bool { get }
    /// Whether colour may be used (terminal, no `NO_COLOR`, `TERM` not `dumb`).
    var usesColor: Bool { get }
    /// The terminal width, or 80.
    var width: Int { get }
    /// Writes a command's result that may be longer than the screen, through a pager when the
    /// console has one (`$PAGER`, default `less -FRX`). Called only for interactive sessions at
    /// a terminal with `set pager on`; the default writes `text` as it is.
    func page(_ text: String) async
}

extension Console {
    public func page(_ text: String) async {
        write(text)
    }

    /// A console that cannot read a free answer gives none: the question counts as refused.
    public func ask(_ question: String) async -> String? { nil }

    /// Writes `text` and a newline to standard output.
    public func line(_ text: String = "") {
        write(text + "\n")
    }
}
