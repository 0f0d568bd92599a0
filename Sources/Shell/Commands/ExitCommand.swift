/// `exit [N]` / `quit`: ends the session (or the script) with status N.
public enum ExitCommand: ShellCommand {
    public static let name = "exit"
    public static let aliases = ["quit"]
    public static let synopsis = "exit [N]"
    public static let summary = "leave cvmsh (exit status N, default 0)"
    public static let details = """
        Ends the session; in a script, ends the whole run with exit status N (0-255, default 0).
        `quit` is the same. Ctrl-D on an empty line also exits with 0.

        Examples:
          exit
          exit 4
        """

    public static func run(_ arguments: [String], in shell: Interpreter) async throws(ShellError) {
        guard arguments.count <= 1 else { throw .usage("exit: too many arguments; usage: \(synopsis)") }
        var code: Int32 = 0
        if let word = arguments.first {
            guard let number = Int32(word), (0...255).contains(number) else {
                throw .usage("exit: status must be a number from 0 to 255, got '\(word)'")
            }
            code = number
        }
        shell.requestExit(ExitStatus(code))
    }
}
