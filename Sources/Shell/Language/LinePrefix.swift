/// The sftp-style prefix of a script line: `-` ignores the line's failure, `@` suppresses its
/// echo. Leading blanks are skipped; both marks may appear, in either order, once each.
struct LinePrefix: Equatable {
    var ignoreFailure = false
    var suppressEcho = false
    /// UTF-8 bytes taken by leading blanks and the marks (0 when there are no marks).
    var length = 0

    init(parsing line: String) {
        var consumed = 0
        for byte in line.utf8 {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") {
                if ignoreFailure || suppressEcho { break }
            } else if byte == UInt8(ascii: "-"), !ignoreFailure {
                ignoreFailure = true
            } else if byte == UInt8(ascii: "@"), !suppressEcho {
                suppressEcho = true
            } else {
                break
            }
            consumed += 1
        }
        if ignoreFailure || suppressEcho { length = consumed }
    }
}
