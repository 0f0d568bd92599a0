import CVM
import CVMEmulator
import Foundation
import Testing

@testable import Shell

/// `audit --allow` and `unshare --not-in` against the demo data, where one image is shared with
/// partner 5, who is outside the demo organization.
@Suite struct AuditTests {
    static let outsider = EmulatorState.partnerAccountIds[4]

    /// The demo image shared with the outsider, and when.
    static func outsiderShare(_ harness: ShellHarness) async -> (String, String) {
        let image = await harness.ownImages().first { $0.shares.contains { $0.accountId == outsider } }!
        return (image.imageId, image.shares.first { $0.accountId == outsider }!.createdTime)
    }

    @Test func aShareOutsideTheAllowedAccountsFailsTheScriptAndIsReported() async throws {
        try await ShellHarness.with { harness in
            let (id, since) = await Self.outsiderShare(harness)
            #expect(await harness.run("audit --allow @org") == .stopped(.scriptStopped))
            let rows = harness.console.output.split(separator: "\n").filter { $0.contains(Self.outsider) }
            #expect(rows.count == 1)
            #expect(rows.first?.contains(id) == true && rows.first?.contains(since) == true)
            #expect(rows.first?.contains(EmulatorState.demoRegion) == true)
            #expect(
                harness.console.errors.last?.contains("audit: 1 share of 1 image to accounts outside --allow") == true)
            let images = await harness.ownImages().count
            #expect(await harness.calls("DescribeImageSharePermission").count == images)
        }
    }

    @Test func aCleanAuditSucceedsWithOneLine() async throws {
        try await ShellHarness.with { harness in
            #expect(await harness.run("audit --allow @org,\(Self.outsider)") == .completed)
            let images = await harness.ownImages()
            let shares = images.reduce(0) { $0 + $1.shares.count }
            #expect(
                harness.console.output
                    == "audit: \(images.count) images in ap-nanjing, \(shares) shares; "
                    + "every share is to an allowed account\n")
        }
    }

    @Test func aSpecNarrowsTheAuditAndCSVReportsIt() async throws {
        try await ShellHarness.with { harness in
            let (id, since) = await Self.outsiderShare(harness)
            #expect(await harness.run("set output csv\naudit \(id) --allow 100087654321") == .stopped(.scriptStopped))
            #expect(
                harness.console.output
                    == "image_id,name,region,account_id,since\r\n"
                    + "\(id),\(await harness.ownImages().first { $0.imageId == id }!.imageName),ap-nanjing,"
                    + "\(Self.outsider),\(since)\r\n")
            #expect(await harness.calls("DescribeImageSharePermission").count == 1)
        }
    }

    @Test func anAuditSpansTheSessionsRegions() async throws {
        try await ShellHarness.with { harness in
            let (id, _) = await Self.outsiderShare(harness)
            let guangzhou = await harness.ownImages(region: "ap-guangzhou").count
            let nanjing = await harness.ownImages().count
            #expect(await harness.run("region ap-nanjing,ap-guangzhou\naudit --allow @org") == .stopped(.scriptStopped))
            #expect(harness.console.output.contains(id))
            #expect(
                harness.console.errors.last?.contains(
                    "(\(guangzhou + nanjing) images in 2 regions (ap-nanjing, ap-guangzhou),") == true)
            let regions = Set(await harness.calls("DescribeImageSharePermission").compactMap(\.region))
            #expect(regions == ["ap-nanjing", "ap-guangzhou"])
        }
    }

    @Test func allowIsRequired() async throws {
        try await ShellHarness.with { harness in
            #expect(await harness.run("audit") == .stopped(.scriptStopped))
            #expect(harness.console.errors.last?.contains("audit: --allow ACCOUNTS is required") == true)
            #expect(await harness.calls("DescribeImageSharePermission").isEmpty)
        }
    }

    @Test func unshareNotInRemovesExactlyTheOutsideSharesAndUndoRestoresThem() async throws {
        try await ShellHarness.with { harness in
            let (id, _) = await Self.outsiderShare(harness)
            let before = await harness.ownImages().map(\.shares)
            #expect(await harness.run("unshare --not-in @org all --dry-run") == .completed)
            #expect(await harness.calls("ModifyImageSharePermission").isEmpty)
            #expect(await harness.run("unshare --not-in @org all -y") == .completed)
            let calls = await harness.calls("ModifyImageSharePermission")
            #expect(calls.count == 1)
            #expect(calls.first?.parameters.contains(id) == true)
            #expect(calls.first?.parameters.contains(Self.outsider) == true)
            #expect(await harness.emulator.shares(of: id, region: EmulatorState.demoRegion).isEmpty)
            #expect(await harness.run("audit --allow @org") == .completed)
            #expect(await harness.run("undo -y") == .completed)
            #expect(await harness.ownImages().map { $0.shares.map(\.accountId) } == before.map { $0.map(\.accountId) })
        }
    }

    @Test func unshareNotInWorksOverARegionSet() async throws {
        try await ShellHarness.with { harness in
            let (id, _) = await Self.outsiderShare(harness)
            let guangzhou = await harness.ownImages(region: "ap-guangzhou").first { $0.shareable }!.imageId
            let script =
                "region ap-guangzhou,ap-nanjing\nselect \(guangzhou)\nshare \(Self.outsider) -y\n"
                + "unshare --not-in @org all -y"
            #expect(await harness.run(script) == .completed)
            #expect(await harness.emulator.shares(of: id, region: EmulatorState.demoRegion).isEmpty)
            #expect(await harness.emulator.shares(of: guangzhou, region: "ap-guangzhou").isEmpty)
            let cancels = await harness.calls("ModifyImageSharePermission").filter { $0.parameters.contains("CANCEL") }
            #expect(Set(cancels.compactMap(\.region)) == ["ap-nanjing", "ap-guangzhou"])
        }
    }

    @Test func unshareNotInWithoutSpecTakesTheSelection() async throws {
        try await ShellHarness.with { harness in
            let (id, _) = await Self.outsiderShare(harness)
            let other = await harness.ownImages().first { !$0.shares.isEmpty && $0.imageId != id }!.imageId
            #expect(await harness.run("unshare --not-in 100011110004 -y") == .stopped(.scriptStopped))
            #expect(harness.console.errors.last?.contains("nothing selected") == true)
            #expect(await harness.run("select \(other)\nunshare --not-in \(Self.outsider) -y") == .completed)
            #expect(await harness.emulator.shares(of: other, region: EmulatorState.demoRegion).isEmpty)
            #expect(await harness.emulator.shares(of: id, region: EmulatorState.demoRegion) == [Self.outsider])
        }
    }
}
