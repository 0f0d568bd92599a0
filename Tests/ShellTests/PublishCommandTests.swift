import CVM
import CVMEmulator
import Foundation
import Testing

@testable import Shell

@Suite struct PublishCommandTests {
    static let partners = EmulatorState.partnerAccountIds

    @Test(arguments: [false, true])
    func copiesAndSharesTheSourcesAndEveryCopy(sourceSyncing: Bool) async throws {
        var options = SyncCommandTests.options(copySeconds: 1)
        options.sourceSyncing = sourceSyncing
        try await ShellHarness.with(options) { harness in
            let ids = await SyncCommandTests.copiable(harness, 2, unshared: true).map(\.imageId)
            let script = "select \(ids.joined(separator: ","))\npublish ap-tokyo,ap-singapore \(Self.partners[1]) -y"
            #expect(await harness.run(script) == .completed)
            for id in ids { #expect(await harness.emulator.shares(of: id, region: "ap-nanjing") == [Self.partners[1]]) }
            let records = try harness.interpreter.copyRecords()
            for region in ["ap-tokyo", "ap-singapore"] {
                let copies = ids.compactMap { id in records.copies(of: id).first { $0.region == region }?.copy }
                #expect(copies.count == 2)
                for copy in copies {
                    #expect(await harness.emulator.shares(of: copy, region: region) == [Self.partners[1]])
                }
                #expect(harness.console.diagnostics.contains("publish: \(region): 2 images shared with 1 account"))
            }
            // One share batch over the three regions; undo reverses all of it and keeps the copies.
            let batches = try harness.journal().batches
            #expect(batches.count == 1)
            #expect(batches.first?.imageIds.count == 6)
            harness.console.clear()
            #expect(await harness.run("region ap-nanjing,ap-tokyo,ap-singapore\nundo -y") == .completed)
            #expect(harness.console.diagnostics.contains { $0.contains("the copies remain") })
            #expect(await harness.emulator.shares(of: ids[0], region: "ap-nanjing").isEmpty)
            let copies = ids.compactMap { id in records.copies(of: id).first { $0.region == "ap-singapore" }?.copy }
            for copy in copies { #expect(await harness.emulator.shares(of: copy, region: "ap-singapore").isEmpty) }
            #expect(await harness.ownImages(region: "ap-singapore").filter { copies.contains($0.imageId) }.count == 2)
            // Every share is journaled, and publish again finds the copies (no new copy).
            #expect(try harness.journal().batches.allSatisfy(\.isComplete))
            #expect(await harness.run("region ap-nanjing\n" + script) == .completed)
            #expect(await harness.calls("SyncImages").count == 2)
        }
    }

    @Test func dryRunSendsNothing() async throws {
        try await ShellHarness.with(SyncCommandTests.options()) { harness in
            let id = try #require(await SyncCommandTests.copiable(harness, 1).first).imageId
            #expect(await harness.run("select \(id)\npublish ap-tokyo \(Self.partners[1]) --dry-run") == .completed)
            #expect(await harness.calls("SyncImages").isEmpty)
            #expect(await harness.calls("ModifyImageSharePermission").isEmpty)
            #expect(harness.console.output.contains("SyncImages Region=ap-nanjing ImageIds=\(id)"))
        }
    }

    /// A publish share batch cut short while a copy was SYNCING: `resume` waits for the copy to
    /// be NORMAL before sharing it (sending at once would be refused for its state).
    @Test func resumeOfAPublishBatchWaitsForTheCopies() async throws {
        try await ShellHarness.with(SyncCommandTests.options(copySeconds: 2)) { harness in
            let id = try #require(await SyncCommandTests.copiable(harness, 1).first).imageId
            #expect(await harness.run("select \(id)\nsync ap-tokyo -y") == .completed)
            let copy = try #require(try harness.interpreter.copyRecords().copies(of: id).first).copy
            let plan = SharePlan(
                operation: .share, region: "ap-tokyo", accounts: [Self.partners[1]],
                images: [ImagePlan(imageId: copy, change: [Self.partners[1]])])
            var first = JournalRecord(kind: .batch, batch: "b2-cut")
            first.region = "ap-tokyo"
            first.operation = .share
            first.images = [copy]
            first.accounts = plan.accounts
            first.plan = plan
            try await Journal.open(path: harness.journalPath).append(first)
            #expect(await harness.emulator.state().image(copy, region: "ap-tokyo")?.imageState == "SYNCING")
            #expect(await harness.run("region ap-tokyo\nresume -y") == .completed)
            #expect(await harness.emulator.shares(of: copy, region: "ap-tokyo") == [Self.partners[1]])
            #expect(await harness.calls("ModifyImageSharePermission").allSatisfy { $0.errorCode == nil })
        }
    }

    @Test func pollsFollowTheCopysProgress() {
        let poll = Interpreter.nextPoll(after:percent:gained:)
        // 10 points in 2 s and at 50 %: about 10 s left, so look again in 5 s.
        #expect(poll(.seconds(2), 50, 10) == .seconds(5))
        // Nearly done: soon, but never sooner than half a second.
        #expect(poll(.seconds(1), 99, 9) == .milliseconds(500))
        // Far to go: at most every 10 s.
        #expect(poll(.seconds(1), 5, 1) == .seconds(10))
        // No progress seen (no percentage, the first look, none gained): back off by half, up to 10 s.
        #expect(poll(.seconds(2), nil, nil) == .seconds(3))
        #expect(poll(.seconds(2), 40, nil) == .seconds(3))
        #expect(poll(.seconds(8), 30, 0) == .seconds(10))
    }
}
