import TestSupport
import Testing

@testable import Shell

/// The bad-input corpus of issue 8: each case gives commands or one clear error with file:line,
/// never a crash or a hang.
@Suite struct ScriptReaderHostileInputTests {
    private func location(_ line: Int) -> ScriptLocation { ScriptLocation(source: "bad.cvmsh", line: line) }

    @Test func invalidUTF8IsAnErrorNamingTheLine() {
        let bytes = Array("ls\necho ok\n".utf8) + [0x65, 0x63, 0x68, 0x6F, 0x20, 0xFF, 0xFE] + Array("\nls\n".utf8)
        #expect(throws: ScriptSyntaxError(.invalidUTF8(offset: 6), at: location(3))) {
            try ScriptReader.commands(in: bytes, source: "bad.cvmsh")
        }
        // A truncated multi-byte sequence and an overlong encoding are invalid too.
        #expect(throws: ScriptSyntaxError(.invalidUTF8(offset: 1), at: location(1))) {
            try ScriptReader.commands(in: [0xE6, 0x97], source: "bad.cvmsh")
        }
        #expect(throws: ScriptSyntaxError(.invalidUTF8(offset: 3), at: location(1))) {
            try ScriptReader.commands(in: [0x6C, 0x73, 0xC0, 0xAF], source: "bad.cvmsh")
        }
        #expect(SyntaxError.invalidUTF8(offset: 6).message == "invalid UTF-8 at byte 6 of the line")
    }

    @Test func invalidUTF8IsNeverIgnorable() {
        #expect(throws: ScriptSyntaxError(.invalidUTF8(offset: 4), at: location(1), ignoreFailure: false)) {
            try ScriptReader.commands(in: Array("-ls".utf8) + [0x80], source: "bad.cvmsh")
        }
    }

    @Test func validMultiByteTextPasses() throws {
        let commands = try ScriptReader.commands(in: Array("ls 'ウェブ*'\nselect name:数据库-*\n".utf8), source: "ok")
        #expect(commands.map(\.words) == [["ls", "ウェブ*"], ["select", "name:数据库-*"]])
    }

    @Test func nulBytesAreAnError() {
        #expect(throws: ScriptSyntaxError(.nulCharacter, at: location(2))) {
            try ScriptReader.commands(in: Array("ls\nshare 1000\u{0}01\n".utf8), source: "bad.cvmsh")
        }
    }

    @Test func binaryDataGivesOneError() {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        #expect(throws: ScriptSyntaxError.self) { try ScriptReader.commands(in: bytes, source: "bad.cvmsh") }
    }

    // The 10 MB and 100,000-line cases compute for seconds in a debug build: off the cooperative threads.
    @Test func tenMegabyteLineIsRejected() async throws {
        let line = "echo " + String(repeating: "x", count: 10 * 1024 * 1024)
        let read = try await onThreadOfItsOwn {
            Result { try ScriptReader.commands(in: Array("ls\n\(line)\nls\n".utf8), source: "bad.cvmsh") }
        }
        #expect(
            throws: ScriptSyntaxError(
                .lineTooLong(bytes: line.utf8.count, limit: ScriptReader.defaultMaxLineLength), at: location(2))
        ) {
            try read.get()
        }
    }

    @Test func longLinesBuiltFromContinuationsAreLimitedToo() {
        let piece = String(repeating: "1", count: 1000) + " \\\n"
        let text = String(repeating: piece, count: 2000) + "end"
        #expect(throws: ScriptSyntaxError.self) { try ScriptReader.commands(in: text, source: "bad.cvmsh") }
    }

    @Test func tenMegabyteLineWithinARaisedLimitIsTokenized() async throws {
        let word = String(repeating: "x", count: 10 * 1024 * 1024)
        let commands = try await onThreadOfItsOwn {
            try ScriptReader.commands(in: "echo \(word)", source: "big", maxLineLength: 11 * 1024 * 1024)
        }
        #expect(commands.first?.words.last?.utf8.count == word.utf8.count)
    }

    @Test func tenThousandSemicolons() throws {
        let commands = try ScriptReader.commands(
            in: "ls" + String(repeating: ";", count: 10_000) + "status", source: "s")
        #expect(commands.map(\.words) == [["ls"], ["status"]])
        #expect(try ScriptReader.commands(in: String(repeating: ";", count: 10_000), source: "s").isEmpty)
    }

    /// Speed is measured by `scripts/bench`, not here.
    @Test func hundredThousandLinesAreRead() async throws {
        let script = String(repeating: "echo hello world # greeting\nselect 1-3; ls\n", count: 50_000)
        let count = try await onThreadOfItsOwn { try ScriptReader.commands(in: script, source: "big.cvmsh").count }
        #expect(count == 150_000)
    }
}
