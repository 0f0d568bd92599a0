import Testing

@testable import Shell

@Suite struct SelectionGlobTests {
    @Test(arguments: [
        ("web-*", "web-01", true), ("web-*", "web-", true), ("web-*", "db-web-1", false),
        ("*", "", true), ("?", "", false), ("?", "日", true), ("??", "日本", true),
        ("*-01", "web-01", true), ("*-01", "web-011", false), ("a*b*c", "aXbYbZc", true),
        ("a*b*c", "aXbYbZ", false), ("[abc]x", "bx", true), ("[abc]x", "dx", false),
        ("[a-c]*", "caps", true), ("[!a-c]*", "caps", false), ("[^a-c]*", "dog", true),
        ("[]]", "]", true), ("[a-]", "-", true), ("web[", "web[", true), ("\\*", "*", true),
        ("\\*", "a", false), ("数据库-*", "数据库-备份", true), ("*本番", "ウェブ-本番", true),
        ("WEB*", "web", false), ("e\u{301}*", "\u{E9}tude", true),
    ])
    func matching(_ pattern: String, _ name: String, _ expected: Bool) {
        #expect(Glob(pattern).matches(name) == expected)
    }

    @Test func literalPatterns() {
        #expect(Glob("web-01").isLiteral)
        #expect(!Glob("web-0?").isLiteral)
    }

    /// Backtracking matchers never finish this one; the limit only stops a hang (speed is for
    /// `scripts/bench`).
    @Test(.timeLimit(.minutes(1))) func pathologicalPatternsFinish() {
        let pattern = Glob(String(repeating: "a*", count: 50) + "b")
        let name = String(repeating: "a", count: 5_000)
        #expect(!pattern.matches(name))
    }
}
