import Testing

@testable import Shell

@Suite struct TokenizerTests {
    /// The texts of all words of `line`, segments flattened.
    private func texts(_ line: String) -> [String] { Tokenizer.tokenize(line).words.map(\.text) }

    @Test func splitsOnWhitespace() {
        #expect(texts("share  100001\t100002 ") == ["share", "100001", "100002"])
        #expect(texts("") == [])
        #expect(texts("   \t ") == [])
    }

    @Test func singleQuotesAreLiteral() {
        #expect(texts(#"echo 'a b' 'x\y' '"'"#) == ["echo", "a b", #"x\y"#, "\""])
        #expect(texts("echo ''") == ["echo", ""])
        #expect(texts("echo '#; not special'") == ["echo", "#; not special"])
    }

    @Test func doubleQuotesAllowOnlyQuoteAndBackslashEscapes() {
        #expect(texts(#"echo "a \"b\" \\ \n $HOME""#) == ["echo", #"a "b" \ \n $HOME"#])
        #expect(texts(#"echo "it's""#) == ["echo", "it's"])
    }

    @Test func backslashEscapesOutsideQuotes() {
        #expect(texts(##"echo a\ b \; \# \\ \'"##) == ["echo", "a b", ";", "#", "\\", "'"])
        #expect(texts(#"echo \日本"#) == ["echo", "日本"])
    }

    @Test func adjacentPartsFormOneWord() {
        #expect(texts(#"name:'web '"*"x"#) == ["name:web *x"])
    }

    @Test func commentsStartAtLineStartOrAfterWhitespace() {
        #expect(texts("# all comment") == [])
        #expect(texts("ls # list") == ["ls"])
        #expect(texts("echo a#b") == ["echo", "a#b"])
        #expect(texts("ls;# after semicolon") == ["ls"])
        #expect(texts("echo '#' \"#\"") == ["echo", "#", "#"])
        let line = "ls  # list"
        let tokens = Tokenizer.tokenize(line)
        #expect(tokens.comment.map { String(line[$0]) } == "# list")
        #expect(!tokens.endsInWord)
    }

    @Test func semicolonsSeparateCommands() throws {
        #expect(
            try Tokenizer.commands(in: "region ap-nanjing; ls;select 1,3") == [
                ["region", "ap-nanjing"], ["ls"], ["select", "1,3"],
            ])
        #expect(try Tokenizer.commands(in: ";;; ls ;;") == [["ls"]])
        #expect(try Tokenizer.commands(in: "echo ';' \";\"") == [["echo", ";", ";"]])
        #expect(Tokenizer.tokenize("ls;").segments.map(\.count) == [1, 0])
    }

    @Test func noExpansionOfAnyKind() throws {
        #expect(
            try Tokenizer.commands(in: "echo $HOME * ~ `id` $(id)") == [["echo", "$HOME", "*", "~", "`id`", "$(id)"]])
    }

    @Test func trailingBackslashIsContinuation() {
        let tokens = Tokenizer.tokenize(#"share 100001 \"#)
        #expect(tokens.endsWithContinuation)
        #expect(!tokens.isComplete)
        #expect(tokens.words.map(\.text) == ["share", "100001"])
        #expect(!Tokenizer.tokenize(#"echo \\"#).endsWithContinuation)
        #expect(!Tokenizer.tokenize(#"echo '\'"#).endsWithContinuation)
        #expect(!Tokenizer.tokenize(#"ls # comment \"#).endsWithContinuation)
        #expect(throws: SyntaxError.continuationAtEndOfInput) { try Tokenizer.commands(in: #"ls \"#) }
    }

    @Test func unterminatedQuoteIsReportedNotThrown() {
        let single = Tokenizer.tokenize("select 'web")
        #expect(single.openQuote == .single)
        #expect(single.endsInWord)
        #expect(single.words.last?.text == "web")
        let double = Tokenizer.tokenize(#"echo "a \" b"#)
        #expect(double.openQuote == .double)
        #expect(double.words.last?.text == #"a " b"#)
        #expect(throws: SyntaxError.unterminatedQuote(.single)) { try Tokenizer.commands(in: "echo 'abc") }
        #expect(throws: SyntaxError.unterminatedQuote(.double)) { try Tokenizer.commands(in: #"echo "abc\""#) }
        #expect(SyntaxError.unterminatedQuote(.single).message == "unterminated single quote (')")
    }

    @Test func rangesCoverEachWordsRawSpelling() {
        let line = #"select  "web 1"  a\ b 日本'語' ; ls"#
        let tokens = Tokenizer.tokenize(line)
        #expect(
            tokens.words.map { String(line[$0.range]) } == [
                "select", #""web 1""#, #"a\ b"#, "日本'語'", "ls",
            ])
        #expect(tokens.segments.map { $0.map(\.text) } == [["select", "web 1", "a b", "日本語"], ["ls"]])
    }

    @Test func incompleteInputForCompletion() {
        let typing = "share 100001,1000"
        let tokens = Tokenizer.tokenize(typing)
        #expect(tokens.endsInWord)
        #expect(tokens.segments.last?.last.map { String(typing[$0.range]) } == "100001,1000")

        let newWord = Tokenizer.tokenize("select 1 ")
        #expect(!newWord.endsInWord)
        #expect(newWord.segments.last?.map(\.text) == ["select", "1"])

        let afterSemicolon = Tokenizer.tokenize("ls; sel")
        #expect(afterSemicolon.segments.last?.map(\.text) == ["sel"])

        let openQuote = "source \"my dir/sc"
        let quoted = Tokenizer.tokenize(openQuote)
        #expect(quoted.openQuote == .double)
        #expect(quoted.words.last.map { String(openQuote[$0.range]) } == "\"my dir/sc")
        #expect(quoted.words.last?.text == "my dir/sc")

        let empty = Tokenizer.tokenize("")
        #expect(empty.segments == [[]])
        #expect(!empty.endsInWord)
    }

    @Test func nulBytesAreRejectedForExecution() {
        #expect(Tokenizer.tokenize("echo a\u{0}b").containsNUL)
        #expect(!Tokenizer.tokenize("ls # \u{0}").containsNUL)
        #expect(throws: SyntaxError.nulCharacter) { try Tokenizer.commands(in: "echo a\u{0}b") }
    }

    @Test func quotingRoundTrips() throws {
        let samples = ["plain", "", "a b", "it's", #"back\slash"#, "semi;colon", "#hash", "\"q\"", "日本 語", "tab\there"]
        for sample in samples {
            #expect(try Tokenizer.commands(in: "echo " + Tokenizer.quoted(sample)) == [["echo", sample]])
        }
        #expect(Tokenizer.quoted("web-01") == "web-01")
        #expect(Tokenizer.quoted("a b") == "'a b'")
    }

    @Test func escapingInsideAnOpenQuoteExtendsTheWord() throws {
        let text = #"my "odd" it's \ dir"#
        #expect(try Tokenizer.commands(in: "x " + Tokenizer.escaped(text, inside: nil)) == [["x", text]])
        #expect(try Tokenizer.commands(in: "x \"" + Tokenizer.escaped(text, inside: .double) + "\"") == [["x", text]])
        #expect(try Tokenizer.commands(in: "x '" + Tokenizer.escaped(text, inside: .single) + "'") == [["x", text]])
    }

    /// The limit only stops a hang (a quadratic tokenizer); speed is for `scripts/bench`.
    @Test(.timeLimit(.minutes(1))) func longInputIsTokenized() {
        let word = String(repeating: "a", count: 2_000_000)
        #expect(Tokenizer.tokenize("echo " + word).words.last?.text.utf8.count == 2_000_000)
    }
}
