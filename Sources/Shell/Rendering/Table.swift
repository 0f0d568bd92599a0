import TencentCloudCore

/// Rows of values under named columns: `ls`, `shared`, `regions` and the like.
///
/// Rendered as aligned columns (`table`), tab-separated lines (`tsv`) or a JSON array of objects
/// keyed by ``Column/key`` in column order (`json`). A row with fewer cells than columns is
/// padded with nulls; extra cells are ignored.
public struct Table: Sendable, Equatable {
    /// How a column's text sits in its width.
    public enum Alignment: Sendable, Equatable { case left, right }

    /// One column.
    public struct Column: Sendable, Equatable {
        /// The heading shown in the `table` format.
        public var header: String
        /// The stable field name in the `json` format.
        public var key: String
        /// Left for text, right for numbers.
        public var alignment: Alignment
        /// The most columns a cell may take in the `table` format off a terminal; longer text
        /// ends in `…`. A column with a maximum is flexible: at a terminal of known width it
        /// takes its longest value when the line fits and shrinks (first the widest) when not.
        public var maxWidth: Int?
        /// Whether the `table` format may leave the column out at a terminal too narrow for every
        /// column once the flexible ones have shrunk: such columns go, the lowest rank first.
        /// `tsv` and `json` always carry it. `nil`: always shown.
        public var dropRank: Int?
        /// Whether the column gives way at a terminal: when the lines at their natural widths are
        /// wider than the terminal, such columns go (the lowest ``dropRank`` first) before any
        /// other column shrinks. For extras such as `ls`'s FAMILY and TAGS.
        public var yields: Bool

        /// Creates a column.
        public init(
            _ header: String, key: String, alignment: Alignment = .left, maxWidth: Int? = nil, dropRank: Int? = nil,
            yields: Bool = false
        ) {
            self.header = header
            self.key = key
            self.alignment = alignment
            self.maxWidth = maxWidth
            self.dropRank = dropRank
            self.yields = yields
        }
    }

    /// One value with an optional emphasis (colour, in the `table` format only).
    public struct Cell: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        /// The value; its JSON type is kept in the `json` format.
        public var value: JSONValue
        /// How the cell is highlighted when colour is on.
        public var emphasis: Emphasis?
        /// What the `table` format shows instead of the value (`*` for a selected image whose
        /// value is `true`); `tsv` and `json` carry the value.
        public var display: String?

        /// Creates a cell.
        public init(_ value: JSONValue, emphasis: Emphasis? = nil, display: String? = nil) {
            self.value = value
            self.emphasis = emphasis
            self.display = display
        }

        public init(stringLiteral value: String) { self.init(.string(value)) }
        public init(integerLiteral value: Int) { self.init(.int(value)) }
    }

    /// The columns, in display order.
    public var columns: [Column]
    /// The rows, each a list of cells in column order.
    public var rows: [[Cell]]

    /// Creates a table.
    public init(columns: [Column], rows: [[Cell]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The cell at `column` of `row`, or a null cell when the row is short.
    func cell(_ row: [Cell], _ column: Int) -> Cell {
        column < row.count ? row[column] : Cell(.null)
    }
}
