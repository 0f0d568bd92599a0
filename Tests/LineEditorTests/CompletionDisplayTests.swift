import LineEditor
import Testing

/// A reply's display texts are what a listing shows; the line is still edited with the candidates.
@Suite struct CompletionDisplayTests {
    @Test func aListingShowsTheDisplays() {
        let reply = CompletionReply(
            replaceStart: 7, candidates: ["15", "150"], displays: ["15  web-prod", "150  db-prod"])
        let edit = CompletionEdit.plan(line: "select 15", cursor: 9, reply: reply)
        #expect(edit == .list(["15  web-prod", "150  db-prod"]))
    }

    @Test func editsUseTheCandidatesNotTheDisplays() {
        let reply = CompletionReply(replaceStart: 7, candidates: ["150"], displays: ["150  db-prod"])
        #expect(CompletionEdit.plan(line: "select 15", cursor: 9, reply: reply) == .replace(start: 7, text: "150 "))
        let shared = CompletionReply(replaceStart: 7, candidates: ["120", "121"], displays: ["120  a", "121  b"])
        #expect(CompletionEdit.plan(line: "select 1", cursor: 8, reply: shared) == .replace(start: 7, text: "12"))
    }

    @Test func withoutDisplaysTheCandidatesAreListed() {
        let reply = CompletionReply(replaceStart: 0, candidates: ["share", "shared"])
        #expect(CompletionEdit.plan(line: "share", cursor: 5, reply: reply) == .list(["share", "shared"]))
    }
}
