import Testing

@testable import Shell

/// The share file's syntax: what is accepted, and where each mistake is reported.
@Suite struct DesiredFileTests {
    static let a = "100087654321"
    static let b = "100011110001"

    func parse(_ text: String, aliases: [String: [String]] = [:]) throws(DesiredFileError) -> DesiredFile {
        try DesiredFileParser.parse(text, path: "f.yaml", aliases: aliases)
    }

    func error(_ text: String) -> String {
        do {
            _ = try parse(text)
            return "accepted"
        } catch {
            return error.description
        }
    }

    @Test func theIssuesExampleReads() throws {
        let file = try parse(
            """
            # shares.yaml
            regions: [ap-tokyo, ap-singapore]      # a list, one region, or all
            aliases:
              partners: ["\(Self.a)", "\(Self.b)"]
            shares:
              - images: "name:web-prod-* img-abcd1234"
                accounts: ["@partners", "100011110002"]
              - images: ["name:db-*", "name:'cache prod*'"]
                accounts: ["@org"]
                exclusive: true
            """, aliases: ["org": ["100011110003"]])
        #expect(
            file.regions
                == .listed([
                    .init(name: "ap-tokyo", location: .init(file: "f.yaml", line: 2, column: 11)),
                    .init(name: "ap-singapore", location: .init(file: "f.yaml", line: 2, column: 21)),
                ]))
        #expect(file.rules.map(\.accounts) == [[Self.a, Self.b, "100011110002"], ["100011110003"]])
        #expect(file.rules.map(\.exclusive) == [false, true])
        #expect(file.rules[0].images.terms == [.name(Glob("web-prod-*")), .imageID("img-abcd1234")])
        #expect(file.rules[1].images.terms == [.name(Glob("db-*")), .name(Glob("cache prod*"))])
        #expect(file.rules[1].location == .init(file: "f.yaml", line: 8, column: 5))
    }

    @Test func jsonIsYAMLToo() throws {
        let yaml = try parse("regions: all\nshares:\n  - images: all\n    accounts: [\(Self.a)]\n    exclusive: yes\n")
        let json = try parse(
            #"""
            {"regions": "all", "shares": [{"images": "all", "accounts": ["\#(Self.a)"], "exclusive": true}]}
            """#)
        #expect(yaml.regions == .all && json.regions == .all)
        #expect(yaml.rules.map { [$0.imagesText] + $0.accounts } == json.rules.map { [$0.imagesText] + $0.accounts })
        #expect(yaml.rules.map(\.exclusive) == [true] && json.rules.map(\.exclusive) == [true])
        #expect(try parse("shares: []").regions == .current)
    }

    @Test func fileAliasesOverrideTheSessionsAndMayUseThem() throws {
        let text = "aliases:\n  team: [\"@org\", \(Self.b)]\nshares:\n  - images: all\n    accounts: [\"@team\"]\n"
        let file = try parse(text, aliases: ["org": [Self.a], "team": ["100099999999"]])
        #expect(file.rules[0].accounts == [Self.a, Self.b])
        #expect(file.aliases["team"] == ["@org", Self.b])
    }

    @Test func anEmptyAccountListNeedsExclusive() throws {
        #expect(try parse("shares:\n  - images: all\n    accounts: []\n    exclusive: true\n").rules[0].accounts == [])
        #expect(
            error("shares:\n  - images: all\n    accounts: []\n")
                == "f.yaml:3:15: rule 1 lists no accounts; add some, or set `exclusive: true` to share with no one")
    }

    @Test(arguments: [
        ("regions: ap-nanjing\nshare:\n  - images: all\n", "f.yaml:2:1: unknown key 'share'; did you mean 'shares'?"),
        ("shares:\n  - images: all\n    acount: [1]\n", "f.yaml:3:5: unknown key 'acount'; did you mean 'accounts'?"),
        (
            "shares:\n  - images: 1-3\n    accounts: [\(a)]\n",
            "f.yaml:2:13: rule 1 images: list numbers change with every listing; use img-… ids or name:GLOB"
        ),
        (
            "shares:\n  - images: latest:web-base\n    accounts: [\(a)]\n",
            "f.yaml:2:13: rule 1 images: latest:FAMILY is not supported in share files; use family:NAME or img-… ids"
        ),
        (
            "shares:\n  - images: colour:red\n    accounts: [\(a)]\n",
            "f.yaml:2:13: rule 1 images: invalid selection 'colour:red'; "
                + "use indices (1,3), ranges (2-9), all, none, img-… ids, name:GLOB, tag:KEY[=VALUE], family:NAME, "
                + "latest:FAMILY, deprecated, created<YYYY-MM-DD or age>90d (see `help select`)"
        ),
        (
            "shares:\n  - images: all\n    accounts: [\(a), 12a45]\n",
            "f.yaml:3:30: rule 1 accounts: invalid account id '12a45': account ids are digits 0-9 only"
        ),
        (
            "shares:\n  - images: all\n    accounts: [\"@nobody\"]\n",
            "f.yaml:3:16: rule 1 accounts: unknown alias '@nobody'"
        ),
        (
            "shares:\n  - images: all\n    accounts: [\(a)]\n    exclusive: maybe\n",
            "f.yaml:4:16: `exclusive` must be true or false"
        ),
        (
            "shares:\n  - accounts: [\(a)]\n",
            "f.yaml:2:5: rule 1 has no `images:`; add a selection such as \"name:web-*\""
        ),
        ("regions: [Tokyo]\nshares: []\n", "f.yaml:1:11: invalid region 'Tokyo'; region ids look like ap-tokyo"),
        (
            "regions: [all, ap-tokyo]\nshares: []\n",
            "f.yaml:1:11: `all` stands alone: write `regions: all`, not inside a list"
        ),
        ("shares: []\nshares: []\n", "f.yaml:1:1: duplicate key 'shares'; each key may appear once per mapping"),
        ("aliases:\n  a: [\"@b\"]\n  b: [\"@a\"]\nshares: []\n", "f.yaml:2:6: alias a: alias loop: @a -> @b -> @a"),
        ("", "f.yaml:1:1: the file is empty; expected a mapping with a `shares:` list of rules"),
        ("- images: all\n", "f.yaml:1:1: expected a mapping with the keys regions, aliases and shares"),
        ("regions: all\n", "f.yaml:1:1: no `shares:` key; add a list of rules with images and accounts"),
    ])
    func mistakesAreReportedWhereTheyAre(text: String, expected: String) {
        #expect(error(text) == expected)
    }

    @Test(.timeLimit(.minutes(1))) func anAliasBombIsRefusedAtItsFirstNode() {
        // Nine levels of ten anchors each: 10^9 leaves if anything expanded them.
        var lines = ["aliases:", "  l0: &l0 [\"\(Self.a)\", \"\(Self.a)\"]"]
        for level in 1...9 {
            let refs = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            lines.append("  l\(level): &l\(level) [\(refs)]")
        }
        lines.append("shares: [{images: all, accounts: *l9}]")
        // The first item of l1 is *l0, a list: refused where that list is written (line 2).
        #expect(
            error(lines.joined(separator: "\n"))
                == "f.yaml:2:7: alias l1: expected a string or a list of strings")
    }

    @Test func brokenYAMLNamesTheLineAndColumn() {
        let message = error("shares:\n  - images: all\n    accounts: [\(Self.a)\n")
        #expect(message.hasPrefix("f.yaml:4:1: invalid YAML: "), "\(message)")
    }
}
