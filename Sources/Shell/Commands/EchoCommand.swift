/// `echo TEXT…`: prints its words, for scripts.
public enum EchoCommand: ShellCommand {
    public static let signature = CommandSignature(
        "echo", positionals: [Positional("TEXT", .any)],
        summary: "print text (for scripts)",
        details: "Prints its words separated by single spaces. Quote text to keep spacing.",
        examples: ["echo sharing release images", "echo 'two  spaces'"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let arguments = args.words("TEXT")
        shell.console.line(arguments.joined(separator: " "))
    }
}
