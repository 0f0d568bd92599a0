import Testing

@testable import Shell

@Suite struct ScriptReaderTests {
    private func read(_ text: String) throws(ScriptSyntaxError) -> [ScriptCommand] {
        try ScriptReader.commands(in: text, source: "setup.cvmsh")
    }

    @Test func commandsCarryWordsLineAndText() throws {
        let commands = try read(
            """
            # share the web images
            region ap-nanjing

            ls   'web *'   # list them
            select 1,3; share 100001,100002
            """)
        #expect(
            commands.map(\.words) == [
                ["region", "ap-nanjing"], ["ls", "web *"], ["select", "1,3"], ["share", "100001,100002"],
            ])
        #expect(commands.map(\.line) == [2, 4, 5, 5])
        #expect(commands.map(\.text) == ["region ap-nanjing", "ls   'web *'", "select 1,3", "share 100001,100002"])
        #expect(commands.allSatisfy { $0.source == "setup.cvmsh" && !$0.ignoreFailure && !$0.suppressEcho })
        #expect(commands[1].location.description == "setup.cvmsh:4")
    }

    @Test func continuationJoinsWithASpaceAndKeepsLineNumbers() throws {
        let commands = try read(
            """
            ls
            share 100001,\\
              100002 \\
              @team; select \\
            2
            status
            """)
        #expect(
            commands.map(\.words) == [
                ["ls"], ["share", "100001,", "100002", "@team"], ["select", "2"], ["status"],
            ])
        #expect(commands.map(\.line) == [1, 2, 4, 6])
        #expect(commands[1].text == "share 100001, 100002 @team")
        #expect(commands[2].text == "select 2")
    }

    @Test func continuationNeverGluesWords() throws {
        #expect(try read("share 100001\\\n100002").map(\.words) == [["share", "100001", "100002"]])
    }

    @Test func commandOnAContinuationLineGetsThatLine() throws {
        let commands = try read("ls \\\n\\\n; status")
        #expect(commands.map(\.words) == [["ls"], ["status"]])
        #expect(commands.map(\.line) == [1, 3])
    }

    @Test func linePrefixes() throws {
        let commands = try read(
            """
            -unshare 100001
            @echo quiet
            -@ls
            @-ls
              - status
            --x
            -
            echo -n
            """)
        #expect(
            commands.map(\.words) == [
                ["unshare", "100001"], ["echo", "quiet"], ["ls"], ["ls"], ["status"], ["-x"], ["echo", "-n"],
            ])
        #expect(commands.map(\.ignoreFailure) == [true, false, true, true, true, true, false])
        #expect(commands.map(\.suppressEcho) == [false, true, true, true, false, false, false])
        #expect(commands[0].text == "unshare 100001")
    }

    @Test func prefixAppliesToEveryCommandOfTheLogicalLine() throws {
        let commands = try read("-ls; \\\nstatus\nls")
        #expect(commands.map(\.ignoreFailure) == [true, true, false])
    }

    @Test func unterminatedQuoteNamesFileAndLine() {
        #expect(throws: ScriptSyntaxError(.unterminatedQuote(.single), at: .init(source: "setup.cvmsh", line: 3))) {
            try read("ls\n\necho 'oops\nls")
        }
        let error = ScriptSyntaxError(.unterminatedQuote(.double), at: .init(source: "a.cvmsh", line: 7))
        #expect(error.description == "a.cvmsh:7: unterminated double quote (\")")
    }

    @Test func syntaxErrorKeepsTheIgnorePrefix() {
        #expect(
            throws: ScriptSyntaxError(
                .unterminatedQuote(.double), at: .init(source: "setup.cvmsh", line: 1), ignoreFailure: true)
        ) {
            try read("-echo \"oops")
        }
    }

    @Test func continuationAtEndOfInputIsAnError() {
        #expect(throws: ScriptSyntaxError(.continuationAtEndOfInput, at: .init(source: "setup.cvmsh", line: 2))) {
            try read("ls\nshare 100001 \\\n")
        }
    }

    @Test func streamingReaderContinuesAfterAnError() throws {
        var reader = ScriptReader(source: "<stdin>")
        #expect(try reader.feed("ls \\").isEmpty)
        #expect(reader.needsMoreInput)
        #expect(throws: ScriptSyntaxError.self) { try reader.feed("'bad") }
        #expect(!reader.needsMoreInput)
        #expect(try reader.feed("status").map(\.words) == [["status"]])
        #expect(reader.lineNumber == 3)
        try reader.finish()
    }

    @Test func interactiveContinuationHelper() {
        #expect(!ScriptReader.needsMoreInput([]))
        #expect(!ScriptReader.needsMoreInput(["ls"]))
        #expect(ScriptReader.needsMoreInput(["share 100001 \\"]))
        #expect(ScriptReader.needsMoreInput(["share 100001 \\", "100002 \\"]))
        #expect(!ScriptReader.needsMoreInput(["share 100001 \\", "100002"]))
        #expect(!ScriptReader.needsMoreInput(["echo 'open \\"]))
        #expect(!ScriptReader.needsMoreInput(["ls # comment \\"]))
    }

    @Test func crlfAndByteOrderMark() throws {
        let commands = try ScriptReader.commands(
            in: Array("\u{FEFF}ls\r\nselect 1 \\\r\n2\r\n".utf8), source: "win.cvmsh")
        #expect(commands.map(\.words) == [["ls"], ["select", "1", "2"]])
    }

    @Test func emptyInputAndBlankLines() throws {
        #expect(try read("").isEmpty)
        #expect(try read("\n\n   \n\t# only comments\n;\n").isEmpty)
    }
}
