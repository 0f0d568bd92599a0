import CVMEmulator
import Foundation
import Testing

@testable import Shell

/// `--output json` carries typed values, one document per command, against the emulator.
@Suite struct JSONOutputTests {
    private func document(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    @Test func lsMarksTheSelectionWithBooleansAndSizesAsNumbers() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("select 2\nset output json\nls") == .completed)
            let rows = try #require(try document(shell.console.output) as? [[String: Any]])
            #expect(rows.count == 150)
            #expect(rows.map { $0["selected"] as? Bool } == (1...150).map { $0 == 2 })
            #expect(rows.map { $0["index"] as? Int } == Array(1...150))
            #expect(rows.allSatisfy { $0["size_gib"] is Int })
            #expect(rows.allSatisfy { ($0["created"] as? String)?.count == 25 })
            // The table shows the same mark as `*`, and nothing for the others.
            shell.console.clear()
            #expect(await shell.run("set output table\nls") == .completed)
            let marks = shell.console.output.split(separator: "\n").dropFirst().map { $0.dropFirst(5).prefix(3) }
            #expect(marks.map { $0 == "*  " } == (1...150).map { $0 == 2 })
        }
    }

    @Test func statusAndTheBatchSummaryAreTyped() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("select 1,2\nset output json\nstatus") == .completed)
            let status = try #require(try document(shell.console.output) as? [String: Any])
            #expect(status["selected"] as? Int == 2)
            #expect(status["account"] is NSNull)
            #expect(status["last_batch"] is NSNull)
            let settings = try #require(status["settings"] as? [String: Any])
            #expect(settings["confirm"] as? Bool == false)
            #expect(settings["concurrency"] as? Int == Settings.defaultConcurrency)
            #expect(settings["output"] as? String == "json")
            let images = try #require(status["images"] as? [String: Any])
            #expect(images["count"] as? Int == 150)
            shell.console.clear()
            let account = EmulatorState.partnerAccountIds[1]
            #expect(await shell.run("set confirm off\nshare \(account)") == .completed)
            let summary = try #require(try document(shell.console.output) as? [String: Any])
            #expect(summary["seconds"] is Double)
            #expect(summary["calls"] as? Int == 1)
        }
    }
}
