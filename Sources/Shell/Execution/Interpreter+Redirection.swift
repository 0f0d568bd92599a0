import Foundation

extension Interpreter {
    /// Runs one command with its `!` escape or output target: `| TEXT` pipes the output into
    /// `/bin/sh -c TEXT`, `> FILE` and `>> FILE` write it to the file. The command's failure, or
    /// the system shell's non-zero status, is the command's failure; nothing is written to a
    /// file (nor piped) when the command fails.
    func run(_ command: ScriptCommand) async throws(ShellError) {
        if let text = command.shellEscape {
            return try await SystemShell.run(text, input: nil, environment: services.environment, console: console)
        }
        guard let target = command.output else { return try await dispatch(Self.psqlSpelling(command)) }
        var file: OutputFile?
        if case .file(let path, let append) = target {
            file = try OutputFile(path: outputPath(path), shown: path, append: append)
        }
        let real = console
        let capture = CapturingConsole(base: real)
        console = capture
        do {
            try await dispatch(Self.psqlSpelling(command))
        } catch {
            console = real
            throw error
        }
        console = real
        switch target {
        case .pipe(let text):
            try await SystemShell.run(text, input: capture.text, environment: services.environment, console: real)
        case .file: try file?.write(capture.text)
        }
    }

    /// A redirection's file: `~/` is the home directory, a relative path is relative to the
    /// working directory (as in a system shell, whichever script runs).
    private func outputPath(_ path: String) -> String {
        let expanded = path.hasPrefix("~/") ? services.paths.home + path.dropFirst(1) : path
        if expanded.hasPrefix("/") { return expanded }
        return FileManager.default.currentDirectoryPath + "/" + expanded
    }
}
