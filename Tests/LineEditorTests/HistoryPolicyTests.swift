import Testing

@testable import LineEditor

@Suite struct HistoryPolicyTests {
    let policy = HistoryPolicy()

    @Test func storesAnOrdinaryLineWithoutItsNewline() {
        #expect(policy.entry(for: "ls\n", previous: nil) == "ls")
        #expect(policy.entry(for: "share 1,2 100001\r\n", previous: nil) == "share 1,2 100001")
    }

    @Test func refusesEmptyAndBlankLines() {
        #expect(policy.entry(for: "", previous: nil) == nil)
        #expect(policy.entry(for: "\n", previous: nil) == nil)
        #expect(policy.entry(for: "   \t", previous: nil) == nil)
    }

    @Test func ignoresSpace() {
        #expect(policy.entry(for: " secret thing", previous: nil) == nil)
        #expect(policy.entry(for: "\tsecret thing", previous: nil) == nil)
    }

    @Test func ignoresConsecutiveDuplicatesOnly() {
        #expect(policy.entry(for: "ls", previous: "ls") == nil)
        #expect(policy.entry(for: "ls \n", previous: "ls") == nil)
        #expect(policy.entry(for: "ls", previous: "status") == "ls")
    }

    @Test func trimsTrailingBlanksUnlessEscaped() {
        #expect(policy.entry(for: "status  ", previous: nil) == "status")
        #expect(policy.entry(for: "select name:a\\ ", previous: nil) == "select name:a\\ ")
    }

    @Test func appliesTheCallerFilterToTheCleanedLine() {
        let noLogin = HistoryPolicy { !$0.hasPrefix("login") }
        #expect(noLogin.entry(for: "login AKID\n", previous: nil) == nil)
        #expect(noLogin.entry(for: "ls\n", previous: nil) == "ls")
    }

    @Test func keepsUnicodeIntact() {
        #expect(policy.entry(for: "select name:ウェブ-画像\n", previous: nil) == "select name:ウェブ-画像")
    }
}
