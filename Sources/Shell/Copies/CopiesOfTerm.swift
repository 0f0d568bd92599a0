/// The selection term `copies-of:img-…`: the known copies (``CopyRecords``) of an image that are
/// in the current region. It is replaced by their ids before the spec is parsed, so the rest of
/// the selection language needs no knowledge of copies.
enum CopiesOfTerm {
    static let prefix = "copies-of:"

    /// `words` with every `copies-of:SOURCE` item (alone or among comma-separated items)
    /// replaced by the ids of the copies of SOURCE in `region`.
    static func expand(_ words: [String], records: () throws(ShellError) -> CopyRecords, region: String)
        throws(ShellError) -> [String]
    {
        guard words.contains(where: { $0.contains(prefix) }) else { return words }
        let known = try records()
        var result: [String] = []
        for word in words {
            guard word.contains(prefix) else {
                result.append(word)
                continue
            }
            for item in word.split(separator: ",").map(String.init) {
                guard item.hasPrefix(prefix) else {
                    result.append(item)
                    continue
                }
                let source = String(item.dropFirst(prefix.count))
                guard source.hasPrefix("img-"), source.count > 4 else {
                    throw .usage("select: `\(item)` needs an image id: copies-of:img-...")
                }
                let copies = known.copies(of: source).filter { $0.region == region }.map(\.copy)
                guard !copies.isEmpty else {
                    throw .usage("select: no known copy of \(source) in \(region); `sync \(region)` makes one")
                }
                result += copies
            }
        }
        return result
    }
}

extension Interpreter {
    /// `words` with `copies-of:` terms replaced by copy ids of the current region.
    func expandingCopiesOf(_ words: [String]) throws(ShellError) -> [String] {
        guard words.contains(where: { $0.contains(CopiesOfTerm.prefix) }) else { return words }
        return try CopiesOfTerm.expand(words, records: copyRecords, region: try requireRegion())
    }
}

extension Interpreter {
    /// The source of each image of `cache` that is a known copy (`ls` shows them in a COPY OF
    /// column); empty when there is none or the records cannot be read.
    func copySources(in cache: ImageCache) -> [String: String] {
        guard let records = try? copyRecords() else { return [:] }
        var sources: [String: String] = [:]
        for record in records.records where cache.image(record.copy) != nil { sources[record.copy] = record.source }
        return sources
    }
}

extension Interpreter {
    /// For `undo` of a batch that shared copies (`publish`): says the copies stay.
    func copiesNote(_ batch: JournalBatch) -> String {
        guard let records = try? copyRecords(), batch.imageIds.contains(where: { records.record(ofCopy: $0) != nil })
        else { return "" }
        return "; the copies remain (undo reverses shares, it deletes no image)"
    }
}
