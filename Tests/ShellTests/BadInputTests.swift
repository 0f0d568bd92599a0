import CVMEmulator
import Foundation
import Testing

@testable import Shell

/// The bad-input corpus (docs/reliability.md), run through the interpreter against the emulator over real
/// HTTP. Every script first selects shareable images and ends with a valid `share … -y`, so a
/// bad line that was ignored, or misread as something valid, would really share: each case must
/// stop the script with exactly one error line naming file:line, the right status, and no
/// ModifyImageSharePermission call in the emulator's log. A control case shows the same script
/// with good input does share, so the zero-call checks can fail for real.
@Suite struct BadInputTests {
    static let partner = EmulatorState.partnerAccountIds[1]
    static let source = "bad.cvmsh"

    /// One case: the bad line (bytes: it may not be UTF-8) and what the error must say.
    struct Case: CustomStringConvertible {
        let name: String
        let line: [UInt8]
        let expected: String

        init(_ name: String, _ line: [UInt8], _ expected: String) {
            self.name = name
            self.line = line
            self.expected = expected
        }

        init(_ name: String, _ line: String, _ expected: String) {
            self.init(name, Array(line.utf8), expected)
        }

        var description: String { name }
    }

    /// Runs `lines` as a script of byte lines, the way `cvmsh FILE` feeds them.
    static func run(_ harness: ShellHarness, _ lines: [[UInt8]]) async -> Interpreter.ScriptOutcome {
        await harness.interpreter.runScript(source: source) { body in
            for line in lines where await !body(line) { break }
            return nil
        }
    }

    /// Two shareable images without shares, as a `select` argument.
    static func freshSelection(_ harness: ShellHarness) async -> String {
        await harness.ownImages().filter { $0.shareable && $0.shares.isEmpty }.prefix(2).map(\.imageId)
            .joined(separator: ",")
    }

    /// Checks one stopped script: exactly one diagnostic, the error at `line` of the script,
    /// on one line without control characters, containing `expected`; no change call so far.
    static func expectOneError(
        _ harness: ShellHarness, _ outcome: Interpreter.ScriptOutcome, line: Int, _ expected: String,
        status: Shell.ExitStatus = .scriptStopped, _ name: String
    ) async {
        #expect(outcome == .stopped(status), "\(name)")
        // `select` reports "N images selected" on stderr; apart from that, one line: the error.
        let diagnostics = harness.console.diagnostics.filter { !$0.hasSuffix(" selected") }
        #expect(diagnostics.count == 1, "\(name): \(diagnostics.map { $0.prefix(200) })")
        let error = diagnostics.first ?? ""
        #expect(error.hasPrefix("cvmsh:\(source):\(line): error: "), "\(name): \(error.prefix(200))")
        #expect(error.contains(expected), "\(name): \(error.prefix(200))")
        #expect(
            !error.unicodeScalars.contains { $0.properties.generalCategory == .control },
            "\(name): \(error.debugDescription.prefix(200))")
        #expect(error.utf8.count < 400, "\(name): an error of \(error.utf8.count) bytes")
        #expect(await harness.calls("ModifyImageSharePermission").isEmpty, "\(name) shared")
    }

    static let tenMegabyteLine: [UInt8] = {
        let list = String(repeating: "100011110001,", count: 10 << 20 / 13)
        return Array("share \(list) -y".utf8)
    }()

    /// Binary junk: every byte value, in a fixed shuffled order (NULs and invalid UTF-8 included).
    static let binaryLine: [UInt8] = {
        var generator = SplitMix64(seed: 8)
        return Array(0...255).shuffled(using: &generator).map(UInt8.init).filter { $0 != 0x0A }
    }()

    static let lineCases: [Case] = [
        Case("binary data", binaryLine, "invalid UTF-8 at byte"),
        Case("NUL byte", Array("share 100011110001".utf8) + [0] + Array(" -y".utf8), "NUL byte"),
        Case(
            "invalid UTF-8 in an id", Array("share 1000111".utf8) + [0xFF] + Array("10001 -y".utf8),
            "invalid UTF-8 at byte 14"),
        Case(
            "overlong UTF-8 slash", Array("share 100011110001 ".utf8) + [0xC0, 0xAF] + Array(" -y".utf8),
            "invalid UTF-8 at byte 20"),
        Case("a 10 MB line", tenMegabyteLine, "line too long"),
        Case("unterminated single quote", "share '100011110001 -y", "unterminated single quote"),
        Case("unterminated double quote", "share \"100011110001 -y", "unterminated double quote"),
        Case(
            "10,000 semicolons", String(repeating: ";", count: 10_000) + "share 10001111000x -y",
            "invalid account id '10001111000x'"),
        Case("index 0", "select 0", "index '0' is out of range"),
        Case("index past the end", "select 100000", "index '100000' is out of range"),
        Case("range past the end", "select 1-100000", "out of range"),
        Case("index of 40 digits", "select " + String(repeating: "9", count: 40), "out of range"),
        Case("negative index", "select -1", "invalid selection '-1'"),
        Case("reversed range", "select 3-1", "reversed range"),
        Case("unknown image id", "select img-00000000", "unknown image id"),
        Case("glob matching nothing", "select name:no-such-image-*", "no image name matches"),
        Case(
            "account id with letters", "share 12a45 -y", "invalid account id '12a45': account ids are digits 0-9 only"),
        Case("account id with a plus sign", "share +100011110001 -y", "invalid account id '+100011110001'"),
        Case("account id with a minus sign", "share 100011110001 -100011110002 -y", "unknown option"),
        Case("account id with a space", "share '10001 1110001' -y", "invalid account id '10001 1110001'"),
        Case("account id of 40 digits", "share " + String(repeating: "1", count: 40) + " -y", "40 digits"),
        Case("account id of 4 digits", "share 1234 -y", "4 digits"),
        Case("account id with a leading 0", "share 0100011110001 -y", "do not start with 0"),
        Case("account id in full-width digits", "share １００１１１１０００１ -y", "digits 0-9 only"),
        Case("account id with a zero-width space", "share 100011110001\u{200B} -y", "digits 0-9 only"),
        Case("account id in hex", "share 0x186A1 -y", "digits 0-9 only"),
        Case("an empty list", "share -y", "expected account ids"),
        Case("an empty quoted id", "share '' -y", "no account ids given"),
        Case("only commas", "share ,,, -y", "no account ids given"),
        Case("an unknown alias", "share @nobody -y", "unknown alias '@nobody'"),
        Case("an alias of itself", "alias loop @loop", "unknown alias '@loop'"),
        Case("an alias of an unknown alias", "alias a @b", "unknown alias '@b'"),
        Case("an escape sequence in an option", "share 100011110001 -\u{1B}[2J -y", "unknown option"),
        Case("a carriage return in an option", "share 100011110001 --x\ry -y", "unknown option"),
    ]

    @Test func everyBadLineStopsTheScriptBeforeAnyShare() async throws {
        try await ShellHarness.with { harness in
            let selection = await Self.freshSelection(harness)
            for bad in Self.lineCases {
                harness.console.clear()
                let outcome = await Self.run(
                    harness,
                    [
                        Array("select \(selection)".utf8), bad.line, Array("share \(Self.partner) -y".utf8),
                    ])
                await Self.expectOneError(harness, outcome, line: 2, bad.expected, bad.name)
            }
            // The control case: the same script with a good line does share, and is seen.
            harness.console.clear()
            let good = await Self.run(
                harness,
                [
                    Array("select \(selection)".utf8), Array("echo fine".utf8), Array("share \(Self.partner) -y".utf8),
                ])
            #expect(good == .completed)
            #expect(await harness.calls("ModifyImageSharePermission").count == 2)
        }
    }

    @Test func aBinaryFileStopsAtItsFirstLine() async throws {
        try await ShellHarness.with { harness in
            var generator = SplitMix64(seed: 88)
            let junk = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
            var lines = junk.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            lines.append(Array("share \(Self.partner) -y".utf8))
            let outcome = await Self.run(harness, [Array("select 1".utf8)] + lines)
            let diagnostics = harness.console.diagnostics.filter { !$0.hasSuffix(" selected") }
            #expect(diagnostics.count == 1, "\(diagnostics)")
            let error = diagnostics.first ?? ""
            #expect(error.hasPrefix("cvmsh:\(Self.source):2: error: "), "\(error)")
            #expect(outcome == .stopped(.scriptStopped))
            #expect(await harness.calls("ModifyImageSharePermission").isEmpty)
        }
    }

    @Test func tenThousandSemicolonsAloneAreNothing() async throws {
        try await ShellHarness.with { harness in
            let outcome = await Self.run(
                harness, [Array(String(repeating: ";", count: 10_000).utf8), Array("echo after".utf8)])
            #expect(outcome == .completed)
            #expect(harness.console.output == "after\n")
            #expect(harness.console.diagnostics.isEmpty)
        }
    }

    @Test func sourceRecursionStopsAtTheLoopWithoutSharing() async throws {
        try await ShellHarness.with { harness in
            let selection = await Self.freshSelection(harness)
            let share = "share \(Self.partner) -y\n"
            try ("source b.cvmsh\n" + share).write(toFile: harness.home + "/a.cvmsh", atomically: true, encoding: .utf8)
            try ("source a.cvmsh\n" + share).write(toFile: harness.home + "/b.cvmsh", atomically: true, encoding: .utf8)
            let outcome = await Self.run(
                harness,
                [
                    Array("select \(selection)".utf8), Array("source \(harness.home)/a.cvmsh".utf8),
                    Array(share.utf8.dropLast()),
                ])
            // The `source` line that would close the loop fails like any command: reported once,
            // at the inner file and line, and the scripts stop (status 3).
            #expect(outcome == .stopped(.scriptStopped))
            let diagnostics = harness.console.diagnostics.filter { !$0.hasSuffix(" selected") }
            #expect(diagnostics.count == 1, "\(diagnostics)")
            let error = diagnostics.first ?? ""
            #expect(error.hasPrefix("cvmsh:b.cvmsh:1: error: source loop: a.cvmsh → b.cvmsh → a.cvmsh"), "\(error)")
            #expect(await harness.calls("ModifyImageSharePermission").isEmpty)
        }
    }

    @Test func aBadLineInASourcedFileNamesThatFile() async throws {
        try await ShellHarness.with { harness in
            let selection = await Self.freshSelection(harness)
            try "echo inner\nshare 1e5 -y\n".write(
                toFile: harness.home + "/inner.cvmsh", atomically: true, encoding: .utf8)
            let outcome = await Self.run(
                harness,
                [
                    Array("select \(selection)".utf8), Array("source \(harness.home)/inner.cvmsh".utf8),
                    Array("share \(Self.partner) -y".utf8),
                ])
            #expect(outcome == .stopped(.scriptStopped))
            let diagnostics = harness.console.diagnostics.filter { !$0.hasSuffix(" selected") }
            #expect(diagnostics.count == 1, "\(diagnostics)")
            #expect(
                diagnostics.first?.hasPrefix(
                    "cvmsh:\(harness.home)/inner.cvmsh:2: error: share: invalid account id '1e5'") == true,
                "\(harness.console.diagnostics)")
            #expect(await harness.calls("ModifyImageSharePermission").isEmpty)
        }
    }
}
