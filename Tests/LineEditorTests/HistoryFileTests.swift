import EditShim
import TestSupport
import Testing

@testable import LineEditor

@Suite struct HistoryFileTests {
    @Test func encodesInLibeditFormat() {
        let bytes = HistoryFile.encode(["echo a b", "back\\slash", "tab\there", "日本語"])
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == "_HiStOrY_V2_\necho\\040a\\040b\nback\\\\slash\ntab\\011here\n日本語\n")
    }

    @Test func roundTrips() throws {
        let entries = ["ls", "share 1-3 100001", "x\\y z", "line\nbreak", "画像 イメージ", "\u{7F}del"]
        #expect(try HistoryFile.decode(HistoryFile.encode(entries)) == entries)
    }

    @Test func decodesEveryStrvisForm() throws {
        let text = "_HiStOrY_V2_\na\\040b\\^Ic\\M-C\\M-)\n\\s\\t\\n\\\\\n\\101\\$\n"
        #expect(try HistoryFile.decode(Array(text.utf8)) == ["a b\tcé", " \t\n\\", "A"])
    }

    @Test func emptyFileHoldsNothing() throws {
        #expect(try HistoryFile.decode([]) == [])
        #expect(try HistoryFile.decode(Array("_HiStOrY_V2_\n".utf8)) == [])
    }

    @Test func rejectsCorruptFiles() {
        #expect(throws: HistoryFile.DecodingError.missingHeader) {
            try HistoryFile.decode(Array("ls\nstatus\n".utf8))
        }
        #expect(throws: HistoryFile.DecodingError.badEscape(line: 3)) {
            try HistoryFile.decode(Array("_HiStOrY_V2_\nok\nbad\\q\n".utf8))
        }
        #expect(throws: HistoryFile.DecodingError.notUTF8(line: 2)) {
            try HistoryFile.decode(Array("_HiStOrY_V2_\n".utf8) + [0xFF, 0xFE, 0x0A])
        }
    }

    @Test func mergeAppendsSessionEntriesAfterTheFileAndTrims() {
        let merged = HistoryFile.merge(
            onDisk: ["a", "b", "c"], session: ["c", "d", "e"], limit: 4, keep: { _ in true })
        #expect(merged == ["a", "b", "c", "d", "e"].suffix(4))
    }

    @Test func mergeDropsEntriesTheFilterRefuses() {
        let merged = HistoryFile.merge(
            onDisk: ["ls", "login AKID", "ls", "status"], session: ["status", "select 1"], limit: 10,
            keep: { !$0.hasPrefix("login") })
        #expect(merged == ["ls", "status", "select 1"])
    }

    @Test func libeditReadsWhatWeWriteAndWeReadWhatLibeditWrites() throws {
        try withTemporaryFolder("lineeditor-tests") { directory in
            let ours = directory + "/ours"
            let theirs = directory + "/theirs"
            let entries = ["echo a  b", "back\\slash", "tab\there"]
            try HistoryStore.save(entries, to: ours)

            let history = try #require(history_init())
            defer { history_end(history) }
            shim_history_setsize(history, 100)
            #expect(shim_history_load(history, ours) == Int32(entries.count))
            var loaded: [String] = []
            var next = shim_history_first(history)
            while let entry = next {
                loaded.append(String(cString: entry))
                next = shim_history_next(history)
            }
            #expect(loaded == entries)

            #expect(shim_history_save(history, theirs) >= 0)
            #expect(HistoryStore.load(theirs) == .entries(entries))
        }
    }
}
