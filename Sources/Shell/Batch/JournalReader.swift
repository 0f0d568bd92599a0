import Foundation

/// Reads the journal back into batches. Lines that are not records (a torn last line from a
/// crash, or damage) are skipped and reported, never fatal.
public enum JournalReader {
    /// What the journal holds.
    public struct Contents: Sendable, Equatable {
        /// Batches in the order they started.
        public var batches: [JournalBatch] = []
        /// One line per skipped line (`line N: …`); a torn last line is not reported.
        public var problems: [String] = []
    }

    /// Reads the journal at `path`; a missing file is an empty journal.
    public static func read(path: String) throws(JournalError) -> Contents {
        guard FileManager.default.fileExists(atPath: path) else { return Contents() }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw JournalError(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        return parse(data)
    }

    /// Parses journal bytes.
    public static func parse(_ data: Data) -> Contents {
        var contents = Contents()
        var index: [String: Int] = [:]
        let decoder = JSONDecoder()
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let lastNonEmpty = lines.lastIndex { !$0.isEmpty }
        for (number, line) in lines.enumerated() where !line.isEmpty {
            guard let record = try? decoder.decode(JournalRecord.self, from: Data(line)) else {
                let isTornTail = number == lastNonEmpty && data.last != UInt8(ascii: "\n")
                if !isTornTail { contents.problems.append("line \(number + 1): not a journal record; skipped") }
                continue
            }
            if record.kind == .batch {
                guard let batch = JournalBatch(record) else {
                    contents.problems.append("line \(number + 1): incomplete batch record; skipped")
                    continue
                }
                index[batch.id] = contents.batches.count
                contents.batches.append(batch)
            } else if let position = index[record.batch] {
                contents.batches[position].apply(record)
            }
        }
        return contents
    }
}
