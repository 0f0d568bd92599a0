import Foundation
import LineEditor
import Testing

@Suite struct CompletionEditTests {
    /// Applies `candidates` to a line whose cursor is marked with `|` and
    /// whose completed word starts at the last space before it.
    private func complete(_ marked: String, _ candidates: [String], space: Bool = true) -> (CompletionEdit, String) {
        let cursor = Array(marked).firstIndex(of: "|")!
        let line = marked.replacingOccurrences(of: "|", with: "")
        let start = Array(line)[..<cursor].lastIndex(of: " ").map { $0 + 1 } ?? 0
        let reply = CompletionReply(replaceStart: start, candidates: candidates, appendSpaceWhenUnique: space)
        let edit = CompletionEdit.plan(line: line, cursor: cursor, reply: reply)
        let (result, newCursor) = edit.applied(to: line, cursor: cursor)
        var characters = Array(result)
        characters.insert("|", at: newCursor)
        return (edit, String(characters))
    }

    @Test func noCandidateBeeps() {
        #expect(complete("zz|", []).0 == .beep)
    }

    @Test func uniqueCandidateReplacesTheWordAndAddsASpace() {
        #expect(complete("sta|", ["status"]).1 == "status |")
        #expect(complete("select na|me", ["name:"], space: false).1 == "select name:|me")
        #expect(complete("share 1 |", ["100001"]).1 == "share 1 100001 |")
    }

    @Test func uniqueCandidateDoesNotDoubleAFollowingSpace() {
        #expect(complete("st| 1", ["status"]).1 == "status| 1")
    }

    @Test func uniqueCandidateClosesItsQuote() {
        #expect(complete("select \"my|", ["\"my image"]).1 == "select \"my image\" |")
        #expect(complete("source 'a|", ["'a b.cvmsh"]).1 == "source 'a b.cvmsh' |")
        #expect(complete("select \"my|", ["\"my image\""]).1 == "select \"my image\" |")
    }

    @Test func completeWordWithNothingToAddStillGetsItsSpace() {
        #expect(complete("status|", ["status"]).1 == "status |")
        #expect(complete("dir/|", ["dir/"], space: false).0 == .beep)
    }

    @Test func severalCandidatesInsertTheCommonPrefix() {
        #expect(complete("s|", ["start", "status", "stop"]).1 == "st|")
        #expect(complete("select img-|", ["img-abc1", "img-abc2"]).1 == "select img-abc|")
        #expect(complete("select 画|", ["画像一", "画像二"]).1 == "select 画像|")
    }

    @Test func severalCandidatesWithNothingToAddAreListed() {
        let (edit, line) = complete("st|", ["start", "status", "stop"])
        #expect(edit == .list(["start", "status", "stop"]))
        #expect(line == "st|")
    }

    @Test func outOfRangeOffsetsAreClamped() {
        let reply = CompletionReply(replaceStart: 99, candidates: ["x"])
        #expect(CompletionEdit.plan(line: "ab", cursor: -3, reply: reply) == .replace(start: 0, text: "x "))
    }

    @Test func longestCommonPrefixWorksOnWholeCharacters() {
        #expect(CompletionEdit.longestCommonPrefix([]) == "")
        #expect(CompletionEdit.longestCommonPrefix(["only"]) == "only")
        #expect(CompletionEdit.longestCommonPrefix(["abc", "abd", "ab"]) == "ab")
        #expect(CompletionEdit.longestCommonPrefix(["e\u{301}x", "e\u{301}y"]) == "e\u{301}")
        #expect(CompletionEdit.longestCommonPrefix(["e\u{301}", "e"]) == "")
    }

    @Test func openQuoteFollowsTheShellsQuotingRules() {
        #expect(CompletionEdit.openQuote(in: "plain") == nil)
        #expect(CompletionEdit.openQuote(in: "\"open") == "\"")
        #expect(CompletionEdit.openQuote(in: "'open \"x") == "'")
        #expect(CompletionEdit.openQuote(in: "\"a\\\"b") == "\"")
        #expect(CompletionEdit.openQuote(in: "'a\\'") == nil)
        #expect(CompletionEdit.openQuote(in: "\\\"x") == nil)
        #expect(CompletionEdit.openQuote(in: "\"done\"") == nil)
    }
}
