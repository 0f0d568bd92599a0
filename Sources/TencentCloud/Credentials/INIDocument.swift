import Foundation

/// A parsed INI file as the Tencent Cloud SDKs read their credentials file (Python `configparser`
/// defaults): `[section]` headers, `key = value` (or `key: value`) lines, whole-line comments
/// starting with `#` or `;`, blank lines.
///
/// Keys are lower-cased and values trimmed of surrounding whitespace, but quotes are kept
/// literally: `secret_key = "abc"` gives `"abc"` with the quotes, exactly as the SDKs do.
public struct INIDocument: Sendable, Equatable {
    /// Keys and values of each section, by section name (case-sensitive).
    public let sections: [String: [String: String]]

    /// Parses `text`. Errors name the line number but never echo the line (it may hold a secret).
    public init(parsing text: String) throws(INIParseError) {
        var sections: [String: [String: String]] = [:]
        var current: String?
        var lineNumber = 0
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]"), line.count > 2 else {
                    throw INIParseError(line: lineNumber, problem: "a section header must look like [name]")
                }
                let name = String(line.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                guard sections[name] == nil else {
                    throw INIParseError(line: lineNumber, problem: "section [\(name)] appears twice")
                }
                sections[name] = [:]
                current = name
                continue
            }
            guard let delimiter = line.firstIndex(where: { $0 == "=" || $0 == ":" }) else {
                throw INIParseError(line: lineNumber, problem: "expected `key = value`, a [section] or a # comment")
            }
            let key = line[..<delimiter].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: delimiter)...].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty else {
                throw INIParseError(line: lineNumber, problem: "a key is missing before the `=`")
            }
            guard let section = current else {
                throw INIParseError(line: lineNumber, problem: "a key appears before any [section] header")
            }
            guard sections[section]?[key] == nil else {
                throw INIParseError(line: lineNumber, problem: "a key appears twice in section [\(section)]")
            }
            sections[section, default: [:]][key] = value
        }
        self.sections = sections
    }

    /// The keys and values of `section`, or `nil` when there is no such section.
    public subscript(section: String) -> [String: String]? { sections[section] }
}

/// Why a text is not a valid INI file: the 1-based line and the problem, never the line itself.
public struct INIParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let problem: String

    public init(line: Int, problem: String) {
        self.line = line
        self.problem = problem
    }

    public var description: String { "line \(line): \(problem)" }
}
