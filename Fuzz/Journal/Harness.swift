// libFuzzer harness: the journal reader on any bytes (a torn, damaged or hostile journal).
// Built by scripts/fuzz together with the journal sources of Sources/Shell/Batch and a
// CVM module holding only Sources/CVM/Models.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let contents = JournalReader.parse(bytes)
    let lineCount = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).count
    precondition(contents.problems.count <= lineCount)
    for problem in contents.problems {
        precondition(problem.hasPrefix("line ") && !problem.contains("\n"))
    }
    for batch in contents.batches {
        // Everything the journal command shows must be computable.
        _ = batch.isComplete
        _ = batch.counts
        _ = batch.imageIds
    }
    return 0
}
