/// A visual emphasis a renderer may give a cell; shown only when the ``Style`` uses colour.
public enum Emphasis: Sendable, Equatable {
    case bold, dim, red, green, yellow, cyan

    /// The SGR parameter that turns the emphasis on.
    var sgrCode: String {
        switch self {
        case .bold: "1"
        case .dim: "2"
        case .red: "31"
        case .green: "32"
        case .yellow: "33"
        case .cyan: "36"
        }
    }
}
