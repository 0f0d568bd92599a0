import Foundation
import TestSupport
import Testing

/// TAB completion in the built `cvmsh --demo` under a real pseudo-terminal: regions before
/// `regions` ran, list numbers with their image names, directories after `source`.
@Suite(.serialized) struct CompletionTerminalTests {
    /// The HOME of one test, removed when the test's suite instance is released.
    let folder: TemporaryFolder
    var home: String { folder.path }

    init() throws {
        folder = try TemporaryFolder("cvmsh-tab")
        try FileManager.default.createDirectory(atPath: home + "/scripts", withIntermediateDirectories: true)
    }

    func start() async throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(
            cvmsh, arguments: ["--demo"],
            environment: [
                "HOME": home, "CVMSH_HISTFILE": home + "/history", "NO_COLOR": "1", "EDITRC": home + "/none",
            ],
            rows: 40, cols: 120)
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        return terminal
    }

    @Test func regionCompletesBeforeRegionsRan() async throws {
        let terminal = try await start()
        try await terminal.type("region ap-gu")
        // The first TAB starts the background read and answers at once; a later TAB completes
        // from it. Each press waits a bounded time for the completed word.
        var completed = false
        for _ in 0..<20 where !completed {
            try await terminal.press(.tab)
            // libedit echoes only the inserted characters.
            completed = (try? await terminal.waitFor("angzhou", timeout: .seconds(1))) != nil
        }
        #expect(completed)
        try await terminal.press(.enter)
        _ = try await terminal.waitFor("ap-guangzhou [0]> ")
        try await terminal.type("exit\r")
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func listNumbersAreListedWithTheirNames() async throws {
        let terminal = try await start()
        try await terminal.type("ls\r")
        _ = try await terminal.waitFor("150 images in ap-nanjing")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await terminal.type("select 15")
        try await terminal.press(.tab)
        let listing = try await terminal.waitFor("150  ") + terminal.waitFor("> select 15")
        #expect(listing.range(of: #"(^|\s)15  \S"#, options: .regularExpression) != nil, "\(listing)")
        #expect(listing.range(of: #"150  \S"#, options: .regularExpression) != nil, "\(listing)")
        try await terminal.send(control: "C")
        _ = try await terminal.waitFor("ap-nanjing [0]> ")
        try await terminal.type("\\q\r")
        #expect(try await terminal.waitForExit() == 0)
    }

    @Test func aDirectoryAfterSourceCompletesWithASlashAndNoSpace() async throws {
        let terminal = try await start()
        try await terminal.type("source \(home)/scr")
        try await terminal.press(.tab)
        _ = try await terminal.waitFor("ipts/")
        // No space after the slash: the word goes on, so the error names scripts/x.
        try await terminal.type("x\r")
        let error = try await terminal.waitFor("ap-nanjing [0]> ")
        #expect(error.contains("scripts/x"), "\(error)")
        try await terminal.type("quit\r")
        #expect(try await terminal.waitForExit() == 0)
    }
}
