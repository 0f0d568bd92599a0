import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Proves the pseudo-terminal harness against programs every machine has.
@Suite struct PseudoTerminalTests {
    @Test func echoesTypedTextAndExitsOnControlD() throws {
        let terminal = try PseudoTerminal("/bin/cat")
        try terminal.type("héllo 日本語\r")
        let echo = try terminal.waitFor("héllo 日本語")
        #expect(echo.hasSuffix("héllo 日本語"))
        try terminal.waitFor("héllo 日本語")
        try terminal.send(control: "d")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func controlCInterruptsTheProgram() throws {
        let terminal = try PseudoTerminal("/bin/cat")
        try terminal.type("x\r")
        try terminal.waitFor("x\r\nx\r\n")
        try terminal.send(control: "c")
        try terminal.waitFor("^C")
        #expect(try terminal.waitForExit() == 128 + SIGINT)
    }

    @Test func drivesAnInteractiveShell() throws {
        let terminal = try PseudoTerminal(
            "/bin/sh", arguments: ["-i"], environment: ["PS1": "pty$ ", "PTY_PROBE": "injected"])
        try terminal.waitFor("pty$ ")
        try terminal.type("echo \"$PTY_PROBE\" $((6*7))\r")
        try terminal.waitFor("injected 42")
        try terminal.waitFor("pty$ ")

        try terminal.type("stty size\r")
        try terminal.waitFor("24 80")
        try terminal.waitFor("pty$ ")
        try terminal.resize(rows: 40, cols: 100)
        try terminal.type("stty size\r")
        try terminal.waitFor("40 100")
        try terminal.waitFor("pty$ ")

        // Without the Ctrl-C the prompt would not come back for 30 s. The child
        // prints "started" itself, so it exists when Ctrl-C is sent.
        try terminal.type("sh -c 'echo started; exec sleep 30'\r")
        try terminal.waitFor("started\r\n")
        try terminal.send(control: "c")
        try terminal.waitFor("pty$ ", timeout: .seconds(10))

        try terminal.type("exit 3\r")
        #expect(try terminal.waitForExit() == 3)
    }

    @Test func arrowKeysReachTheProgramAsEscapeSequences() throws {
        let terminal = try PseudoTerminal(
            "/bin/sh", arguments: ["-c", "stty raw -echo; echo ready; head -c 3 | od -An -c"])
        try terminal.waitFor("ready")
        try terminal.press(.up)
        try terminal.waitFor("033   [   A")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func waitsAreBoundedAndAHungProgramIsKilled() throws {
        let terminal = try PseudoTerminal("/bin/sleep", arguments: ["30"])
        let start = ContinuousClock.now
        #expect(throws: PseudoTerminal.Failure.self) {
            try terminal.waitFor("never printed", timeout: .milliseconds(300))
        }
        #expect(throws: PseudoTerminal.Failure.self) {
            try terminal.waitForExit(timeout: .milliseconds(300))
        }
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(kill(terminal.pid, 0) == -1 && errno == ESRCH)
        #expect(try terminal.waitForExit() == 128 + SIGKILL)
    }

    @Test func waitForFailsFastWhenTheProgramIsGone() throws {
        let terminal = try PseudoTerminal("/bin/sh", arguments: ["-c", "echo bye"])
        #expect(try terminal.waitForExit() == 0)
        let start = ContinuousClock.now
        #expect(throws: PseudoTerminal.Failure.self) {
            try terminal.waitFor("never printed", timeout: .seconds(30))
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
