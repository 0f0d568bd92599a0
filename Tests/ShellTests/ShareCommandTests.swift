import CVM
import CVMEmulator
import Foundation
import Testing

@testable import Shell

@Suite struct ShareCommandTests {
    static let partners = EmulatorState.partnerAccountIds

    /// Shareable demo images with no shares yet.
    static func freshImages(_ harness: ShellHarness, _ count: Int) async -> [String] {
        Array(await harness.ownImages().filter { $0.shareable && $0.shares.isEmpty }.prefix(count).map(\.imageId))
    }

    @Test func dryRunSendsNoChangeAndPrintsTheExactCalls() async throws {
        try await ShellHarness.with { harness in
            let ids = await Self.freshImages(harness, 3)
            let outcome = await harness.run(
                "select \(ids.joined(separator: ","))\nshare \(Self.partners[1]),\(Self.partners[2]) --dry-run")
            #expect(outcome == .completed)
            #expect(await harness.calls("ModifyImageSharePermission").isEmpty)
            for id in ids {
                #expect(
                    harness.console.output.contains(
                        "ModifyImageSharePermission ImageId=\(id) AccountIds=\(Self.partners[1]),\(Self.partners[2]) Permission=SHARE"
                    ))
            }
            #expect(!FileManager.default.fileExists(atPath: harness.journalPath))
        }
    }

    @Test func theFirstListLearnsTheAccountOnceForEveryShareAfterIt() async throws {
        try await ShellHarness.with { harness in
            let ids = await Self.freshImages(harness, 2)
            #expect(await harness.run("ls\nselect \(ids[0])\nshare \(Self.partners[1]) -y") == .completed)
            #expect(await harness.run("select \(ids[1])\nshare \(Self.partners[2]) -y\nls --refresh") == .completed)
            // Asked once, in the background of the first `ls`; both shares used that answer.
            #expect(await harness.calls("GetCallerIdentity").count == 1)
            #expect(harness.interpreter.session.ownAccountId == EmulatorState.demoAccountId)
            #expect(await harness.calls("ModifyImageSharePermission").count == 2)
        }
    }

    @Test func scriptsMustConfirmAndInteractiveUsersAreAsked() async throws {
        let ids = try await ShellHarness.with { script in
            let ids = await Self.freshImages(script, 2)
            let outcome = await script.run(
                "set confirm on\nselect \(ids.joined(separator: ","))\nshare \(Self.partners[1])")
            #expect(outcome == .stopped(.scriptStopped))
            #expect(script.console.errors.contains { $0.contains("add -y or run 'set confirm off'") })
            #expect(await script.calls("ModifyImageSharePermission").isEmpty)
            return ids
        }

        try await ShellHarness.with(interactive: true, answers: [false, true]) { user in
            await user.run("select \(ids.joined(separator: ","))\nshare \(Self.partners[1])")
            #expect(user.console.errors.contains { $0.contains("cancelled; nothing was changed") })
            #expect(user.console.diagnostics.contains { $0.hasPrefix("share 1 account on 2 images") })
            #expect(await user.calls("ModifyImageSharePermission").isEmpty)
            await user.run("share \(Self.partners[1])")
            #expect(await user.calls("ModifyImageSharePermission").count == 2)
        }
    }

    @Test func nothingSelectedAndBadAccountsFailBeforeAnyCall() async throws {
        try await ShellHarness.with { harness in
            #expect(await harness.run("share \(Self.partners[1]) -y") == .stopped(.scriptStopped))
            #expect(harness.console.errors.last?.contains("nothing selected") == true)
            #expect(await harness.run("select 1\nshare 12ab -y") == .stopped(.scriptStopped))
            #expect(harness.console.errors.last?.contains("invalid account id") == true)
            #expect(await harness.calls("ModifyImageSharePermission").isEmpty)
        }
    }

    @Test func skipsIneligibleImagesAndTheOwnAccountWithReasons() async throws {
        try await ShellHarness.with { harness in
            let images = await harness.ownImages()
            let byol = try #require(images.first { $0.licenseType == "BYOL" && $0.imageState == "NORMAL" }).imageId
            let creating = try #require(images.first { $0.imageState != "NORMAL" }).imageId
            let existing = try #require(
                images.first { $0.shareable && $0.shares.map(\.accountId) == [Self.partners[0]] }
            )
            .imageId
            let fresh = await Self.freshImages(harness, 1)[0]
            let own = EmulatorState.demoAccountId
            let outcome = await harness.run(
                "select \(byol) \(creating) \(existing) \(fresh)\nshare \(Self.partners[0]),\(own),\(Self.partners[1]) -y"
            )
            #expect(outcome == .completed)
            #expect(harness.console.diagnostics.contains { $0.contains("warning:") && $0.contains(own) })

            let state = await harness.shareState()
            #expect(state[byol] == [])
            #expect(state[creating] == [])
            #expect(state[existing] == [Self.partners[0], Self.partners[1]].sorted())
            #expect(state[fresh] == [Self.partners[0], Self.partners[1]].sorted())
            #expect(
                await harness.changes().allSatisfy {
                    !$0.accountIds.contains(own) && $0.imageId != byol && $0.imageId != creating
                })

            let batch = try #require(harness.journal().batches.last)
            #expect(batch.isComplete)
            #expect(batch.outcomes[byol]?[Self.partners[1]] == .skipped(.byol))
            #expect(
                batch.outcomes[creating]?.values.allSatisfy {
                    if case .skipped(.notNormal) = $0 { true } else { false }
                }
                    == true)
            #expect(batch.outcomes[existing] == [Self.partners[0]: .alreadyPresent, Self.partners[1]: .shared])
            #expect(batch.outcomes[fresh] == [Self.partners[0]: .shared, Self.partners[1]: .shared])
            #expect(harness.console.output.contains("batch"))
        }
    }

    @Test func undoRestoresThePreviousStateExactly() async throws {
        try await ShellHarness.with { harness throws in
            let images = await harness.ownImages()
            let withShares = images.filter { $0.shareable && !$0.shares.isEmpty }.map(\.imageId)
            let ids = withShares + (await Self.freshImages(harness, 4))
            let before = await harness.shareState()

            let share = await harness.run(
                "select \(ids.joined(separator: " "))\nshare \(Self.partners[0...3].joined(separator: ",")) -y")
            #expect(share == .completed)
            #expect(await harness.shareState() != before)
            #expect(await harness.run("undo -y") == .completed)
            #expect(await harness.shareState() == before)

            #expect(await harness.run("unshare --all -y") == .completed)
            #expect(ids.allSatisfy { harness.interpreter.session.shares[$0]?.isEmpty == true })
            #expect(await harness.run("undo -y") == .completed)
            #expect(await harness.shareState() == before)
            #expect(try harness.journal().batches.count == 4)
            #expect(await harness.run("shared") == .completed)
            #expect(harness.console.output.contains(Self.partners[0]))
        }
    }

    @Test func resumeFinishesAJournalWrittenBeforeACrash() async throws {
        try await ShellHarness.with { harness in
            let ids = await Self.freshImages(harness, 3)
            let accounts = [Self.partners[1], Self.partners[2]]
            let region = EmulatorState.demoRegion
            let plan = SharePlan(
                operation: .share, region: region, accounts: accounts,
                images: ids.map { ImagePlan(imageId: $0, change: accounts) })
            let journal = try Journal.open(path: harness.journalPath)
            var start = JournalRecord(kind: .batch, batch: "b-crashed")
            start.region = region
            start.operation = .share
            start.plan = plan
            try await journal.append(start)
            let client = try harness.interpreter.client()
            for (index, id) in ids.prefix(2).enumerated() {
                var send = JournalRecord(kind: .send, batch: "b-crashed")
                send.image = id
                send.accounts = accounts
                try await journal.append(send)
                try await client.modifyImageSharePermission(
                    region: region, imageId: id, accountIds: accounts, change: .share)
                guard index == 0 else { break } // the second call reached the service, then the process died
                var call = send
                call.kind = .call
                call.result = "ok"
                try await journal.append(call)
                var image = JournalRecord(kind: .image, batch: "b-crashed")
                image.image = id
                image.outcomes = [accounts[0]: .shared, accounts[1]: .shared]
                try await journal.append(image)
            }
            // A torn last line, as a crash mid-write leaves it.
            let handle = try #require(FileHandle(forWritingAtPath: harness.journalPath))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"type":"call","bat"#.utf8))
            try handle.close()

            #expect(await harness.run("resume -y") == .completed)
            let state = await harness.shareState()
            #expect(ids.allSatisfy { state[$0] == accounts })
            #expect(await harness.appliedCounts().values.allSatisfy { $0 == 1 })
            #expect(await harness.changes().count == 3)
            // Only the image sent without an answer is ambiguous; the one never sent is not read.
            let reads = await harness.calls("DescribeImageSharePermission").map(\.parameters)
            #expect(reads.count == 1 && reads.allSatisfy { $0.contains(ids[1]) }, "\(reads)")
            let batch = try #require(harness.journal().batches.first { $0.id == "b-crashed" })
            #expect(batch.isComplete)
            #expect(ids.allSatisfy { batch.outcomes[$0] == [accounts[0]: .shared, accounts[1]: .shared] })
            #expect(await harness.run("resume") == .completed)
            #expect(harness.console.diagnostics.last?.contains("no incomplete batch") == true)
        }
    }

    @Test func ctrlCStopsNewCallsAndResumeFinishesTheBatch() async throws {
        try await ShellHarness.with(
            EmulatorOptions(state: .demo(), rateLimit: .off, latency: .milliseconds(60))
        ) { harness in
            let shareable = await harness.ownImages().filter(\.shareable).map(\.imageId)
            let before = await harness.shareState()
            let shell = UncheckedSendable(harness)
            // Encrypted images would fail (the image list cannot tell them apart), so only shareable ones.
            let script = "set concurrency 2\nselect \(shareable.joined(separator: ","))\nshare \(Self.partners[5]) -y"
            let task = Task { await shell.value.run(script) }
            // Cancel once the batch is under way (polled, so a loaded machine cannot cancel it
            // before it starts), bounded at 30 s.
            let deadline = ContinuousClock.now + .seconds(30)
            while await harness.changes().count < 2, ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(20))
            }
            task.cancel()
            #expect(await task.value == .stopped(.interrupted))

            let interrupted = try #require(harness.journal().batches.last)
            #expect(!interrupted.isComplete && interrupted.ended)
            // Pairs never sent are not started, and the summary, the journal's end record and the
            // journal's own count agree.
            #expect(interrupted.counts[.notStarted] > 0 && interrupted.counts[.skipped] == 0)
            let end = try String(contentsOfFile: harness.journalPath, encoding: .utf8).split(separator: "\n")
                .compactMap { try? JSONDecoder().decode(JournalRecord.self, from: Data($0.utf8)) }.last {
                    $0.kind == .end
                }
            #expect(end?.counts == interrupted.counts)
            #expect(harness.console.output.contains("not started:"))
            let errors = harness.console.errors
            #expect(
                errors.contains { $0.contains("interrupted:") && $0.contains("`resume` finishes batch") }, "\(errors)")
            #expect(harness.interpreter.pendingInterruptedBatch == interrupted.id)
            let sent = await harness.changes().count
            #expect(sent > 0 && sent < shareable.count)

            #expect(await harness.run("resume -y") == .completed, "\(harness.console.errors)")
            let state = await harness.shareState()
            for id in shareable {
                #expect(state[id] == ((before[id] ?? []) + [Self.partners[5]]).sorted())
            }
            #expect(await harness.appliedCounts().values.allSatisfy { $0 == 1 })
            #expect(try harness.journal().batches.last?.isComplete == true)
            #expect(harness.interpreter.pendingInterruptedBatch == nil)
        }
    }
}
