import Foundation
import TestSupport
import Testing

@testable import Shell

/// The README's command table and the man page's COMMANDS section are generated from the
/// signatures (`scripts/man`), and the man page is clean mdoc.
@Suite struct CommandReferenceTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func theReadmeTableMatchesTheSignatures() throws {
        let readme = try Self.read("README.md")
        let begin = try #require(readme.range(of: "<!-- commands:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- commands:end -->"))
        let table = String(readme[begin.upperBound..<end.lowerBound])
        #expect(table == CommandReference.markdownTable(), "run scripts/man")
        for command in Interpreter.commands {
            #expect(readme.contains("`" + command.synopsis.replacingOccurrences(of: "|", with: "\\|") + "`"))
        }
    }

    @Test func theManPageCommandsMatchTheSignatures() throws {
        let page = try Self.read("docs/man/cvmsh.1")
        let section = try #require(page.range(of: ".Sh COMMANDS\n"))
        let next = page.range(of: "\n.Sh ", range: section.upperBound..<page.endIndex)?.lowerBound ?? page.endIndex
        #expect(String(page[section.lowerBound..<next]) + "\n" == CommandReference.manSection(), "run scripts/man")
        for command in Interpreter.commands {
            #expect(page.contains(".It Ic \"\(CommandReference.roff(command.synopsis))\""))
        }
    }

    @Test func theManPageHasNoEmptyLineAndGroffFindsNothingToSay() async throws {
        let page = try Self.read("docs/man/cvmsh.1")
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.firstIndex(of: "").map { $0 + 1 } == nil, "empty input line")
        #expect(page.unicodeScalars.allSatisfy { $0.isASCII }, "a character man may misread")
        let groff = ["/usr/bin/groff", "/usr/local/bin/groff"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
        guard let groff else { return }
        let result = try await runTool(
            [groff, "-mandoc", "-ww", "-z", Self.root.appendingPathComponent("docs/man/cvmsh.1").path])
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.status == 0)
    }

    @Test func manTextIsEscaped() {
        #expect(CommandReference.text("'web-*'") == "\\&'web-*'")
        #expect(CommandReference.text(".hidden") == "\\&.hidden")
        #expect(CommandReference.roff("\\q") == "\\eq")
        #expect(CommandReference.roff("a × b") == "a \\[u00D7] b")
    }
}
