// libFuzzer harness: the tokenizer and the command splitter, on any bytes.
// Built by scripts/fuzz together with Sources/Shell/Language/*.swift.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let line = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let tokens = Tokenizer.tokenize(line)
    // Word ranges must lie inside the line and come in order.
    var last = line.startIndex
    for segment in tokens.segments {
        for word in segment {
            precondition(word.range.lowerBound >= last && word.range.upperBound <= line.endIndex)
            last = word.range.upperBound
        }
    }
    if let commands = try? Tokenizer.commands(in: line) {
        precondition(commands.allSatisfy { !$0.isEmpty })
        precondition(tokens.openQuote == nil && !tokens.containsNUL)
    }
    return 0
}
