import Synchronization

@testable import Shell

/// A console that records everything and answers questions from a script.
final class TestConsole: Console {
    private let state = Mutex<(out: String, err: [String], answers: [Bool], secrets: [String], progress: Int)>(
        ("", [], [], [], 0))
    /// Lines typed at ``ask(_:)`` questions, in order.
    private let typed = Mutex<[String]>([])

    private let pagedTexts = Mutex<[String]>([])
    /// A terminal this many columns wide, or (`nil`) no terminal.
    private let terminalWidth: Int?

    init(answers: [Bool] = [], secrets: [String] = [], terminalWidth: Int? = nil) {
        self.terminalWidth = terminalWidth
        state.withLock {
            $0.answers = answers
            $0.secrets = secrets
        }
    }

    /// The texts given to the pager (they are in ``output`` too).
    var paged: [String] { pagedTexts.withLock { $0 } }

    /// Everything written to standard output.
    var output: String { state.withLock { $0.out } }
    /// Every diagnostic line.
    var diagnostics: [String] { state.withLock { $0.err } }
    var errors: [String] { diagnostics.filter { $0.contains("error:") } }
    var progressUpdates: Int { state.withLock { $0.progress } }

    func clear() {
        state.withLock {
            $0.out = ""
            $0.err = []
        }
        pagedTexts.withLock { $0 = [] }
    }

    func write(_ text: String) { state.withLock { $0.out += text } }
    func diagnostic(_ line: String) { state.withLock { $0.err.append(line) } }
    func progress(_ line: String?) { state.withLock { $0.progress += 1 } }
    func confirm(_ question: String) async -> Bool {
        state.withLock {
            $0.err.append(question)
            return $0.answers.isEmpty ? false : $0.answers.removeFirst()
        }
    }
    /// Queues `line` as the answer to the next ``ask(_:)`` question.
    func type(_ line: String) { typed.withLock { $0.append(line) } }
    func ask(_ question: String) async -> String? {
        state.withLock { $0.err.append(question) }
        return typed.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
    func readSecret(_ prompt: String) async -> String? {
        state.withLock { $0.secrets.isEmpty ? nil : $0.secrets.removeFirst() }
    }
    func page(_ text: String) async {
        pagedTexts.withLock { $0.append(text) }
        write(text)
    }
    var isTerminal: Bool { terminalWidth != nil }
    var usesColor: Bool { false }
    var width: Int { terminalWidth ?? 100 }
}
