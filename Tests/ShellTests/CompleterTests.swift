import CVM
import TencentCloud
import Testing

@testable import Shell

/// TAB completion, with the cursor marked by `|` in each fixture line.
@Suite struct CompleterTests {
    static let session: Session = {
        var session = Session(endpoint: .official, region: "ap-nanjing", settings: Settings(onError: .continue))
        session.regions = [
            RegionInfo(region: "ap-guangzhou"), RegionInfo(region: "ap-nanjing"), RegionInfo(region: "ap-shanghai"),
        ]
        session.images = ImageCache(
            region: "ap-nanjing",
            images: [
                Image(imageId: "img-0iw2hfoo", imageName: "web-prod-20250514", createdTime: "2025-05-14T00:00:00Z"),
                Image(imageId: "img-0kt6h8dx", imageName: "ウェブサーバー-本番", createdTime: "2025-05-01T00:00:00Z"),
                Image(imageId: "img-y9i2e7lt", imageName: "db prod", createdTime: "2025-04-01T00:00:00Z"),
            ], fetched: .distantPast)
        session.aliases = ["partners": ["100087654321"], "prod": ["100011110001"]]
        session.shares = ["img-0iw2hfoo": [SharePermission(accountId: "100011110002")]]
        return session
    }()

    /// Completes `fixture` (with `|` at the cursor) and returns (replaced text, candidates).
    func complete(_ fixture: String, files: [String: [String]] = [:]) -> (word: String, candidates: [String]) {
        let cursor = fixture.distance(from: fixture.startIndex, to: fixture.firstIndex(of: "|")!)
        let line = fixture.replacingOccurrences(of: "|", with: "")
        let completion = Completer.complete(line: line, cursor: cursor, session: Self.session) { files[$0] }
        let start = line.index(line.startIndex, offsetBy: completion.replaceStart)
        let end = line.index(line.startIndex, offsetBy: cursor)
        return (String(line[start..<end]), completion.candidates)
    }

    @Test func afterARedirectionFileNamesAndAfterAPipeNothing() {
        let files = [".": ["report.tsv", "notes/"]]
        let complete = { (line: String) in
            Completer.complete(line: line, cursor: line.count, session: Self.session) { files[$0] }.candidates
        }
        #expect(complete("shared > rep") == ["report.tsv"])
        #expect(complete("journal >> ") == ["notes/", "report.tsv"])
        #expect(complete("ls | gr").isEmpty)
        #expect(complete("!ls ").isEmpty)
        #expect(complete("ls --sh") == ["--shared-with-me"])
    }

    @Test func commandNames() {
        #expect(complete("sh|").candidates == ["share", "shared"])
        #expect(complete("|").candidates.contains("select"))
        #expect(complete("ls; sel|") == ("sel", ["select"]))
        #expect(complete("xyz|").candidates.isEmpty)
    }

    @Test func flagsOfTheCommand() {
        #expect(complete("ls --re|").candidates == ["--refresh"])
        #expect(complete("share 100087654321 --d|").candidates == ["--dry-run"])
    }

    @Test func regionsFromTheCachedList() {
        #expect(complete("region ap-|").candidates == ["ap-guangzhou", "ap-nanjing", "ap-shanghai"])
        #expect(complete("region ap-g|").candidates == ["ap-guangzhou"])
        // A set of regions: the next word completes too.
        #expect(complete("region ap-nanjing ap-g|").candidates == ["ap-guangzhou"])
    }

    @Test func imageIdsNumbersAndNameGlobs() {
        #expect(complete("select img-0|").candidates == ["img-0iw2hfoo", "img-0kt6h8dx"])
        #expect(complete("select 1,|").candidates == ["1,1", "1,2", "1,3"])
        #expect(complete("select 1,2|").candidates == ["1,2"])
        #expect(complete("select |").candidates.prefix(2) == ["all", "none"])
        #expect(complete("select name:web|").candidates == ["name:web-prod-20250514"])
        #expect(complete("select name:ウェ|").candidates == ["name:ウェブサーバー-本番"])
    }

    @Test func wordsThatNeedQuotesComeBackQuoted() {
        let (_, candidates) = complete("select name:db|")
        #expect(candidates == ["'name:db prod'"])
        let (word, quoted) = complete("select 'name:db|")
        #expect(word == "'name:db")
        #expect(quoted == ["'name:db prod'"])
    }

    @Test func accountsSeenAndAliases() {
        #expect(complete("share @|").candidates == ["@partners", "@prod", "@org"])
        #expect(complete("share 1000|").candidates == ["100011110001", "100011110002", "100087654321"])
        #expect(complete("unalias p|").candidates == ["partners", "prod"])
    }

    @Test func setKeysAndValues() {
        #expect(complete("set o|").candidates == ["output", "on_error"])
        #expect(complete("set output |").candidates == ["table", "tsv", "csv", "json"])
        #expect(complete("set confirm o|").candidates == ["on", "off"])
    }

    @Test func fileNamesAfterSource() {
        let files = [".": ["deploy.cvmsh", "docs"], "scripts/": ["a.cvmsh", "b.cvmsh"]]
        #expect(complete("source d|", files: files).candidates == ["deploy.cvmsh", "docs"])
        #expect(complete("source scripts/a|", files: files).candidates == ["scripts/a.cvmsh"])
    }

    @Test func nothingInsideAComment() {
        #expect(complete("ls # sel|").candidates.isEmpty)
    }

    @Test func scriptLinePrefixesAreSeenThrough() {
        #expect(complete("-region ap-s|").candidates == ["ap-shanghai"])
    }
}

@Suite struct SensitiveLineTests {
    @Test(arguments: [
        "login", "  login", "-login", "ls; login", "echo AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
        "echo Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "set secret_key x", "echo $TENCENTCLOUD_SECRET_KEY",
    ])
    func linesThatMayHoldKeysAreNotStored(_ line: String) {
        #expect(!SensitiveLine.isSafeToStore(line))
    }

    @Test(arguments: [
        "ls", "select img-0iw2hfoo img-0kt6h8dx", "share 100087654321,100011110001 -y",
        "select name:web-prod-20250514-release",
        "region ap-nanjing", "echo ウェブサーバー-本番", "source release-2026-11-29.cvmsh",
    ])
    func ordinaryLinesAreStored(_ line: String) {
        #expect(SensitiveLine.isSafeToStore(line))
    }
}
