import TerminalText

extension Table: Renderable {
    /// See ``Renderable/rendered(as:style:)``. The `table` format separates columns by two
    /// spaces, measures text in terminal columns (CJK characters count two) and writes no
    /// trailing blanks; `tsv` writes no header.
    public func rendered(as format: OutputFormat, style: Style = .plain) -> String {
        switch format {
        case .table: renderedAsText(style: style)
        case .tsv: renderedAsTSV()
        case .json: jsonValue.encoded() + "\n"
        }
    }

    /// The table as a JSON array of objects.
    public var jsonValue: JSONValue {
        .array(rows.map { row in
            .object(columns.indices.map { JSONValue.Member(columns[$0].key, cell(row, $0).value) })
        })
    }

    private func renderedAsTSV() -> String {
        var output = ""
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
        let header = columns.map { column in
            (text: column.header.truncated(toDisplayWidth: column.maxWidth ?? .max), emphasis: Emphasis?.some(.bold))
        }
        let body = rows.map { row in
            columns.indices.map { index in
                let cell = cell(row, index)
                let text = CellText.escaped(CellText.text(of: cell.value, separator: ", "), escapingBackslash: false)
                return (text: text.truncated(toDisplayWidth: columns[index].maxWidth ?? .max), emphasis: cell.emphasis)
            }
        }
        var widths = header.map(\.text.displayWidth)
        for line in body {
            for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.text.displayWidth) }
        }
        var output = ""
        for line in [header] + body {
            var text = ""
            for (index, cell) in line.enumerated() {
                let padding = String(repeating: " ", count: widths[index] - cell.text.displayWidth)
                let isLast = index == line.count - 1
                if index > 0 { text += "  " }
                switch columns[index].alignment {
                case .left: text += style.apply(cell.emphasis, to: cell.text) + (isLast ? "" : padding)
                case .right: text += padding + style.apply(cell.emphasis, to: cell.text)
                }
            }
            output += text.trailingBlanksRemoved + "\n"
        }
        return output
    }
}

extension String {
    /// The string without trailing spaces.
    fileprivate var trailingBlanksRemoved: String {
        var result = Substring(self)
        while result.last == " " { result = result.dropLast() }
        return String(result)
    }
}
