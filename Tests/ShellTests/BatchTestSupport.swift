import CVM
import CVMEmulator
import Foundation

@testable import Shell

/// One ModifyImageSharePermission call as the emulator saw it.
struct ServedChange: Equatable {
    var imageId: String
    var accountIds: [String]
    var permission: String
    /// The change reached the state (success, or applied before the connection was dropped).
    var applied: Bool
}

extension ShellHarness {
    /// The journal file of this shell.
    var journalPath: String { interpreter.services.paths.journalFile }

    /// The journal as the shell reads it.
    func journal() throws -> JournalReader.Contents {
        try JournalReader.read(path: journalPath)
    }

    /// Every ModifyImageSharePermission call served, in order.
    func changes() async -> [ServedChange] {
        await calls("ModifyImageSharePermission").map { call in
            let object = (try? JSONSerialization.jsonObject(with: Data(call.parameters.utf8))) as? [String: Any] ?? [:]
            return ServedChange(
                imageId: object["ImageId"] as? String ?? "", accountIds: object["AccountIds"] as? [String] ?? [],
                permission: object["Permission"] as? String ?? "",
                applied: call.errorCode == nil && call.fault != .drop)
        }
    }

    /// How many applied changes touched each (image, account, permission): more than one is a
    /// duplicate change.
    func appliedCounts() async -> [String: Int] {
        var counts: [String: Int] = [:]
        for change in await changes() where change.applied {
            for account in change.accountIds {
                counts["\(change.imageId) \(account) \(change.permission)", default: 0] += 1
            }
        }
        return counts
    }

    /// Every image's share list in `region`, sorted.
    func shareState(region: String = EmulatorState.demoRegion) async -> [String: [String]] {
        let state = await emulator.state()
        var result: [String: [String]] = [:]
        for image in state.region(region)?.images ?? [] where image.ownerAccountId == EmulatorState.demoAccountId {
            result[image.imageId] = image.shares.map(\.accountId).sorted()
        }
        return result
    }

    /// The demo account's images in `region` as the emulator holds them.
    func ownImages(region: String = EmulatorState.demoRegion) async -> [EmulatorState.Image] {
        await emulator.state().region(region)?.images.filter { $0.ownerAccountId == EmulatorState.demoAccountId } ?? []
    }
}

extension EmulatorState.Image {
    /// Whether ModifyImageSharePermission SHARE can succeed on it.
    var shareable: Bool { imageState == "NORMAL" && licenseType != "BYOL" && !encrypted }
}

/// Hands a test's harness to the one task that uses it while the test only waits.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
