/// `help [COMMAND]`: the command list, or one command in full.
public enum HelpCommand: ShellCommand {
    public static let name = "help"
    public static let aliases = ["?"]
    public static let synopsis = "help [COMMAND]"
    public static let summary = "list commands, or show one command in full"
    public static let details = """
        Without a word, lists every command with a one-line description. With a command name,
        shows its usage, what it does and examples.

        Examples:
          help
          help share
        """

    public static func run(_ arguments: [String], in shell: Interpreter) async throws(ShellError) {
        guard let word = arguments.first else {
            shell.show(overview(width: shell.style.width))
            return
        }
        guard arguments.count == 1 else { throw .usage("help: expected one command name; usage: \(synopsis)") }
        guard let command = Interpreter.command(named: word) else {
            let hint = Suggestion.closest(to: word, in: Interpreter.commandNames).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("help: unknown command '\(word)'\(hint)")
        }
        shell.show(page(for: command))
    }

    /// Every command's synopsis and summary, aligned; at a terminal of `width` columns a long
    /// summary continues on the next line under itself, broken at a space.
    static func overview(width: Int? = nil) -> String {
        var lines: [(String, String)] = []
        for command in Interpreter.commands {
            lines.append((command.synopsis, command.summary))
        }
        let column = lines.reduce(0) { max($0, $1.0.count) }
        var text = "Commands (help COMMAND for details and examples):\n"
        for (synopsis, summary) in lines {
            let room = width.map { max($0 - column - 4, 20) }
            let indent = "\n" + String(repeating: " ", count: column + 4)
            text += "  " + synopsis + String(repeating: " ", count: column - synopsis.count + 2)
                + summary.wrapped(toDisplayWidth: room).joined(separator: indent) + "\n"
        }
        text += "\nLists take commas or spaces; `#` starts a comment; `;` separates commands.\n"
        let redirection = "`CMD | SH-CMD` pipes, `CMD > FILE` writes (`>>` appends), `!SH-CMD` runs /bin/sh."
        text += redirection.wrapped(toDisplayWidth: width).joined(separator: "\n") + "\n"
        return text
    }

    /// The full page of one command.
    static func page(for command: any ShellCommand.Type) -> String {
        let summary = command.summary
        var text = "usage: " + command.synopsis + "\n\n"
        text += summary.prefix(1).uppercased() + String(summary.dropFirst()) + ".\n\n"
        text += command.details + "\n"
        if !command.aliases.isEmpty {
            text += "\nAlso: " + command.aliases.joined(separator: ", ") + "\n"
        }
        return text
    }
}

