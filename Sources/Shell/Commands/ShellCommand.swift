/// One shell command: its name, its help, and what it does to the session.
///
/// Commands are stateless types; everything they read or change lives in the ``Interpreter``
/// they run in, so each can be tested by running it against a session.
public protocol ShellCommand: Sendable {
    /// The word that runs it.
    static var name: String { get }
    /// Other words that run it (`quit` for `exit`).
    static var aliases: [String] { get }
    /// The usage line, e.g. `share ACCOUNTS [--dry-run] [-y]`.
    static var synopsis: String { get }
    /// One line for `help`.
    static var summary: String { get }
    /// The full text of `help COMMAND`, examples included.
    static var details: String { get }
    /// Flags and options it accepts, for TAB completion.
    static var flags: [String] { get }
    /// Runs the command with the words after its name.
    static func run(_ arguments: [String], in shell: Interpreter) async throws(ShellError)
}

extension ShellCommand {
    public static var aliases: [String] { [] }
    public static var flags: [String] { [] }
}
