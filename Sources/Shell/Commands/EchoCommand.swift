/// `echo TEXT…`: prints its words, for scripts.
public enum EchoCommand: ShellCommand {
    public static let name = "echo"
    public static let synopsis = "echo [TEXT...]"
    public static let summary = "print text (for scripts)"
    public static let details = """
        Prints its words separated by single spaces. Quote text to keep spacing.

        Examples:
          echo sharing release images
          echo 'two  spaces'
        """

    public static func run(_ arguments: [String], in shell: Interpreter) async throws(ShellError) {
        shell.console.line(arguments.joined(separator: " "))
    }
}
