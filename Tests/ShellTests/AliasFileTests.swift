import CVMEmulator
import Foundation
import TestSupport
import Testing

@testable import Shell

#if canImport(Glibc)
    import Glibc
#endif

/// Aliases kept between sessions in the XDG config directory, against the emulator.
@Suite struct AliasFileTests {
    private func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test func anAliasDefinedInOneSessionIsThereInTheNext() async throws {
        let partners = EmulatorState.partnerAccountIds
        try await ShellHarness.with { shell in
            let file = shell.home + "/.config/cvmsh/aliases"
            #expect(shell.interpreter.services.paths.aliasesFile == file)
            let defined = await shell.run("alias team \(partners[0]),\(partners[1])\nalias solo \(partners[2])")
            #expect(defined == .completed)
            #expect(mode(file) == 0o600)
            #expect(mode(shell.home + "/.config/cvmsh") == 0o700)
            #expect(await shell.run("unalias solo") == .completed)
            // A new session (same HOME) starts with the aliases, and `share @team` can use them.
            let next = Interpreter(
                session: shell.interpreter.session.withoutAliases, console: shell.console,
                services: shell.interpreter.services, isInteractive: false)
            #expect(next.session.aliases == ["team": [partners[0], partners[1]]])
            #expect(shell.console.diagnostics.filter { $0.contains("warning") }.isEmpty)
        }
    }

    @Test func cvmshAliasesOverridesThePathAndProblemsAreWarnings() async throws {
        try await withTemporaryFolder("cvmsh-aliases") { directory in
            let file = directory + "/my-aliases"
            try "# mine\nok 100000000001,100000000002\nbad-line\n9bad 1\nx 12a\n".write(
                toFile: file, atomically: true, encoding: .utf8)
            try await ShellHarness.with(environment: ["CVMSH_ALIASES": file]) { shell in
                #expect(shell.interpreter.session.aliases == ["ok": ["100000000001", "100000000002"]])
                let warnings = shell.console.diagnostics
                #expect(
                    warnings
                        == [3, 4, 5].map {
                            "warning: \(file):\($0): ignored: expected NAME ACCOUNT,ACCOUNT,..."
                        })
            }
        }
    }

    @Test func aPlantedSymlinkIsNeitherReadNorWrittenThrough() async throws {
        try await withTemporaryFolder("cvmsh-aliases") { directory in
            let target = directory + "/target"
            try "victim 100000000009\n".write(toFile: target, atomically: true, encoding: .utf8)
            let file = directory + "/aliases"
            #expect(symlink(target, file) == 0)
            try await ShellHarness.with(environment: ["CVMSH_ALIASES": file]) { shell in
                #expect(shell.interpreter.session.aliases.isEmpty)
                #expect(
                    shell.console.diagnostics.first?.hasSuffix("it is a symbolic link; refusing to follow it") == true)
                #expect(await shell.run("alias mine \(EmulatorState.partnerAccountIds[0])") == .completed)
                let untouched = try String(contentsOfFile: target, encoding: .utf8)
                #expect(untouched == "victim 100000000009\n")
                #expect(mode(file) == 0o600)
                let written = try String(contentsOfFile: file, encoding: .utf8)
                #expect(written.contains("mine \(EmulatorState.partnerAccountIds[0])\n"))
            }
        }
    }
}

extension Session {
    fileprivate var withoutAliases: Session {
        var copy = self
        copy.aliases = [:]
        return copy
    }
}
