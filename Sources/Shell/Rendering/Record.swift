import TencentCloudCore
import TerminalText

/// Named values about one thing: `status`, a batch summary and the like.
///
/// Rendered as aligned `label: value` lines (`table`), `key<TAB>value` lines (`tsv`), a header
/// record of keys and one record of values (`csv`) or one JSON object with the keys in field
/// order (`json`).
public struct Record: Sendable, Equatable {
    /// One named value.
    public struct Field: Sendable, Equatable {
        /// The stable field name in `tsv` and `json`.
        public var key: String
        /// The label shown in the `table` format.
        public var label: String
        /// The value, with an optional emphasis.
        public var value: Table.Cell

        /// Creates a field.
        public init(key: String, label: String, value: Table.Cell) {
            self.key = key
            self.label = label
            self.value = value
        }
    }

    /// The fields, in display order.
    public var fields: [Field]

    /// Creates a record.
    public init(fields: [Field]) { self.fields = fields }
}

extension Record: Renderable {
    /// See ``Renderable/rendered(as:style:)``.
    public func rendered(as format: OutputFormat, style: Style = .plain) -> String {
        switch format {
        case .json:
            return JSONValue.object(fields.map { JSONValue.Member($0.key, $0.value.value) }).encoded() + "\n"
        case .csv:
            return CSV.document(
                header: fields.map(\.key), rows: [fields.map { CellText.text(of: $0.value.value, separator: ",") }],
                byteOrderMark: style.csvBOM)
        case .tsv:
            return fields.map { field in
                CellText.escaped(field.key, escapingBackslash: true) + "\t"
                    + CellText.escaped(CellText.text(of: field.value.value, separator: ","), escapingBackslash: true)
                    + "\n"
            }.joined()
        case .table:
            let labels = fields.map { CellText.escaped($0.label, escapingBackslash: false) + ":" }
            let width = labels.map(\.displayWidth).max() ?? 0
            return zip(labels, fields).map { label, field in
                let shown = field.value.display ?? CellText.text(of: field.value.value, separator: ", ")
                let text = CellText.escaped(shown, escapingBackslash: false)
                let padding = String(repeating: " ", count: width - label.displayWidth)
                let line = text.isEmpty ? label : label + padding + " " + style.apply(field.value.emphasis, to: text)
                return line + "\n"
            }.joined()
        }
    }
}
