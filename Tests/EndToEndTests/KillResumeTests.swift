import CVMEmulator
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// "Nothing is lost": the built `cvmsh` killed with SIGKILL at a seeded point of a share batch,
/// then `resume`; a journal whose disk fills up mid-batch; and (with `CVMSH_SOAK=1`) a long batch
/// against a faulty, throttling emulator. Every run checks the emulator's final state against the
/// plan, its call log for changes applied twice, and the journal for changes sent without a
/// `send` record. See docs/reliability.md.
@Suite struct KillResumeTests {
    static let demoAccount = "100012345678"
    static let soak = ProcessInfo.processInfo.environment["CVMSH_SOAK"] == "1"

    /// Kill-and-resume runs: 20 by default, 60 with `CVMSH_SOAK=1`.
    static let killRuns = soak ? 60 : 20
    /// Generated images per run. The client paces ModifyImageSharePermission at the documented
    /// 10/s whatever the emulator allows, so a run costs about images / 10 seconds.
    static let killImages = soak ? 120 : 30
    /// Runs at the same time (each has its own emulator and its own client rate limits).
    static let parallelRuns = 4

    @Test func sigkillAtASeededPointThenResumeEndsExactlyAsPlanned() async throws {
        let started = ContinuousClock.now
        let seeds = (1...Self.killRuns).map { UInt64($0) }
        let outcomes = try await withThrowingTaskGroup(of: KillRun.self, returning: [KillRun].self) { group in
            var pending = seeds[...]
            for _ in 0..<Self.parallelRuns {
                guard let seed = pending.popFirst() else { break }
                group.addTask { try await Self.killAndResume(seed: seed) }
            }
            var done: [KillRun] = []
            while let run = try await group.next() {
                done.append(run)
                if let seed = pending.popFirst() { group.addTask { try await Self.killAndResume(seed: seed) } }
            }
            return done
        }
        #expect(outcomes.count == Self.killRuns)
        // The kill must land in the middle of batches, not only before or after them.
        let killedMidBatch = outcomes.filter { $0.sentBeforeKill > 0 && $0.sentAfterResume > 0 }.count
        #expect(killedMidBatch >= Self.killRuns / 2, "only \(killedMidBatch) runs were killed mid-batch: \(outcomes)")
        print(
            "KillResumeTests: \(outcomes.count) runs of \(Self.killImages) images in \(ContinuousClock.now - started); killed mid-batch \(killedMidBatch)"
        )
    }

    struct KillRun: CustomStringConvertible {
        let seed: UInt64
        let sentBeforeKill: Int
        let sentAfterResume: Int
        var description: String { "seed \(seed): \(sentBeforeKill) sent, +\(sentAfterResume) by resume" }
    }

    static let partners = ["100030000001", "100030000002"]

    static func killAndResume(seed: UInt64) async throws -> KillRun {
        var random = SplitMix64(seed: seed) // the same seed gives the same kill points everywhere
        return try await withTemporaryFolder("cvmsh-kill") { directory in
            let setup = try await BatchSetup(images: killImages, seed: seed, directory: directory)
            let concurrency = [1, 4, 8, 16][Int(random.next() % 4)]
            let killAfter = 1 + Int(random.next() % UInt64(killImages * 2 / 3))
            let extraDelay = Int(random.next() % 60)

            let share = try BackgroundProcess(
                cvmsh,
                setup.common + [
                    "-c", "set concurrency \(concurrency); select all; share \(partners.joined(separator: ","))",
                ],
                environment: setup.environment, directory: directory, name: "share")
            await share.sigkill(afterSends: killAfter, in: setup.journal, extraDelay: .milliseconds(extraDelay))
            let killed = try await share.waitForExit()
            let context = Comment(
                rawValue: "seed \(seed), concurrency \(concurrency), kill after \(killAfter) sends + \(extraDelay) ms")
            #expect(killed == 128 + SIGKILL || killed == 0, "\(context): share exited \(killed): \(share.stderr)")
            let callsBeforeResume = try setup.emulator.calls().filter { $0.action == "ModifyImageSharePermission" }
                .count
            let locks = {
                (try? FileManager.default.contentsOfDirectory(atPath: directory + "/state"))?
                    .filter { $0.hasSuffix(".lock") } ?? []
            }
            // A killed batch leaves its lock file; the kernel released the lock, so resume takes it over.
            let leftByKill = locks()
            if killed != 0 { #expect(leftByKill.count == 1, "\(context): lock files after the kill: \(leftByKill)") }

            let resume = try BackgroundProcess(
                cvmsh, setup.common + ["-c", "resume"], environment: setup.environment, directory: directory,
                name: "resume")
            let resumed = try await resume.waitForExit(timeout: .seconds(120))
            #expect(resumed == 0, "\(context): resume exited \(resumed): \(resume.stderr)")
            #expect(locks().isEmpty, "\(context): lock files after resume: \(locks())")

            let calls = try setup.emulator.calls()
            let dump = try await setup.emulator.stop()
            checkExactlyPlanned(dump, calls: calls, journal: setup.journal, partners: partners, context: context)
            // With no fault injected, resume re-reads every unsettled image first: it never sends a
            // change the killed process already made.
            let resent = calls.filter { $0.errorCode == "FailedOperation.AccountAlreadyExists" }
            #expect(resent.isEmpty, "\(context): resume re-sent \(resent.count) changes already applied")
            let records = journalRecords(setup.journal)
            let batches = Set(records.compactMap { $0["batch"] as? String })
            #expect(batches.count == 1, "\(context): resume must continue the same batch, journal has \(batches)")
            #expect(records.contains { $0["type"] as? String == "end" }, "\(context): no end record")
            if killed != 0 {
                // Every settled image of the batch was recorded as changed by it, so `undo` reverses it.
                let changed = Set((dump.images["ap-nanjing"] ?? []).filter { !$0.shares.isEmpty }.map(\.id))
                let lastOutcomes = imageOutcomes(records)
                #expect(Set(lastOutcomes.keys).isSuperset(of: changed), "\(context): images without an outcome")
                for (image, outcomes) in lastOutcomes where changed.contains(image) {
                    for account in partners {
                        #expect(
                            outcomes[account] == "shared",
                            "\(context): \(image) \(account) ended \(outcomes[account] ?? "-")")
                    }
                }
            }
            return KillRun(
                seed: seed, sentBeforeKill: callsBeforeResume,
                sentAfterResume: calls.filter { $0.action == "ModifyImageSharePermission" }.count - callsBeforeResume)
        }
    }

    /// The last `image` record's outcome key per image and account (`shared`, `alreadyPresent`…).
    static func imageOutcomes(_ records: [[String: Any]]) -> [String: [String: String]] {
        var result: [String: [String: String]] = [:]
        for record in records where record["type"] as? String == "image" {
            guard let image = record["image"] as? String, let outcomes = record["outcomes"] as? [String: Any] else {
                continue
            }
            result[image] = outcomes.compactMapValues { ($0 as? [String: Any])?.keys.first }
        }
        return result
    }

    /// Every own NORMAL, non-BYOL, unencrypted image of ap-nanjing is shared with exactly
    /// `partners`, every other image with none of them; no (image, account) SHARE was applied
    /// twice; every change call the emulator saw was announced by a `send` record first.
    static func checkExactlyPlanned(
        _ dump: EmulatorDump, calls: [LoggedCall], journal: String, partners: [String], context: Comment
    ) {
        let images = dump.images["ap-nanjing"] ?? []
        let own = images.filter { $0.owner == demoAccount }
        #expect(!own.isEmpty, "\(context): no images in the dump")
        var shareable = 0
        var wrong: [String] = []
        for image in images {
            let wanted =
                image.owner == demoAccount && image.state == "NORMAL" && image.license != "BYOL" && !image.encrypted
            if wanted { shareable += 1 }
            let expected: Set<String> = wanted ? Set(partners) : []
            if image.shares.intersection(partners) != expected
                || (image.owner == demoAccount && image.shares != expected)
            {
                wrong.append("\(image.id) (\(image.state), \(image.license)): \(image.shares.sorted())")
            }
        }
        #expect(wrong.isEmpty, "\(context): \(wrong.count) images not as planned: \(wrong.prefix(10))")
        #expect(shareable > 0)

        var applied: [String: Int] = [:]
        for call in calls where call.appliedChange && call.permission == "SHARE" {
            for account in call.accountIds { applied["\(call.imageId ?? "?") \(account)", default: 0] += 1 }
        }
        let twice = applied.filter { $0.value > 1 }
        #expect(twice.isEmpty, "\(context): applied more than once: \(twice.keys.sorted().prefix(10))")
        #expect(
            applied.count == shareable * partners.count,
            "\(context): \(applied.count) pairs applied, \(shareable * partners.count) planned")
        #expect(!calls.contains { $0.permission == "CANCEL" }, "\(context): a share batch sent CANCEL")

        var announced: Set<String> = []
        for record in journalRecords(journal) where record["type"] as? String == "send" {
            let image = record["image"] as? String ?? ""
            for account in record["accounts"] as? [String] ?? [] { announced.insert("\(image) \(account)") }
        }
        let unannounced = calls.filter { $0.action == "ModifyImageSharePermission" }
            .flatMap { call in call.accountIds.map { "\(call.imageId ?? "?") \($0)" } }
            .filter { !announced.contains($0) }
        #expect(unannounced.isEmpty, "\(context): changes sent without a send record: \(unannounced.prefix(10))")
    }

    // MARK: - A full disk mid-batch

    /// Whether this process may mount a tmpfs (root, and not refused by the container).
    static func canMountTmpfs() async -> Bool {
        guard getuid() == 0 else { return false }
        return
            (try? await withTemporaryFolder("cvmsh-mount-probe") { directory in
                let mounted = try await runTool(["/bin/mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", directory])
                _ = try? await runTool(["/bin/umount", directory])
                return mounted.status == 0
            }) ?? false
    }

    @Test(.enabled("needs root and permission to mount a 256 KiB tmpfs for the journal") { await canMountTmpfs() })
    func aJournalDiskFillingUpMidBatchStopsBeforeTheNextChangeAndResumeFinishes() async throws {
        try await withTemporaryFolder("cvmsh-fulldisk") { directory in
            let disk = directory + "/disk"
            try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
            try await Self.withTmpfs("size=256k,mode=0700", at: disk) {
                // 120 images: tmpfs hands out whole pages, so the journal can still append to its last
                // page after the disk is full; the batch must be long enough to outlast that slack.
                let setup = try await BatchSetup(
                    images: 120, seed: 7, directory: directory, journal: disk + "/journal.jsonl")
                let share = try BackgroundProcess(
                    cvmsh,
                    setup.common + [
                        "-c", "set concurrency 4; select all; share \(Self.partners.joined(separator: ","))",
                    ],
                    environment: setup.environment, directory: directory, name: "share")
                let deadline = ContinuousClock.now + .seconds(60)
                while share.process.isRunning, sendRecords(setup.journal) < 5, ContinuousClock.now < deadline {
                    try await Task.sleep(for: .milliseconds(3))
                }
                #expect(share.process.isRunning, "the batch ended before the disk could be filled")

                // Fill the file system to the last byte.
                let filler = Glibc.open(disk + "/filler", O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
                try #require(filler >= 0)
                let chunk = [UInt8](repeating: 0x2E, count: 512)
                for _ in 0..<4096 where Glibc.write(filler, chunk, chunk.count) > 0 {}
                for _ in 0..<512 where Glibc.write(filler, chunk, 1) > 0 {}
                _ = Glibc.close(filler)

                let status = try await share.waitForExit(timeout: .seconds(60))
                #expect(status != 0 && status != 128 + SIGKILL, "share exited \(status)")
                #expect(
                    share.stderr.contains("journal") && share.stderr.contains("stopped before its next change"),
                    "\(share.stderr)")
                let sentBeforeFull = try setup.emulator.calls().filter { $0.action == "ModifyImageSharePermission" }
                    .count

                // Make room again and finish the batch.
                try FileManager.default.removeItem(atPath: disk + "/filler")
                let resume = try BackgroundProcess(
                    cvmsh, setup.common + ["-c", "resume"], environment: setup.environment, directory: directory,
                    name: "resume")
                let resumed = try await resume.waitForExit(timeout: .seconds(120))
                #expect(resumed == 0, "resume exited \(resumed): \(resume.stderr)")
                let calls = try setup.emulator.calls()
                let dump = try await setup.emulator.stop()
                Self.checkExactlyPlanned(
                    dump, calls: calls, journal: setup.journal, partners: Self.partners, context: "full disk")
                let shareable = (dump.images["ap-nanjing"] ?? []).filter { !$0.shares.isEmpty }.count
                #expect(
                    sentBeforeFull < shareable,
                    "the batch ran to its end (\(sentBeforeFull) calls): the disk never filled")
            }
        }
    }

    /// Mounts a tmpfs with `options` at `path`, runs `body`, and unmounts it (lazily) whether
    /// `body` throws or not.
    static func withTmpfs(_ options: String, at path: String, _ body: () async throws -> Void) async throws {
        let mounted = try await runTool(["/bin/mount", "-t", "tmpfs", "-o", options, "tmpfs", path])
        try #require(mounted.status == 0)
        do {
            try await body()
        } catch {
            _ = try? await runTool(["/bin/umount", "-l", path])
            throw error
        }
        _ = try? await runTool(["/bin/umount", "-l", path])
    }

    // MARK: - Soak (CVMSH_SOAK=1)

    @Test(.enabled(if: soak, "set CVMSH_SOAK=1: 2,000 images x 5 accounts with faults, about 5 minutes"))
    func soakTwoThousandImagesFiveAccountsWithFaultsAndThrottling() async throws {
        try await withTemporaryFolder("cvmsh-soak") { directory in
            let emulator = try await EmulatorProcess(
                [
                    "--generate", "2000", "--rate-limit", "doc", "--latency-ms", "20", "--seed", "2024",
                    "--fail-rate", "0.2", "--fail-kinds", "internal,drop,drop-after",
                ],
                directory: directory)
            let partners = (1...5).map { String(format: "1000300000%02d", $0) }
            let journal = directory + "/state/journal.jsonl"
            var environment = emulator.credentials
            environment["CVMSH_JOURNAL"] = journal
            let common = ["--endpoint", emulator.endpoint, "--region", "ap-nanjing", "-y"]
            let rssFile = directory + "/rss"
            let started = ContinuousClock.now
            let share = try BackgroundProcess(
                "/usr/bin/time",
                ["-f", "%M %e", "-o", rssFile, cvmsh] + common + [
                    "-c", "select all; share \(partners.joined(separator: ","))",
                ],
                environment: environment, directory: directory, name: "share")
            let status = try await share.waitForExit(timeout: .seconds(1800))
            let elapsed = ContinuousClock.now - started
            // A pair can end unknown when every re-read after a dropped call also failed: resume
            // settles it (bounded).
            var resumes = 0
            var last = status
            while last != 0, resumes < 3 {
                resumes += 1
                let resume = try BackgroundProcess(
                    cvmsh, common + ["-c", "resume"], environment: environment, directory: directory,
                    name: "resume\(resumes)")
                last = try await resume.waitForExit(timeout: .seconds(600))
            }
            #expect(
                last == 0,
                "share exited \(status), still failing after \(resumes) resumes: \(share.stderr.suffix(2000))")
            let calls = try emulator.calls()
            let dump = try await emulator.stop()
            Self.checkExactlyPlanned(dump, calls: calls, journal: journal, partners: partners, context: "soak")
            let rss = (try? String(contentsOfFile: rssFile, encoding: .utf8)) ?? "?"
            let changes = calls.filter { $0.action == "ModifyImageSharePermission" }
            let reads = calls.filter { $0.action == "DescribeImageSharePermission" }
            let faults = calls.filter { $0.fault != nil }.count
            let throttled = calls.filter { $0.errorCode == "RequestLimitExceeded" }.count
            print(
                """
                SOAK RESULT: 2000 images x 5 accounts, share exit \(status) after \(elapsed), resumes \(resumes); \
                ModifyImageSharePermission served \(changes.count), DescribeImageSharePermission served \(reads.count), \
                faults injected \(faults), throttled \(throttled); peak RSS (KiB, wall s) of cvmsh: \
                \(rss.trimmingCharacters(in: .whitespacesAndNewlines))
                """)
        }
    }
}
