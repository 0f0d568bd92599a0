import Testing

@testable import Shell

@Suite struct SuggestionTests {
    private let commands = [
        "help", "status", "region", "regions", "profile", "login", "logout", "endpoint", "ls", "select",
        "unselect", "share", "unshare", "shared", "alias", "unalias", "set", "source", "echo", "exit", "quit",
    ]

    @Test(arguments: [
        ("shrae", "share"), ("stauts", "status"), ("regoin", "region"), ("selcet", "select"), ("LS", "ls"),
        ("sl", "ls"), ("unsahre", "unshare"), ("sourc", "source"), ("lgout", "logout"), ("ehco", "echo"),
    ])
    func suggestsTheClosestCommand(_ typed: String, _ expected: String) {
        #expect(Suggestion.closest(to: typed, in: commands) == expected)
    }

    @Test(arguments: ["x", "zzzzzz", "deploy", "", String(repeating: "q", count: 100_000)])
    func staysQuietWhenNothingIsClose(_ typed: String) {
        #expect(Suggestion.closest(to: typed, in: commands) == nil)
    }

    @Test func tiesAreBrokenByName() {
        #expect(Suggestion.closest(to: "sharex", in: ["shared", "share"]) == "share")
        #expect(Suggestion.closest(to: "bb", in: ["bc", "ba"]) == "ba")
    }

    @Test func editDistance() {
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
        #expect(Suggestion.editDistance("ab", "ba") == 1)
        #expect(Suggestion.editDistance("日本", "日木") == 1)
        #expect(Suggestion.editDistance("same", "same") == 0)
    }
}
