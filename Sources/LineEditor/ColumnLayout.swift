import TerminalText

/// Lays words out in columns the way `ls` and shells list completions.
public enum ColumnLayout {
    /// Spaces between two columns.
    public static let gap = 2

    /// The rows that show `items` in columns no wider than `width` in total.
    ///
    /// Items run down the columns first (column-major, like `ls`). Every column
    /// has the width of the widest item (measured with `displayWidth` from TerminalText, so CJK
    /// text lines up); rows carry no trailing spaces. An item wider than
    /// `width` gets a row of its own.
    public static func rows(_ items: [String], width: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        let widths = items.map(\.displayWidth)
        let cell = widths.max()! + gap
        let fitting = max(1, (max(width, 0) + gap) / cell)
        let rowCount = (items.count + fitting - 1) / fitting
        let columnCount = (items.count + rowCount - 1) / rowCount
        return (0..<rowCount).map { row in
            var line = ""
            for column in 0..<columnCount {
                let index = column * rowCount + row
                guard index < items.count else { break }
                let isLast = column == columnCount - 1 || index + rowCount >= items.count
                line += items[index]
                if !isLast { line += String(repeating: " ", count: cell - widths[index]) }
            }
            return line
        }
    }
}
