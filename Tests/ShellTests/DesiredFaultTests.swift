import CVMEmulator
import Foundation
import Testing

@testable import Shell

/// `apply` through faults: dropped connections (before and after the change) and internal
/// errors on every action, reads included. The batches settle every pair exactly once.
@Suite struct DesiredFaultTests {
    static let p = EmulatorState.partnerAccountIds

    @Test(.timeLimit(.minutes(2))) func applyThroughFaultsEndsExactlyAsDeclared() async throws {
        let options = EmulatorOptions(
            state: .generated(images: 60), rateLimit: .off, failRate: 0.2,
            failKinds: [.internalError, .drop, .dropAfter], seed: 7)
        try await ShellHarness.with(options) { shell in
            let shareable = Set(await shell.ownImages().filter(\.shareable).map(\.imageId))
            let both = try shell.writeFile(
                "both.yaml", "shares:\n  - images: all\n    accounts: [\(Self.p[0]), \(Self.p[1])]\n")
            let one = try shell.writeFile(
                "one.yaml", "shares:\n  - images: all\n    accounts: [\(Self.p[0])]\n    exclusive: true\n")
            #expect(await shell.run("apply \(both) -y") == .completed, "\(shell.console.errors)")
            #expect(
                await shell.shareState().filter { shareable.contains($0.key) }.values.allSatisfy {
                    $0 == [Self.p[0], Self.p[1]].sorted()
                })
            #expect(await shell.run("apply \(one) -y") == .completed, "\(shell.console.errors)")
            let state = await shell.shareState()
            for (image, accounts) in state {
                #expect(accounts == (shareable.contains(image) ? [Self.p[0]] : []), "\(image)")
            }
            #expect(await shell.appliedCounts().values.allSatisfy { $0 == 1 })
            #expect(await shell.calls("ModifyImageSharePermission").contains { $0.fault != nil })
            #expect(await shell.run("plan \(one) --check --refresh") == .completed, "\(shell.console.errors)")
        }
    }
}
