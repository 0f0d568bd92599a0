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

    func start(_ arguments: [String] = [], environment: [String: String] = [:]) async throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            cvmsh, arguments: ["--demo"] + arguments,
            environment: ["HOME": home, "CVMSH_HISTFILE": history, "NO_COLOR": "1", "EDITRC": home + "/none"]
                .merging(environment) { $1 },
            rows: 40, cols: 120)
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        return terminal
    }

    /// Ctrl-D on an empty line. libedit prints the prompt a moment before it puts the terminal
    /// in raw mode; a Ctrl-D typed in that gap is eaten by the cooked terminal (a person never
    /// types that fast), so the test waits for raw mode first.
    func endOfInput(_ terminal: PseudoTerminal) async throws {
        try await terminal.waitForRawMode()
        try await terminal.send(control: "D")
    }

    @Test func tabCompletesACommandAndRunsIt() async throws {
        let terminal = try await start()
        try await terminal.type("hel")
        try await terminal.press(.tab)
        try await terminal.press(.enter)
        // TAB completed the word (libedit redraws "hel", then adds "p ") before Enter ran it.
        let shown = try await terminal.waitFor("Commands (help COMMAND")
        #expect(shown.hasPrefix("hel") && shown.contains("p \r\nCommands"), "\(shown.debugDescription)")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await endOfInput(terminal)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func longResultsGoThroughThePagerAndShortOnesDoNot() async throws {
        // A pager that marks every line it shows; the terminal has 40 rows, `ls` 150 images.
        let terminal = try await start(environment: ["PAGER": "sed 's/^/paged: /'"])
        func result(of line: String) async throws -> String {
            try await terminal.type(line + "\r")
            let shown = try await terminal.waitFor("IMAGE ID")
            _ = try await terminal.waitFor("ap-nanjing [0]> ")
            return shown
        }
        let long = try await result(of: "ls")
        #expect(long.contains("paged: "), "\(long.debugDescription)")
        let short = try await result(of: "ls web-prod*")
        #expect(!short.contains("paged:"), "shorter than the screen: \(short.debugDescription)")
        let off = try await result(of: "set pager off; ls")
        #expect(!off.contains("paged:"), "\(off.debugDescription)")
        try await endOfInput(terminal)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func thePagerNeverSeesTheKeys() async throws {
        // A pager that says how many TENCENTCLOUD_SECRET… variables it was given, then pages.
        let pager = #"echo "pager keys: $(env | grep -c '^TENCENTCLOUD_SECRET')"; cat"#
        let terminal = try await start(
            environment: [
                "PAGER": pager, "TENCENTCLOUD_SECRET_ID": "AKIDpagerMustNotSeeThis",
                "TENCENTCLOUD_SECRET_KEY": "pagerMustNotSeeThisEither",
            ])
        try await terminal.type("ls\r")
        _ = try await terminal.waitFor("pager keys: 0")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await endOfInput(terminal)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func tabCompletesAnImageIdFromTheCachedList() async throws {
        let terminal = try await start()
        try await terminal.type("ls\r")
        _ = try await terminal.waitFor("150 images in ap-nanjing")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await terminal.type("select img-0iw")
        try await terminal.press(.tab)
        try await terminal.press(.enter)
        _ = try await terminal.waitFor("1 image selected")
        _ = try await terminal.waitFor("ap-nanjing [1]> ")
        try await terminal.type("select\r")
        #expect(try await terminal.waitFor("web-prod-20250514").contains("img-0iw2hfoo"))
        _ = try await terminal.waitFor("ap-nanjing [1]> ")
        try await endOfInput(terminal)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func upArrowRecallsTheLastLineAndJapaneseSurvives() async throws {
        let terminal = try await start()
        try await terminal.type("echo ウェブサーバー-本番\r")
        _ = try await terminal.waitFor("ウェブサーバー-本番\r\n")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await terminal.press(.up)
        try await terminal.press(.enter)
        _ = try await terminal.waitFor("ウェブサーバー-本番\r\n")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await endOfInput(terminal)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func controlCDiscardsTheLineAndTheShellGoesOn() async throws {
        let terminal = try await start()
        try await terminal.type("bogus-command")
        // Sent right after the echo: a Ctrl-C that lands while libedit is still redrawing must
        // end the read too (it waits in pselect, which lets SIGINT through only there).
        _ = try await terminal.waitFor("bogus-command")
        try await terminal.send(control: "C")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await terminal.type("echo still-here\r")
        let seen = try await terminal.waitFor("still-here\r\n")
        #expect(!seen.contains("unknown command"))
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await endOfInput(terminal)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func historyKeepsTheSessionButNeverTheLoginLine() async throws {
        let terminal = try await start()
        try await terminal.type("echo first-line\r")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await terminal.type("login\r")
        _ = try await terminal.waitFor("SecretId: ")
        try await terminal.type("AKIDcvmshDEMO00000000000000000000000\r")
        _ = try await terminal.waitFor("SecretKey: ")
        try await terminal.type("cvmshDEMOsecretKeyNotARealKey000\r")
        _ = try await terminal.waitFor("Token")
        try await terminal.type("\r")
        _ = try await terminal.waitFor("logged in as AKID…0000")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await terminal.type("status\r")
        _ = try await terminal.waitFor("login (this session)")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await endOfInput(terminal)
        #expect(try await terminal.waitForExit() == 0)
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

    @Test func rcFileRunsInInteractiveSessionsUnlessDashX() async throws {
        try FileManager.default.createDirectory(atPath: home + "/.config/cvmsh", withIntermediateDirectories: true)
        try "alias team 100087654321\necho rc-was-here\n".write(
            toFile: home + "/.config/cvmsh/cvmshrc", atomically: true, encoding: .utf8)
        let terminal = try await start()
        #expect(terminal.output.contains("rc-was-here"))
        try await endOfInput(terminal)
        #expect(try await terminal.waitForExit() == 0)
        let skipped = try await start(["-X"])
        #expect(!skipped.output.contains("rc-was-here"))
        try await endOfInput(skipped)
        #expect(try await skipped.waitForExit() == 0)
    }

    @Test func continuedLinesShowTheContinuationPrompt() async throws {
        let terminal = try await start()
        try await terminal.type("echo first \\\r")
        _ = try await terminal.waitFor("...> ")
        try await terminal.type("second\r")
        _ = try await terminal.waitFor("first second\r\n")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await endOfInput(terminal)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func controlCDuringABatchStopsItRecordsItAndReturnsToThePrompt() async throws {
        let terminal = try await start()
        try await terminal.type("select all\r")
        _ = try await terminal.waitFor("ap-nanjing [150]> ")
        // Three accounts on ~130 shareable images at 10 calls per second: about 13 seconds.
        try await terminal.type("share 100030000001,100030000002,100030000003 -y\r")
        // The progress line ("share 12/133 images  9.8/s …") shows the batch is under way.
        _ = try await terminal.waitFor("images  ", timeout: .seconds(30))
        try await terminal.send(control: "C")
        let summary = try await terminal.waitFor("ap-nanjing [150]> ", timeout: .seconds(30))
        #expect(summary.contains("interrupted"))
        #expect(summary.contains("shared:"))
        try await terminal.type("journal\r")
        #expect(try await terminal.waitFor("ap-nanjing [150]> ").contains("interrupted"))
        try await endOfInput(terminal)
        // Leaving with the batch unfinished says so, once.
        _ = try await terminal.waitFor("was interrupted and is not finished; `resume` finishes it")
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func controlCAtTheQuestionCancelsAtOnceAndChangesNothing() async throws {
        let tmp = home + "/tmp"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        let terminal = try await start(environment: ["TMPDIR": tmp])
        try await terminal.type("select 1-3\r")
        _ = try await terminal.waitFor("ap-nanjing [3]> ")
        try await terminal.type("share 100011110001\r")
        _ = try await terminal.waitFor("share now? [y/N] ")
        // No Enter: the question gives up on Ctrl-C alone.
        try await terminal.send(control: "C")
        let answer = try await terminal.waitFor("ap-nanjing [3]> ")
        #expect(answer.contains("share cancelled; nothing was changed"), "\(answer.debugDescription)")
        #expect(!answer.contains("^C"), "\(answer.debugDescription)")
        #expect(!FileManager.default.fileExists(atPath: tmp + "/cvmsh-demo-\(terminal.pid)/journal.jsonl"))
        // The next line is a command again, and the question works as before.
        try await terminal.type("share 100011110001\r")
        _ = try await terminal.waitFor("share now? [y/N] ")
        try await terminal.type("n\r")
        #expect(try await terminal.waitFor("ap-nanjing [3]> ").contains("cancelled; nothing was changed"))
        try await endOfInput(terminal)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func applyRemovesSharesOnlyAfterYesTypedInFull() async throws {
        // worker-test-20250416 is shared with four accounts in the demo; the file keeps one.
        let file = home + "/shares.yaml"
        try """
        shares:
          - images: "name:worker-test-20250416"
            accounts: ["100011110001"]
            exclusive: true
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let terminal = try await start()
        try await terminal.type("apply \(file)\r")
        _ = try await terminal.waitFor("type yes to apply every change: ")
        try await terminal.type("y\r")
        let refused = try await terminal.waitFor("ap-nanjing [0]> ")
        #expect(refused.contains("needs `yes` typed in full"), "\(refused.debugDescription)")
        try await terminal.type("apply \(file)\r")
        _ = try await terminal.waitFor("type yes to apply every change: ")
        try await terminal.type("yes\r")
        let applied = try await terminal.waitFor("ap-nanjing [0]> ")
        #expect(applied.contains("unshared:"), "\(applied.debugDescription)")
        try await terminal.type("plan \(file) --check\r")
        let clean = try await terminal.waitFor("ap-nanjing [0]> ")
        #expect(!clean.contains("error:"), "\(clean.debugDescription)")
        try await endOfInput(terminal)
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func controlZSuspendsAndFgGivesBackAWorkingPrompt() async throws {
        // Job control needs a shell: run cvmsh under an interactive bash on the terminal.
        let terminal = try PseudoTerminal(
            "/bin/bash", arguments: ["--norc", "--noprofile", "-i"],
            environment: [
                "HOME": home, "CVMSH_HISTFILE": history, "NO_COLOR": "1", "PS1": "sh$ ", "EDITRC": home + "/none",
            ],
            rows: 40, cols: 120)
        _ = try await terminal.waitFor("sh$ ")
        try await terminal.type("\(cvmsh) --demo\r")
        _ = try await terminal.waitFor("ap-nanjing [0]> ", timeout: .seconds(30))
        try await terminal.waitForRawMode()
        try await terminal.send(control: "Z")
        _ = try await terminal.waitFor("Stopped")
        _ = try await terminal.waitFor("sh$ ")
        // The terminal was given back in its normal (cooked, echoing) mode.
        try await terminal.type("stty -a | tr ' ' '\\n' | grep -x -e icanon -e echo | tr '\\n' ' '; echo\r")
        #expect(try await terminal.waitFor("sh$ ").contains("icanon echo"))
        try await terminal.type("fg\r")
        // bash names the job once it has left its own line editor; on SIGCONT libedit puts the
        // terminal back in raw mode.
        _ = try await terminal.waitFor("cvmsh --demo\r\n", timeout: .seconds(20))
        try await terminal.waitForRawMode()
        try await terminal.type("echo back-again\r")
        _ = try await terminal.waitFor("back-again\r\n", timeout: .seconds(20))
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await endOfInput(terminal)
        _ = try await terminal.waitFor("sh$ ")
        try await terminal.type("exit\r")
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func completionListsFollowTheWindowWidthAfterAResize() async throws {
        let terminal = try await start()
        try await terminal.type("ls\r")
        _ = try await terminal.waitFor("150 images in ap-nanjing")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        func listing() async throws -> [String] {
            try await terminal.press(.tab)
            // From the first candidate to the redrawn line (libedit may redraw the line as it
            // echoes keys, so the prompt alone does not mark the end of the listing).
            let text = try await terminal.waitFor("img-0iw2hfoo") + terminal.waitFor("> select img-")
            // "\r\n" is one Character in Swift: split on newlines, not on "\n".
            return text.split(whereSeparator: \.isNewline).map(String.init).filter { $0.hasPrefix("img-") }
        }
        try await terminal.type("select img-")
        let wide = try await listing()
        try terminal.resize(rows: 40, cols: 50)
        // libedit learns the new width from SIGWINCH, which nothing on the screen shows: list
        // again until the list fits (bounded; a list that never follows the width fails below).
        var narrow = try await listing()
        let deadline = ContinuousClock.now + .seconds(10)
        while narrow.map(\.count).max()! > 50, ContinuousClock.now < deadline {
            narrow = try await listing()
        }
        #expect(wide.flatMap { $0.split(separator: " ") }.count == 150)
        #expect(narrow.flatMap { $0.split(separator: " ") }.count == 150)
        #expect(wide.map(\.count).max()! > 50)
        #expect(narrow.map(\.count).max()! <= 50)
        try await terminal.send(control: "C")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await endOfInput(terminal)
        #expect(try await terminal.waitForExit() == 0)
    }
}
