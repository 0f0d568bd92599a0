import CVMEmulator
import Foundation
import Testing

@testable import Shell

/// `plan` and `apply` of share files against the emulator over real HTTP: round trips, drift seen
/// by a fresh shell, exclusive rules, regions, warnings and the questions asked.
@Suite struct DesiredStateTests {
    typealias F = DesiredFixture
    static let p = DesiredFixture.partners

    static let additive = """
        regions: ap-nanjing
        aliases:
          partners: ["\(p[4])", "\(p[5])"]
        shares:
          - images: "name:web-prod-*"
            accounts: ["@partners"]
          - images: \(F.webProd1)
            accounts: [\(p[1])]
        """

    @Test func applyThenPlanIsEmptyAndReadsOnlyOnce() async throws {
        try await ShellHarness.with(DesiredFixture.options) { shell in
            let file = try shell.writeFile("shares.yaml", Self.additive)
            #expect(await shell.run("apply \(file) -y") == .completed, "\(shell.console.errors)")
            let state = await shell.shareState()
            // The union of both rules; the share web-prod-1 had stays (no exclusive rule).
            #expect(state[F.webProd1] == [Self.p[0], Self.p[1], Self.p[4], Self.p[5]].sorted())
            #expect(state[F.webProd2] == [Self.p[4], Self.p[5]].sorted())
            #expect(state[F.dbProd1] == [Self.p[1], Self.p[2]].sorted())
            #expect(state[F.byol] == [] && state[F.creating] == [])
            let skipped = shell.console.diagnostics.filter { $0.contains("skipped:") }
            #expect(skipped.count == 2)
            #expect(skipped.contains { $0.contains(F.byol) } && skipped.contains { $0.contains(F.creating) })
            let reads = await shell.calls("DescribeImageSharePermission").count
            #expect(reads == 3)

            shell.console.clear()
            #expect(await shell.run("plan \(file) --check") == .completed, "\(shell.console.errors)")
            let summary = "plan: nothing to change; \(file) is in effect (4 images in 1 region)"
            #expect(shell.console.output.contains(summary))
            // The session's share lists were kept by the batches: no read again.
            #expect(await shell.calls("DescribeImageSharePermission").count == reads)
            #expect(await shell.calls("ModifyImageSharePermission").count == 2)
        }
    }

    @Test func driftMadeByHandIsExactlyWhatAFreshShellPlans() async throws {
        try await ShellHarness.with(DesiredFixture.options) { shell in
            let file = try shell.writeFile(
                "shares.yaml",
                Self.additive.replacingOccurrences(
                    of: "accounts: [\"@partners\"]", with: "accounts: [\"@partners\"]\n    exclusive: true"))
            #expect(await shell.run("apply \(file) -y") == .completed, "\(shell.console.errors)")
            #expect(await shell.shareState()[F.webProd1] == [Self.p[1], Self.p[4], Self.p[5]].sorted())

            let (other, otherConsole) = try shell.otherShell()
            let byHand = "select \(F.webProd2)\nshare \(Self.p[3]) -y\nselect \(F.webProd1)\nunshare \(Self.p[4]) -y"
            #expect(await other.run(byHand) == .completed, "\(otherConsole.errors)")

            let (fresh, freshConsole) = try shell.otherShell()
            fresh.session.settings.output = .json
            #expect(await fresh.run("plan \(file) --check") == .stopped(.changesPending))
            #expect(ExitStatus.changesPending.code == 4)
            let plan = try JSONDecoder().decode(DesiredPlan.self, from: Data(freshConsole.output.utf8))
            let changes = try #require(plan.regions.first).images.filter(\.changes)
            #expect(changes.map(\.imageId) == [F.webProd1, F.webProd2].sorted())
            let first = try #require(changes.first { $0.imageId == F.webProd1 })
            let second = try #require(changes.first { $0.imageId == F.webProd2 })
            #expect(first.add == [Self.p[4]] && first.remove == [])
            #expect(second.add == [] && second.remove == [Self.p[3]])
            #expect(
                plan.summary
                    == .init(
                        add: 1, remove: 1, changedImages: 2, declaredImages: 4, regions: 1, pending: true))
            let error = try #require(freshConsole.errors.last)
            #expect(
                error.contains(
                    "plan: the shares differ from \(file) (1 to add, 1 to remove); `apply \(file)` makes them so"))

            // The first shell trusts its cache until --refresh reads the lists again.
            shell.console.clear()
            #expect(await shell.run("plan \(file) --check") == .completed)
            #expect(await shell.run("plan \(file) --check --refresh") == .stopped(.changesPending))
            #expect(shell.console.output.contains("  \(F.webProd1) web-prod-1  +\(Self.p[4])"))
            #expect(shell.console.output.contains("  \(F.webProd2) web-prod-2  -\(Self.p[3])"))
            #expect(shell.console.output.contains("plan: 1 to add, 1 to remove, on 2 images in 1 region"))
        }
    }

    @Test func exclusiveRemovesOnlyWhatItShouldAndUndoPutsItBack() async throws {
        let text = """
            shares:
              - images: "name:db-*"
                accounts: [\(Self.p[1])]
                exclusive: true
              - images: name:web-dev-1 \(F.dbProd1)
                accounts: [\(Self.p[5])]
            """
        try await ShellHarness.with(DesiredFixture.options) { shell in
            let before = await shell.shareState()
            let file = try shell.writeFile("shares.yaml", text)
            #expect(await shell.run("apply \(file) -y") == .completed, "\(shell.console.errors)")
            var expected = before
            expected[F.dbProd1] = [Self.p[1], Self.p[5]].sorted()
            expected[F.webDev1] = [Self.p[3], Self.p[5]].sorted()
            #expect(await shell.shareState() == expected)
            let unshared = await shell.changes().filter { $0.permission == "CANCEL" }
            #expect(
                unshared == [
                    ServedChange(imageId: F.dbProd1, accountIds: [Self.p[2]], permission: "CANCEL", applied: true)
                ])

            let batches = try shell.journal().batches
            #expect(batches.map(\.operation) == [.share, .unshare])
            #expect(await shell.run("undo -y") == .completed, "\(shell.console.errors)")
            expected[F.dbProd1] = [Self.p[1], Self.p[2], Self.p[5]].sorted()
            #expect(await shell.shareState() == expected)
        }
    }

    @Test func badFilesFailAtLineAndColumnBeforeAnyCall() async throws {
        try await ShellHarness.with(DesiredFixture.options) { shell in
            let typo = try shell.writeFile("typo.yaml", "shares:\n  - images: all\n    acounts: [\(Self.p[1])]\n")
            #expect(await shell.run("plan \(typo)") == .stopped(.scriptStopped))
            let typoError = "plan: \(typo):3:5: unknown key 'acounts'; did you mean 'accounts'?"
            #expect(shell.console.errors.last?.contains(typoError) == true)
            let selector = try shell.writeFile(
                "sel.yaml", "shares:\n  - images: \"name:\"\n    accounts: [\(Self.p[1])]\n")
            #expect(await shell.run("apply \(selector) -y") == .stopped(.scriptStopped))
            let error = shell.console.errors.last ?? ""
            #expect(error.contains("\(selector):2:13: rule 1 images: invalid selection 'name:'"), "\(error)")
            #expect(await shell.emulator.calls().isEmpty)

            let region = try shell.writeFile("region.yaml", "regions: [ap-tokio]\nshares: []\n")
            #expect(await shell.run("plan \(region)") == .stopped(.scriptStopped))
            let regionError = "\(region):1:11: unknown region 'ap-tokio'; did you mean 'ap-tokyo'?"
            #expect(shell.console.errors.last?.contains(regionError) == true)
            #expect(await shell.calls("DescribeImages").isEmpty)
        }
    }

    @Test func aRuleThatSelectsNothingIsAWarning() async throws {
        let text = """
            shares:
              - images: name:web-prod-2
                accounts: [\(Self.p[4])]
              - images: name:nothing-*
                accounts: [\(Self.p[4])]
            """
        try await ShellHarness.with(DesiredFixture.options) { shell in
            let file = try shell.writeFile("shares.yaml", text)
            #expect(await shell.run("plan \(file)") == .completed, "\(shell.console.errors)")
            let warnings = shell.console.diagnostics.filter { $0.contains("warning:") }
            #expect(warnings.count == 1)
            let warning = "\(file):4:5: rule 2 (name:nothing-*) selects no image in ap-nanjing"
            #expect(warnings.first?.contains(warning) == true)
            #expect(shell.console.output.contains("  \(F.webProd2) web-prod-2  +\(Self.p[4])"))
            shell.console.clear()
            #expect(await shell.run("set output tsv\nplan \(file)") == .completed)
            #expect(
                shell.console.output == "region\timage_id\tname\tchange\taccount\n"
                    + "ap-nanjing\t\(F.webProd2)\tweb-prod-2\t+\t\(Self.p[4])\n")
        }
    }

    @Test func everyListedRegionIsAppliedAndTheSessionKeepsItsOwn() async throws {
        let text = """
            {"regions": ["ap-singapore", "ap-nanjing"],
             "shares": [{"images": "name:web-prod-?", "accounts": ["\(Self.p[4])"]},
                        {"images": "name:web-prod-sg", "accounts": ["\(Self.p[5])"]}]}
            """
        try await ShellHarness.with(DesiredFixture.options) { shell in
            let file = try shell.writeFile("shares.json", text)
            #expect(await shell.run("select \(F.webDev1)\napply \(file) -y") == .completed, "\(shell.console.errors)")
            #expect(await shell.shareState(region: "ap-singapore")[F.singapore] == [Self.p[5]])
            #expect(await shell.shareState()[F.webProd1] == [Self.p[0], Self.p[4]].sorted())
            #expect(await shell.shareState()[F.webProd2] == [Self.p[4]])
            #expect(shell.interpreter.session.region == "ap-nanjing")
            #expect(shell.interpreter.session.selection.ids == [F.webDev1])
            // One batch over both regions.
            let regions = try shell.journal().batches.map(\.regions)
            #expect(regions == [["ap-singapore", "ap-nanjing"]])
            #expect(await shell.run("plan \(file) --check") == .completed, "\(shell.console.errors)")
        }
    }

    @Test func allRegionsAndYourOwnAccountLeftOut() async throws {
        let own = EmulatorState.demoAccountId
        let text = "regions: all\nshares:\n  - images: name:web-prod-sg\n    accounts: [\(own), \(Self.p[5])]\n"
        try await ShellHarness.with(DesiredFixture.options) { shell in
            let file = try shell.writeFile("shares.yaml", text)
            #expect(await shell.run("apply \(file) -y") == .completed, "\(shell.console.errors)")
            #expect(await shell.shareState(region: "ap-singapore")[F.singapore] == [Self.p[5]])
            let warnings = shell.console.diagnostics.filter { $0.contains("warning:") }
            #expect(warnings.count == 1 && warnings[0].contains("\(own) is your own account and never a share target"))
            #expect(await shell.changes().allSatisfy { !$0.accountIds.contains(own) })
            let listed = Set(await shell.calls("DescribeImages").map(\.region))
            #expect(listed.count == 8, "\(listed)")
            shell.console.clear()
            #expect(await shell.run("plan \(file) --check") == .completed, "\(shell.console.errors)")
            #expect(shell.console.output.contains("is in effect (1 image in 8 regions)"))
        }
    }

    @Test func removalsNeedYesTypedInFull() async throws {
        let text = "shares:\n  - images: name:db-prod-1\n    accounts: [\(Self.p[1])]\n    exclusive: true\n"
        try await ShellHarness.with(DesiredFixture.options, interactive: true) { shell in
            let file = try shell.writeFile("shares.yaml", text)
            #expect(await shell.run("apply \(file)", source: Interpreter.promptSource) == .completed)
            #expect(shell.console.errors.last?.contains("apply cancelled: no answer could be read") == true)
            shell.console.type("y")
            #expect(await shell.run("apply \(file)", source: Interpreter.promptSource) == .completed)
            #expect(shell.console.errors.last?.contains("apply cancelled; nothing was changed") == true)
            #expect(shell.console.diagnostics.contains { $0.contains("type yes to apply every change") })
            #expect(shell.console.diagnostics.contains { $0.contains("  \(F.dbProd1) db-prod-1  -\(Self.p[2])") })
            #expect(await shell.calls("ModifyImageSharePermission").isEmpty)

            shell.console.type("yes")
            #expect(await shell.run("apply \(file)", source: Interpreter.promptSource) == .completed)
            #expect(await shell.shareState()[F.dbProd1] == [Self.p[1]])
        }
    }

    @Test func aScriptMustSayItMayChangeShares() async throws {
        try await ShellHarness.with(DesiredFixture.options) { shell in
            let file = try shell.writeFile("shares.yaml", Self.additive)
            #expect(await shell.run("set confirm on\napply \(file)") == .stopped(.scriptStopped))
            #expect(shell.console.errors.last?.contains("apply changes who can use images") == true)
            #expect(await shell.emulator.calls().isEmpty)
            #expect(await shell.run("apply \(file) --dry-run") == .completed)
            let accounts = "\(Self.p[4]),\(Self.p[5])"
            let call = "ModifyImageSharePermission ImageId=\(F.webProd2) AccountIds=\(accounts) Permission=SHARE"
            #expect(shell.console.output.contains(call))
            #expect(await shell.calls("ModifyImageSharePermission").isEmpty)
        }
    }
}
