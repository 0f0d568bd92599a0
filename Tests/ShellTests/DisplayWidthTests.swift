import TerminalText
import Testing

@testable import Shell

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("abc", 3), ("日本語", 6), ("数据库", 6), ("ウェブ", 6), ("ｳｪﾌﾞ", 4), ("ＡＢ", 4), ("한국", 4),
        ("e\u{301}", 1), ("👍", 2), ("\u{200B}", 0), ("a\u{200D}b", 2), ("…", 1), ("\u{3000}", 2),
        ("\t", 0), ("", 0), ("Ǆ", 1), ("〜", 2), ("𠀋", 2),
    ])
    func widths(_ text: String, _ expected: Int) {
        #expect(text.displayWidth == expected)
    }

    @Test func truncation() {
        #expect("web-server-01".truncated(toDisplayWidth: 8) == "web-ser…")
        #expect("web-01".truncated(toDisplayWidth: 6) == "web-01")
        #expect("ウェブサーバー".truncated(toDisplayWidth: 8) == "ウェブ…")
        #expect("ウェブサーバー".truncated(toDisplayWidth: 8).displayWidth == 7)
        #expect("e\u{301}e\u{301}e\u{301}".truncated(toDisplayWidth: 2) == "e\u{301}…")
        #expect("abc".truncated(toDisplayWidth: 0) == "")
        #expect("abc".truncated(toDisplayWidth: 1) == "…")
    }
}
