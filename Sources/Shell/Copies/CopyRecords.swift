import CVM
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One copy made by `sync` or `publish`: which image it copies, from which region, to where.
public struct CopyRecord: Codable, Sendable, Equatable {
    /// The copied image.
    public var source: String
    public var sourceRegion: String
    /// The copy's id and region.
    public var copy: String
    public var region: String
    /// The copy's name (its identity in the destination, where names are unique).
    public var name: String

    public init(source: String, sourceRegion: String, copy: String, region: String, name: String) {
        self.source = source
        self.sourceRegion = sourceRegion
        self.copy = copy
        self.region = region
        self.name = name
    }
}

/// The copies cvmsh made, kept in `copies.json` beside the journal so later sessions find them.
/// Replaced whole on every change: written to a temporary file (mode 0600), flushed to disk,
/// renamed over the old one, and the directory flushed, so a crash leaves the old or the new
/// file, never half of one. A symbolic link at its path is neither read nor followed.
public struct CopyRecords: Sendable, Equatable {
    public var records: [CopyRecord] = []

    public init(records: [CopyRecord] = []) {
        self.records = records
    }

    /// The file beside `journal`.
    public static func path(besideJournal journal: String) -> String {
        let directory = (journal as NSString).deletingLastPathComponent
        return (directory.isEmpty ? "." : directory) + "/copies.json"
    }

    /// The copies of `source`, in any region.
    public func copies(of source: String) -> [CopyRecord] {
        records.filter { $0.source == source }
    }

    /// The record of the copy `id`, if it is one.
    public func record(ofCopy id: String) -> CopyRecord? {
        records.first { $0.copy == id }
    }

    /// Adds `record`, replacing an earlier record of the same source and destination.
    public mutating func add(_ record: CopyRecord) {
        records.removeAll { $0.source == record.source && $0.region == record.region }
        records.append(record)
    }

    /// Reads the file at `path`; a missing file holds no copies.
    public static func load(_ path: String) throws(ShellError) -> CopyRecords {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return CopyRecords() }
            let reason = errno == ELOOP ? "it is a symbolic link; refusing to follow it" : PrivateFile.systemError()
            throw .failed("cannot read copy records from \(path): \(reason)")
        }
        let data = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true).readDataToEndOfFile()
        do {
            return CopyRecords(records: try JSONDecoder().decode([CopyRecord].self, from: data))
        } catch {
            throw .failed("cannot read copy records from \(path): not a list of copies; move it away")
        }
    }

    /// Replaces the file at `path` with these records (see ``PrivateFile``).
    public func save(to path: String) throws(ShellError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do {
            data = try encoder.encode(records)
        } catch {
            throw .failed("cannot encode copy records: \(error)")
        }
        try PrivateFile.replace(path, with: data + Data("\n".utf8))
    }

}

extension Interpreter {
    /// Where the copy records live: beside the journal.
    var copyRecordsPath: String { CopyRecords.path(besideJournal: services.paths.journalFile) }

    /// The copy records on disk.
    func copyRecords() throws(ShellError) -> CopyRecords {
        try CopyRecords.load(copyRecordsPath)
    }

    /// Adds `records` to the file (read again first, so another shell's copies are kept).
    func remember(copies records: [CopyRecord]) throws(ShellError) {
        guard !records.isEmpty else { return }
        var all = try copyRecords()
        for record in records { all.add(record) }
        try all.save(to: copyRecordsPath)
    }
}
