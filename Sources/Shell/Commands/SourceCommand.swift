/// `source FILE`: runs a script in this session.
public enum SourceCommand: ShellCommand {
    public static let name = "source"
    public static let synopsis = "source FILE"
    public static let summary = "run the commands in FILE"
    public static let details = """
        Runs FILE's commands in this session, with the same language as the prompt. A relative
        path is resolved against the directory of the script that contains the `source` line.
        Errors name the inner file and line. With `set on_error stop` (the default in scripts)
        the first failing command stops FILE and the script that sourced it.

        Examples:
          source release.cvmsh
          source ~/cvmsh/partners.cvmsh
        """

    public static func run(_ arguments: [String], in shell: Interpreter) async throws(ShellError) {
        guard arguments.count == 1 else { throw .usage("source: expected one file; usage: \(synopsis)") }
        switch try await shell.runScript(file: arguments[0]) {
        case .completed: return
        case .stopped(let status): throw .scriptStopped(status)
        case .exited(let status): shell.requestExit(status)
        }
    }
}
