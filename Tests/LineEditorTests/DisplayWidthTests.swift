import TerminalText
import Testing

/// The one display-width measure (TerminalText), used by the line editor's completion lists and
/// by the shell's tables alike.
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
        ("a\u{308}\u{301}", 1),
        ("✓", 1),
        ("🙂", 2),
        ("\u{1B}", 0),
        // Emoji sequences are one character each: ZWJ families and professions, skin tones, flags.
        ("👨\u{200D}👩\u{200D}👧\u{200D}👦", 2),
        ("👩\u{200D}💻", 2),
        ("👍\u{1F3FD}", 2),
        ("👋\u{1F3FF}x", 3),
        ("🇯🇵", 2),
        ("❤\u{FE0F}", 2),
        ("web-🙂-01", 9),
    ])
    func widths(_ text: String, _ width: Int) {
        #expect(text.displayWidth == width)
    }

    @Test func asciiTextMeasuresAsItsCharactersDo() {
        // The byte-wise path for ASCII must agree with the per-character one, controls included.
        let every = String(decoding: (0..<0x80).map { UInt8($0) }, as: UTF8.self)
        #expect(every.displayWidth == every.reduce(0) { $0 + $1.displayWidth })
        #expect(every.displayWidth == 0x7F - 0x20)
        #expect("a\r\nb".displayWidth == 2)
        #expect("img-0iw2hfoo  2025-05-14".displayWidth == 24)
        // Text measured scalar by scalar agrees with the per-character sum.
        for text in ["Windows Server 2022 数据中心版 64位中文版", "Ubuntu Server 24.04 LTS 64位", "Café ÿ", "한국어 イメージ"] {
            #expect(text.displayWidth == text.reduce(0) { $0 + $1.displayWidth }, "\(text)")
        }
        #expect("数据".displayWidth == 4)
        #expect("e\u{301}数".displayWidth == 3)
    }

    @Test func truncationKeepsEmojiSequencesWhole() {
        #expect("👍\u{1F3FD}👍\u{1F3FD}👍\u{1F3FD}".truncated(toDisplayWidth: 4) == "👍\u{1F3FD}…")
        #expect("日本語テキスト".truncated(toDisplayWidth: 7) == "日本語…")
    }
}
