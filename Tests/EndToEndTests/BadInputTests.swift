import Foundation
import TestSupport
import Testing

/// The bad-input corpus of issue 8 through the built `cvmsh` (`--demo`): each bad script file is
/// read from disk as `cvmsh -f FILE` reads it, selects images, hits the bad line, and would then
/// share. It must exit 3 with exactly one stderr line
/// naming file:line, and start no batch: the journal (`CVMSH_JOURNAL`) is never created. The
/// control script with a good line does create it. (The emulator's call log is checked for the
/// same corpus in ShellTests/BadInputTests.)
@Suite struct BadInputEndToEndTests {
    static let partner = "100011110001"

    struct Result {
        let completed: Completed
        let journalExists: Bool
    }

    /// Writes `files` (name → bytes) into a fresh directory and runs `cvmsh --demo -f main.cvmsh` there.
    static func run(_ files: [String: [UInt8]]) async throws -> Result {
        try await withTemporaryFolder("cvmsh-badinput") { directory in
            for (name, bytes) in files {
                try Data(bytes).write(to: URL(fileURLWithPath: directory + "/" + name))
            }
            let journal = directory + "/journal.jsonl"
            let completed = try await EndToEndTests.run(
                cvmsh, ["--demo", "-q", "-f", directory + "/main.cvmsh"], environment: ["CVMSH_JOURNAL": journal],
                home: directory, timeout: .seconds(60))
            return Result(completed: completed, journalExists: FileManager.default.fileExists(atPath: journal))
        }
    }

    /// A script: select, then `bad`, then a share that must never run.
    static func script(_ bad: [UInt8]) -> [UInt8] {
        Array("select 1-3\n".utf8) + bad + Array("\nshare \(partner) -y\n".utf8)
    }

    static func expectStopped(
        _ result: Result, _ name: String, status: Int32 = 3, line: Int = 2, file: String = "main.cvmsh",
        _ expected: String
    ) {
        let stderr = result.completed.stderr
        // `select` reports "N images selected" on stderr; apart from that, one line: the error.
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().filter {
            !$0.hasSuffix(" selected")
        }
        #expect(result.completed.status == status, "\(name): status \(result.completed.status): \(stderr.prefix(300))")
        #expect(lines.count == 1, "\(name): \(stderr.prefix(300))")
        let error = String(lines.first ?? "")
        #expect(
            error.range(of: #"^cvmsh:/\S*/\#(file):\#(line): error: "#, options: .regularExpression) != nil,
            "\(name): \(error.prefix(300))")
        #expect(error.contains(expected), "\(name): \(error.prefix(300))")
        #expect(!result.journalExists, "\(name): a batch started")
        #expect(!result.completed.stdout.contains("shared"), "\(name): \(result.completed.stdout.prefix(300))")
    }

    @Test func theControlScriptShares() async throws {
        let result = try await Self.run(["main.cvmsh": Self.script(Array("echo fine".utf8))])
        #expect(result.completed.status == 0, "\(result.completed.stderr)")
        #expect(result.journalExists)
    }

    /// One bad line and what its error must say; described by its name alone (Swift Testing
    /// prints a test case's arguments, and the 10 MB line would be 40 MB of text).
    struct Case: CustomStringConvertible, Sendable {
        let name: String
        let bad: [UInt8]
        let expected: String
        var description: String { name }
    }

    @Test(
        arguments: ([
            ("binary data", Array(0...255).map(UInt8.init).filter { $0 != 0x0A }, "invalid UTF-8 at byte 128"),
            (
                "invalid UTF-8", Array("share 1000111".utf8) + [0xFF, 0xFE] + Array("10001 -y".utf8),
                "invalid UTF-8 at byte 14"
            ),
            (
                "a 10 MB line",
                Array(("share " + String(repeating: "100011110001,", count: 10 << 20 / 13) + " -y").utf8),
                "line too long"
            ),
            ("unterminated quote", Array("share \"100011110001 -y".utf8), "unterminated double quote"),
            (
                "10,000 semicolons", Array((String(repeating: ";", count: 10_000) + "share 1000111100o1 -y").utf8),
                "invalid account id '1000111100o1'"
            ),
            ("index out of range", Array("select 1000".utf8), "index '1000' is out of range (1-"),
            ("account id with letters", Array("share 10001111000l -y".utf8), "digits 0-9 only"),
            ("account id with a sign", Array("share +100011110001 -y".utf8), "invalid account id '+100011110001'"),
            ("account id with a space", Array("share '100011 110001' -y".utf8), "invalid account id '100011 110001'"),
            (
                "account id of 40 digits", Array(("share " + String(repeating: "7", count: 40) + " -y").utf8),
                "40 digits"
            ),
            ("an empty list", Array("share , -y".utf8), "no account ids given"),
            ("an alias loop", Array("alias team @team".utf8), "unknown alias '@team'"),
        ] as [(String, [UInt8], String)]).map { Case(name: $0, bad: $1, expected: $2) })
    func aBadLineStopsTheScript(_ line: Case) async throws {
        let result = try await Self.run(["main.cvmsh": Self.script(line.bad)])
        Self.expectStopped(result, line.name, line.expected)
    }

    @Test func sourceRecursionStops() async throws {
        let share = "share \(Self.partner) -y\n"
        let result = try await Self.run([
            "main.cvmsh": Array("select 1-3\nsource a.cvmsh\n\(share)".utf8),
            "a.cvmsh": Array("source b.cvmsh\n\(share)".utf8),
            "b.cvmsh": Array("source a.cvmsh\n\(share)".utf8),
        ])
        let stderr = result.completed.stderr
        #expect(result.completed.status == 3, "\(stderr)")
        #expect(
            stderr.hasSuffix("b.cvmsh:1: error: source loop: main.cvmsh → a.cvmsh → b.cvmsh → a.cvmsh\n"), "\(stderr)")
        #expect(stderr.split(separator: "\n").filter { !$0.hasSuffix(" selected") }.count == 1, "\(stderr)")
        #expect(!result.journalExists)
    }
}
