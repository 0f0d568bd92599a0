import Foundation
import Shell
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's console: standard output and error through write(2), a progress line redrawn
/// on standard error when it is a terminal, and questions asked on the terminal.
final class StandardConsole: Console {
    let isTerminal: Bool
    let usesColor: Bool
    private let errorIsTerminal: Bool
    private let progressShown = Mutex(false)
    /// `$PAGER`, else `less -FRX`; empty (`PAGER=`) pages nothing.
    private let pager: String

    init(environment: [String: String]) {
        isTerminal = isatty(STDOUT_FILENO) == 1
        errorIsTerminal = isatty(STDERR_FILENO) == 1
        usesColor = Style(isTerminal: isTerminal, environment: environment).usesColor
        pager = environment["PAGER"] ?? "less -FRX"
    }

    func write(_ text: String) {
        clearProgress()
        Self.write(STDOUT_FILENO, text)
    }

    func diagnostic(_ line: String) {
        clearProgress()
        Self.write(STDERR_FILENO, line + "\n")
    }

    func progress(_ line: String?) {
        guard errorIsTerminal else { return }
        progressShown.withLock { shown in
            if let line {
                Self.write(STDERR_FILENO, "\r\u{1B}[K" + String(line.prefix(max(10, width - 1))))
                shown = true
            } else if shown {
                Self.write(STDERR_FILENO, "\r\u{1B}[K")
                shown = false
            }
        }
    }

    func confirm(_ question: String) async -> Bool {
        guard let answer = await ask(question) else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    func ask(_ question: String) async -> String? {
        clearProgress()
        let prompt = question.hasSuffix(" ") ? question : question + " "
        guard let answer = await AnswerReader.readLine(prompt: prompt, echo: .plain) else {
            Self.write(STDERR_FILENO, "\n")
            return nil
        }
        return answer
    }

    func readSecret(_ prompt: String) async -> String? {
        clearProgress()
        // Echo goes off before the prompt appears, and nothing typed is flushed (TCSANOW), so a
        // fast typist (or a test) loses nothing.
        let secret = await AnswerReader.readLine(prompt: prompt, echo: .hidden)
        Self.write(STDERR_FILENO, "\n")
        return secret
    }

    /// Text taller than the terminal goes through the pager (run by `/bin/sh -c`, the terminal as
    /// its output); shorter text, or a pager that cannot start, is written as it is.
    func page(_ text: String) async {
        clearProgress()
        let lines = text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        guard !pager.trimmingCharacters(in: .whitespaces).isEmpty, lines >= rows - 1,
            await Pager.show(text, command: pager)
        else {
            write(text)
            return
        }
    }

    /// The terminal's height, or 24.
    var rows: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0 { return Int(size.ws_row) }
        return 24
    }

    var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    private func clearProgress() {
        progress(nil)
    }

    /// Writes all of `text`, retrying short writes and EINTR.
    static func write(_ descriptor: Int32, _ text: String) {
        SystemIO.writeAll(text, to: descriptor)
    }
}
