/// `source FILE`: runs a script in this session.
public enum SourceCommand: ShellCommand {
    public static let signature = CommandSignature(
        "source", positionals: [Positional("FILE", completion: .file, missing: "one file")],
        summary: "run the commands in FILE",
        details: """
            Runs FILE's commands in this session, with the same language as the prompt. A relative
            path is resolved against the directory of the script that contains the `source` line.
            Errors name the inner file and line. With `set on_error stop` (the default in scripts)
            the first failing command stops FILE and the script that sourced it.
            """,
        examples: ["source release.cvmsh", "source ~/cvmsh/partners.cvmsh"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let file = args.word("FILE") ?? ""
        switch try await shell.runScript(file: file) {
        case .completed: return
        case .stopped(let status): throw .scriptStopped(status)
        case .exited(let status): shell.requestExit(status)
        }
    }
}
