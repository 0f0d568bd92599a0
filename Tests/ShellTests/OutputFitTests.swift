import CVMEmulator
import Foundation
import Testing

@testable import Shell

/// `ls` and friends as a person at a terminal sees them, against the emulator over real HTTP:
/// lines fit the terminal, long output is paged only when interactive.
@Suite struct OutputFitTests {
    @Test func linesFitANarrowTerminalWithoutCuttingFixedColumns() async throws {
        try await ShellHarness.with(terminalWidth: 80) { shell in
            #expect(await shell.run("ls") == .completed)
            let lines = shell.console.output.split(separator: "\n")
            #expect(lines.count == 151)
            #expect(lines.allSatisfy { $0.displayWidth <= 80 }, "\(lines.filter { $0.displayWidth > 80 })")
            // Image ids and dates are never cut; flexible columns (NAME, OS) are.
            let ids = try #require(shell.interpreter.session.images).images.map(\.imageId)
            #expect(ids.allSatisfy { id in lines.contains { $0.contains(id) } })
            let day = /\d{4}-\d\d-\d\d$/
            #expect(lines.dropFirst().allSatisfy { $0.contains(day) })
            #expect(shell.console.output.contains("…"))
        }
    }

    @Test func helpWrapsAtSpacesToFitTheTerminal() async throws {
        try await ShellHarness.with(terminalWidth: 80) { shell in
            #expect(await shell.run("help") == .completed)
            let lines = shell.console.output.split(separator: "\n")
            #expect(lines.allSatisfy { $0.displayWidth <= 80 }, "\(lines.filter { $0.displayWidth > 80 })")
            // Every word of every summary is there, whole, in order.
            let words = shell.console.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for command in Interpreter.commands {
                #expect(words.contains(command.summary.split(separator: " ").joined(separator: " ")), "\(command.name)")
            }
        }
    }

    @Test func theJournalFitsANarrowTerminalByLeavingOutMinorColumns() async throws {
        try await ShellHarness.with(terminalWidth: 80) { shell in
            let script = """
                select 1-3
                share \(EmulatorState.partnerAccountIds[0]) -y
                undo -y
                """
            #expect(await shell.run(script) == .completed, "\(shell.console.errors)")
            shell.console.clear()
            #expect(await shell.run("journal") == .completed)
            let lines = shell.console.output.split(separator: "\n")
            #expect(lines.count == 3)
            #expect(lines.allSatisfy { $0.displayWidth <= 80 }, "\(lines.filter { $0.displayWidth > 80 })")
            let header = try #require(lines.first)
            for kept in ["BATCH", "OPERATION", "IMAGES", "CHANGED", "FAILED", "STATUS"] {
                #expect(header.contains(kept), "\(header)")
            }
            #expect(!header.contains("SKIPPED"), "\(header)")
            // tsv keeps every column.
            shell.console.clear()
            #expect(await shell.run("set output tsv; journal") == .completed)
            #expect(shell.console.output.hasPrefix("batch\ttime\tregion\toperation"))
            #expect(shell.console.output.contains("\tskipped\tnot_started\t"))
        }
    }

    @Test func aWideTerminalShowsWholeOSNames() async throws {
        let longest = "Windows Server 2019 数据中心版 64位英文版"
        try await ShellHarness.with(terminalWidth: 150) { shell in
            #expect(await shell.run("ls") == .completed)
            #expect(shell.console.output.contains(longest))
            #expect(shell.console.output.split(separator: "\n").allSatisfy { $0.displayWidth <= 150 })
        }
        // Off a terminal (a file, a pipe) the OS column keeps its cut at 24 columns.
        try await ShellHarness.with { shell in
            #expect(await shell.run("ls") == .completed)
            #expect(!shell.console.output.contains(longest))
            #expect(shell.console.output.contains(longest.truncated(toDisplayWidth: 24)))
        }
    }

    @Test func longInteractiveOutputIsPagedUnlessThePagerIsOff() async throws {
        try await ShellHarness.with(interactive: true, terminalWidth: 100) { shell in
            #expect(await shell.run("ls", source: Interpreter.promptSource) == .completed)
            #expect(shell.console.paged.count == 1)
            #expect(shell.console.paged.first?.contains("IMAGE ID") == true)
            #expect(await shell.run("set pager off\nls", source: Interpreter.promptSource) == .completed)
            #expect(shell.console.paged.count == 1)
        }
        // Scripts never page, even at a terminal.
        try await ShellHarness.with(terminalWidth: 100) { shell in
            #expect(await shell.run("ls") == .completed)
            #expect(shell.console.paged.isEmpty)
        }
    }

    @Test func thePlanBeforeTheQuestionIsAnAlignedTable() async throws {
        let account = EmulatorState.partnerAccountIds[1]
        try await ShellHarness.with(interactive: true, answers: [false]) { shell in
            let outcome = await shell.run("select 1-3\nshare \(account)", source: Interpreter.promptSource)
            #expect(outcome == .completed)
            let lines = shell.console.diagnostics
            let header = try #require(lines.firstIndex { $0.hasPrefix("  IMAGE ID") })
            let rows = lines[(header + 1)...].prefix { $0.hasPrefix("  img-") }
            #expect(rows.count == 3)
            let column = { (line: String, mark: String) in
                line.range(of: mark).map { line[..<$0.lowerBound].displayWidth }
            }
            let add = try #require(column(lines[header], "ADD"))
            let notes = try #require(column(lines[header], "NOTES"))
            // Demo images 2 and 3 cannot be shared (BYOL, SYNCING): their reason sits under NOTES.
            #expect(column(rows[rows.startIndex], "+\(account)") == add, "\(lines)")
            #expect(rows.dropFirst().allSatisfy { column($0, "skipped") == notes }, "\(lines)")
            #expect(await shell.emulator.calls().allSatisfy { $0.action != "ModifyImageSharePermission" })
        }
    }

    @Test func sharedWithMeRowsCarryNoNumbersToSelect() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("ls --shared-with-me") == .completed)
            let lines = shell.console.output.split(separator: "\n")
            #expect(lines.first?.hasPrefix("OWNER") == true)
            #expect(lines.count > 1)
            // Each row starts with the owner's account, then the image: no number `select` could misread.
            #expect(lines.dropFirst().allSatisfy { $0.contains(/^\d{6,}\s+img-/) }, "\(lines)")
            shell.console.clear()
            #expect(await shell.run("set output json\nls --shared-with-me") == .completed)
            let json = try JSONSerialization.jsonObject(with: Data(shell.console.output.utf8))
            let rows = try #require(json as? [[String: Any]])
            #expect(rows.allSatisfy { $0["index"] == nil && $0["selected"] == nil && $0["owner"] is String })
        }
    }

    @Test func aPlainWordThatMatchesNoNameHintsAtTheGlob() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("ls web-prod") == .completed)
            #expect(shell.console.output.isEmpty)
            #expect(
                shell.console.diagnostics == [
                    "no image name matches web-prod in \(EmulatorState.demoRegion); names starting with it: ls web-prod*"
                ])
            shell.console.clear()
            #expect(await shell.run("ls 'nothing-*'") == .completed)
            #expect(shell.console.diagnostics == ["no image name matches nothing-* in \(EmulatorState.demoRegion)"])
        }
    }

    @Test func quietHidesInformationalLinesButNotWarningsOrErrors() async throws {
        try await ShellHarness.with { shell in
            shell.interpreter.isQuiet = true
            #expect(await shell.run("ls\nselect 1,2\nunselect 1") == .completed)
            #expect(shell.console.diagnostics.isEmpty)
            #expect(shell.interpreter.session.selection.count == 1)
            #expect(await shell.run("select 9999") == .stopped(.scriptStopped))
            #expect(shell.console.errors.count == 1)
        }
        try await ShellHarness.with { shell in
            #expect(await shell.run("select 1") == .completed)
            #expect(shell.console.diagnostics == ["1 image selected"])
        }
    }
}
