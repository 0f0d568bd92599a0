/// Command output that can be written in every ``OutputFormat``.
public protocol Renderable: Sendable {
    /// The output as text ending with a newline (or empty), in `format`; colour only when
    /// `style` allows it and only in the `table` format.
    func rendered(as format: OutputFormat, style: Style) -> String
}
