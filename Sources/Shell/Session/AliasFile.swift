import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The aliases file: one alias a line, `NAME ACCOUNT,ACCOUNT,…`, `#` comments and blank lines
/// ignored. Read at start, replaced whole (atomically, mode 0600 in a 0700 directory) on every
/// `alias` and `unalias`. A symbolic link planted at its path is never followed: reading
/// refuses it and writing replaces the link itself.
enum AliasFile {
    /// What reading the file found.
    struct Contents: Sendable, Equatable {
        var aliases: [String: [String]] = [:]
        /// One line per problem (`PATH:LINE: …`), for warnings.
        var problems: [String] = []
    }

    /// Reads the file at `path`; a missing file is no aliases.
    static func load(_ path: String) -> Contents {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return Contents() }
            let reason = errno == ELOOP ? "it is a symbolic link; refusing to follow it" : PrivateFile.systemError()
            return Contents(problems: ["cannot read aliases from \(path): \(reason)"])
        }
        let data = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            return Contents(problems: ["cannot read aliases from \(path): not UTF-8 text"])
        }
        var contents = Contents()
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let words = line.split(whereSeparator: \.isWhitespace)
            guard let name = words.first, !name.hasPrefix("#") else { continue }
            let accounts = words.dropFirst().flatMap { $0.split(separator: ",") }.map(String.init)
            guard AliasCommand.isValidName(String(name)), words.count == 2,
                !accounts.isEmpty, accounts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) })
            else {
                contents.problems.append("\(path):\(number + 1): ignored: expected NAME ACCOUNT,ACCOUNT,...")
                continue
            }
            contents.aliases[String(name)] = accounts
        }
        return contents
    }

    /// Replaces the file at `path` with `aliases`, sorted by name (see ``PrivateFile``).
    static func save(_ aliases: [String: [String]], to path: String) throws(ShellError) {
        var text = "# cvmsh aliases (written by alias and unalias): NAME ACCOUNT,ACCOUNT,...\n"
        for name in aliases.keys.sorted() { text += "\(name) \(aliases[name]!.joined(separator: ","))\n" }
        try PrivateFile.replace(path, with: Data(text.utf8))
    }
}

extension Character {
    /// `0`…`9` only (not other scripts' digits).
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
