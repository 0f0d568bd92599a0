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
        var grid = TextGrid(self)
        var fitted = self
        while let width = style.width, let drop = fitted.yieldingColumn(grid, width: width) {
            fitted.columns.remove(at: drop)
            grid.remove(column: drop)
        }
        grid.truncate(to: fitted.columnWidths(grid, fitting: style.width))
        // A cut before a wide character may leave every cell of a column narrower than its limit.
        let widths = fitted.columns.indices.map(grid.widest)
        var output = ""
        output.reserveCapacity(grid.lineCount * (widths.reduce(0, +) + 2 * widths.count))
        var line = ""
        for lineIndex in 0..<grid.lineCount {
            line.removeAll(keepingCapacity: true)
            for index in widths.indices {
                let cell = grid.cell(lineIndex, index)
                let padding = Self.blanks(widths[index] - cell.width)
                if index > 0 { line += "  " }
                if fitted.columns[index].alignment == .right { line += padding }
                line += style.apply(cell.emphasis, to: cell.text)
                if fitted.columns[index].alignment == .left, index < widths.count - 1 { line += padding }
            }
            while line.utf8.last == UInt8(ascii: " ") { line.removeLast() }
            output += line
            output += "\n"
        }
        return output
    }

    /// The yielding column to leave out (the lowest drop rank first) when the lines of `grid` at
    /// their natural widths are wider than `width`; nil when they fit or no column yields.
    private func yieldingColumn(_ grid: TextGrid, width: Int) -> Int? {
        let yielding = columns.indices.filter { columns[$0].yields }
        guard !yielding.isEmpty else { return nil }
        let total = columns.indices.reduce(2 * (columns.count - 1)) { $0 + grid.widest($1) }
        guard total > width else { return nil }
        return yielding.min { (columns[$0].dropRank ?? .max) < (columns[$1].dropRank ?? .max) }
    }

    /// The width of each column: its widest cell in `grid`, flexible columns (those with a
    /// `maxWidth`) capped at it when `width` is unknown, else shrunk, the widest first, until a
    /// line fits in `width` or each is down to its header (at least ``minimumFlexibleWidth``).
    private func columnWidths(_ grid: TextGrid, fitting width: Int?) -> [Int] {
        var widths = columns.indices.map(grid.widest)
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

    /// `count` spaces, cut from one string rather than made for each cell.
    private static func blanks(_ count: Int) -> Substring {
        count <= spaces.count ? spaces.prefix(count) : Substring(String(repeating: " ", count: count))
    }

    private static let spaces = String(repeating: " ", count: 160)

    /// The narrowest a flexible column is made to fit a terminal.
    static let minimumFlexibleWidth = 8
}
