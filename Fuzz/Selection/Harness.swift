// libFuzzer harness: the selection grammar. The first byte sizes the image list (0-15 images);
// the rest is a command line whose words are parsed as a spec, then resolved against the list
// and visited run by run (what `select`/`unselect` keep as a bit set). Built by scripts/fuzz together with Sources/Shell/Language/*.swift.

struct FuzzImage: SelectableImage {
    let id: String
    let name: String
}

private let names = [
    "web-2024", "web-2025", "db", "db-old", "cache", "镜像-一", "Ubuntu 22.04", "[x]", "a*b", "", "web?", "café", "x,y",
    "img", "-", "ALL",
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let count = Int(data[0] & 0x0F)
    let images = (0..<count).map { FuzzImage(id: "img-\(String($0, radix: 36))0fz", name: names[$0]) }
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let words = Tokenizer.tokenize(text).words.map(\.text)
    guard let spec = try? SelectionSpec(parsing: words) else { return 0 }
    precondition(!spec.terms.isEmpty)
    let ids = images.map(\.id)
    if let chosen = try? spec.resolve(in: images) {
        precondition(Set(chosen).count == chosen.count, "duplicate ids")
        let positions = chosen.map { ids.firstIndex(of: $0)! }
        precondition(positions == positions.sorted(), "not in list order")
    }
    var runs: [Range<Int>] = []
    if (try? spec.visit(images, mark: { runs.append($0) })) != nil {
        precondition(runs.allSatisfy { $0.lowerBound >= 0 && $0.upperBound <= count }, "a run outside the list")
        let visited = Set(runs.flatMap { $0 })
        let chosen = try? spec.resolve(in: images)
        precondition(chosen == visited.sorted().map { ids[$0] }, "visit and resolve disagree")
    }
    return 0
}
