/// How output is presented: whether it may carry ANSI colour, how wide the terminal is, whether
/// `tsv` starts with a header. The caller decides once, at the edge; renderers only ask this value.
public struct Style: Sendable, Equatable {
    /// Whether ANSI escape sequences are written.
    public var usesColor: Bool
    /// The terminal width the `table` format fits (flexible columns shrink or grow to it);
    /// `nil` off a terminal, where flexible columns are cut at their ``Table/Column/maxWidth``.
    public var width: Int?
    /// Whether `tsv` tables start with a line of column keys (the `tsv_header` setting).
    public var tsvHeader = false
    /// Whether `csv` output starts with a UTF-8 byte order mark (the `csv_bom` setting).
    public var csvBOM = false

    /// Creates a style.
    public init(usesColor: Bool, width: Int? = nil, tsvHeader: Bool = false, csvBOM: Bool = false) {
        self.usesColor = usesColor
        self.width = width
        self.tsvHeader = tsvHeader
        self.csvBOM = csvBOM
    }

    /// No colour at all.
    public static let plain = Style(usesColor: false)

    /// Colour only on a terminal whose `TERM` is not `dumb`, and only when `NO_COLOR` is unset
    /// or empty (see no-color.org).
    public init(isTerminal: Bool, environment: [String: String]) {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        usesColor = isTerminal && !noColor && environment["TERM"] != "dumb"
    }

    /// `text` wrapped in the escape sequences for `emphasis`, or unchanged when colour is off
    /// or there is no emphasis.
    public func apply(_ emphasis: Emphasis?, to text: String) -> String {
        guard usesColor, let emphasis, !text.isEmpty else { return text }
        return "\u{1B}[\(emphasis.sgrCode)m\(text)\u{1B}[0m"
    }
}
