import Foundation
import TestSupport
import Testing

@testable import LineEditor

/// A symlink planted at the history path is neither read through nor written through.
@Suite struct HistorySymlinkTests {
    @Test func aPlantedSymlinkIsUnreadableAndItsTargetUntouched() throws {
        try withTemporaryFolder("lineeditor-tests") { directory in
            let target = directory + "/target"
            TemporaryFolder.write(Array("_HiStOrY_V2_\nsecret\n".utf8), to: target)
            let path = directory + "/history"
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
            #expect(HistoryStore.load(path) == .unreadable("it is a symbolic link; refusing to follow it"))
        }
    }
}
