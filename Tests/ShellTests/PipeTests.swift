import CVMEmulator
import Foundation
import Testing

@testable import Shell

#if canImport(Glibc)
    import Glibc
#endif

/// Pipes, redirection and `!` shell escapes, against the emulator over real HTTP.
@Suite struct PipeTests {
    @Test func theReaderSplitsOffTargetsAndKeepsQuotedOperators() throws {
        let commands = try ScriptReader.commands(
            in: """
                ls | grep 'web; prod' \\; x ; echo x
                shared 1-3 >> 'my report.tsv'; echo 'a|b' a\\>b "!"
                !ls -l # a comment
                """, source: "t")
        #expect(
            commands.map(\.words) == [["ls"], ["echo", "x"], ["shared", "1-3"], ["echo", "a|b", "a>b", "!"], ["!"]])
        // The shell's text ends at an unquoted `;` or comment and keeps its quoting for /bin/sh.
        #expect(commands[0].output == .pipe("grep 'web; prod' \\; x"))
        #expect(commands[2].output == .file("my report.tsv", append: true))
        #expect(commands[3].output == nil)
        #expect(commands[4].shellEscape == "ls -l")
        for (line, message) in [
            ("ls >", "expected a file name after '>'"), ("| grep x", "expected a command before '|'"),
            ("ls |", "expected a command after '|'"), ("ls > a b", "unexpected 'b' after the file name"),
            ("ls | ; echo", "expected a command after '|'"), ("ls | grep 'x", "unterminated single quote"),
        ] {
            do {
                _ = try ScriptReader.commands(in: line, source: "t")
                Issue.record("\(line) was accepted")
            } catch {
                #expect(error.message.hasPrefix(message), "\(line): \(error.message)")
            }
        }
    }

    @Test func lsPipedIntoGrepShowsOnlyMatchingLines() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("ls | grep web-prod") == .completed)
            let lines = shell.console.output.split(separator: "\n")
            let expected = try #require(shell.interpreter.session.images).images.filter { $0.name.contains("web-prod") }
            #expect(!expected.isEmpty)
            #expect(lines.count == expected.count)
            #expect(lines.allSatisfy { $0.contains("web-prod") })
            #expect(await shell.run("echo 'a|b'\necho a\\|b") == .completed)
            #expect(shell.console.output.hasSuffix("a|b\na|b\n"))
        }
    }

    @Test func aReaderThatStopsEarlyIsNoFailure() async throws {
        // 3000 images are far more than a socket buffer holds: `head` exits while cvmsh still writes.
        try await ShellHarness.with(EmulatorOptions(state: .generated(images: 3000), rateLimit: .off)) { shell in
            #expect(await shell.run("ls | head -n 2") == .completed)
            #expect(shell.console.output.split(separator: "\n").count == 2)
            #expect(shell.console.output.hasPrefix("   #  SEL  IMAGE ID"))
        }
    }

    @Test func theShellSidesFailureIsTheCommandsFailure() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("ls | grep no-such-image-name") == .stopped(.scriptStopped))
            let error = "cvmsh:test.cvmsh:1: error: `grep no-such-image-name` exited with status 1"
            #expect(shell.console.errors == [error])
            shell.console.clear()
            #expect(await shell.run("!echo to-stderr >&2 && exit 4") == .stopped(.scriptStopped))
            #expect(shell.console.diagnostics.first == "to-stderr")
            #expect(shell.console.errors.last?.hasSuffix("exited with status 4") == true)
        }
    }

    @Test func redirectionWritesPrivateFilesAndAppends() async throws {
        try await ShellHarness.with { shell in
            let report = shell.home + "/report.tsv"
            #expect(await shell.run("set output tsv\nshared 1-3 > \(report)") == .completed)
            #expect(shell.console.output.isEmpty)
            let text = try String(contentsOfFile: report, encoding: .utf8)
            #expect(text.hasPrefix("index\timage_id\tname\tcount\taccounts\n"))
            #expect(text.split(separator: "\n").count == 4)
            var info = stat()
            #expect(stat(report, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o600)
            let log = shell.home + "/log.txt"
            #expect(await shell.run("echo one >> \(log)\necho two >>\(log)") == .completed)
            #expect(try String(contentsOfFile: log, encoding: .utf8) == "one\ntwo\n")
            #expect(await shell.run("echo three > \(log)") == .completed)
            #expect(try String(contentsOfFile: log, encoding: .utf8) == "three\n")
            // A failing command leaves the file as it was.
            #expect(await shell.run("select 9999 > \(log)") == .stopped(.scriptStopped))
            #expect(try String(contentsOfFile: log, encoding: .utf8) == "three\n")
        }
    }

    @Test func anUnwritableTargetFailsBeforeAnyAPICall() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("ls > /nonexistent-dir/x.txt") == .stopped(.scriptStopped))
            let error = "cannot write /nonexistent-dir/x.txt: No such file or directory"
            #expect(shell.console.errors.last?.hasSuffix(error) == true)
            #expect(await shell.calls("DescribeImages").isEmpty)
        }
    }

    @Test func shellEscapesRunWithoutTheCredentials() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("!echo hello from sh && env") == .completed)
            let output = shell.console.output
            #expect(output.hasPrefix("hello from sh\n"))
            #expect(output.contains("HOME=\(shell.home)"))
            #expect(!output.contains("TENCENTCLOUD_SECRET"))
            #expect(!output.contains(EmulatorState.demoSecretKey))
        }
    }
}
