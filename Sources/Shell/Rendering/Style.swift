/// Whether output may carry ANSI colour. The caller decides once, at the edge; renderers only
/// ask this value.
public struct Style: Sendable, Equatable {
    /// Whether ANSI escape sequences are written.
    public var usesColor: Bool

    /// Creates a style.
    public init(usesColor: Bool) { self.usesColor = usesColor }

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
