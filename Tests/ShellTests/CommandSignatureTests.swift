import Testing

@testable import Shell

/// Parsing, synopses and the registry, all from the commands' signatures.
@Suite struct CommandSignatureTests {
    static let sample = CommandSignature(
        "sample",
        positionals: [
            Positional("N", .optional, value: .number(0...9)), Positional("WORDS", .any, completion: .account),
        ],
        flags: [
            .yes, .option("--state", value: "S", completion: .imageState, help: "a state"),
        ],
        summary: "a sample", details: "Details.")

    @Test func synopsisIsGeneratedFromTheDeclaration() {
        #expect(Self.sample.synopsis == "sample [N [WORDS...]] [-y] [--state S]")
        #expect(ShareCommand.synopsis == "share ACCOUNTS... [--dry-run] [-y]")
        #expect(SetCommand.synopsis == "set [KEY [VALUE]]")
        #expect(LoginCommand.synopsis == "login")
    }

    @Test func flagsSynonymsAndTypedValues() throws {
        let args = try Arguments(["3", "a", "-y", "--state=NORMAL", "b"], signature: Self.sample)
        #expect(args.has("--yes"))
        #expect(args.value("--state") == "NORMAL")
        #expect(args.number("N") == 3)
        #expect(args.words("WORDS") == ["a", "b"])
        let spaced = try Arguments(["--state", "CREATING", "--", "5", "-w"], signature: Self.sample)
        #expect(spaced.value("--state") == "CREATING")
        #expect(spaced.number("N") == 5)
        #expect(spaced.words("WORDS") == ["-w"])
    }

    @Test(arguments: [
        (["--yse"], "sample: unknown option --yse; did you mean --yes? (see `help sample`)"),
        (["--state"], "sample: --state needs a value"),
        (["12"], "sample: N must be a number from 0 to 9, got '12'"),
        (["--yes=1"], "sample: unknown option --yes=1; did you mean --yes? (see `help sample`)"),
    ])
    func badWordsAreOneLineErrors(_ words: [String], _ message: String) {
        #expect(throws: ShellError.usage(message)) { try Arguments(words, signature: Self.sample) }
    }

    @Test func missingAndExtraWordsNameTheUsage() {
        #expect(throws: ShellError.usage("share: expected account ids; usage: share ACCOUNTS... [--dry-run] [-y]")) {
            try Arguments(["-y"], signature: ShareCommand.signature)
        }
        #expect(
            throws: ShellError.usage("endpoint: unexpected 'b'; usage: endpoint [URL|HOST|default|nearest|intl]")
        ) {
            try Arguments(["a", "b"], signature: EndpointCommand.signature)
        }
        #expect(throws: ShellError.usage("journal: N must be a positive number, got '0'")) {
            try Arguments(["0"], signature: JournalCommand.signature)
        }
    }

    @Test func aCommandWithoutFlagsTakesDashWordsAsPositional() throws {
        #expect(try Arguments(["-n", "--x"], signature: EchoCommand.signature).words("TEXT") == ["-n", "--x"])
    }

    @Test func everyNameAndAliasIsUniqueAndEveryFlagSpellingToo() {
        let names = Interpreter.commandNames
        #expect(Set(names).count == names.count)
        for command in Interpreter.commands {
            let spellings = command.signature.flags.flatMap(\.spellings)
            #expect(Set(spellings).count == spellings.count, "\(command.name)")
            #expect(command.signature.positionals.dropLast().allSatisfy { !$0.isRepeated }, "\(command.name)")
        }
    }

    @Test func psqlHabitsLandOnExitAndHelp() async throws {
        try await ShellHarness.with { shell in
            for spelling in ["\\?", "\\h", "?"] {
                shell.console.clear()
                #expect(await shell.run(spelling) == .completed)
                #expect(shell.console.output.hasPrefix("Commands (help COMMAND"), "\(spelling)")
            }
            shell.console.clear()
            #expect(await shell.run("\\h share") == .completed)
            #expect(shell.console.output.hasPrefix("usage: share"))
            #expect(await shell.run("exti") == .stopped(.scriptStopped))
            #expect(shell.console.errors.last?.contains("unknown command 'exti'; did you mean 'exit'?") == true)
            shell.console.clear()
            #expect(await shell.run("echo a\n\\q 3\necho b") == .exited(ExitStatus(3)))
            #expect(shell.console.output == "a\n")
        }
        try await ShellHarness.with { shell in
            #expect(await shell.run("quit") == .exited(ExitStatus(0)))
        }
    }
}
