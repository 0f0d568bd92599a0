import TerminalText

/// The `table` format's lines as text before they are padded: the header, then one line per row,
/// each cell's text, emphasis and width in terminal columns, kept row after row in flat arrays
/// (a 50,000-row `ls` has half a million cells; one array per line would be 50,000 more
/// allocations). Every cell is measured once.
struct TextGrid {
    /// Cells per line.
    private(set) var columnCount: Int
    private var texts: [String]
    private var emphases: [Emphasis?]
    private var widths: [Int]

    /// The header (bold) and the rows of `table`, as the `table` format shows them.
    init(_ table: Table) {
        columnCount = table.columns.count
        let cells = columnCount * (table.rows.count + 1)
        texts = []
        emphases = []
        widths = []
        texts.reserveCapacity(cells)
        emphases.reserveCapacity(cells)
        widths.reserveCapacity(cells)
        for column in table.columns {
            append(column.header, .bold)
        }
        for row in table.rows {
            for index in table.columns.indices {
                let cell = table.cell(row, index)
                let text = cell.display ?? CellText.text(of: cell.value, separator: ", ")
                append(CellText.escaped(text, escapingBackslash: false), cell.emphasis)
            }
        }
    }

    private mutating func append(_ text: String, _ emphasis: Emphasis?) {
        texts.append(text)
        emphases.append(emphasis)
        widths.append(text.displayWidth)
    }

    /// Lines, the header included.
    var lineCount: Int { columnCount == 0 ? 0 : texts.count / columnCount }

    /// The cell at `column` of `line` (0 is the header).
    func cell(_ line: Int, _ column: Int) -> (text: String, emphasis: Emphasis?, width: Int) {
        let index = line * columnCount + column
        return (texts[index], emphases[index], widths[index])
    }

    /// The widest cell of `column`, in terminal columns.
    func widest(_ column: Int) -> Int {
        stride(from: column, to: widths.count, by: columnCount).reduce(0) { max($0, widths[$1]) }
    }

    /// Leaves `column` out of every line.
    mutating func remove(column: Int) {
        let kept = texts.indices.filter { $0 % columnCount != column }
        texts = kept.map { texts[$0] }
        emphases = kept.map { emphases[$0] }
        widths = kept.map { widths[$0] }
        columnCount -= 1
    }

    /// Cuts each cell wider than its column's limit to fit it (ending in `…`).
    mutating func truncate(to limits: [Int]) {
        for index in texts.indices where widths[index] > limits[index % columnCount] {
            texts[index] = texts[index].truncated(toDisplayWidth: limits[index % columnCount])
            widths[index] = texts[index].displayWidth
        }
    }
}
