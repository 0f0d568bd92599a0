import TestSupport
import Testing

@testable import LineEditor

/// The editor's history file handling. Serialized: creating an editor sets the
/// process locale.
@Suite(.serialized) struct LineEditorHistoryTests {
    private func editor(_ path: String, limit: Int = 1000) throws -> LineEditor {
        try LineEditor(
            configuration: .init(
                historyPath: path, historyLimit: limit,
                shouldStoreInHistory: { !$0.hasPrefix("login") }, editrcPath: "/dev/null"))
    }

    @Test func savesThisSessionsLinesThroughThePolicy() throws {
        try withTemporaryFolder("lineeditor-tests") { directory in
            let path = directory + "/cvmsh/history"
            let session = try editor(path)
            for line in ["ls\n", "ls\n", " hidden\n", "login AKID SECRET\n", "", "select name:画像\n"] {
                session.addToHistory(line)
            }
            #expect(session.historyEntries == ["ls", "select name:画像"])
            #expect(session.saveHistory() == nil)
            #expect(HistoryStore.load(path) == .entries(["ls", "select name:画像"]))
            #expect(TemporaryFolder.mode(of: path) == 0o600)
            #expect(TemporaryFolder.mode(of: directory + "/cvmsh") == 0o700)
        }
    }

    @Test func loadsTheFileAtStart() throws {
        try withTemporaryFolder("lineeditor-tests") { directory in
            let path = directory + "/history"
            try HistoryStore.save(["ls", "login AKID SECRET", "status"], to: path)
            let session = try editor(path)
            #expect(session.historyLoadWarning == nil)
            #expect(session.historyEntries == ["ls", "status"])
            session.addToHistory("status")
            #expect(session.historyEntries == ["ls", "status"])
        }
    }

    @Test func concurrentSessionsMergeInsteadOfOverwriting() throws {
        try withTemporaryFolder("lineeditor-tests") { directory in
            let path = directory + "/history"
            try HistoryStore.save(["old"], to: path)
            let first = try editor(path)
            let second = try editor(path)
            first.addToHistory("from first")
            second.addToHistory("from second")
            #expect(first.saveHistory() == nil)
            #expect(second.saveHistory() == nil)
            #expect(HistoryStore.load(path) == .entries(["old", "from first", "from second"]))
            #expect(first.saveHistory() == nil)
            #expect(HistoryStore.load(path) == .entries(["old", "from first", "from second"]))
        }
    }

    @Test func trimsToTheLimitKeepingTheNewest() throws {
        try withTemporaryFolder("lineeditor-tests") { directory in
            let path = directory + "/history"
            try HistoryStore.save(["a", "b", "c"], to: path)
            let session = try editor(path, limit: 3)
            session.addToHistory("d")
            session.saveHistory()
            #expect(HistoryStore.load(path) == .entries(["b", "c", "d"]))
        }
    }

    @Test func corruptFileAtStartIsReportedOnceAndReplaced() throws {
        try withTemporaryFolder("lineeditor-tests") { directory in
            let path = directory + "/history"
            TemporaryFolder.write([0x00, 0xFF, 0x13, 0x37], to: path)
            let session = try editor(path)
            let warning = try #require(session.historyLoadWarning)
            #expect(warning.contains(path) && warning.contains("corrupt"))
            #expect(session.historyEntries.isEmpty)
            session.addToHistory("ls")
            #expect(session.saveHistory() == nil)
            #expect(HistoryStore.load(path) == .entries(["ls"]))
        }
    }

    @Test func fileCorruptedDuringTheSessionIsReportedOnceOnSave() throws {
        try withTemporaryFolder("lineeditor-tests") { directory in
            let path = directory + "/history"
            let session = try editor(path)
            session.addToHistory("ls")
            TemporaryFolder.write(Array("garbage\n".utf8), to: path)
            let warning = try #require(session.saveHistory())
            #expect(warning.contains("corrupt"))
            #expect(HistoryStore.load(path) == .entries(["ls"]))
            TemporaryFolder.write(Array("garbage again\n".utf8), to: path)
            session.addToHistory("status")
            #expect(session.saveHistory() == nil)
            #expect(HistoryStore.load(path) == .entries(["status"]))
        }
    }

    @Test func withoutAHistoryPathNothingIsWritten() throws {
        let session = try LineEditor(configuration: .init(editrcPath: "/dev/null"))
        session.addToHistory("ls")
        #expect(session.historyEntries == ["ls"])
        #expect(session.saveHistory() == nil)
        session.close()
        #expect(session.historyEntries.isEmpty)
        #expect(session.readLine(prompt: "> ") == .endOfFile)
    }
}
