import CVM
import CVMEmulator
import Foundation
import TencentCloud
import Testing

@testable import Shell

/// The batch engine against an endpoint that does not serve STS, accounts that cannot receive
/// shares, an endpoint that goes away, a second shell, and undo/redo through the journal.
@Suite struct BatchRobustnessTests {
    static let partners = EmulatorState.partnerAccountIds
    static let own = EmulatorState.demoAccountId

    static func freshImages(_ harness: ShellHarness, _ count: Int) async -> [String] {
        Array(await harness.ownImages().filter { $0.shareable && $0.shares.isEmpty }.prefix(count).map(\.imageId))
    }

    @Test func shareGoesOnWhenTheAccountCannotBeLearntAndSkipsYourselfPerPair() async throws {
        // Strict: the emulator's loopback host serves CVM only, so GetCallerIdentity is NoSuchVersion.
        let options = EmulatorOptions(state: .demo(), rateLimit: .off, strict: true)
        try await ShellHarness.with(options) { harness in
            let ids = await Self.freshImages(harness, 4)
            let script = """
                set concurrency 1
                select \(ids[0...2].joined(separator: ","))
                share \(Self.partners[1]),\(Self.own) -y
                select \(ids[3])
                share \(Self.partners[2]) -y
                """
            #expect(await harness.run(script) == .completed, "\(harness.console.errors)")
            let warnings = harness.console.diagnostics.filter { $0.contains("could not learn your account id") }
            #expect(warnings.count == 1)
            #expect(warnings.first?.contains("NoSuchVersion") == true)
            #expect(warnings.first?.contains("your own account is not filtered out") == true)
            // Asked once (in the background of the first list), never again for the second share.
            #expect(await harness.calls("GetCallerIdentity").count == 1)

            let state = await harness.shareState()
            #expect(ids[0...2].allSatisfy { state[$0] == [Self.partners[1]] })
            #expect(state[ids[3]] == [Self.partners[2]])
            // The first image's call was split to find the refused account; later images left it out.
            #expect(await harness.changes().filter { $0.accountIds.contains(Self.own) }.count == 2)
            let batch = try #require(harness.journal().batches.first)
            #expect(ids[0...2].allSatisfy { batch.outcomes[$0]?[Self.own] == .skipped(.ownAccount) })
            #expect(harness.console.diagnostics.contains { $0.contains("\(Self.own) is your own account") })
        }
    }

    @Test func badAccountsAreFoundByTheBatchAndTheOthersSharedEverywhere() async throws {
        try await ShellHarness.with { harness in
            let ids = await Self.freshImages(harness, 10)
            let unknown = "100099999999"
            let collaborator = EmulatorState.collaboratorAccountId
            let script = """
                set concurrency 1
                select \(ids.joined(separator: ","))
                share \(unknown),\(collaborator),\(Self.partners[5]) -y
                """
            #expect(await harness.run(script) == .stopped(.scriptStopped))
            let state = await harness.shareState()
            #expect(ids.allSatisfy { state[$0] == [Self.partners[5]] })
            // First image: the call, its halves and the halves' halves (5); then one call each.
            #expect(await harness.calls("ModifyImageSharePermission").count == 5 + 9)

            let diagnostics = harness.console.diagnostics
            let aboutUnknown = diagnostics.filter { $0.contains(unknown) }
            #expect(aboutUnknown.count == 1, "\(diagnostics)")
            #expect(aboutUnknown.first?.contains("InvalidAccountId.NotFound") == true)
            #expect(aboutUnknown.first?.contains("left out of 10 images") == true)
            let aboutCollaborator = diagnostics.filter { $0.contains(collaborator) && !$0.contains("error:") }
            #expect(aboutCollaborator.count == 1)
            #expect(aboutCollaborator.first?.contains("FailedOperation.NotMasterAccount") == true)
            let lines = harness.console.output.split(separator: "\n") + diagnostics.map { Substring($0) }
            #expect(lines.allSatisfy { $0.count <= 200 }, "\(lines.map(\.count).max() ?? 0) columns")

            let batch = try #require(harness.journal().batches.first)
            #expect(batch.counts == [.shared: 10, .failed: 20])
            #expect(
                ids.allSatisfy {
                    guard case .failed(let code, _, _) = batch.outcomes[$0]?[unknown] else { return false }
                    return code == "InvalidAccountId.NotFound"
                })

            harness.console.clear()
            #expect(await harness.run("set output json\nshare \(unknown) -y") == .stopped(.scriptStopped))
            // Every failure is in the JSON document, however long the list.
            let json = Data(harness.console.output.utf8)
            let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            #expect((object["failures"] as? [String])?.count == 10)
        }
    }

    @Test func aPlanWithManyAccountsNamesAFewPerImage() async throws {
        try await ShellHarness.with { harness in
            let ids = await Self.freshImages(harness, 2)
            let many = EmulatorState.bulkPartnerAccountIds.prefix(40).joined(separator: ",")
            #expect(await harness.run("select \(ids.joined(separator: ","))\nshare \(many) --dry-run") == .completed)
            let plan = harness.console.diagnostics.filter { $0.contains(ids[0]) }
            #expect(plan.count == 1 && plan.allSatisfy { $0.count <= 200 && $0.contains("+35 more") }, "\(plan)")
            // The calls themselves stay exact.
            #expect(harness.console.output.contains(many))
        }
    }

    @Test func anUnreachableEndpointStopsTheBatchOnceAndResumeFinishesIt() async throws {
        try await ShellHarness.with { harness in
            let ids = await Self.freshImages(harness, 20)
            #expect(await harness.run("ls\nselect \(ids.joined(separator: ","))") == .completed)
            let working = harness.interpreter.session.endpoint
            harness.interpreter.session.endpoint = try Endpoint(parsing: "http://127.0.0.1:1")
            #expect(await harness.run("set concurrency 2\nshare \(Self.partners[3]) -y") == .stopped(.scriptStopped))
            let errors = harness.console.errors
            #expect(errors.filter { $0.contains("unreachable") }.count == 1, "\(errors)")
            #expect(errors.first { $0.contains("unreachable") }?.contains("`resume`") == true)
            #expect(harness.console.diagnostics.filter { $0.hasPrefix("failed:") }.isEmpty)
            let stopped = try #require(harness.journal().batches.last)
            #expect(!stopped.isComplete && stopped.counts == [.notStarted: 20])
            #expect(harness.interpreter.pendingInterruptedBatch == stopped.id)

            harness.interpreter.session.endpoint = working
            #expect(await harness.run("resume -y") == .completed, "\(harness.console.errors)")
            let state = await harness.shareState()
            #expect(ids.allSatisfy { state[$0] == [Self.partners[3]] })
            // Nothing was sent before, so nothing is ambiguous: no list is read.
            #expect(await harness.calls("DescribeImageSharePermission").isEmpty)
            #expect(try harness.journal().batches.last?.isComplete == true)
            #expect(harness.interpreter.pendingInterruptedBatch == nil)
        }
    }

    @Test func undoWalksBackThroughBatchesAndRedoAppliesThemAgain() async throws {
        try await ShellHarness.with { harness in
            let ids = await Self.freshImages(harness, 4)
            let before = await harness.shareState()
            #expect(await harness.run("select \(ids[0]),\(ids[1])\nshare \(Self.partners[1]) -y") == .completed)
            let afterFirst = await harness.shareState()
            #expect(await harness.run("select \(ids[2]),\(ids[3])\nshare \(Self.partners[2]) -y") == .completed)
            let afterSecond = await harness.shareState()

            #expect(await harness.run("undo -y") == .completed)
            #expect(await harness.shareState() == afterFirst)
            #expect(await harness.run("undo -y") == .completed)
            #expect(await harness.shareState() == before)
            #expect(await harness.run("undo -y") == .stopped(.scriptStopped))
            #expect(harness.console.errors.last?.contains("undone already") == true)
            harness.console.clear()
            #expect(await harness.run("journal") == .completed)
            #expect(harness.console.output.components(separatedBy: "complete, undone").count == 3)

            #expect(await harness.run("redo -y") == .completed)
            #expect(await harness.shareState() == afterFirst)
            #expect(await harness.run("redo -y") == .completed)
            #expect(await harness.shareState() == afterSecond)
            #expect(await harness.run("redo -y") == .stopped(.scriptStopped))
            #expect(harness.console.errors.last?.contains("nothing to redo") == true)
            #expect(await harness.appliedCounts().values.allSatisfy { $0 <= 2 })
        }
    }

    @Test func aBatchRunningInAnotherShellIsLeftAloneAndAStaleLockIsTakenOver() async throws {
        let options = EmulatorOptions(state: .demo(), rateLimit: .off, latency: .milliseconds(80))
        try await ShellHarness.with(options) { first in
            let ids = await Self.freshImages(first, 12)
            let shell = UncheckedSendable(first)
            let running = Task {
                let script = "set concurrency 1\nselect \(ids.joined(separator: ","))\nshare \(Self.partners[3]) -y"
                return await shell.value.run(script)
            }
            let deadline = ContinuousClock.now + .seconds(30)
            while await first.changes().isEmpty, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            try await ShellHarness.with(environment: ["CVMSH_JOURNAL": first.journalPath]) { second in
                for command in ["resume -y", "undo -y"] {
                    #expect(await second.run(command) == .stopped(.scriptStopped))
                    let error = second.console.errors.last ?? ""
                    #expect(error.contains("process \(getpid())") && error.contains("nothing was changed"), "\(error)")
                }
                #expect(await second.calls("ModifyImageSharePermission").isEmpty)
            }
            #expect(await running.value == .completed)
            #expect(try first.journal().batches.last?.isComplete == true)
        }

        // A lock file whose process is gone (no flock held) does not block the resume.
        try await ShellHarness.with { harness in
            let id = await Self.freshImages(harness, 1)[0]
            let plan = SharePlan(
                operation: .share, region: EmulatorState.demoRegion, accounts: [Self.partners[4]],
                images: [ImagePlan(imageId: id, change: [Self.partners[4]])])
            var start = JournalRecord(kind: .batch, batch: "b-killed")
            start.region = plan.region
            start.operation = .share
            start.plan = plan
            try await Journal.open(path: harness.journalPath).append(start)
            let lock = BatchLock.path(journal: harness.journalPath, batch: "b-killed")
            #expect(FileManager.default.createFile(atPath: lock, contents: Data("999999\n".utf8)))
            #expect(await harness.run("resume -y") == .completed, "\(harness.console.errors)")
            #expect(await harness.shareState()[id] == [Self.partners[4]])
            #expect(!FileManager.default.fileExists(atPath: lock))
        }
    }

    @Test func undoAndRedoRefuseWhileTheNewestBatchIsIncomplete() async throws {
        try await ShellHarness.with { harness in
            let ids = await Self.freshImages(harness, 1)
            #expect(await harness.run("select \(ids[0])\nshare \(Self.partners[1]) -y") == .completed)
            #expect(await harness.run("undo -y") == .completed)
            // A batch that started and never ended, as a killed shell leaves it.
            var start = JournalRecord(kind: .batch, batch: "b-killed")
            start.region = EmulatorState.demoRegion
            start.operation = .share
            start.plan = SharePlan(
                operation: .share, region: EmulatorState.demoRegion, accounts: [Self.partners[2]],
                images: [ImagePlan(imageId: ids[0], change: [Self.partners[2]])])
            try await Journal.open(path: harness.journalPath).append(start)
            let changes = await harness.changes().count
            for command in ["undo", "redo"] {
                #expect(await harness.run("\(command) -y") == .stopped(.scriptStopped))
                let error = harness.console.errors.last ?? ""
                let wanted = "\(command): the last batch b-killed is incomplete; run `resume` first"
                #expect(error.contains(wanted), "\(error)")
            }
            #expect(await harness.changes().count == changes)
        }
    }
}
