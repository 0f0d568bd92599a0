import TencentCloudCore
import TerminalText

extension Table: Renderable {
    /// See ``Renderable/rendered(as:style:)``. The `table` format separates columns by two
    /// spaces, measures text in terminal columns (CJK characters count two), fits the lines to
    /// ``Style/width`` when it is known (see ``Column/maxWidth``) and writes no trailing blanks;
    /// `tsv` starts with a line of column keys when ``Style/tsvHeader`` is on.
    public func rendered(as format: OutputFormat, style: Style = .plain) -> String {
        switch format {
        case .table: renderedAsText(style: style)
        case .tsv: renderedAsTSV(header: style.tsvHeader)
        case .csv:
            CSV.document(
                header: columns.map(\.key),
                rows: rows.map { row in
                    columns.indices.map { CellText.text(of: cell(row, $0).value, separator: ",") }
                }, byteOrderMark: style.csvBOM)
        case .json: jsonValue.encoded() + "\n"
        }
    }

    /// The table as a JSON array of objects.
    public var jsonValue: JSONValue {
        .array(
            rows.map { row in
                .object(columns.indices.map { JSONValue.Member(columns[$0].key, cell(row, $0).value) })
            })
    }

    private func renderedAsTSV(header: Bool) -> String {
        var output = ""
        if header, !columns.isEmpty {
            output += columns.map { CellText.escaped($0.key, escapingBackslash: true) }.joined(separator: "\t") + "\n"
        }
        for row in rows {
            output += columns.indices.map { column in
                CellText.escaped(CellText.text(of: cell(row, column).value, separator: ","), escapingBackslash: true)
            }.joined(separator: "\t")
            output += "\n"
        }
        return output
    }

    private func renderedAsText(style: Style) -> String {
        guard !columns.isEmpty else { return "" }
        if let width = style.width, let narrower = leavingOutAColumn(toFit: width) {
            return narrower.renderedAsText(style: style)
        }
        var header = columns.map { (text: $0.header, emphasis: Emphasis?.some(.bold)) }
        var body = rows.map { row in
            columns.indices.map { index in
                let cell = cell(row, index)
                let text = cell.display ?? CellText.text(of: cell.value, separator: ", ")
                return (text: CellText.escaped(text, escapingBackslash: false), emphasis: cell.emphasis)
            }
        }
        // Each cell is measured once: a 50,000-row `ls` has hundreds of thousands of them.
        var natural = ([header] + body).map { line in line.map { $0.text.displayWidth } }
        var fitted = self
        while let width = style.width, let drop = fitted.yieldingColumn(natural: natural, width: width) {
            fitted.columns.remove(at: drop)
            header.remove(at: drop)
            for index in body.indices { body[index].remove(at: drop) }
            for index in natural.indices { natural[index].remove(at: drop) }
        }
        let limits = fitted.columnWidths(natural: natural, fitting: style.width)
        let lines = zip([header] + body, natural).map { line, measured in
            line.indices.map { index in
                let cell = line[index]
                guard measured[index] > limits[index] else {
                    return (text: cell.text, emphasis: cell.emphasis, width: measured[index])
                }
                let cut = cell.text.truncated(toDisplayWidth: limits[index])
                return (text: cut, emphasis: cell.emphasis, width: cut.displayWidth)
            }
        }
        // A cut before a wide character may leave every cell of a column narrower than its limit.
        let widths = fitted.columns.indices.map { index in lines.map { $0[index].width }.max() ?? 0 }
        var output = ""
        for line in lines {
            var text = ""
            for (index, cell) in line.enumerated() {
                let shown = cell.text
                let padding = String(repeating: " ", count: widths[index] - cell.width)
                let isLast = index == line.count - 1
                if index > 0 { text += "  " }
                switch fitted.columns[index].alignment {
                case .left: text += style.apply(cell.emphasis, to: shown) + (isLast ? "" : padding)
                case .right: text += padding + style.apply(cell.emphasis, to: shown)
                }
            }
            output += text.trailingBlanksRemoved + "\n"
        }
        return output
    }

    /// The yielding column to leave out (the lowest drop rank first) when the lines at their
    /// natural widths (`natural`, measured per cell) are wider than `width`; nil when they fit
    /// or no column yields.
    private func yieldingColumn(natural lines: [[Int]], width: Int) -> Int? {
        let yielding = columns.indices.filter { columns[$0].yields }
        guard !yielding.isEmpty else { return nil }
        var total = 2 * (columns.count - 1)
        for index in columns.indices { total += lines.reduce(0) { max($0, $1[index]) } }
        guard total > width else { return nil }
        return yielding.min { (columns[$0].dropRank ?? .max) < (columns[$1].dropRank ?? .max) }
    }

    /// The width of each column: its widest cell, flexible columns (those with a `maxWidth`)
    /// capped at it when `width` is unknown, else shrunk, the widest first, until a line fits in
    /// `width` or each is down to its header (at least ``minimumFlexibleWidth``).
    private func columnWidths(natural lines: [[Int]], fitting width: Int?) -> [Int] {
        var widths = columns.indices.map { index in lines.map { $0[index] }.max() ?? 0 }
        let flexible = columns.indices.filter { columns[$0].maxWidth != nil }
        guard let width else {
            for index in flexible { widths[index] = min(widths[index], columns[index].maxWidth ?? .max) }
            return widths
        }
        let floor = flexible.map { max(columns[$0].header.displayWidth, Self.minimumFlexibleWidth) }
        var excess = widths.reduce(2 * (widths.count - 1), +) - width
        while excess > 0 {
            let shrinkable = flexible.indices.filter { widths[flexible[$0]] > floor[$0] }
            guard let widest = shrinkable.max(by: { widths[flexible[$0]] < widths[flexible[$1]] }) else { break }
            let others = shrinkable.map { widths[flexible[$0]] }.filter { $0 < widths[flexible[widest]] }
            let target = max(others.max() ?? 0, floor[widest], widths[flexible[widest]] - excess)
            let step = max(widths[flexible[widest]] - target, 1)
            widths[flexible[widest]] -= step
            excess -= step
        }
        return widths
    }

    /// The table without its lowest-ranked droppable column, when even the narrowest line
    /// (flexible columns at their floor) is wider than `width`; `nil` when it fits or nothing
    /// can go.
    private func leavingOutAColumn(toFit width: Int) -> Table? {
        let narrowest = columns.indices.reduce(2 * (columns.count - 1)) { total, index in
            let column = columns[index]
            let natural = rows.reduce(column.header.displayWidth) { widest, row in
                let cell = cell(row, index)
                let text = cell.display ?? CellText.text(of: cell.value, separator: ", ")
                return max(widest, CellText.escaped(text, escapingBackslash: false).displayWidth)
            }
            guard column.maxWidth != nil else { return total + natural }
            return total + min(natural, max(column.header.displayWidth, Self.minimumFlexibleWidth))
        }
        guard narrowest > width,
            let drop = columns.indices.filter({ columns[$0].dropRank != nil })
                .min(by: { columns[$0].dropRank! < columns[$1].dropRank! })
        else { return nil }
        var narrower = self
        narrower.columns.remove(at: drop)
        narrower.rows = rows.map { row in
            var row = row
            if drop < row.count { row.remove(at: drop) }
            return row
        }
        return narrower
    }

    /// The narrowest a flexible column is made to fit a terminal.
    static let minimumFlexibleWidth = 8
}

extension String {
    /// The string without trailing spaces.
    fileprivate var trailingBlanksRemoved: String {
        var result = Substring(self)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
