import CVM
import Foundation
import Testing

@testable import Shell

@Suite struct BatchPlannerTests {
    static let own = "100012345678"
    static let a = "100087654321"
    static let b = "100011110001"

    static let cache = ImageCache(
        region: "ap-nanjing",
        images: [
            Image(imageId: "img-normal"), Image(imageId: "img-known"),
            Image(imageId: "img-creating", imageState: "CREATING"),
            Image(imageId: "img-byol", licenseType: "BYOL"),
            Image(imageId: "img-shared", imageType: "SHARED_IMAGE"),
            Image(imageId: "img-full"),
        ], fetched: Date())

    @Test func sharePlanSkipsWithReasonsAndUsesKnownLists() {
        let full = (0..<499).map { SharePermission(accountId: String(200_000_000_000 + $0)) }
        let plan = SharePlanner.share(
            selection: ["img-normal", "img-known", "img-creating", "img-byol", "img-shared", "img-full", "img-gone"],
            accounts: [Self.a, Self.own, Self.b], images: Self.cache, ownAccountId: Self.own,
            shares: ["img-known": [SharePermission(accountId: Self.a)], "img-full": full])

        #expect(plan.accounts == [Self.a, Self.b])
        #expect(plan.warnings.count == 1 && plan.warnings[0].contains(Self.own))
        let byId = Dictionary(uniqueKeysWithValues: plan.images.map { ($0.imageId, $0) })
        #expect(byId["img-normal"]?.change == [Self.a, Self.b])
        #expect(byId["img-known"]?.change == [Self.b])
        #expect(byId["img-known"]?.settled == [Self.a: .alreadyPresent])
        #expect(byId["img-creating"]?.skipReason == .notNormal(state: "CREATING"))
        #expect(byId["img-byol"]?.skipReason == .byol)
        #expect(byId["img-shared"]?.skipReason == .notOwnImage(type: "SHARED_IMAGE"))
        #expect(byId["img-full"]?.skipReason == .overQuota(existing: 499, adding: 2))
        #expect(byId["img-gone"]?.skipReason == .notListed)
        #expect(plan.images.allSatisfy { $0.settled[Self.own] == nil && !$0.change.contains(Self.own) })
        #expect(
            plan.calls == [
                PlannedCall(imageId: "img-normal", accountIds: [Self.a, Self.b], permission: .share),
                PlannedCall(imageId: "img-known", accountIds: [Self.b], permission: .share),
            ])
        #expect(
            plan.callLines[0]
                == "ModifyImageSharePermission ImageId=img-normal AccountIds=\(Self.a),\(Self.b) Permission=SHARE")
        #expect(plan.pairCount == 14)
    }

    @Test func unsharePlanReadsUnknownListsAndReportsNotPresent() {
        let plan = SharePlanner.unshare(
            selection: ["img-normal", "img-known", "img-creating"], accounts: [Self.a, Self.b], images: Self.cache,
            ownAccountId: Self.own, shares: ["img-known": [SharePermission(accountId: Self.a)]])
        let byId = Dictionary(uniqueKeysWithValues: plan.images.map { ($0.imageId, $0) })
        #expect(byId["img-normal"]?.readFirst == true)
        #expect(byId["img-normal"]?.change == [Self.a, Self.b])
        #expect(byId["img-known"]?.change == [Self.a])
        #expect(byId["img-known"]?.settled == [Self.b: .notPresent])
        #expect(byId["img-creating"]?.skipReason == .notNormal(state: "CREATING"))

        let all = SharePlanner.unshare(
            selection: ["img-known", "img-byol"], accounts: nil, images: Self.cache, ownAccountId: Self.own,
            shares: [
                "img-known": [SharePermission(accountId: Self.a), SharePermission(accountId: Self.b)], "img-byol": [],
            ])
        #expect(all.calls == [PlannedCall(imageId: "img-known", accountIds: [Self.a, Self.b], permission: .cancel)])
    }

    @Test func undoAndResumePlansComeFromTheJournal() throws {
        let plan = SharePlanner.share(
            selection: ["img-normal", "img-known", "img-byol"], accounts: [Self.a, Self.b], images: Self.cache,
            ownAccountId: Self.own, shares: ["img-known": [SharePermission(accountId: Self.a)]])
        var start = JournalRecord(kind: .batch, batch: "b1")
        start.region = plan.region
        start.operation = plan.operation
        start.plan = plan
        var image = JournalRecord(kind: .image, batch: "b1")
        image.image = "img-known"
        image.outcomes = [Self.a: .alreadyPresent, Self.b: .shared]
        var send = JournalRecord(kind: .send, batch: "b1")
        send.image = "img-normal"
        send.accounts = [Self.a, Self.b]
        let lines = try [start, image, send].map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) }
        let batch = try #require(JournalReader.parse(Data((lines.joined(separator: "\n") + "\n").utf8)).batches.first)
        #expect(!batch.isComplete)
        #expect(batch.sent["img-normal"] == [Self.a, Self.b])

        let resume = SharePlanner.resume(batch)
        // The recorded image is done; the skipped one only needs its record, without a read.
        #expect(resume.images.map(\.imageId) == ["img-normal", "img-byol"])
        #expect(resume.images[0].readFirst && resume.images[0].maybeApplied == [Self.b, Self.a].sorted())
        #expect(!resume.images[1].readFirst && resume.images[1].skipReason == .byol)

        let undo = SharePlanner.undo(batch)
        #expect(undo.operation == .unshare)
        #expect(undo.calls == [PlannedCall(imageId: "img-known", accountIds: [Self.b], permission: .cancel)])
    }
}
