// libFuzzer harness: the selection grammar. The first byte sizes the image list (0-15 images);
// the rest is a command line whose words are parsed as a spec, then resolved and removed
// against the list. Built by scripts/fuzz together with Sources/Shell/Language/*.swift.

struct FuzzImage: SelectableImage {
    let id: String
    let name: String
}

private let names = ["web-2024", "web-2025", "db", "db-old", "cache", "镜像-一", "Ubuntu 22.04", "[x]", "a*b", "", "web?", "café", "x,y", "img", "-", "ALL"]

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
    let selection = Array(ids.prefix(count / 2)) + ["img-gone0fz"]
    if let remaining = try? spec.removing(from: selection, images: images) {
        precondition(remaining.allSatisfy(selection.contains), "removing added an id")
    }
    return 0
}
