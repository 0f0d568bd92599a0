/// How command output is written; chosen by `--output` or `set output`, never by whether stdout
/// is a terminal.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for people.
    case table
    /// Tab-separated values for `cut` and `awk`: tables start with a line of column keys
    /// (`set tsv_header off` drops it); tabs, newlines and backslashes are escaped.
    case tsv
    /// Comma-separated values (RFC 4180) for spreadsheets: a header record of column keys, CRLF
    /// line ends, fields quoted when they hold a comma, quote or line break; `set csv_bom on`
    /// starts it with a UTF-8 byte order mark.
    case csv
    /// One JSON document per command, for `jq`: a table is an array of objects, a record (`status`,
    /// a batch summary) one object; numbers, booleans, lists and null keep their JSON types.
    case json
}
