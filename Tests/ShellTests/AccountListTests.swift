import Testing

@testable import Shell

@Suite struct AccountListTests {
    @Test func commasAndSpacesAcrossWords() throws {
        #expect(try AccountList.parse(["100001,100002"]) == ["100001", "100002"])
        #expect(
            try AccountList.parse(["100001", "100002,100003,", ",100004"]) == ["100001", "100002", "100003", "100004"])
    }

    @Test func deduplicatesPreservingOrder() throws {
        #expect(try AccountList.parse(["100003,100001", "100003", "100002,100001"]) == ["100003", "100001", "100002"])
    }

    @Test func lengthsAtTheBounds() throws {
        #expect(try AccountList.parse(["12345", String(repeating: "9", count: 20)]).count == 2)
        #expect(throws: AccountListError.invalidAccountID("1234", reason: "4 digits; account ids have 5 to 20")) {
            try AccountList.parse(["1234"])
        }
    }

    @Test(arguments: [
        "10000a", "abcdef", "+100001", "-100001", "100001.5", "1000 01", " 100001", "１２３４５６",
        "٣٤٥٦٧٨", "0100001", String(repeating: "1", count: 21), String(repeating: "7", count: 40), "@",
    ])
    func rejectsBadIDsNamingThem(_ bad: String) {
        #expect {
            try AccountList.parse(["100001", bad])
        } throws: { error in
            guard case .invalidAccountID(let id, _) = error as? AccountListError else { return false }
            return id == bad
        }
    }

    @Test func errorMessagesNameTheID() {
        #expect(
            AccountListError.invalidAccountID("10000a", reason: "account ids are digits 0-9 only").message
                == "invalid account id '10000a': account ids are digits 0-9 only")
        let forty = String(repeating: "7", count: 40)
        #expect(throws: AccountListError.invalidAccountID(forty, reason: "40 digits; account ids have 5 to 20")) {
            try AccountList.parse([forty])
        }
        // Control characters cannot reach the terminal through a message.
        #expect(
            AccountListError.invalidAccountID("1\u{1B}[2J", reason: "x").message
                == #"invalid account id '1\u{1B}[2J': x"#)
    }

    @Test func emptyListsAreRejected() {
        #expect(throws: AccountListError.empty) { try AccountList.parse([]) }
        #expect(throws: AccountListError.empty) { try AccountList.parse([",", ",,"]) }
        #expect(throws: AccountListError.empty) { try AccountList.parse(["@nobody"], aliases: ["nobody": []]) }
        #expect(AccountListError.empty.message == "no account ids given")
    }

    @Test func aliasesExpandRecursively() throws {
        let aliases = ["team": ["100001,100002", "@ops"], "ops": ["100003", "100001"]]
        #expect(
            try AccountList.parse(["@team", "100004"], aliases: aliases) == ["100001", "100002", "100003", "100004"])
        #expect(try AccountList.parse(["100009,@ops"], aliases: aliases) == ["100009", "100003", "100001"])
    }

    @Test func unknownAliasAndBadIDsInsideAliases() {
        #expect(throws: AccountListError.unknownAlias("tema")) {
            try AccountList.parse(["@tema"], aliases: ["team": ["100001"]])
        }
        #expect(AccountListError.unknownAlias("tema").message == "unknown alias '@tema'")
        #expect(throws: AccountListError.invalidAccountID("x1", reason: "account ids are digits 0-9 only")) {
            try AccountList.parse(["@team"], aliases: ["team": ["x1"]])
        }
    }

    @Test func aliasLoopsAreDetected() {
        let aliases = ["a": ["100001", "@b"], "b": ["@c"], "c": ["@a"], "self": ["@self"]]
        #expect(throws: AccountListError.aliasLoop(["a", "b", "c", "a"])) {
            try AccountList.parse(["@a"], aliases: aliases)
        }
        #expect(throws: AccountListError.aliasLoop(["self", "self"])) {
            try AccountList.parse(["@self"], aliases: aliases)
        }
        #expect(AccountListError.aliasLoop(["a", "b", "a"]).message == "alias loop: @a -> @b -> @a")
    }

    @Test func sameAliasTwiceIsNotALoop() throws {
        let aliases = ["x": ["100001"], "y": ["@x", "@x"]]
        #expect(try AccountList.parse(["@x", "@y"], aliases: aliases) == ["100001"])
    }
}
