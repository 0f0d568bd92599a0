import CVM
import CVMEmulator
import Foundation
import Testing

@testable import Shell

/// The image terms (`tag:`, `family:`, `latest:`, `deprecated`, `created<`, `age>`) and
/// `ls --tag` through the shell against the emulator's demo data.
@Suite struct ImageSelectionTests {
    /// Selected ids, in list order.
    private static func selected(_ harness: ShellHarness) -> [String] {
        harness.interpreter.session.selection.ids
    }

    /// The demo images in `ls` order (newest first, then id).
    private static func listed(_ harness: ShellHarness) async -> [EmulatorState.Image] {
        await harness.ownImages().sorted { ($0.createdTime, $1.imageId) > ($1.createdTime, $0.imageId) }
    }

    @Test func tagSelectionSharesExactlyThoseImages() async throws {
        try await ShellHarness.with { harness in
            let partner = EmulatorState.partnerAccountIds[5]
            #expect(await harness.run("select tag:env=prod\nshare \(partner) -y") == .completed)
            let prod = await Self.listed(harness).filter { $0.tags.contains { $0.key == "env" && $0.value == "prod" } }
            #expect(!prod.isEmpty)
            #expect(Self.selected(harness) == prod.map(\.imageId))
            let shared = await harness.shareState().filter { $0.value.contains(partner) }.keys
            #expect(Set(shared) == Set(prod.filter(\.shareable).map(\.imageId)))
        }
    }

    @Test func familyDeprecatedAndTagKeyTermsAddUp() async throws {
        try await ShellHarness.with { harness in
            let images = await Self.listed(harness)
            #expect(await harness.run("select family:web-base") == .completed)
            #expect(Self.selected(harness) == images.filter { $0.imageFamily == "web-base" }.map(\.imageId))
            #expect(await harness.run("select deprecated tag:tier=db") == .completed)
            let expected = images.filter { image in
                image.imageDeprecated || image.tags.contains { $0.key == "tier" && $0.value == "db" }
            }
            #expect(Self.selected(harness) == expected.map(\.imageId))
            #expect(await harness.run("unselect deprecated") == .completed)
            #expect(Self.selected(harness) == expected.filter { !$0.imageDeprecated }.map(\.imageId))
        }
    }

    @Test func latestPicksTheNewestNormalNotDeprecatedImage() async throws {
        try await ShellHarness.with { harness in
            #expect(await harness.run("select latest:web-base,latest:db-base") == .completed)
            let images = await Self.listed(harness)
            func latest(_ family: String) -> String? {
                images.first { $0.imageFamily == family && $0.imageState == "NORMAL" && !$0.imageDeprecated }?.imageId
            }
            let expected = [latest("web-base"), latest("db-base")].compactMap { $0 }
            #expect(expected.count == 2)
            #expect(Set(Self.selected(harness)) == Set(expected))
            // The newest NORMAL web-base image is deprecated, so it is not the one chosen.
            let newestNormal = images.first { $0.imageFamily == "web-base" && $0.imageState == "NORMAL" }
            #expect(newestNormal?.imageDeprecated == true)
            #expect(!Self.selected(harness).contains(newestNormal?.imageId ?? ""))
            // One lookup per family, in the session's region.
            let calls = await harness.calls("DescribeImageFromFamily")
            #expect(calls.count == 2)
            #expect(calls.allSatisfy { $0.region == EmulatorState.demoRegion })
        }
    }

    @Test func latestLooksUpEveryRegionOfTheSession() async throws {
        try await ShellHarness.with { harness in
            #expect(await harness.run("region ap-nanjing,ap-guangzhou\nselect latest:web-base") == .completed)
            // Only ap-nanjing has the family: one image, and one lookup per region.
            let images = await Self.listed(harness)
            let latest = images.first {
                $0.imageFamily == "web-base" && $0.imageState == "NORMAL" && !$0.imageDeprecated
            }
            let expected = try #require(latest).imageId
            #expect(Self.selected(harness) == [expected])
            let regions = await harness.calls("DescribeImageFromFamily").compactMap(\.region)
            #expect(Set(regions) == ["ap-nanjing", "ap-guangzhou"])
        }
    }

    @Test func latestOfAFamilyWithoutUsableImageIsAnErrorThatChangesNothing() async throws {
        try await ShellHarness.with { harness in
            #expect(await harness.run("select 1") == .completed)
            let outcome = await harness.run("select latest:no-such-family")
            #expect(outcome == .stopped(.scriptStopped))
            #expect(
                harness.console.errors.contains {
                    $0.contains(
                        "select: family 'no-such-family' has no usable image in ap-nanjing (NORMAL and not deprecated)")
                })
            #expect(Self.selected(harness).count == 1)
        }
    }

    @Test func ageTermsCountFromNow() async throws {
        let now = Int(Date().timeIntervalSince1970)
        var state = EmulatorState.demo()
        let region = try #require(state.regions.firstIndex { $0.region == EmulatorState.demoRegion })
        let own = try #require(
            state.regions[region].images.indices.first {
                state.regions[region].images[$0].ownerAccountId == EmulatorState.demoAccountId
            })
        // One image made two days ago and one 20 days ago; every other demo image is from 2025 or before.
        state.regions[region].images[own].createdTime = Self.iso(now - 2 * 86_400)
        state.regions[region].images[own + 1].createdTime = Self.iso(now - 20 * 86_400)
        let recent = state.regions[region].images[own].imageId
        let older = state.regions[region].images[own + 1].imageId
        try await ShellHarness.with(EmulatorOptions(state: state, rateLimit: .off)) { harness in
            #expect(await harness.run("select 'age<7d'") == .completed)
            #expect(Self.selected(harness) == [recent])
            #expect(await harness.run("select 'age<4w'") == .completed)
            #expect(Self.selected(harness) == [recent, older])
            #expect(await harness.run("select 'age<100h'") == .completed)
            #expect(Self.selected(harness) == [recent])
            #expect(await harness.run("select 'age>4w'") == .completed)
            #expect(Self.selected(harness).count == 148)
        }
    }

    @Test func createdTermsUseFixedDates() async throws {
        try await ShellHarness.with { harness in
            let images = await Self.listed(harness)
            #expect(await harness.run("select 'created<2024-01-01' 'created>=2025-01-01'") == .completed)
            let expected = images.filter { $0.createdTime < "2024-01-01" || $0.createdTime >= "2025-01-01" }
            #expect(!expected.isEmpty && expected.count < images.count)
            #expect(Self.selected(harness) == expected.map(\.imageId))
        }
    }

    @Test(arguments: [
        ("select tag:", "select: 'tag:' names no tag; write tag:KEY=VALUE or tag:KEY (any value)"),
        ("select 'created<2025-13-01'", "select: bad date in 'created<2025-13-01'; write YYYY-MM-DD (UTC)"),
        ("select 'age>x'", "select: bad age in 'age>x'; write a number and d, w or h"),
        ("unselect tga:env=prod", "unselect: invalid selection 'tga:env=prod'; did you mean 'tag:env=prod'?"),
        ("shared family:nope", "shared: no listed image matches 'family:nope' (try ls --refresh)"),
        ("ls --tag =prod", "ls: --tag '=prod' names no tag; write --tag KEY=VALUE or KEY"),
    ])
    func malformedTermsAreOneLineErrors(_ line: String, _ expected: String) async throws {
        try await ShellHarness.with { harness in
            let outcome = await harness.run(line, source: "bad.cvmsh")
            await BadInputTests.expectOneError(harness, outcome, line: 1, expected, line)
            #expect(await harness.calls("DescribeImageFromFamily").isEmpty)
        }
    }

    @Test func lsTagFiltersTheSessionListKeepingItsNumbers() async throws {
        try await ShellHarness.with { harness in
            #expect(await harness.run("set output json\nls --tag env=prod,env=staging --tag tier=web") == .completed)
            let rows = try #require(
                try JSONSerialization.jsonObject(with: Data(harness.console.output.utf8)) as? [[String: Any]])
            let images = await Self.listed(harness)
            func has(_ image: EmulatorState.Image, _ key: String, _ values: Set<String>) -> Bool {
                image.tags.contains { $0.key == key && values.contains($0.value) }
            }
            let expected = images.indices.filter {
                has(images[$0], "env", ["prod", "staging"]) && has(images[$0], "tier", ["web"])
            }
            #expect(!expected.isEmpty)
            #expect(rows.map { $0["index"] as? Int } == expected.map { $0 + 1 })
            #expect(rows.map { $0["image_id"] as? String } == expected.map { images[$0].imageId })
            // The filter reads the session's list: one DescribeImages round, no tag filter sent.
            let calls = await harness.calls("DescribeImages")
            #expect(calls.allSatisfy { !$0.parameters.contains("tag") })
            let first = try #require(rows.first)
            #expect((first["tags"] as? [String])?.contains("tier=web") == true)
            #expect(first["family"] is String)
        }
    }

    @Test func lsShowsFamilyAndTagsColumnsWhenTheyFit() async throws {
        try await ShellHarness.with(terminalWidth: 220) { harness in
            #expect(await harness.run("ls") == .completed)
            let header = try #require(harness.console.output.split(separator: "\n").first)
            #expect(header.contains("FAMILY") && header.contains("TAGS"))
        }
        // Too narrow for them: they go first, every other column stays.
        try await ShellHarness.with(terminalWidth: 80) { harness in
            #expect(await harness.run("ls") == .completed)
            let header = try #require(harness.console.output.split(separator: "\n").first)
            #expect(!header.contains("TAGS") && !header.contains("FAMILY"))
            #expect(header.contains("CREATED"))
        }
    }

    private static func iso(_ seconds: Int) -> String {
        Date(timeIntervalSince1970: Double(seconds)).formatted(.iso8601)
    }
}
