import LineEditor
import TerminalText
import Testing

@Suite struct ColumnLayoutTests {
    @Test func fillsColumnsTopToBottom() {
        let rows = ColumnLayout.rows(["a", "b", "c", "d", "e"], width: 7)
        #expect(rows == ["a  c  e", "b  d"])
    }

    @Test func oneRowWhenEverythingFits() {
        #expect(ColumnLayout.rows(["start", "status", "stop"], width: 80) == ["start   status  stop"])
    }

    @Test func oneColumnWhenTooNarrow() {
        #expect(ColumnLayout.rows(["start", "status"], width: 3) == ["start", "status"])
    }

    @Test func noRowsForNoItems() {
        #expect(ColumnLayout.rows([], width: 80).isEmpty)
    }

    @Test func neverWiderThanTheTerminalUnlessOneItemIs() {
        let items = (1...37).map { "img-\(String(repeating: "x", count: $0 % 9))" }
        for width in [10, 20, 33, 80] {
            for row in ColumnLayout.rows(items, width: width) {
                #expect(row.displayWidth <= max(width, 12))
                #expect(!row.hasSuffix(" "))
            }
        }
    }

    @Test func alignsWideCharactersByDisplayWidth() {
        let rows = ColumnLayout.rows(["画像", "ab", "日本語", "x"], width: 16)
        #expect(rows == ["画像    日本語", "ab      x"])
        #expect(rows.map(\.displayWidth) == [14, 9])
    }
}
