import Testing
import LineEditor

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("ls", 2),
        ("", 0),
        ("日本語", 6),
        ("画像-web", 8),
        ("ウェブ", 6),
        ("한국어", 6),
        ("ＡＢ", 4),
        ("ｶﾀｶﾅ", 4),
        ("e\u{301}", 1),
        ("✓", 1),
        ("🙂", 2),
        ("\u{1B}", 0),
    ])
    func widths(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }
}
