import Testing

@testable import Shell

/// `help` and `help COMMAND` wrap at word boundaries to the console width.
@Suite struct HelpTextTests {
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" })
    }

    @Test(arguments: [80, 60])
    func theOverviewFitsAndKeepsEverySummaryWhole(width: Int) {
        let text = HelpText.overview(width: width)
        for line in text.split(separator: "\n") {
            #expect(line.count <= width, "\(line)")
        }
        let words = Self.words(text)
        for command in Interpreter.commands {
            let summary = Self.words(command.summary)
            #expect(words.indices.contains { words[$0...].starts(with: summary) }, "\(command.name)")
        }
    }

    @Test(arguments: [80, 60])
    func everyPageFitsAndBreaksNoWord(width: Int) {
        for command in Interpreter.commands {
            let signature = command.signature
            let page = HelpText.page(for: signature, width: width)
            for line in page.split(separator: "\n") {
                #expect(line.count <= width, "\(signature.name): \(line)")
            }
            let words = Self.words(page)
            for text in [signature.details] + signature.flags.map(\.help) {
                let expected = Self.words(text)
                #expect(words.indices.contains { words[$0...].starts(with: expected) }, "\(signature.name): \(text)")
            }
        }
    }

    @Test func optionsAreGeneratedFromTheFlags() {
        let page = HelpText.page(for: ShareCommand.signature, width: 80)
        #expect(page.contains("\nOptions:\n  --dry-run   show the plan"))
        #expect(page.contains("\n  -y, --yes   do not ask for confirmation\n"))
        #expect(page.contains("\nExamples:\n  select 1-20\n"))
    }

    @Test func wrapBreaksOnlyAtSpaces() {
        #expect(HelpText.wrap("aaa bbb ccc", width: 7) == ["aaa bbb", "ccc"])
        #expect(HelpText.wrap("a-very-long-word b", width: 5) == ["a-very-long-word", "b"])
        #expect(HelpText.wrap("usage: x [A] [B]", width: 12, indent: 4) == ["usage: x [A]", "    [B]"])
        #expect(HelpText.wrap("forms: 1,3  2-9  all", width: 80) == ["forms: 1,3  2-9  all"])
        #expect(HelpText.wrap("forms: 1,3  2-9", width: 11) == ["forms: 1,3", "2-9"])
    }
}

extension HelpTextTests {
    @Test func aLongIndentedLineHangsAtItsLastColumn() {
        let line = "  output table|tsv|json   how results are printed (the same on a terminal or a pipe)"
        #expect(
            HelpText.literal(line, width: 60) == [
                "  output table|tsv|json   how results are printed (the same",
                "                          on a terminal or a pipe)",
            ])
    }
}
