/// `exit [N]` / `quit`: ends the session (or the script) with status N.
public enum ExitCommand: ShellCommand {
    public static let signature = CommandSignature(
        "exit", aliases: ["quit", "\\q"], positionals: [Positional("N", .optional, value: .number(0...255))],
        summary: "leave cvmsh (exit status N, default 0)",
        details: """
            Ends the session; in a script, ends the whole run with exit status N (0-255, default 0).
            `quit` and `\\q` are the same. Ctrl-D on an empty line also exits with 0.
            """,
        examples: ["exit", "exit 4"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        shell.requestExit(ExitStatus(Int32(args.number("N") ?? 0)))
    }
}
