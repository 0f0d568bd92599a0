import Testing

@testable import Shell

/// Problems found while fuzzing the command language (Fuzz/, scripts/fuzz), kept as regression tests.
@Suite struct ShellFuzzRegressionTests {
    /// Found while writing Fuzz/AccountList (by reading, not by a fuzzer run): aliases that share
    /// sub-aliases (`@a0` = `@a1 @a1`, `@a1` = `@a2 @a2`, …) were expanded once per path,
    /// 2^depth times: 40 levels never finished. Each alias is now expanded once per parse.
    @Test(.timeLimit(.minutes(1))) func sharedSubAliasesExpandOnce() throws {
        var aliases: [String: [String]] = [:]
        for level in 0..<40 { aliases["a\(level)"] = ["@a\(level + 1)", "@a\(level + 1)"] }
        aliases["a40"] = ["100011110001,100011110002"]
        #expect(
            try AccountList.parse(["@a0", "100011110003"], aliases: aliases) == [
                "100011110001", "100011110002", "100011110003",
            ])
    }

    @Test func aLoopBehindASharedAliasIsStillFound() {
        let aliases = ["a": ["@b", "@c"], "b": ["@d"], "c": ["@d"], "d": ["100011110001", "@e"], "e": ["@c"]]
        #expect(throws: AccountListError.aliasLoop(["d", "e", "c", "d"])) {
            try AccountList.parse(["@a"], aliases: aliases)
        }
        // A bad id in a shared alias is reported, whichever path reaches it first.
        #expect(throws: AccountListError.self) {
            try AccountList.parse(["@x", "@y"], aliases: ["x": ["@z"], "y": ["@z"], "z": ["12a45"]])
        }
    }
}
