import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The built `cvmsh --demo` under a real pseudo-terminal: what a person at a keyboard sees.
@Suite(.serialized) struct InteractiveTests {
    /// Each test's HOME (Swift Testing makes a suite value per test), removed with it.
    let folder: TemporaryFolder
    let home: String
    let history: String

    init() throws {
        folder = try TemporaryFolder("cvmsh-pty")
        home = folder.path
        history = home + "/state/history"
    }

    func start(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            cvmsh, arguments: ["--demo"] + arguments,
            environment: ["HOME": home, "CVMSH_HISTFILE": history, "NO_COLOR": "1", "EDITRC": home + "/none"]
                .merging(environment) { $1 },
            rows: 40, cols: 120)
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        return terminal
    }

    /// Ctrl-D on an empty line. libedit prints the prompt a moment before it puts the terminal
    /// in raw mode; a Ctrl-D typed in that gap is eaten by the cooked terminal (a person never
    /// types that fast), so the test waits for raw mode first.
    func endOfInput(_ terminal: PseudoTerminal) throws {
        try terminal.waitForRawMode()
        try terminal.send(control: "D")
    }

    @Test func tabCompletesACommandAndRunsIt() throws {
        let terminal = try start()
        try terminal.type("hel")
        try terminal.press(.tab)
        try terminal.press(.enter)
        // TAB completed the word (libedit redraws "hel", then adds "p ") before Enter ran it.
        let shown = try terminal.waitFor("Commands (help COMMAND")
        #expect(shown.hasPrefix("hel") && shown.contains("p \r\nCommands"), "\(shown.debugDescription)")
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        try endOfInput(terminal)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func longResultsGoThroughThePagerAndShortOnesDoNot() throws {
        // A pager that marks every line it shows; the terminal has 40 rows, `ls` 150 images.
        let terminal = try start(environment: ["PAGER": "sed 's/^/paged: /'"])
        func result(of line: String) throws -> String {
            try terminal.type(line + "\r")
            let shown = try terminal.waitFor("IMAGE ID")
            _ = try terminal.waitFor("ap-nanjing [0]> ")
            return shown
        }
        let long = try result(of: "ls")
        #expect(long.contains("paged: "), "\(long.debugDescription)")
        let short = try result(of: "ls web-prod*")
        #expect(!short.contains("paged:"), "shorter than the screen: \(short.debugDescription)")
        let off = try result(of: "set pager off; ls")
        #expect(!off.contains("paged:"), "\(off.debugDescription)")
        try endOfInput(terminal)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func tabCompletesAnImageIdFromTheCachedList() throws {
        let terminal = try start()
        try terminal.type("ls\r")
        _ = try terminal.waitFor("150 images in ap-nanjing")
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        try terminal.type("select img-0iw")
        try terminal.press(.tab)
        try terminal.press(.enter)
        _ = try terminal.waitFor("1 image selected")
        _ = try terminal.waitFor("ap-nanjing [1]> ")
        try terminal.type("select\r")
        #expect(try terminal.waitFor("web-prod-20250514").contains("img-0iw2hfoo"))
        _ = try terminal.waitFor("ap-nanjing [1]> ")
        try endOfInput(terminal)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func upArrowRecallsTheLastLineAndJapaneseSurvives() throws {
        let terminal = try start()
        try terminal.type("echo ウェブサーバー-本番\r")
        _ = try terminal.waitFor("ウェブサーバー-本番\r\n")
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        try terminal.press(.up)
        try terminal.press(.enter)
        _ = try terminal.waitFor("ウェブサーバー-本番\r\n")
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        try endOfInput(terminal)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func controlCDiscardsTheLineAndTheShellGoesOn() throws {
        let terminal = try start()
        try terminal.type("bogus-command")
        // Sent right after the echo: a Ctrl-C that lands while libedit is still redrawing must
        // end the read too (it waits in pselect, which lets SIGINT through only there).
        _ = try terminal.waitFor("bogus-command")
        try terminal.send(control: "C")
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        try terminal.type("echo still-here\r")
        let seen = try terminal.waitFor("still-here\r\n")
        #expect(!seen.contains("unknown command"))
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        try endOfInput(terminal)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func historyKeepsTheSessionButNeverTheLoginLine() throws {
        let terminal = try start()
        try terminal.type("echo first-line\r")
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        try terminal.type("login\r")
        _ = try terminal.waitFor("SecretId: ")
        try terminal.type("AKIDcvmshDEMO00000000000000000000000\r")
        _ = try terminal.waitFor("SecretKey: ")
        try terminal.type("cvmshDEMOsecretKeyNotARealKey000\r")
        _ = try terminal.waitFor("Token")
        try terminal.type("\r")
        _ = try terminal.waitFor("logged in as AKID…0000")
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        try terminal.type("status\r")
        _ = try terminal.waitFor("login (this session)")
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        try endOfInput(terminal)
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.output.contains("cvmshDEMOsecretKeyNotARealKey000"))

        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved.contains("first-line"))
        #expect(saved.contains("status"))
        #expect(!saved.contains("login"))
        #expect(!saved.contains("cvmshDEMOsecretKey"))
        var info = stat()
        #expect(stat(history, &info) == 0)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test func rcFileRunsInInteractiveSessionsUnlessDashX() throws {
        try FileManager.default.createDirectory(atPath: home + "/.config/cvmsh", withIntermediateDirectories: true)
        try "alias team 100087654321\necho rc-was-here\n".write(
            toFile: home + "/.config/cvmsh/cvmshrc", atomically: true, encoding: .utf8)
        let terminal = try start()
        #expect(terminal.output.contains("rc-was-here"))
        try endOfInput(terminal)
        #expect(try terminal.waitForExit() == 0)
        let skipped = try start(["-X"])
        #expect(!skipped.output.contains("rc-was-here"))
        try endOfInput(skipped)
        #expect(try skipped.waitForExit() == 0)
    }

    @Test func continuedLinesShowTheContinuationPrompt() throws {
        let terminal = try start()
        try terminal.type("echo first \\\r")
        _ = try terminal.waitFor("...> ")
        try terminal.type("second\r")
        _ = try terminal.waitFor("first second\r\n")
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        try endOfInput(terminal)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func controlCDuringABatchStopsItRecordsItAndReturnsToThePrompt() throws {
        let terminal = try start()
        try terminal.type("select all\r")
        _ = try terminal.waitFor("ap-nanjing [150]> ")
        // Three accounts on ~130 shareable images at 10 calls per second: about 13 seconds.
        try terminal.type("share 100030000001,100030000002,100030000003 -y\r")
        // The progress line ("share 12/133 images  9.8/s …") shows the batch is under way.
        _ = try terminal.waitFor("images  ", timeout: .seconds(30))
        try terminal.send(control: "C")
        let summary = try terminal.waitFor("ap-nanjing [150]> ", timeout: .seconds(30))
        #expect(summary.contains("interrupted"))
        #expect(summary.contains("shared:"))
        try terminal.type("journal\r")
        #expect(try terminal.waitFor("ap-nanjing [150]> ").contains("interrupted"))
        try endOfInput(terminal)
        // Leaving with the batch unfinished says so, once.
        _ = try terminal.waitFor("was interrupted and is not finished; `resume` finishes it")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func controlCAtTheQuestionCancelsAtOnceAndChangesNothing() throws {
        let tmp = home + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let terminal = try start(environment: ["TMPDIR": tmp])
        try terminal.type("select 1-3\r")
        _ = try terminal.waitFor("ap-nanjing [3]> ")
        try terminal.type("share 100011110001\r")
        _ = try terminal.waitFor("share now? [y/N] ")
        // No Enter: the question gives up on Ctrl-C alone.
        try terminal.send(control: "C")
        let answer = try terminal.waitFor("ap-nanjing [3]> ")
        #expect(answer.contains("share cancelled; nothing was changed"), "\(answer.debugDescription)")
        #expect(!answer.contains("^C"), "\(answer.debugDescription)")
        #expect(!FileManager.default.fileExists(atPath: tmp + "/cvmsh-demo-\(terminal.pid)/journal.jsonl"))
        // The next line is a command again, and the question works as before.
        try terminal.type("share 100011110001\r")
        _ = try terminal.waitFor("share now? [y/N] ")
        try terminal.type("n\r")
        #expect(try terminal.waitFor("ap-nanjing [3]> ").contains("cancelled; nothing was changed"))
        try endOfInput(terminal)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func applyRemovesSharesOnlyAfterYesTypedInFull() throws {
        // worker-test-20250416 is shared with four accounts in the demo; the file keeps one.
        let file = home + "/shares.yaml"
        try """
        shares:
          - images: "name:worker-test-20250416"
            accounts: ["100011110001"]
            exclusive: true
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let terminal = try start()
        try terminal.type("apply \(file)\r")
        _ = try terminal.waitFor("type yes to apply every change: ")
        try terminal.type("y\r")
        let refused = try terminal.waitFor("ap-nanjing [0]> ")
        #expect(refused.contains("needs `yes` typed in full"), "\(refused.debugDescription)")
        try terminal.type("apply \(file)\r")
        _ = try terminal.waitFor("type yes to apply every change: ")
        try terminal.type("yes\r")
        let applied = try terminal.waitFor("ap-nanjing [0]> ")
        #expect(applied.contains("unshared:"), "\(applied.debugDescription)")
        try terminal.type("plan \(file) --check\r")
        let clean = try terminal.waitFor("ap-nanjing [0]> ")
        #expect(!clean.contains("error:"), "\(clean.debugDescription)")
        try endOfInput(terminal)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func controlZSuspendsAndFgGivesBackAWorkingPrompt() throws {
        // Job control needs a shell: run cvmsh under an interactive bash on the terminal.
        let terminal = try PseudoTerminal(
            "/bin/bash", arguments: ["--norc", "--noprofile", "-i"],
            environment: [
                "HOME": home, "CVMSH_HISTFILE": history, "NO_COLOR": "1", "PS1": "sh$ ", "EDITRC": home + "/none",
            ],
            rows: 40, cols: 120)
        _ = try terminal.waitFor("sh$ ")
        try terminal.type("\(cvmsh) --demo\r")
        _ = try terminal.waitFor("ap-nanjing [0]> ", timeout: .seconds(30))
        try terminal.waitForRawMode()
        try terminal.send(control: "Z")
        _ = try terminal.waitFor("Stopped")
        _ = try terminal.waitFor("sh$ ")
        // The terminal was given back in its normal (cooked, echoing) mode.
        try terminal.type("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo\r")
        #expect(try terminal.waitFor("sh$ ").contains("icanon echo"))
        try terminal.type("fg\r")
        // bash names the job once it has left its own line editor; on SIGCONT libedit puts the
        // terminal back in raw mode.
        _ = try terminal.waitFor("cvmsh --demo\r\n", timeout: .seconds(20))
        try terminal.waitForRawMode()
        try terminal.type("echo back-again\r")
        _ = try terminal.waitFor("back-again\r\n", timeout: .seconds(20))
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        try endOfInput(terminal)
        _ = try terminal.waitFor("sh$ ")
        try terminal.type("exit\r")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func completionListsFollowTheWindowWidthAfterAResize() throws {
        let terminal = try start()
        try terminal.type("ls\r")
        _ = try terminal.waitFor("150 images in ap-nanjing")
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        func listing() throws -> [String] {
            try terminal.press(.tab)
            // From the first candidate to the redrawn line (libedit may redraw the line as it
            // echoes keys, so the prompt alone does not mark the end of the listing).
            let text = try terminal.waitFor("img-0iw2hfoo") + terminal.waitFor("> select img-")
            // "\r\n" is one Character in Swift: split on newlines, not on "\n".
            return text.split(whereSeparator: \.isNewline).map(String.init).filter { $0.hasPrefix("img-") }
        }
        try terminal.type("select img-")
        let wide = try listing()
        try terminal.resize(rows: 40, cols: 50)
        // libedit learns the new width from SIGWINCH, which nothing on the screen shows: list
        // again until the list fits (bounded; a list that never follows the width fails below).
        var narrow = try listing()
        let deadline = ContinuousClock.now + .seconds(10)
        while narrow.map(\.count).max()! > 50, ContinuousClock.now < deadline {
            narrow = try listing()
        }
        #expect(wide.flatMap { $0.split(separator: " ") }.count == 150)
        #expect(narrow.flatMap { $0.split(separator: " ") }.count == 150)
        #expect(wide.map(\.count).max()! > 50)
        #expect(narrow.map(\.count).max()! <= 50)
        try terminal.send(control: "C")
        _ = try terminal.waitFor("ap-nanjing [0]> ")
        try endOfInput(terminal)
        #expect(try terminal.waitForExit() == 0)
    }
}
