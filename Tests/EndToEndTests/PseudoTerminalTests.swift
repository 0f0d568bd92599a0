import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Proves the pseudo-terminal harness against programs every machine has. The tests run on the
/// terminal thread, as the harness's waits do, so the times they measure are the harness's own.
@Suite(.onTerminalThread) struct PseudoTerminalTests {
    @Test func echoesTypedTextAndExitsOnControlD() async throws {
        let terminal = try PseudoTerminal("/bin/cat")
        try await terminal.type("héllo 日本語\r")
        let echo = try await terminal.waitFor("héllo 日本語")
        #expect(echo.hasSuffix("héllo 日本語"))
        try await terminal.waitFor("héllo 日本語")
        try await terminal.send(control: "d")
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func controlCInterruptsTheProgram() async throws {
        let terminal = try PseudoTerminal("/bin/cat")
        try await terminal.type("x\r")
        try await terminal.waitFor("x\r\nx\r\n")
        try await terminal.send(control: "c")
        try await terminal.waitFor("^C")
        #expect(try await terminal.waitForExit() == 128 + SIGINT)
    }

    @Test func drivesAnInteractiveShell() async throws {
        let terminal = try PseudoTerminal(
            "/bin/sh", arguments: ["-i"], environment: ["PS1": "pty$ ", "PTY_PROBE": "injected"])
        try await terminal.waitFor("pty$ ")
        try await terminal.type("echo \"$PTY_PROBE\" $((6*7))\r")
        try await terminal.waitFor("injected 42")
        try await terminal.waitFor("pty$ ")

        try await terminal.type("stty size\r")
        try await terminal.waitFor("24 80")
        try await terminal.waitFor("pty$ ")
        try terminal.resize(rows: 40, cols: 100)
        try await terminal.type("stty size\r")
        try await terminal.waitFor("40 100")
        try await terminal.waitFor("pty$ ")

        // Without the Ctrl-C the prompt would not come back for 30 s. The child
        // prints "started" itself, so it exists when Ctrl-C is sent.
        try await terminal.type("sh -c 'echo started; exec sleep 30'\r")
        try await terminal.waitFor("started\r\n")
        try await terminal.send(control: "c")
        try await terminal.waitFor("pty$ ", timeout: .seconds(10))

        try await terminal.type("exit 3\r")
        #expect(try await terminal.waitForExit() == 3)
    }

    @Test func arrowKeysReachTheProgramAsEscapeSequences() async throws {
        let terminal = try PseudoTerminal(
            "/bin/sh", arguments: ["-c", "stty raw -echo; echo ready; head -c 3 | od -An -c"])
        try await terminal.waitFor("ready")
        try await terminal.press(.up)
        try await terminal.waitFor("033   [   A")
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func waitsAreBoundedAndAHungProgramIsKilled() async throws {
        let terminal = try PseudoTerminal("/bin/sleep", arguments: ["30"])
        let start = ContinuousClock.now
        await #expect(throws: PseudoTerminal.Failure.self) {
            try await terminal.waitFor("never printed", timeout: .milliseconds(300))
        }
        await #expect(throws: PseudoTerminal.Failure.self) {
            try await terminal.waitForExit(timeout: .milliseconds(300))
        }
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(kill(terminal.pid, 0) == -1 && errno == ESRCH)
        #expect(try await terminal.waitForExit() == 128 + SIGKILL)
    }

    @Test func waitForFailsFastWhenTheProgramIsGone() async throws {
        let terminal = try PseudoTerminal("/bin/sh", arguments: ["-c", "echo bye"])
        #expect(try await terminal.waitForExit() == 0)
        let start = ContinuousClock.now
        await #expect(throws: PseudoTerminal.Failure.self) {
            try await terminal.waitFor("never printed", timeout: .seconds(30))
        }
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(terminal.output.contains("bye"))
    }

    @Test func findsTheBuiltShellNextToTheTests() {
        let path = PseudoTerminal.builtProduct(named: "cvmsh")
        #expect(path.hasSuffix("/cvmsh"))
        #expect(access(path, X_OK) == 0, "no executable at \(path)")
    }
}
