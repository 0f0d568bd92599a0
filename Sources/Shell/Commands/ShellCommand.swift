/// One shell command: its ``CommandSignature`` and what it does to the session.
///
/// Commands are stateless types; everything they read or change lives in the ``Interpreter``
/// they run in, so each can be tested by running it against a session. Adding a command is one
/// file with such a type plus its line in ``Interpreter/commands``.
public protocol ShellCommand: Sendable {
    /// Name, aliases, parameters, flags and help, declared once.
    static var signature: CommandSignature { get }
    /// Runs the command with its words already parsed against ``signature``.
    static func run(_ arguments: Arguments, in shell: Interpreter) async throws(ShellError)
}

extension ShellCommand {
    /// The word that runs it.
    public static var name: String { signature.name }
    /// Other words that run it.
    public static var aliases: [String] { signature.aliases }
    /// The usage line.
    public static var synopsis: String { signature.synopsis }
    /// One line for `help`.
    public static var summary: String { signature.summary }
}
