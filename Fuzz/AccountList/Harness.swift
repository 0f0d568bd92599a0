// libFuzzer harness: the account list parser with aliases. The first line's words are the
// targets; each further line `NAME ITEM…` defines alias NAME. Built by scripts/fuzz together
// with Sources/Shell/Language/*.swift. Libfuzzer's -timeout catches exponential expansion.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
        $0.split(separator: " ").map(String.init)
    }
    guard !lines.isEmpty else { return 0 }
    let words = lines.removeFirst()
    var aliases: [String: [String]] = [:]
    for line in lines where !line.isEmpty {
        aliases[line[0]] = Array(line.dropFirst())
    }
    do {
        let ids = try AccountList.parse(words, aliases: aliases)
        precondition(!ids.isEmpty)
        precondition(Set(ids).count == ids.count, "duplicate ids")
        for id in ids {
            // Every id returned is one the validator accepts: digits only, 5-20 long, no leading 0.
            do { try AccountList.validate(id) } catch { preconditionFailure("returned an invalid id") }
            precondition(id.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
        }
    } catch {
        _ = error.message
    }
    return 0
}
