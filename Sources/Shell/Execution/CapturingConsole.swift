import Synchronization

/// The console a command runs with while its output is redirected (`| COMMAND`, `> FILE`):
/// standard output is kept for the target, everything else (diagnostics, progress, questions)
/// goes to the real console. Never a terminal, so nothing is paged or coloured.
final class CapturingConsole: Console {
    private let base: any Console
    private let captured = Mutex("")

    init(base: any Console) { self.base = base }

    /// Everything written to standard output so far.
    var text: String { captured.withLock { $0 } }

    func write(_ text: String) { captured.withLock { $0 += text } }
    func diagnostic(_ line: String) { base.diagnostic(line) }
    func progress(_ line: String?) { base.progress(line) }
    func confirm(_ question: String) async -> Bool { await base.confirm(question) }
    func readSecret(_ prompt: String) async -> String? { await base.readSecret(prompt) }
    var isTerminal: Bool { false }
    var usesColor: Bool { false }
    var width: Int { base.width }
}
