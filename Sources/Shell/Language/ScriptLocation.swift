/// A place in a script: its source name (a path, `-` or `<stdin>`, as the caller chose) and a
/// 1-based physical line number. Prints as `SOURCE:LINE`.
public struct ScriptLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The name the script is known by in messages.
    public var source: String
    /// The 1-based physical line.
    public var line: Int

    /// Creates a location.
    public init(source: String, line: Int) {
        self.source = source
        self.line = line
    }

    public var description: String { "\(source):\(line)" }
}
