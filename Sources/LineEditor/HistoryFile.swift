/// The history file format, in libedit's own encoding, and the merge rule.
///
/// libedit's `H_SAVE` writes the line `_HiStOrY_V2_` followed by one entry per
/// line encoded with `strvis(VIS_WHITE)`; `H_LOAD` reads it back with
/// `strunvis`. The encoder here writes blanks, controls and backslashes as
/// octal or `\\` escapes and UTF-8 text as is; the decoder accepts every form
/// `strvis` produces, so files move freely between the two.
enum HistoryFile {
    /// The first line of a libedit history file.
    static let cookie = "_HiStOrY_V2_"

    /// Why a file cannot be read as history.
    enum DecodingError: Error, Equatable, CustomStringConvertible {
        /// The first line is not ``HistoryFile/cookie``.
        case missingHeader
        /// A bad escape sequence on the given line (1-based).
        case badEscape(line: Int)
        /// The given line (1-based) is not UTF-8 after decoding.
        case notUTF8(line: Int)

        var description: String {
            switch self {
            case .missingHeader: "it does not start with \(HistoryFile.cookie)"
            case .badEscape(let line): "bad escape sequence on line \(line)"
            case .notUTF8(let line): "line \(line) is not UTF-8"
            }
        }
    }

    /// The file contents for `entries`, oldest first.
    static func encode(_ entries: [String]) -> [UInt8] {
        var bytes = Array(cookie.utf8)
        bytes.append(newline)
        for entry in entries {
            for byte in entry.utf8 {
                switch byte {
                case backslash:
                    bytes += [backslash, backslash]
                case 0..<0x21, 0x7F:
                    bytes += [backslash, 0x30 + (byte >> 6), 0x30 + ((byte >> 3) & 7), 0x30 + (byte & 7)]
                default:
                    bytes.append(byte)
                }
            }
            bytes.append(newline)
        }
        return bytes
    }

    /// The entries in a file's contents, oldest first. An empty file holds none.
    static func decode(_ bytes: [UInt8]) throws(DecodingError) -> [String] {
        guard !bytes.isEmpty else { return [] }
        let lines = bytes.split(separator: newline, omittingEmptySubsequences: false)
        guard let header = lines.first, Array(header) == Array(cookie.utf8) else {
            throw .missingHeader
        }
        var entries: [String] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            guard let raw = unvis(Array(line)) else { throw .badEscape(line: offset + 1) }
            guard let entry = String(validating: raw, as: UTF8.self) else {
                throw .notUTF8(line: offset + 1)
            }
            if !entry.isEmpty { entries.append(entry) }
        }
        return entries
    }

    /// The history after a save: the file's entries that still pass `keep`,
    /// then this session's new entries; consecutive duplicates collapsed; the
    /// newest `limit` kept.
    static func merge(onDisk: [String], session: [String], limit: Int, keep: (String) -> Bool) -> [String] {
        var merged: [String] = []
        for entry in onDisk.filter(keep) + session where entry != merged.last {
            merged.append(entry)
        }
        return Array(merged.suffix(max(limit, 0)))
    }

    private static let newline: UInt8 = 0x0A
    private static let backslash: UInt8 = 0x5C

    /// `strunvis` over one line; nil on a malformed escape.
    private static func unvis(_ input: [UInt8]) -> [UInt8]? {
        var output: [UInt8] = []
        var index = 0
        func next() -> UInt8? {
            guard index < input.count else { return nil }
            defer { index += 1 }
            return input[index]
        }
        func control(_ byte: UInt8) -> UInt8 { byte == 0x3F ? 0x7F : byte & 0x1F }
        while let byte = next() {
            guard byte == backslash else {
                output.append(byte)
                continue
            }
            guard let escape = next() else { return nil }
            switch escape {
            case 0x30...0x37:
                var value = UInt32(escape - 0x30)
                for _ in 0..<2 {
                    guard index < input.count, (0x30...0x37).contains(input[index]) else { break }
                    value = value * 8 + UInt32(input[index] - 0x30)
                    index += 1
                }
                guard value <= 0xFF else { return nil }
                output.append(UInt8(value))
            case 0x4D: // \M-c or \M^c
                switch (next(), next()) {
                case (0x2D?, let c?): output.append(c | 0x80)
                case (0x5E?, let c?): output.append(control(c) | 0x80)
                default: return nil
                }
            case 0x5E: // \^c
                guard let c = next() else { return nil }
                output.append(control(c))
            case 0x24, 0x0A: break // \$ hidden marker, escaped newline
            default:
                guard let value = cStyle[escape] else { return nil }
                output.append(value)
            }
        }
        return output
    }

    private static let cStyle: [UInt8: UInt8] = [
        0x5C: 0x5C, // \\
        0x6E: 0x0A, // \n
        0x72: 0x0D, // \r
        0x74: 0x09, // \t
        0x62: 0x08, // \b
        0x61: 0x07, // \a
        0x76: 0x0B, // \v
        0x66: 0x0C, // \f
        0x73: 0x20, // \s
        0x45: 0x1B, // \E
    ]
}
