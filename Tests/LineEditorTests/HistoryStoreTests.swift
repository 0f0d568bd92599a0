import TestSupport
import Testing

@testable import LineEditor

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

@Suite struct HistoryStoreTests {
    @Test func savesWithMode0600AndCreatesDirectoriesWithMode0700() throws {
        try withTemporaryFolder("lineeditor-tests") { directory in
            let path = directory + "/state/cvmsh/history"
            try HistoryStore.save(["ls"], to: path)
            #expect(TemporaryFolder.mode(of: path) == 0o600)
            #expect(TemporaryFolder.mode(of: directory + "/state") == 0o700)
            #expect(TemporaryFolder.mode(of: directory + "/state/cvmsh") == 0o700)
            #expect(HistoryStore.load(path) == .entries(["ls"]))
        }
    }

    @Test func replacingAFileMakesItMode0600AndLeavesNoTemporaryFile() throws {
        try withTemporaryFolder("lineeditor-tests") { directory in
            let path = directory + "/history"
            TemporaryFolder.write(Array("_HiStOrY_V2_\nold\n".utf8), to: path)
            #expect(TemporaryFolder.mode(of: path) != 0o600)
            try HistoryStore.save(["new"], to: path)
            #expect(TemporaryFolder.mode(of: path) == 0o600)
            #expect(HistoryStore.load(path) == .entries(["new"]))
            #expect(TemporaryFolder.mode(of: "\(path).tmp-\(getpid())") == nil)
        }
    }

    @Test func reportsMissingAndCorruptFiles() throws {
        try withTemporaryFolder("lineeditor-tests") { directory in
            let path = directory + "/history"
            #expect(HistoryStore.load(path) == .missing)
            TemporaryFolder.write(Array("not a history file\n".utf8), to: path)
            #expect(HistoryStore.load(path) == .corrupt("it does not start with _HiStOrY_V2_"))
        }
    }

    @Test func saveFailsCleanlyWhenTheDirectoryCannotBeMade() throws {
        try withTemporaryFolder("lineeditor-tests") { directory in
            let blocker = directory + "/file"
            TemporaryFolder.write([], to: blocker)
            #expect(throws: HistoryStore.WriteError.self) {
                try HistoryStore.save(["ls"], to: blocker + "/history")
            }
        }
    }

    @Test func parentOfPaths() {
        #expect(HistoryStore.parentOf("/a/b/c") == "/a/b")
        #expect(HistoryStore.parentOf("/c") == "/")
        #expect(HistoryStore.parentOf("c") == ".")
    }
}
