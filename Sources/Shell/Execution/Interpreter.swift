import Foundation
import TencentCloud

/// Runs commands against a ``Session``: from the prompt, from `-c`, from script files and
/// piped input, with the error and exit-status rules of a trusted scripting shell.
///
/// One interpreter serves one session on one task. Commands receive it and change
/// ``session``; output goes through ``console`` only.
public final class Interpreter {
    public var session: Session
    /// Where output goes: the session's console, or a capture while the command's output is
    /// redirected (`| COMMAND`, `> FILE`).
    public internal(set) var console: any Console
    public let services: ShellServices
    /// Whether the user is at a terminal and may be asked questions.
    public var isInteractive: Bool
    /// Where the running command came from, for relative `source` paths and messages.
    public private(set) var location: ScriptLocation?
    /// Set by `exit`.
    public private(set) var exitRequest: ExitStatus?
    /// Commands that failed without stopping their script (`on_error continue`).
    public private(set) var failures = 0
    /// `-q`: informational lines (``inform(_:)``) are not printed; warnings and errors are.
    public var isQuiet = false
    private var sourceStack: [String] = []

    /// The deepest `source` nesting allowed.
    public static let maxSourceDepth = 16

    public init(session: Session, console: any Console, services: ShellServices, isInteractive: Bool) {
        self.session = session
        self.console = console
        self.services = services
        self.isInteractive = isInteractive
        loadAliases()
    }

    /// Asks `exit` to end the session once the current command returns.
    public func requestExit(_ status: ExitStatus) {
        exitRequest = status
    }

    /// What running one command did.
    public enum Outcome: Equatable, Sendable {
        case succeeded
        /// Failed; the error was reported. `stops` is true when the script must stop here.
        case failed(ShellError, stops: Bool)
        case exited(ExitStatus)
    }

    /// Runs one command, reports its error (if any) and applies the error policy.
    @discardableResult
    public func execute(_ command: ScriptCommand) async -> Outcome {
        location = command.location
        if session.settings.echo, !command.suppressEcho {
            console.line("cvmsh> \(command.text)")
        }
        do throws(ShellError) {
            try await run(command)
        } catch {
            if case .scriptStopped = error {
                return .failed(error, stops: true)
            }
            report(error, at: command.location, ignored: command.ignoreFailure)
            if command.ignoreFailure { return .succeeded }
            if error.isInterruption { return .failed(error, stops: true) }
            let stops = session.settings.onError == .stop && !isPromptLine(command)
            if !stops, !isPromptLine(command) { failures += 1 }
            return .failed(error, stops: stops)
        }
        if let exitRequest { return .exited(exitRequest) }
        return .succeeded
    }

    /// Runs the words of one command.
    public func dispatch(_ words: [String]) async throws(ShellError) {
        guard let name = words.first else { return }
        guard let command = Self.command(named: name) else {
            let hint = Suggestion.closest(to: name, in: Self.commandNames).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("unknown command '\(name)'\(hint) (type `help` for the list)")
        }
        let arguments = try Arguments(Array(words.dropFirst()), signature: command.signature)
        if Task.isCancelled { throw .interrupted }
        try await command.run(arguments, in: self)
    }

    /// The words with a leading backslash kept where it names a command (`\q`, `\?`, `\h`, as in
    /// psql): outside quotes the tokenizer reads `\q` as `q`.
    static func psqlSpelling(_ command: ScriptCommand) -> [String] {
        var words = command.words
        if command.text.hasPrefix("\\"), let first = words.first, Self.command(named: "\\" + first) != nil {
            words[0] = "\\" + first
        }
        return words
    }

    /// How a script ended.
    public enum ScriptOutcome: Equatable, Sendable {
        /// Every line ran (some may have failed under `on_error continue`).
        case completed
        /// Stopped at a failing command; the status to exit with.
        case stopped(ExitStatus)
        /// `exit` was run.
        case exited(ExitStatus)
    }

    /// Runs lines read from `lines` as a script named `source`.
    public func runScript(
        source: String, lines: (([UInt8]) async -> Bool) async -> String?
    ) async -> ScriptOutcome {
        var reader = ScriptReader(source: source)
        var outcome = ScriptOutcome.completed
        let readError = await lines { line in
            if Task.isCancelled {
                outcome = .stopped(.interrupted)
                return false
            }
            let commands: [ScriptCommand]
            do throws(ScriptSyntaxError) {
                commands = try reader.feed(bytes: line)
            } catch {
                if let stop = self.syntaxFailure(error) {
                    outcome = stop
                    return false
                }
                return true
            }
            for command in commands {
                switch await self.execute(command) {
                case .succeeded: continue
                case .failed(let error, let stops):
                    if stops {
                        outcome = .stopped(ExitStatus.stopped(by: error))
                        return false
                    }
                case .exited(let status):
                    outcome = .exited(status)
                    return false
                }
            }
            return true
        }
        if let readError {
            report(.failed("cannot read \(source): \(readError)"), at: nil, ignored: false)
            return .stopped(.failure)
        }
        if outcome == .completed {
            do throws(ScriptSyntaxError) {
                try reader.finish()
            } catch {
                if let stop = syntaxFailure(error) { return stop }
            }
        }
        return outcome
    }

    /// Runs the script file at `path` (relative paths resolve against the running script's
    /// directory), guarding against `source` loops.
    ///
    /// Throws, running nothing, when the file cannot be read or would close a `source` loop:
    /// then the `source` line itself is the failing command.
    public func runScript(file path: String) async throws(ShellError) -> ScriptOutcome {
        let resolved = resolve(path)
        let canonical = URL(fileURLWithPath: resolved).standardizedFileURL.resolvingSymlinksInPath().path
        if sourceStack.contains(canonical) {
            let chain = (sourceStack + [canonical]).map { ($0 as NSString).lastPathComponent }.joined(separator: " → ")
            throw .failed("source loop: \(chain)")
        }
        guard sourceStack.count < Self.maxSourceDepth else {
            throw .failed("source nesting deeper than \(Self.maxSourceDepth) files")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .failed("cannot read \(path): no such file")
        }
        let descriptor = open(resolved, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .failed("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        sourceStack.append(canonical)
        let saved = location
        defer {
            sourceStack.removeLast()
            location = saved
        }
        return await runScript(source: path, lines: LineSource(descriptor: descriptor).forEachLine)
    }

    /// `path` made absolute against the directory of the running script (or the working directory).
    public func resolve(_ path: String) -> String {
        let expanded = path.hasPrefix("~/") ? services.paths.home + path.dropFirst(1) : path
        if expanded.hasPrefix("/") { return expanded }
        if let source = location?.source, let including = sourceStack.last, source != "-c" {
            return (including as NSString).deletingLastPathComponent + "/" + expanded
        }
        return FileManager.default.currentDirectoryPath + "/" + expanded
    }

    /// Prints a failure as `cvmsh:FILE:LINE: error: …` in scripts, `error: …` at the prompt.
    /// Always one line: control characters (from a word, a file name, a server) are shown escaped.
    public func report(_ error: ShellError, at location: ScriptLocation?, ignored: Bool) {
        let suffix = ignored ? " (ignored)" : ""
        if let location, location.source != Self.promptSource {
            console.diagnostic(
                "cvmsh:\(location.source):\(location.line): error: \(error)\(suffix)".controlCharactersEscaped)
        } else {
            console.diagnostic("error: \(error)\(suffix)".controlCharactersEscaped)
        }
    }

    /// Prints an informational line (`3 images selected`) to standard error, unless ``isQuiet``.
    public func inform(_ line: String) {
        if !isQuiet { console.diagnostic(line) }
    }

    /// Prints a warning the same way.
    public func warn(_ message: String) {
        if let location, location.source != Self.promptSource {
            console.diagnostic(
                "cvmsh:\(location.source):\(location.line): warning: \(message)".controlCharactersEscaped)
        } else {
            console.diagnostic("warning: \(message)".controlCharactersEscaped)
        }
    }

    /// The source name of lines typed at the prompt.
    public static let promptSource = "<prompt>"

    private func isPromptLine(_ command: ScriptCommand) -> Bool {
        command.source == Self.promptSource
    }

    private func syntaxFailure(_ error: ScriptSyntaxError) -> ScriptOutcome? {
        let shellError = ShellError.usage(error.message)
        report(shellError, at: error.location, ignored: error.ignoreFailure)
        if error.ignoreFailure { return nil }
        guard error.location.source != Self.promptSource else { return nil }
        if session.settings.onError == .stop { return .stopped(.scriptStopped) }
        failures += 1
        return nil
    }
}
