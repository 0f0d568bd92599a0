/// `help [COMMAND]`: the command list, or one command in full.
public enum HelpCommand: ShellCommand {
    public static let signature = CommandSignature(
        "help", aliases: ["?", "\\?", "\\h"],
        positionals: [Positional("COMMAND", .optional, completion: .command)],
        summary: "list commands, or show one command in full",
        details: """
            Without a word, lists every command with a one-line description. With a command name,
            shows its usage, what it does, its options and examples. `?`, `\\?` and `\\h` are the same.
            """,
        examples: ["help", "help share"])

    public static func run(_ arguments: Arguments, in shell: Interpreter) async throws(ShellError) {
        let width = shell.console.width
        guard let word = arguments.word("COMMAND") else {
            await shell.show(HelpText.overview(width: width))
            return
        }
        guard let command = Interpreter.command(named: word) else {
            let closest = Suggestion.closest(to: word, in: Interpreter.commandNames)
            let hint = closest.map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("help: unknown command '\(word)'\(hint)")
        }
        await shell.show(HelpText.page(for: command.signature, width: width))
    }
}
