#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import LineEditor

@Suite struct HistoryStoreTests {
    @Test func savesWithMode0600AndCreatesDirectoriesWithMode0700() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/state/cvmsh/history"
        try HistoryStore.save(["ls"], to: path)
        #expect(TemporaryDirectory.mode(of: path) == 0o600)
        #expect(TemporaryDirectory.mode(of: directory.path + "/state") == 0o700)
        #expect(TemporaryDirectory.mode(of: directory.path + "/state/cvmsh") == 0o700)
        #expect(HistoryStore.load(path) == .entries(["ls"]))
    }

    @Test func replacingAFileMakesItMode0600AndLeavesNoTemporaryFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/history"
        TemporaryDirectory.write(Array("_HiStOrY_V2_\nold\n".utf8), to: path)
        #expect(TemporaryDirectory.mode(of: path) != 0o600)
        try HistoryStore.save(["new"], to: path)
        #expect(TemporaryDirectory.mode(of: path) == 0o600)
        #expect(HistoryStore.load(path) == .entries(["new"]))
        #expect(TemporaryDirectory.mode(of: "\(path).tmp-\(getpid())") == nil)
    }

    @Test func reportsMissingAndCorruptFiles() throws {
        let directory = try TemporaryDirectory()
        let path = directory.path + "/history"
        #expect(HistoryStore.load(path) == .missing)
        TemporaryDirectory.write(Array("not a history file\n".utf8), to: path)
        #expect(HistoryStore.load(path) == .corrupt("it does not start with _HiStOrY_V2_"))
    }

    @Test func saveFailsCleanlyWhenTheDirectoryCannotBeMade() throws {
        let directory = try TemporaryDirectory()
        let blocker = directory.path + "/file"
        TemporaryDirectory.write([], to: blocker)
        #expect(throws: HistoryStore.WriteError.self) {
            try HistoryStore.save(["ls"], to: blocker + "/history")
        }
    }

    @Test func parentOfPaths() {
        #expect(HistoryStore.parentOf("/a/b/c") == "/a/b")
        #expect(HistoryStore.parentOf("/c") == "/")
        #expect(HistoryStore.parentOf("c") == ".")
    }
}
