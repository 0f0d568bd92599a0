import CVM
import TencentCloudCore

/// `ls`'s image attributes: the FAMILY and TAGS columns and the `--tag` filter.
extension ListCommand {
    /// FAMILY and TAGS, after the other columns. At a terminal they show only when every column
    /// fits at its natural width, else they go (TAGS first) before NAME or OS shrink. `tsv` and
    /// `json` always carry them; the `table` format only when some listed image has a family or
    /// a tag.
    static func attributeColumns(_ images: [Image], format: OutputFormat) -> [Table.Column] {
        let family = Table.Column("FAMILY", key: "family", maxWidth: 20, dropRank: 2, yields: true)
        let tags = Table.Column("TAGS", key: "tags", maxWidth: 40, dropRank: 1, yields: true)
        guard format == .table else { return [family, tags] }
        var columns: [Table.Column] = []
        if images.contains(where: { !($0.imageFamily ?? "").isEmpty }) { columns.append(family) }
        if images.contains(where: { !($0.tags ?? []).isEmpty }) { columns.append(tags) }
        return columns
    }

    /// The cells of `columns` (some of ``attributeColumns(_:format:)``) for `image`: the family
    /// (empty when none) and the tags as `KEY=VALUE` strings (a list in `json`).
    static func attributeCells(_ image: Image, columns: [Table.Column]) -> [Table.Cell] {
        columns.map { column in
            if column.key == "family" { return .init(.string(image.imageFamily ?? "")) }
            let pairs = (image.tags ?? []).map { JSONValue.string("\($0.key)=\($0.value)") }
            return .init(.array(pairs), display: pairs.isEmpty ? "" : nil)
        }
    }

    /// What `--tag KEY=VALUE,KEY` (repeatable) keeps: for each key, the wanted values (empty
    /// for any value). Keys are ANDed and the values of one key ORed, as in DescribeImages'
    /// tag filters.
    static func tagFilter(_ values: [String]) throws(ShellError) -> [String: Set<String>] {
        var filter: [String: Set<String>] = [:]
        var anyValue: Set<String> = []
        for item in values.flatMap({ $0.split(separator: ",") }) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0])
            guard !key.isEmpty else {
                throw .usage("ls: --tag \(String(item).quotedForMessage) names no tag; write --tag KEY=VALUE or KEY")
            }
            if parts.count == 2 { filter[key, default: []].insert(String(parts[1])) } else { anyValue.insert(key) }
        }
        for key in anyValue { filter[key] = [] }
        return filter
    }

    /// Whether `image` has every key of `filter`, with one of its values.
    static func matches(_ image: Image, _ filter: [String: Set<String>]) -> Bool {
        let tags = image.tags ?? []
        return filter.allSatisfy { key, wanted in
            tags.contains { tag in tag.key == key && (wanted.isEmpty || wanted.contains(tag.value)) }
        }
    }
}
