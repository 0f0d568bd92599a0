import CVM
import Testing

@testable import Shell

/// An image with every attribute the image terms read.
private struct Attributed: SelectableImage {
    var id: String
    var name: String
    var tags: [CVM.Tag]?
    var imageFamily: String?
    var imageDeprecated: Bool?
    var createdTime: String?

    func hasTag(_ key: String, value: String?) -> Bool {
        tags?.contains { $0.key == key && (value == nil || $0.value == value) } ?? false
    }
}

private func tags(_ pairs: KeyValuePairs<String, String>) -> [CVM.Tag] {
    pairs.map { CVM.Tag(key: $0.key, value: $0.value) }
}

private let images = [
    Attributed(
        id: "img-aaaa0001", name: "web-3", tags: tags(["env": "prod", "tier": "web"]), imageFamily: "web-base",
        imageDeprecated: true, createdTime: "2025-06-02T08:00:00Z"),
    Attributed(
        id: "img-aaaa0002", name: "web-2", tags: tags(["env": "staging", "tier": "web"]), imageFamily: "web-base",
        imageDeprecated: false, createdTime: "2025-06-01T00:00:00+00:00"),
    Attributed(
        id: "img-aaaa0003", name: "db-1", tags: tags(["env": "prod"]), imageFamily: "db-base",
        imageDeprecated: false, createdTime: "2025-05-31T23:59:59Z"),
    Attributed(id: "img-aaaa0004", name: "bare", tags: nil, imageFamily: nil, imageDeprecated: nil, createdTime: nil),
    // 2025-05-31T22:00:00Z written with a +08:00 offset.
    Attributed(
        id: "img-aaaa0005", name: "east", tags: [], imageFamily: "", imageDeprecated: false,
        createdTime: "2025-06-01T06:00:00+08:00"),
]

/// 2025-06-10T00:00:00Z.
private let now = 1_749_513_600

@Suite struct ImageTermTests {
    private func select(_ words: String...) throws(SelectionError) -> [String] {
        try SelectionSpec(parsing: words, now: now).resolve(in: images)
    }

    private func numbers(_ words: String...) throws(SelectionError) -> [Int] {
        try SelectionSpec(parsing: words, now: now).resolve(in: images).map { Int($0.suffix(1))! }
    }

    @Test func tagsWithAndWithoutValue() throws {
        #expect(try numbers("tag:env=prod") == [1, 3])
        #expect(try numbers("tag:tier") == [1, 2])
        #expect(try numbers("tag:env=staging,tag:env=prod") == [1, 2, 3])
        // Key and value are exact and case-sensitive.
        #expect(throws: SelectionError.noMatches("tag:env=Prod")) { try select("tag:env=Prod") }
        #expect(throws: SelectionError.noMatches("tag:en")) { try select("tag:en") }
        // A value may hold `=`, and may be empty.
        #expect(try SelectionSpec(parsing: ["tag:k=a=b"]).terms == [.image(.tag(key: "k", value: "a=b"))])
        #expect(try SelectionSpec(parsing: ["tag:k="]).terms == [.image(.tag(key: "k", value: ""))])
    }

    @Test func familiesAndDeprecation() throws {
        #expect(try numbers("family:web-base") == [1, 2])
        #expect(try numbers("family:db-base", "1") == [1, 3])
        #expect(try numbers("deprecated") == [1])
        #expect(try numbers("DEPRECATED") == [1])
        #expect(throws: SelectionError.noMatches("family:web")) { try select("family:web") }
    }

    @Test func creationDatesAreWholeUTCDays() throws {
        #expect(try numbers("created<2025-06-01") == [3, 5])
        #expect(try numbers("created<=2025-06-01") == [2, 3, 5])
        #expect(try numbers("created>2025-06-01") == [1])
        #expect(try numbers("created>=2025-06-01") == [1, 2])
        #expect(try numbers("created>=2025-06-02") == [1])
        #expect(throws: SelectionError.noMatches("created<2020-01-01")) { try select("created<2020-01-01") }
    }

    @Test func agesCountBackFromNow() throws {
        // Now is 2025-06-10T00:00Z: 8 days back is 2025-06-02T00:00Z.
        #expect(try numbers("age<8d") == [1])
        #expect(try numbers("age>8d") == [2, 3, 5])
        #expect(try numbers("age>9d") == [3, 5])
        #expect(try numbers("age<200h") == [1])
        #expect(try numbers("age>1w") == [1, 2, 3, 5])
        #expect(throws: SelectionError.noMatches("age<1w")) { try select("age<1w") }
    }

    @Test func termsAddUpWithTheOtherForms() throws {
        #expect(try numbers("deprecated", "name:db-*", "4") == [1, 3, 4])
        #expect(try numbers("all") == [1, 2, 3, 4, 5])
    }

    @Test func latestNeedsItsLookupFirst() throws {
        let spec = try SelectionSpec(parsing: ["latest:web-base", "latest:db-base,latest:web-base"])
        #expect(spec.unresolvedFamilies == ["web-base", "db-base"])
        #expect(throws: SelectionError.unresolvedLatest("latest:web-base")) { try spec.resolve(in: images) }
        let resolved = try spec.resolvingLatest(
            ["web-base": ["img-aaaa0002"], "db-base": ["img-aaaa0003", "img-aaaa0005"]], regions: "ap-nanjing, ap-tokyo"
        )
        #expect(resolved.unresolvedFamilies.isEmpty)
        #expect(try resolved.resolve(in: images) == ["img-aaaa0002", "img-aaaa0003", "img-aaaa0005"])
        #expect(throws: SelectionError.noUsableImage(family: "db-base", region: "ap-nanjing")) {
            try spec.resolvingLatest(["web-base": ["img-aaaa0002"], "db-base": []], regions: "ap-nanjing")
        }
        // An answer that is not in the list (a stale list) is an unknown id.
        let stale = try spec.resolvingLatest(["web-base": ["img-zzzz0009"], "db-base": ["img-aaaa0003"]], regions: "r")
        #expect(throws: SelectionError.unknownImageID("img-zzzz0009")) { try stale.resolve(in: images) }
    }

    @Test(arguments: [
        ("tag:", SelectionError.emptyTag("tag:")),
        ("tag:=prod", .emptyTag("tag:=prod")),
        ("family:", .emptyFamily("family:")),
        ("latest:", .emptyFamily("latest:")),
        ("created<2025-13-01", .badDate("created<2025-13-01")),
        ("created<2025-02-30", .badDate("created<2025-02-30")),
        ("created>yesterday", .badDate("created>yesterday")),
        ("created<", .badDate("created<")),
        ("age>x", .badAge("age>x")),
        ("age>90", .badAge("age>90")),
        ("age<7m", .badAge("age<7m")),
        ("age>-3d", .badAge("age>-3d")),
        ("tga:env=prod", .unknownTerm("tga:env=prod", suggestion: "tag:env=prod")),
        ("Family:web", .unknownTerm("Family:web", suggestion: "family:web")),
        ("latets:web", .unknownTerm("latets:web", suggestion: "latest:web")),
        ("depreceted", .unknownTerm("depreceted", suggestion: "deprecated")),
        ("craeted<2025-01-01", .unknownTerm("craeted<2025-01-01", suggestion: "created<2025-01-01")),
        ("ag>9d", .unknownTerm("ag>9d", suggestion: "age>9d")),
        ("colour:red", .invalidTerm("colour:red")),
        ("size>9", .invalidTerm("size>9")),
    ])
    func malformedTermsSayWhatToWrite(_ term: String, _ error: SelectionError) {
        #expect(throws: error) { try select(term) }
    }

    @Test func messagesAreOneLineWithTheFix() {
        #expect(
            SelectionError.emptyTag("tag:").message == "'tag:' names no tag; write tag:KEY=VALUE or tag:KEY (any value)"
        )
        #expect(
            SelectionError.badDate("created<2025-13-01").message
                == "bad date in 'created<2025-13-01'; write YYYY-MM-DD (UTC), as in created<2025-06-01")
        #expect(
            SelectionError.badAge("age>x").message
                == "bad age in 'age>x'; write a number and d, w or h, as in age>90d or age<12h")
        #expect(
            SelectionError.unknownTerm("tga:env=prod", suggestion: "tag:env=prod").message
                == "invalid selection 'tga:env=prod'; did you mean 'tag:env=prod'?")
        #expect(
            SelectionError.emptyFamily("latest:").message
                == "'latest:' names no family; write latest:NAME, as in latest:web-base")
        #expect(
            SelectionError.noUsableImage(family: "web-base", region: "ap-nanjing").message
                == "family 'web-base' has no usable image in ap-nanjing (NORMAL and not deprecated)")
    }

    @Test func creationBoundsCompareToTheSecond() {
        let bound = CreationBound(.before, 1_748_736_000) // 2025-06-01T00:00:00Z
        #expect(bound.matches("2025-05-31T23:59:59Z"))
        #expect(!bound.matches("2025-06-01T00:00:00Z"))
        #expect(!bound.matches("2025-06-01T00:00:00+00:00"))
        #expect(bound.matches("2025-06-01T07:59:59+08:00"))
        #expect(!bound.matches("2025-06-01T08:00:00+08:00"))
        #expect(!bound.matches(nil))
        #expect(!bound.matches("yesterday"))
        #expect(CreationBound(.notBefore, 1_748_736_000).matches("2025-06-01T00:00:00Z"))
        #expect(CreationBound.midnight(of: "1970-01-01") == 0)
        #expect(CreationBound.midnight(of: "2024-02-29") == 1_709_164_800)
        #expect(CreationBound.midnight(of: "2023-02-29") == nil)
    }
}
