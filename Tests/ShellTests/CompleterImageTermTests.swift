import CVM
import TencentCloud
import Testing

@testable import Shell

/// TAB completion of the image terms from the cached list.
@Suite struct CompleterImageTermTests {
    static let session: Session = {
        var session = Session(endpoint: .official, region: "ap-nanjing", settings: Settings(onError: .continue))
        var web = Image(imageId: "img-0iw2hfoo", imageName: "web-prod-20250514", createdTime: "2025-05-14T00:00:00Z")
        web.tags = [Tag(key: "env", value: "prod"), Tag(key: "tier", value: "web")]
        web.imageFamily = "web-base"
        var db = Image(imageId: "img-y9i2e7lt", imageName: "db-prod", createdTime: "2025-04-01T00:00:00Z")
        db.tags = [Tag(key: "env", value: "staging")]
        db.imageFamily = "db-base"
        session.images = ImageCache(region: "ap-nanjing", images: [web, db], fetched: .distantPast)
        return session
    }()

    func candidates(_ line: String) -> [String] {
        Completer.complete(line: line, cursor: line.count, session: Self.session) { _ in nil }.candidates
    }

    @Test func tagsFamiliesAndKeywordsFromTheList() {
        #expect(candidates("select tag:e") == ["tag:env", "tag:env=prod", "tag:env=staging"])
        #expect(candidates("select tag:tier=") == ["tag:tier=web"])
        #expect(candidates("select family:") == ["family:db-base", "family:web-base"])
        #expect(candidates("shared latest:w") == ["latest:web-base"])
        #expect(candidates("unselect dep") == ["deprecated"])
        #expect(candidates("select ").prefix(6) == ["all", "none", "deprecated", "tag:", "family:", "latest:"])
    }
}
