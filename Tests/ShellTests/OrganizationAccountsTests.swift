import CVM
import CVMEmulator
import Foundation
import Testing

@testable import Shell

/// `@org` and `@org:NODE` in account lists, against the emulator's demo organization.
@Suite struct OrganizationAccountsTests {
    static let members = EmulatorState.demoOrganization.members.map(\.accountId)
    static let games = [EmulatorState.partnerAccountIds[2], EmulatorState.partnerAccountIds[3]]

    static func freshImage(_ harness: ShellHarness) async -> String {
        await harness.ownImages().first { $0.shareable && $0.shares.isEmpty }!.imageId
    }

    /// The accounts of every ModifyImageSharePermission call, in order.
    static func sent(_ harness: ShellHarness) async -> [String] {
        await harness.calls("ModifyImageSharePermission").flatMap { call in
            (try? JSONSerialization.jsonObject(with: Data(call.parameters.utf8)) as? [String: Any])?["AccountIds"]
                as? [String] ?? []
        }
    }

    @Test func orgIsEveryMemberReadOnceAndNamedInThePlan() async throws {
        try await ShellHarness.with { harness in
            let id = await Self.freshImage(harness)
            #expect(await harness.run("select \(id)\nshare @org -y\nunshare @org:games -y") == .completed)
            #expect(await Self.sent(harness) == Self.members + Self.games)
            #expect(await harness.calls("DescribeOrganizationMembers").count == 1)
            #expect(harness.console.diagnostics.contains("@org: 7 accounts in 3 nodes"))
            #expect(await harness.emulator.shares(of: id, region: EmulatorState.demoRegion).count == 5)
        }
    }

    @Test func aNodeIsNamedByIdOrNameAndAnUnknownOneChangesNothing() async throws {
        try await ShellHarness.with { harness in
            let id = await Self.freshImage(harness)
            #expect(await harness.run("select \(id)\nshare @org:12 -y") == .completed)
            #expect(await Self.sent(harness) == Self.games)
            #expect(await harness.run("share @org:nope -y") == .stopped(.scriptStopped))
            #expect(
                harness.console.errors.contains {
                    $0.hasSuffix(
                        "share: no member of your organization is in node 'nope' (nodes: data, games, platform)")
                })
            #expect(await harness.calls("ModifyImageSharePermission").count == 1)
        }
    }

    @Test func aMemberThatIsNotTheAdminGetsOneLineAndNothingChanges() async throws {
        let environment = [
            "TENCENTCLOUD_SECRET_ID": EmulatorState.partnerSecretId,
            "TENCENTCLOUD_SECRET_KEY": EmulatorState.partnerSecretKey,
        ]
        try await ShellHarness.with(environment: environment) { harness in
            #expect(await harness.run("ls\nselect 1\nshare @org -y") == .stopped(.scriptStopped))
            let error = harness.console.errors.last ?? ""
            #expect(error.contains("share: @org: only the organization's admin account may list its members"))
            #expect(error.contains("AuthFailure.UnauthorizedOperation") && error.hasSuffix("nothing was changed"))
            #expect(await harness.calls("ModifyImageSharePermission").isEmpty)
        }
    }

    @Test func anAccountOutsideEveryOrganizationIsToldSo() async throws {
        var state = EmulatorState.demo()
        state.organization = nil
        try await ShellHarness.with(EmulatorOptions(state: state, rateLimit: .off)) { harness in
            let id = await Self.freshImage(harness)
            #expect(await harness.run("select \(id)\nshare 100011110004,@org -y") == .stopped(.scriptStopped))
            #expect(
                harness.console.errors.last?.contains("share: @org: your account is not in an organization") == true)
            #expect(await harness.calls("ModifyImageSharePermission").isEmpty)
        }
    }

    @Test func aliasesTakeOrgAndCompletionOffersItsNodes() async throws {
        try await ShellHarness.with { harness in
            #expect(Completer.accountWords(session: harness.interpreter.session).contains("@org"))
            #expect(await harness.run("alias gamers @org:games") == .completed)
            #expect(harness.interpreter.session.aliases["gamers"] == Self.games)
            let words = Completer.accountWords(session: harness.interpreter.session)
            #expect(["@org:data", "@org:games", "@org:platform"].allSatisfy(words.contains))
            #expect(await harness.run("alias org 100011110004") == .stopped(.scriptStopped))
        }
    }
}
