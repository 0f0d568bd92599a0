import CVMEmulator
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A share file's `apply` killed with SIGKILL at a seeded point, then `resume`: the share lists
/// end exactly as the file declares, nothing is applied twice, and `plan FILE --check` then
/// exits 0 (nothing pending). The checks are ``KillResumeTests``'s.
@Suite struct ApplyKillResumeTests {
    /// Runs with different kill points (each one starts its own emulator).
    static let runs = 6
    static let images = 30

    @Test(arguments: 1...runs)
    func sigkillDuringApplyThenResumeLeavesNothingPending(seed: Int) async throws {
        try await withTemporaryFolder("cvmsh-apply-kill") { directory in
            var random = SplitMix64(seed: UInt64(seed) &* 7919)
            let setup = try await BatchSetup(images: Self.images, seed: UInt64(seed), directory: directory)
            let partners = KillResumeTests.partners
            let file = directory + "/shares.yaml"
            try """
            regions: [ap-nanjing]
            aliases:
              partners: [\(partners.map { "\"\($0)\"" }.joined(separator: ", "))]
            shares:
              - images: all
                accounts: ["@partners"]
            """.write(toFile: file, atomically: true, encoding: .utf8)
            let concurrency = [1, 4, 8][Int(random.next() % 3)]
            let killAfter = 1 + Int(random.next() % UInt64(Self.images / 2))

            let apply = try BackgroundProcess(
                cvmsh, setup.common + ["-c", "set concurrency \(concurrency)", "-c", "apply shares.yaml"],
                environment: setup.environment, directory: directory, name: "apply")
            await apply.sigkill(afterSends: killAfter, in: setup.journal)
            let killed = try await apply.waitForExit()
            let context = Comment(rawValue: "seed \(seed), concurrency \(concurrency), kill after \(killAfter) sends")
            // The client paces share calls at 10/s, so 30 images take seconds: the kill lands mid-batch.
            #expect(killed == 128 + SIGKILL, "\(context): apply exited \(killed) before the kill: \(apply.stderr)")
            let sentBeforeKill = sendRecords(setup.journal)
            #expect(
                sentBeforeKill >= killAfter && sentBeforeKill < Self.images,
                "\(context): \(sentBeforeKill) changes sent before the kill")

            let resume = try BackgroundProcess(
                cvmsh, setup.common + ["-c", "resume"], environment: setup.environment, directory: directory,
                name: "resume")
            let resumed = try await resume.waitForExit(timeout: .seconds(120))
            #expect(resumed == 0, "\(context): resume exited \(resumed): \(resume.stderr)")

            let check = try BackgroundProcess(
                cvmsh, setup.common + ["-c", "plan shares.yaml --check"], environment: setup.environment,
                directory: directory, name: "check")
            let checked = try await check.waitForExit(timeout: .seconds(120))
            #expect(checked == 0, "\(context): plan --check after resume exited \(checked): \(check.stdout)")

            let calls = try setup.emulator.calls()
            let dump = try await setup.emulator.stop()
            KillResumeTests.checkExactlyPlanned(
                dump, calls: calls, journal: setup.journal, partners: partners, context: context)
        }
    }
}
