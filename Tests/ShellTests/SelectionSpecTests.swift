import Testing

@testable import Shell

private struct Image: SelectableImage {
    var id: String
    var name: String
}

private let images = [
    Image(id: "img-aaaa0001", name: "web-01"),
    Image(id: "img-aaaa0002", name: "web-02"),
    Image(id: "img-aaaa0003", name: "db-primary"),
    Image(id: "img-aaaa0004", name: "数据库-备份"),
    Image(id: "img-aaaa0005", name: "ウェブ-本番"),
]

@Suite struct SelectionSpecTests {
    private func select(_ words: String...) throws(SelectionError) -> [String] {
        try SelectionSpec(parsing: words).resolve(in: images)
    }

    @Test func indicesAndRangesResolveToIDsInListOrder() throws {
        #expect(try select("3,1") == ["img-aaaa0001", "img-aaaa0003"])
        #expect(try select("1", "3") == ["img-aaaa0001", "img-aaaa0003"])
        #expect(try select("2-4") == ["img-aaaa0002", "img-aaaa0003", "img-aaaa0004"])
        #expect(try select("5,2-3,2") == ["img-aaaa0002", "img-aaaa0003", "img-aaaa0005"])
        #expect(try select("4-4") == ["img-aaaa0004"])
    }

    @Test func allAndNone() throws {
        #expect(try select("all") == images.map(\.id))
        #expect(try select("ALL") == images.map(\.id))
        #expect(try select("none") == [])
        #expect(try SelectionSpec(parsing: ["all"]).resolve(in: [Image]()) == [])
    }

    @Test func imageIDs() throws {
        #expect(try select("img-aaaa0005,img-aaaa0001") == ["img-aaaa0001", "img-aaaa0005"])
        #expect(throws: SelectionError.unknownImageID("img-zzzz9999")) { try select("1", "img-zzzz9999") }
        #expect(throws: SelectionError.invalidTerm("img-")) { try select("img-") }
        #expect(throws: SelectionError.invalidTerm("img-AB;x")) { try select("img-AB;x") }
    }

    @Test func nameGlobs() throws {
        #expect(try select("name:web-*") == ["img-aaaa0001", "img-aaaa0002"])
        #expect(try select("name:web-0[2-9]") == ["img-aaaa0002"])
        #expect(try select("name:数据库-*") == ["img-aaaa0004"])
        #expect(try select("name:ウェブ-??") == ["img-aaaa0005"])
        #expect(try select("name:*-0[1,2]", "3") == ["img-aaaa0001", "img-aaaa0002", "img-aaaa0003"])
        #expect(throws: SelectionError.noNameMatches("nothing*")) { try select("name:nothing*") }
        #expect(throws: SelectionError.invalidTerm("name:")) { try select("name:") }
    }

    @Test func outOfRangeIsAnErrorNamingIndexAndRange() {
        #expect(throws: SelectionError.indexOutOfRange("6", count: 5)) { try select("1,6") }
        #expect(throws: SelectionError.indexOutOfRange("0", count: 5)) { try select("0") }
        #expect(throws: SelectionError.indexOutOfRange("4-9", count: 5)) { try select("4-9") }
        #expect(throws: SelectionError.indexOutOfRange("99999999999999999999999", count: 5)) {
            try select("99999999999999999999999")
        }
        #expect(SelectionError.indexOutOfRange("6", count: 5).message == "index '6' is out of range (1-5)")
        #expect(throws: SelectionError.indexOutOfRange("1", count: 0)) {
            try SelectionSpec(parsing: ["1"]).resolve(in: [Image]())
        }
    }

    @Test func reversedRangeIsAnError() {
        #expect(throws: SelectionError.reversedRange("4-2")) { try select("4-2") }
        #expect(SelectionError.reversedRange("9-2").message == "reversed range '9-2'; write the lower index first")
    }

    @Test(arguments: ["web", "-1", "1-", "-", "1-2-3", "1..3", "+1", "1.5", "²", "１"])
    func invalidTerms(_ term: String) {
        #expect(throws: SelectionError.invalidTerm(term)) { try select(term) }
    }

    @Test func emptySpec() {
        #expect(throws: SelectionError.empty) { try select() }
        #expect(throws: SelectionError.empty) { try select(",", ",,") }
    }

    @Test func positionsAreZeroBasedAndUnionEveryTerm() throws {
        #expect(Array(try SelectionSpec(parsing: ["5,2-3", "img-aaaa0001"]).positions(in: images)) == [0, 1, 2, 4])
        #expect(Array(try SelectionSpec(parsing: ["name:*-本番,3"]).positions(in: images)) == [2, 4])
        #expect(Array(try SelectionSpec(parsing: ["all"]).positions(in: images)) == [0, 1, 2, 3, 4])
        #expect(try SelectionSpec(parsing: ["none"]).positions(in: images).isEmpty)
        // A caller's index is used instead of a scan when given.
        #expect(Array(try SelectionSpec(parsing: ["img-x"]).positions(in: images, position: { _ in 3 })) == [3])
        #expect(throws: SelectionError.unknownImageID("img-zzzz9999")) {
            try SelectionSpec(parsing: ["img-zzzz9999"]).positions(in: images)
        }
        #expect(throws: SelectionError.indexOutOfRange("9", count: 5)) {
            try SelectionSpec(parsing: ["1,9"]).positions(in: images)
        }
    }

    @Test func parsedTerms() throws {
        #expect(
            try SelectionSpec(parsing: ["1,2-9", "all", "none", "img-x1", "name:a*"]).terms == [
                .index(1), .range(2...9), .all, .none, .imageID("img-x1"), .name(Glob("a*")),
            ])
    }
}
