import Foundation
import TestSupport
import Testing

/// The built `cvmsh` driven through pipes: what a script or a CI job sees.
@Suite struct ScriptModeTests {
    @Test func versionAndHelpListTheExitStatuses() async throws {
        let version = try await run(cvmsh, ["--version"])
        #expect(version.status == 0)
        #expect(
            version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).range(
                of: #"^\d+\.\d+\.\d+$"#, options: .regularExpression) != nil)
        let help = try await run(cvmsh, ["--help"])
        #expect(help.status == 0)
        for code in ["0", "1", "2", "3", "64", "130"] {
            #expect(help.stdout.contains("\n  \(code) "))
        }
        #expect(help.stdout.contains("--dry-run"))
    }

    @Test func pipedScriptHasNoPromptNoBannerAndNoHistory() async throws {
        try await withTemporaryFolder("cvmsh-home") { home in
            let result = try await run(cvmsh, ["--demo"], stdin: "# a comment\n\necho hello\nregion\n", home: home)
            #expect(result.status == 0)
            #expect(result.stdout == "hello\nap-nanjing\n")
            #expect(result.stderr.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: home + "/.local/state/cvmsh/history"))
        }
    }

    @Test func failingScriptStopsWithStatus3AndNamesFileAndLine() async throws {
        let result = try await run(cvmsh, ["--demo"], stdin: "echo one\nbogus\necho two\n")
        #expect(result.status == 3)
        #expect(result.stdout == "one\n")
        #expect(result.stderr == "cvmsh:<stdin>:2: error: unknown command 'bogus' (type `help` for the list)\n")
    }

    @Test func onErrorContinueExits1AtTheEnd() async throws {
        let result = try await run(cvmsh, ["--demo", "--on-error", "continue"], stdin: "echo one\nbogus\necho two\n")
        #expect(result.status == 1)
        #expect(result.stdout == "one\ntwo\n")
    }

    @Test func dashPrefixIgnoresTheFailure() async throws {
        let result = try await run(cvmsh, ["--demo"], stdin: "-bogus\necho two\n")
        #expect(result.status == 0)
        #expect(result.stdout == "two\n")
        #expect(result.stderr.contains("(ignored)"))
    }

    @Test func commandsAndFilesRunInArgvOrder() async throws {
        try await withTemporaryFolder("cvmsh-order") { dir in
            let file = dir + "/s.cvmsh"
            try "echo from-file\n".write(toFile: file, atomically: true, encoding: .utf8)
            let result = try await run(
                cvmsh, ["--demo", "-c", "echo first", "-f", file, "-c", "echo last; echo really-last"])
            #expect(result.status == 0)
            #expect(result.stdout == "first\nfrom-file\nlast\nreally-last\n")
        }
    }

    @Test func exitStatusOfExit() async throws {
        #expect(try await run(cvmsh, ["--demo", "-c", "exit 5"]).status == 5)
    }

    @Test func badUsageIs64() async throws {
        let result = try await run(cvmsh, ["--output", "xml", "-c", "echo"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--output must be table, tsv, csv or json"))
    }

    @Test func unreachableEndpointIs2() async throws {
        let result = try await run(
            cvmsh, ["--endpoint", "http://127.0.0.1:9", "--region", "ap-nanjing", "-c", "ls"],
            environment: [
                "TENCENTCLOUD_SECRET_ID": "AKIDxxxxxxxxxxxxxxxx", "TENCENTCLOUD_SECRET_KEY": "yyyyyyyyyyyyyyyy",
            ])
        #expect(result.status == 2)
        #expect(result.stderr.contains("cannot connect"))
    }

    @Test func missingCredentialsIs2() async throws {
        let result = try await run(
            cvmsh, ["--endpoint", "http://127.0.0.1:9", "--region", "ap-nanjing", "-c", "ls"],
            environment: ["CVMSH_METADATA_ENDPOINT": "http://127.0.0.1:9/"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no credentials"))
    }

    @Test func unterminatedQuoteNamesTheLine() async throws {
        let result = try await run(cvmsh, ["--demo"], stdin: "echo ok\necho 'open\n")
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("cvmsh:<stdin>:2: error:"))
    }

    @Test func jsonOutputIsOneDocumentPerCommand() async throws {
        let result = try await run(cvmsh, ["--demo", "--output", "json", "-c", "ls"])
        #expect(result.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 150)
        #expect(rows.first?["index"] as? Int == 1)
    }

    @Test func manPageListsEveryFlag() async throws {
        let help = try await run(cvmsh, ["--help"]).stdout
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/man/cvmsh.1").standardized
        let manual = try String(contentsOf: page, encoding: .utf8)
        // The flags of the OPTIONS list (lines that start with a flag), not words in the prose.
        let options = help.split(separator: "\n").filter { $0.drop { $0 == " " }.hasPrefix("-") }
        let flags = Set(options.flatMap { $0.matches(of: /--[a-z][a-z-]+/).map { String($0.output) } })
        #expect(flags.count > 10)
        for flag in flags {
            // mdoc spells `--name` as `Fl -name`; regenerate with scripts/man when this fails.
            #expect(manual.contains("Fl -\(flag.dropFirst(2))"), "docs/man/cvmsh.1 lacks \(flag): run scripts/man")
        }
    }

    @Test func echoFlagPrintsCommandsExceptThoseMarkedWithAt() async throws {
        let result = try await run(cvmsh, ["--demo", "-e"], stdin: "echo one\n@echo two\n")
        #expect(result.status == 0)
        #expect(result.stdout == "cvmsh> echo one\none\ntwo\n")
    }

    @Test func rcFileIsNotReadForScripts() async throws {
        try await withTemporaryFolder("cvmsh-rc") { home in
            try FileManager.default.createDirectory(atPath: home + "/.config/cvmsh", withIntermediateDirectories: true)
            try "echo from-rc\nexit 9\n".write(
                toFile: home + "/.config/cvmsh/cvmshrc", atomically: true, encoding: .utf8)
            let result = try await run(cvmsh, ["--demo"], stdin: "echo script\n", home: home)
            #expect(result.status == 0)
            #expect(result.stdout == "script\n")
        }
    }
}
