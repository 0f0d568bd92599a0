import CVMEmulator
import Foundation
import TestSupport
import Testing

@testable import Shell

/// A session over several regions (`region a,b`): one list numbered across them, selections
/// over it, and one share batch (one plan, one journal batch) whose pairs carry their region.
@Suite struct MultiRegionTests {
    static let partner = EmulatorState.partnerAccountIds[1]
    static let pair = ["ap-guangzhou", "ap-shanghai"]

    /// The rows of a JSON table the shell printed.
    static func rows(_ shell: ShellHarness) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(shell.console.output.utf8))
        return try #require(json as? [[String: Any]])
    }

    @Test func aRegionSetIsCheckedAndKeptInTheOrderGiven() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("region ap-shanghai, ap-guangzhou,ap-shanghai") == .completed)
            #expect(shell.interpreter.session.regionSet == ["ap-shanghai", "ap-guangzhou"])
            #expect(shell.interpreter.session.regionLabel == "ap-shanghai+1")
            shell.console.clear()
            #expect(await shell.run("region") == .completed)
            #expect(shell.console.output == "ap-shanghai,ap-guangzhou\n")
            shell.console.clear()
            #expect(await shell.run("set output json\nstatus") == .completed)
            let status = try JSONSerialization.jsonObject(with: Data(shell.console.output.utf8)) as? [String: Any]
            #expect(status?["regions"] as? [String] == ["ap-shanghai", "ap-guangzhou"])
            #expect(status?["region"] as? String == "ap-shanghai")

            // One unknown region: an error with a suggestion, and nothing changes.
            #expect(await shell.run("region ap-tokyo,ap-guangzho") != .completed)
            let error = shell.console.errors.last ?? ""
            #expect(error.contains("unknown region 'ap-guangzho'; did you mean 'ap-guangzhou'?"), "\(error)")
            #expect(shell.interpreter.session.regionSet == ["ap-shanghai", "ap-guangzhou"])

            #expect(await shell.run("region all") == .completed)
            let all = await shell.emulator.state().regions.map(\.region).sorted()
            #expect(shell.interpreter.session.regionSet == all)
            #expect(all.count > 2)

            #expect(await shell.run("region ap-nanjing") == .completed)
            #expect(shell.interpreter.session.regionSet == ["ap-nanjing"])
            #expect(shell.interpreter.session.regionLabel == "ap-nanjing")
        }
    }

    @Test func lsNumbersEveryRegionOnceWithARegionColumn() async throws {
        try await ShellHarness.with { shell in
            let guangzhou = Set(await shell.ownImages(region: "ap-guangzhou").map(\.imageId))
            let shanghai = Set(await shell.ownImages(region: "ap-shanghai").map(\.imageId))
            #expect(await shell.run("region ap-guangzhou ap-shanghai\nset output json\nls") == .completed)
            let rows = try Self.rows(shell)
            #expect(rows.count == guangzhou.count + shanghai.count)
            #expect(rows.map { $0["index"] as? Int } == Array(1...rows.count))
            let first = rows.prefix(guangzhou.count)
            let rest = rows.dropFirst(guangzhou.count)
            #expect(first.allSatisfy { $0["region"] as? String == "ap-guangzhou" })
            #expect(rest.allSatisfy { $0["region"] as? String == "ap-shanghai" })
            #expect(Set(first.compactMap { $0["image_id"] as? String }) == guangzhou)
            #expect(Set(rest.compactMap { $0["image_id"] as? String }) == shanghai)
            // Both regions were listed (DescribeImages in each).
            let listed = Set(await shell.calls("DescribeImages").compactMap(\.region))
            #expect(listed.isSuperset(of: Self.pair))

            // One region: the list as before, without a REGION column.
            shell.console.clear()
            #expect(await shell.run("region ap-shanghai\nls") == .completed)
            let single = try Self.rows(shell)
            #expect(single.count == shanghai.count)
            #expect(single.allSatisfy { $0["region"] == nil })
        }
    }

    @Test func selectWorksOnTheCombinedList() async throws {
        try await ShellHarness.with { shell in
            #expect(await shell.run("region ap-guangzhou,ap-shanghai\nset output json\nls") == .completed)
            let ids = try Self.rows(shell).compactMap { $0["image_id"] as? String }
            let count = await shell.ownImages(region: "ap-guangzhou").count
            let span = "\(count - 1)-\(count + 2)"
            #expect(await shell.run("select \(span)") == .completed)
            #expect(shell.interpreter.session.selection.ids == Array(ids[(count - 2)...(count + 1)]))
            #expect(await shell.run("unselect \(count + 2),\(ids[count - 2])") == .completed)
            #expect(shell.interpreter.session.selection.ids == [ids[count - 1], ids[count]])
            shell.console.clear()
            #expect(await shell.run("select") == .completed)
            let shown = try Self.rows(shell)
            #expect(shown.map { $0["region"] as? String } == ["ap-guangzhou", "ap-shanghai"])
            #expect(shown.map { $0["index"] as? Int } == [count, count + 1])
        }
    }

    /// The first NORMAL, shareable image of each region of ``pair``.
    static func shareable(_ shell: ShellHarness) async -> [String] {
        var ids: [String] = []
        for region in pair {
            if let image = await shell.ownImages(region: region).first(where: \.shareable) { ids.append(image.imageId) }
        }
        return ids
    }

    @Test func oneBatchSharesAcrossTwoRegionsAndUndoesAndRedoes() async throws {
        try await ShellHarness.with { shell in
            let ids = await Self.shareable(shell)
            try #require(ids.count == 2)
            let select = "region ap-guangzhou,ap-shanghai\nselect \(ids.joined(separator: ","))"
            #expect(await shell.run("\(select)\nshare \(Self.partner) --dry-run") == .completed)
            let plan = shell.console.diagnostics.joined(separator: "\n")
            #expect(plan.contains("share 1 account on 2 images in 2 regions (ap-guangzhou, ap-shanghai)"), "\(plan)")
            #expect(plan.contains("  share 1 account on 1 image in ap-guangzhou: 1 change in 1 call"), "\(plan)")
            #expect(plan.contains("  share 1 account on 1 image in ap-shanghai: 1 change in 1 call"), "\(plan)")
            #expect(shell.console.output.contains("ModifyImageSharePermission Region=ap-shanghai ImageId=\(ids[1])"))
            #expect(await shell.changes().isEmpty)

            shell.console.clear()
            #expect(await shell.run("share \(Self.partner) -y") == .completed, "\(shell.console.errors)")
            #expect(await shell.shareState(region: "ap-guangzhou")[ids[0]]?.contains(Self.partner) == true)
            #expect(await shell.shareState(region: "ap-shanghai")[ids[1]]?.contains(Self.partner) == true)
            let sent = await shell.calls("ModifyImageSharePermission").compactMap(\.region)
            #expect(sent.sorted() == Self.pair)
            #expect(shell.console.output.contains("ap-guangzhou 1 shared, 0 failed; ap-shanghai 1 shared, 0 failed"))

            // One journal batch over both regions; its records name their image's region.
            let batch = try #require(try shell.journal().batches.last)
            #expect(batch.regions == Self.pair)
            #expect(batch.counts == [.shared: 2])
            let lines = try String(contentsOfFile: shell.journalPath, encoding: .utf8).split(separator: "\n")
            let records = try lines.map { try JSONDecoder().decode(JournalRecord.self, from: Data($0.utf8)) }
            #expect(records.first { $0.kind == .batch }?.regions == Self.pair)
            for record in records where record.kind == .image {
                #expect(record.region == (record.image == ids[0] ? "ap-guangzhou" : "ap-shanghai"))
            }

            // `shared` and `journal` over the set.
            shell.console.clear()
            #expect(await shell.run("set output json\nshared --refresh") == .completed)
            let shared = try Self.rows(shell)
            #expect(shared.map { $0["region"] as? String } == Self.pair)
            #expect(shared.allSatisfy { ($0["accounts"] as? [String])?.contains(Self.partner) == true })
            shell.console.clear()
            #expect(await shell.run("journal") == .completed)
            #expect(try Self.rows(shell).last?["region"] as? String == "ap-guangzhou,ap-shanghai")
            #expect(await shell.run("set output table") == .completed)

            // Undo and redo need the batch's regions in the session, and cover both.
            #expect(await shell.run("region ap-guangzhou\nundo -y") != .completed)
            let error = shell.console.errors.last ?? ""
            #expect(error.contains("run `region ap-guangzhou,ap-shanghai` first"), "\(error)")
            #expect(
                await shell.run("region ap-shanghai,ap-guangzhou\nundo -y") == .completed, "\(shell.console.errors)")
            #expect(await shell.shareState(region: "ap-guangzhou")[ids[0]]?.contains(Self.partner) == false)
            #expect(await shell.shareState(region: "ap-shanghai")[ids[1]]?.contains(Self.partner) == false)
            #expect(await shell.run("redo -y") == .completed, "\(shell.console.errors)")
            #expect(await shell.shareState(region: "ap-guangzhou")[ids[0]]?.contains(Self.partner) == true)
            #expect(await shell.shareState(region: "ap-shanghai")[ids[1]]?.contains(Self.partner) == true)
        }
    }

    @Test func resumeFinishesABatchOverTwoRegions() async throws {
        try await ShellHarness.with { shell in
            let ids = await Self.shareable(shell)
            try #require(ids.count == 2)
            // A batch that started and never ended, as a killed shell leaves it.
            let plan = SharePlan(
                operation: .share, region: Self.pair[0], accounts: [Self.partner],
                images: zip(ids, Self.pair).map { ImagePlan(imageId: $0, region: $1, change: [Self.partner]) })
            var start = JournalRecord(kind: .batch, batch: "b-killed")
            start.region = plan.region
            start.regions = plan.regions
            start.operation = .share
            start.plan = plan
            try await Journal.open(path: shell.journalPath).append(start)
            #expect(
                await shell.run("region ap-guangzhou,ap-shanghai\nresume -y") == .completed, "\(shell.console.errors)")
            #expect(await shell.shareState(region: "ap-guangzhou")[ids[0]]?.contains(Self.partner) == true)
            #expect(await shell.shareState(region: "ap-shanghai")[ids[1]]?.contains(Self.partner) == true)
            #expect(try shell.journal().batches.last?.isComplete == true)
        }
    }

    @Test func theEngineTakesTheRegionsInTurnAndMergedPlansKeepTheirRegions() throws {
        let nanjing = SharePlan(
            operation: .share, region: "ap-nanjing", accounts: ["1"],
            images: ["a", "b", "c"].map { ImagePlan(imageId: $0, change: ["1"]) })
        let tokyo = SharePlan(
            operation: .share, region: "ap-tokyo", accounts: ["2"], images: [ImagePlan(imageId: "d", change: ["2"])])
        let merged = try #require(SharePlan.merged([nanjing, tokyo]))
        #expect(merged.regions == ["ap-nanjing", "ap-tokyo"])
        #expect(merged.accounts == ["1", "2"])
        #expect(merged.images.map(\.region) == ["ap-nanjing", "ap-nanjing", "ap-nanjing", "ap-tokyo"])
        #expect(
            merged.sections
                == [nanjing, tokyo].map {
                    var plan = $0
                    plan.accounts = ["1", "2"]
                    return plan
                })
        let order = BatchEngine.interleaved(merged.images) { merged.region(of: $0) }
        #expect(order.map(\.imageId) == ["a", "d", "b", "c"])
        #expect(SharePlan.merged([nanjing]) == nanjing)
        #expect(SharePlan.merged([]) == nil)
    }

    @Test func aJournalFromBeforeRegionSetsReadsAsOneRegion() throws {
        let line = """
            {"type":"batch","batch":"b1","time":"2026-01-01T00:00:00Z","region":"ap-nanjing","operation":"share",\
            "plan":{"operation":"share","region":"ap-nanjing","accounts":["100011110001"],"warnings":[],\
            "images":[{"imageId":"img-1","change":["100011110001"],"settled":{},"readFirst":false,"maybeApplied":[]}]}}
            """
        let record = try JSONDecoder().decode(JournalRecord.self, from: Data(line.utf8))
        let plan = try #require(record.plan)
        #expect(plan.regions == ["ap-nanjing"])
        #expect(plan.images[0].region == nil)
        #expect(plan.sections == [plan])
        #expect(plan.region(of: plan.images[0]) == "ap-nanjing")
    }
}
