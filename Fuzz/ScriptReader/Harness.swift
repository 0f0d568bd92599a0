// libFuzzer harness: the script reader on any bytes, line by line, as `cvmsh FILE` reads a file
// with `--on-error continue` (keep feeding after an error). A small line limit reaches the
// too-long path quickly. Built by scripts/fuzz together with Sources/Shell/Language/*.swift.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    var reader = ScriptReader(source: "fuzz.cvmsh", maxLineLength: 512)
    var lastLine = 0
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        do {
            for command in try reader.feed(bytes: line) {
                precondition(!command.words.isEmpty, "an empty command")
                precondition(command.source == "fuzz.cvmsh")
                precondition(command.line >= 1 && command.line <= reader.lineNumber, "a command outside the lines read")
                precondition(command.line >= lastLine, "commands out of order")
                lastLine = command.line
            }
        } catch {
            precondition(error.location.line == reader.lineNumber, "an error at another line")
            precondition(!error.description.contains("\n"), "a multi-line error")
        }
    }
    do {
        try reader.finish()
    } catch {
        precondition(!error.description.contains("\n"), "a multi-line error")
    }
    precondition(!reader.needsMoreInput)
    // The whole-text readers must agree with each other on valid UTF-8.
    if let text = String(validating: bytes, as: UTF8.self) {
        let fromText = try? ScriptReader.commands(in: text, source: "f")
        let fromBytes = try? ScriptReader.commands(in: Array(bytes), source: "f")
        precondition(fromText == fromBytes, "text and byte readers disagree")
    }
    return 0
}
