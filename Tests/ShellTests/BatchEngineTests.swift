import CVM
import CVMEmulator
import Foundation
import TencentCloud
import Testing

@testable import Shell

@Suite struct BatchEngineTests {
    static let accounts = Array(EmulatorState.bulkPartnerAccountIds.prefix(3))

    /// 300 images × 3 accounts, 20 % injected faults of every kind, documented rate limits on
    /// both sides: the final state is exactly the plan, with no change applied twice.
    @Test(.timeLimit(.minutes(2))) func threeHundredImagesWithFaultsEndExactly() async throws {
        let options = EmulatorOptions(
            state: .generated(images: 300), rateLimit: .documented, failRate: 0.2,
            failKinds: [.internalError, .drop, .dropAfter], seed: 42)
        try await ShellHarness.with(options, rateLimits: .documented) { harness in
            let images = await harness.ownImages()
            let shareable = Set(images.filter(\.shareable).map(\.imageId))
            #expect(images.count == 300 && shareable.count < 300 && shareable.count > 200)

            let outcome = await harness.run("select all\nshare \(Self.accounts.joined(separator: ",")) -y")
            #expect(outcome == .completed, "\(harness.console.errors)")

            let state = await harness.shareState()
            for image in images {
                #expect(state[image.imageId] == (shareable.contains(image.imageId) ? Self.accounts.sorted() : []))
            }
            #expect(await harness.appliedCounts().values.allSatisfy { $0 == 1 })

            let batch = try #require(harness.journal().batches.last)
            #expect(batch.isComplete)
            for image in images {
                let outcomes = try #require(batch.outcomes[image.imageId])
                #expect(Set(outcomes.keys) == Set(Self.accounts))
                if shareable.contains(image.imageId) {
                    #expect(outcomes.values.allSatisfy { $0 == .shared })
                } else {
                    #expect(outcomes.values.allSatisfy { if case .skipped = $0 { true } else { false } })
                }
            }
            let changes = await harness.changes()
            // The journal counts calls, the emulator every attempt (throttling and InternalError retries).
            #expect(batch.calls <= changes.count)
            // About one call per image: only faulted calls are followed by more.
            #expect(changes.count <= shareable.count * 3 / 2)
            #expect(!changes.contains { $0.permission != "SHARE" })
        }
    }

    /// The service throttles (no client-side pacing at all): throttled calls are retried and
    /// never reported as failures.
    @Test func throttlingNeverSurfacesAsAFailure() async throws {
        let options = EmulatorOptions(state: .generated(images: 40), rateLimit: .perSecond(10))
        try await ShellHarness.with(options) { harness in
            let outcome = await harness.run("set concurrency 16\nselect all\nshare \(Self.accounts[0]) -y")
            #expect(outcome == .completed, "\(harness.console.errors)")
            #expect(
                await harness.calls("ModifyImageSharePermission").contains { $0.errorCode == "RequestLimitExceeded" })
            let batch = try #require(harness.journal().batches.last)
            #expect(batch.isComplete && batch.counts[.failed] == 0)
        }
    }

    /// `InvalidParameterValue.LimitExceeded` splits the call and the batch continues.
    @Test func splitsCallsTheServiceFindsTooLarge() async throws {
        let options = EmulatorOptions(state: .generated(images: 10), rateLimit: .off, maxAccountIdsPerCall: 2)
        try await ShellHarness.with(options) { harness in
            let accounts = Array(EmulatorState.bulkPartnerAccountIds.prefix(5))
            let outcome = await harness.run("select all\nshare \(accounts.joined(separator: " ")) -y")
            #expect(outcome == .completed, "\(harness.console.errors)")
            let state = await harness.shareState()
            let shareable = await harness.ownImages().filter(\.shareable)
            #expect(!shareable.isEmpty)
            for image in shareable {
                #expect(state[image.imageId] == accounts.sorted())
            }
            #expect(await harness.appliedCounts().values.allSatisfy { $0 == 1 })
        }
    }
}
