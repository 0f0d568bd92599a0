import Testing

@testable import LineEditor

@Suite struct PromptMarkupTests {
    @Test func plainPromptIsUnchanged() {
        #expect(PromptMarkup.marked("ap-nanjing [3]> ") == "ap-nanjing [3]> ")
    }

    @Test func wrapsEachRunOfEscapes() {
        let prompt = "\u{1B}[1m\u{1B}[32map-nanjing\u{1B}[0m [3]> "
        #expect(PromptMarkup.marked(prompt) == "\u{1}\u{1B}[1m\u{1B}[32m\u{1}ap-nanjing\u{1}\u{1B}[0m\u{1} [3]> ")
    }

    @Test func wrapsTitleSequences() {
        #expect(PromptMarkup.marked("\u{1B}]0;cvmsh\u{7}> ") == "\u{1}\u{1B}]0;cvmsh\u{7}\u{1}> ")
        #expect(PromptMarkup.marked("\u{1B}]0;t\u{1B}\\> ") == "\u{1}\u{1B}]0;t\u{1B}\\\u{1}> ")
    }

    @Test func alreadyMarkedPromptIsLeftAlone() {
        let prompt = "\u{1}\u{1B}[31m\u{1}> "
        #expect(PromptMarkup.marked(prompt) == prompt)
    }

    @Test func truncatedEscapeAtTheEndIsStillWrapped() {
        #expect(PromptMarkup.marked("> \u{1B}[3") == "> \u{1}\u{1B}[3\u{1}")
    }
}
