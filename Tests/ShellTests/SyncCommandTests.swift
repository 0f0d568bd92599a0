import CVM
import CVMEmulator
import Foundation
import Testing

@testable import Shell

@Suite struct SyncCommandTests {
    /// Demo images that can be copied (NORMAL, not encrypted), with distinct names.
    static func copiable(
        _ harness: ShellHarness, _ count: Int, unshared: Bool = false
    ) async -> [EmulatorState.Image] {
        var names = Set<String>()
        let images = await harness.ownImages().filter {
            $0.shareable && (!unshared || $0.shares.isEmpty) && names.insert($0.imageName).inserted
        }
        return Array(images.prefix(count))
    }

    static func options(
        copySeconds: Double = 30, faults: Set<FaultKind> = [], state: EmulatorState = .demo()
    ) -> EmulatorOptions {
        var options = EmulatorOptions(
            state: state, rateLimit: .off, failRate: faults.isEmpty ? 0 : 1, failKinds: faults)
        options.copySeconds = copySeconds
        options.failActions = ["SyncImages"]
        return options
    }

    @Test func copiesEveryImageOnceAndRemembersTheCopies() async throws {
        try await ShellHarness.with(Self.options()) { harness in
            let images = await Self.copiable(harness, 2)
            let ids = images.map(\.imageId)
            let outcome = await harness.run("select \(ids.joined(separator: ","))\nsync ap-tokyo,ap-singapore -y")
            #expect(outcome == .completed)
            // One call per image, for both destinations.
            #expect(await harness.calls("SyncImages").count == 2)
            let tokyo = await harness.ownImages(region: "ap-tokyo")
            #expect(Set(tokyo.map(\.imageName)) == Set(images.map(\.imageName)))
            #expect(tokyo.allSatisfy { $0.imageState == "SYNCING" && $0.shares.isEmpty })
            let records = try harness.interpreter.copyRecords()
            #expect(records.records.count == 4)
            #expect(Set(records.copies(of: ids[0]).map(\.region)) == ["ap-tokyo", "ap-singapore"])
            #expect(harness.console.diagnostics.contains("ap-tokyo: 2 copied, 0 already there, 0 not copied"))
            // The copies are known in the destination: ls shows their source, select finds them.
            harness.console.clear()
            #expect(await harness.run("region ap-tokyo\nls\nselect copies-of:\(ids[0])") == .completed)
            #expect(harness.console.output.contains("COPY OF"))
            let copy = try #require(records.copies(of: ids[0]).first { $0.region == "ap-tokyo" })
            #expect(harness.interpreter.session.selection.ids == [copy.copy])
            // A second sync finds them there and sends nothing.
            harness.console.clear()
            #expect(
                await harness.run("region ap-nanjing\nselect \(ids.joined(separator: ","))\nsync ap-tokyo -y")
                    == .completed)
            #expect(await harness.calls("SyncImages").count == 2)
            #expect(harness.console.diagnostics.contains { $0.contains("nothing to copy") })
            // `journal` lists the copy batch (the second sync had nothing to copy: no batch).
            harness.console.clear()
            #expect(await harness.run("set output tsv\njournal") == .completed)
            let rows = harness.console.output.split(separator: "\n").dropFirst().map { $0.split(separator: "\t") }
            let syncs = rows.filter { $0.count > 6 && $0[3] == "sync" }
            #expect(syncs.count == 1, "\(harness.console.output)")
            // REGION is the source and its destinations, CHANGED the copies made.
            #expect(syncs.map { String($0[2]) } == ["ap-nanjing->ap-tokyo,ap-singapore"])
            #expect(syncs.map { [String($0[4]), String($0[5]), String($0[6])] } == [["2", "4", "0"]])
            #expect(syncs.allSatisfy { $0.last == "complete" })
        }
    }

    @Test func dryRunShowsTheCallsAndScriptsMustConfirm() async throws {
        try await ShellHarness.with(Self.options()) { harness in
            let id = try #require(await Self.copiable(harness, 1).first).imageId
            #expect(await harness.run("select \(id)\nsync ap-tokyo --dry-run") == .completed)
            #expect(
                harness.console.output.contains(
                    "SyncImages Region=ap-nanjing ImageIds=\(id) DestinationRegions=ap-tokyo"))
            #expect(await harness.run("set confirm on\nsync ap-tokyo") == .stopped(.scriptStopped))
            #expect(harness.console.errors.contains { $0.contains("add -y") })
            #expect(await harness.run("sync ap-nanjing -y") == .stopped(.scriptStopped))
            #expect(harness.console.errors.contains { $0.contains("is the images' own region") })
            #expect(await harness.run("sync ap-nowhere -y") == .stopped(.scriptStopped))
            #expect(await harness.calls("SyncImages").isEmpty)
        }
    }

    @Test func skipsWhatCannotBeCopiedAndRespectsTheQuota() async throws {
        var state = EmulatorState.demo()
        let index = try #require(state.accounts.firstIndex { $0.accountId == EmulatorState.demoAccountId })
        state.accounts[index].imageQuota = 4 // ap-singapore holds 3: room for one copy
        try await ShellHarness.with(Self.options(state: state)) { harness in
            let images = await Self.copiable(harness, 2)
            let creating = try #require(await harness.ownImages().first { $0.imageState == "CREATING" })
            let ids = images.map(\.imageId) + [creating.imageId]
            #expect(await harness.run("select \(ids.joined(separator: ","))\nsync ap-singapore -y") == .completed)
            #expect(await harness.calls("SyncImages").count == 1)
            let lines = harness.console.diagnostics
            #expect(lines.contains { $0.contains("over the destination's custom-image quota") })
            #expect(lines.contains { $0.contains("\(creating.imageId)") && $0.contains("not NORMAL") })
        }
    }

    @Test func anAmbiguousAnswerIsSettledByNameNotBySendingAgain() async throws {
        try await ShellHarness.with(Self.options(faults: [.dropAfter])) { harness in
            let id = try #require(await Self.copiable(harness, 1).first).imageId
            #expect(await harness.run("select \(id)\nsync ap-tokyo -y") == .completed)
            #expect(await harness.calls("SyncImages").count == 1)
            let copies = await harness.ownImages(region: "ap-tokyo")
            #expect(copies.count == 1)
            #expect(try harness.interpreter.copyRecords().copies(of: id).map(\.copy) == copies.map(\.imageId))
        }
    }

    @Test func aCallThatWasNotAppliedIsSentAgainAtMostOnce() async throws {
        try await ShellHarness.with(Self.options(faults: [.drop])) { harness in
            let id = try #require(await Self.copiable(harness, 1).first).imageId
            #expect(await harness.run("select \(id)\nsync ap-tokyo -y") == .stopped(.scriptStopped))
            #expect(await harness.calls("SyncImages").count == CopyRunner.maxAttempts)
            #expect(await harness.ownImages(region: "ap-tokyo").isEmpty)
            #expect(harness.console.errors.contains { $0.contains("`resume` finishes batch") })
        }
    }

    /// A sync that died after sending: `resume` finds the copy the call made instead of copying again,
    /// and sends the image whose call never left.
    @Test func resumeFindsCopiesOfAnInterruptedSync() async throws {
        var state = EmulatorState.demo()
        let nanjing = try #require(state.regions.firstIndex { $0.region == "ap-nanjing" })
        let sources = state.regions[nanjing].images.filter {
            $0.ownerAccountId == EmulatorState.demoAccountId && $0.imageState == "NORMAL" && !$0.encrypted
        }
        let (sent, unsent) = (sources[0], try #require(sources.first { $0.imageName != sources[0].imageName }))
        var made = sent
        made.imageId = "img-c0py0001"
        let tokyo = try #require(state.regions.firstIndex { $0.region == "ap-tokyo" })
        state.regions[tokyo].images.append(made)
        try await ShellHarness.with(Self.options(state: state)) { harness in
            let plan = SyncPlan(
                sourceRegion: "ap-nanjing", destinations: ["ap-tokyo"],
                items: [
                    .init(imageId: sent.imageId, name: sent.imageName, copyTo: ["ap-tokyo"]),
                    .init(imageId: unsent.imageId, name: unsent.imageName, copyTo: ["ap-tokyo"]),
                ])
            let journal = try Journal.open(path: harness.journalPath)
            var first = JournalRecord(kind: .sync, batch: "b1-dead")
            first.syncPlan = plan
            try await journal.append(first)
            var send = JournalRecord(kind: .copySend, batch: "b1-dead")
            send.image = sent.imageId
            send.regions = ["ap-tokyo"]
            try await journal.append(send)
            #expect(await harness.run("resume -y") == .completed)
            let calls = await harness.calls("SyncImages")
            #expect(calls.count == 1 && calls[0].parameters.contains(unsent.imageId))
            let records = try harness.interpreter.copyRecords()
            #expect(records.copies(of: sent.imageId).map(\.copy) == ["img-c0py0001"])
            #expect(records.copies(of: unsent.imageId).count == 1)
            #expect(try harness.interpreter.incompleteSync(newerThan: nil) == nil)
        }
    }

    @Test func waitFollowsTheCopiesUntilTheyAreNormal() async throws {
        try await ShellHarness.with(Self.options(copySeconds: 1)) { harness in
            let id = try #require(await Self.copiable(harness, 1).first).imageId
            #expect(await harness.run("select \(id)\nsync ap-tokyo -y\nwait --timeout 60") == .completed)
            #expect(harness.console.diagnostics.contains("ap-tokyo: 1/1 NORMAL"))
            #expect(harness.console.diagnostics.contains("wait: all 2 images NORMAL"))
            #expect(await harness.ownImages(region: "ap-tokyo").map(\.imageState) == ["NORMAL"])
        }
    }

    @Test func waitLooksAgainWhenTheFirstCopyShouldBeDone() {
        var watch = ImageWatch(targets: [("ap-nanjing", ["img-a"]), ("ap-tokyo", ["img-b", "img-c"])])
        watch.seen = ["img-a": ("NORMAL", nil), "img-b": ("SYNCING", 50), "img-c": ("SYNCING", 20)]
        let before: [String: (state: String, percent: Int?)] = [
            "img-a": ("SYNCING", 90), "img-b": ("SYNCING", 40), "img-c": ("SYNCING", 18),
        ]
        // img-b rose 10 points in 2 s with 50 left (about 10 s): look again in 5 s, not when
        // img-c (2 points, far to go) would be due; img-a is NORMAL and counts no more.
        #expect(watch.nextPoll(after: .seconds(2), before: before) == .seconds(5))
        // Nothing moved: back off by half, as before.
        #expect(watch.nextPoll(after: .seconds(2), before: watch.seen) == .seconds(3))
    }

    @Test func waitGivesUpNamingWhatIsNotNormal() async throws {
        try await ShellHarness.with(Self.options(copySeconds: 3600)) { harness in
            let id = try #require(await Self.copiable(harness, 1).first).imageId
            #expect(await harness.run("select \(id)\nsync ap-tokyo -y") == .completed)
            let copy = try #require(try harness.interpreter.copyRecords().copies(of: id).first).copy
            #expect(await harness.run("wait --timeout 1") == .stopped(.scriptStopped))
            #expect(
                harness.console.errors.contains { $0.contains("timed out; not NORMAL yet: \(copy) (ap-tokyo, SYNCING") }
            )
            #expect(await harness.run("wait --timeout soon") == .stopped(.scriptStopped))
        }
    }

    @Test func ctrlCStopsWaitingAndLosesNothing() async throws {
        try await ShellHarness.with(Self.options(copySeconds: 3600)) { harness in
            let id = try #require(await Self.copiable(harness, 1).first).imageId
            #expect(await harness.run("select \(id)\nsync ap-tokyo -y") == .completed)
            let copy = try #require(try harness.interpreter.copyRecords().copies(of: id).first).copy
            let shell = UncheckedSendable(harness)
            let task = Task { await shell.value.run("wait --timeout 600") }
            // Cancel once it has looked at the copy (polled, bounded at 30 s).
            let deadline = ContinuousClock.now + .seconds(30)
            while await harness.calls("DescribeImages").filter({ $0.region == "ap-tokyo" }).isEmpty,
                ContinuousClock.now < deadline
            {
                try await Task.sleep(for: .milliseconds(20))
            }
            task.cancel()
            #expect(await task.value == .stopped(.interrupted))
            // Nothing changed, and the copy is still known: a later wait follows it again.
            #expect(try harness.interpreter.copyRecords().copies(of: id).map(\.copy) == [copy])
            #expect(await harness.calls("SyncImages").count == 1)
            #expect(await harness.run("wait --timeout 1") == .stopped(.scriptStopped))
            #expect(harness.console.errors.contains { $0.contains("not NORMAL yet: \(copy)") })
        }
    }
}
