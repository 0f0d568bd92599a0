import Foundation
import Testing

/// `cvmsh --dump-commands man|markdown` (hidden; used by scripts/man) prints what the committed
/// man page and README hold.
@Suite struct CommandDumpTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func markdownIsTheReadmeTable() async throws {
        let result = try await run(cvmsh, ["--dump-commands", "markdown"])
        #expect(result.status == 0)
        let readme = try Self.read("README.md")
        #expect(readme.contains("<!-- commands:begin -->\n" + result.stdout + "<!-- commands:end -->"))
    }

    @Test func manIsTheManPageSection() async throws {
        let result = try await run(cvmsh, ["--dump-commands", "man"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix(".Sh COMMANDS\n"))
        #expect(try Self.read("docs/man/cvmsh.1").contains(result.stdout + ".Sh \"EXIT STATUS\""))
    }

    @Test func anUnknownFormatIsAUsageErrorAndTheOptionIsHidden() async throws {
        let result = try await run(cvmsh, ["--dump-commands", "html"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--dump-commands takes man or markdown"))
        #expect(try await !run(cvmsh, ["--help"]).stdout.contains("dump-commands"))
    }
}
