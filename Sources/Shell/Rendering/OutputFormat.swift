/// How command output is written; chosen by `--output` or `set output`, never by whether stdout
/// is a terminal.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for people.
    case table
    /// Tab-separated values for `cut` and `awk`: no header line, tabs/newlines/backslashes escaped.
    case tsv
    /// One JSON document per command, for `jq`.
    case json
}
