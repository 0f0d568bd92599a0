/// Why a ``LineEditor`` could not be created.
public enum LineEditorError: Error, Equatable, CustomStringConvertible {
    /// libedit's `el_init` or `history_init` failed.
    case libeditUnavailable(String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .libeditUnavailable(let function): "libedit: \(function) failed"
        }
    }
}
