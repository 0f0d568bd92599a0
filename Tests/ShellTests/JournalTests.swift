import CVMEmulator
import Foundation
import TestSupport
import Testing

@testable import Shell

@Suite struct JournalTests {
    static func batchRecord(_ id: String) -> JournalRecord {
        var record = JournalRecord(kind: .batch, batch: id)
        record.region = "ap-nanjing"
        record.operation = .share
        record.plan = SharePlan(
            operation: .share, region: "ap-nanjing", accounts: ["100011110001"],
            images: [ImagePlan(imageId: "img-1", change: ["100011110001"])])
        return record
    }

    @Test func createsPrivateFilesAndReadsBackWhatItWrote() async throws {
        try await withTemporaryFolder("cvmsh-journal") { folder in
            let directory = folder + "/state/cvmsh"
            let path = directory + "/journal.jsonl"
            let journal = try Journal.open(path: path)
            try await journal.append(Self.batchRecord("b1"))
            var image = JournalRecord(kind: .image, batch: "b1")
            image.image = "img-1"
            image.outcomes = ["100011110001": .failed(code: "OverQuota", message: "full", requestId: "r-1")]
            try await journal.append(image)
            try await journal.append(JournalRecord(kind: .end, batch: "b1"))

            let file = try FileManager.default.attributesOfItem(atPath: path)
            let folder = try FileManager.default.attributesOfItem(atPath: directory)
            #expect((file[.posixPermissions] as? Int) == 0o600)
            #expect((folder[.posixPermissions] as? Int) == 0o700)
            let contents = try JournalReader.read(path: path)
            #expect(contents.problems.isEmpty)
            let batch = try #require(contents.batches.first)
            #expect(batch.ended && batch.isComplete)
            #expect(
                batch.outcomes["img-1"]?["100011110001"]
                    == .failed(code: "OverQuota", message: "full", requestId: "r-1"))
            #expect(batch.counts == [.failed: 1])
        }
    }

    @Test func toleratesATornLastLineAndKeepsAppendingOnAFreshLine() async throws {
        try await withTemporaryFolder("cvmsh-journal") { folder in
            let path = folder + "/journal.jsonl"
            try await Journal.open(path: path).append(Self.batchRecord("b1"))
            let handle = try #require(FileHandle(forWritingAtPath: path))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(#"{"type":"image","batch":"b1","ima"#.utf8))
            try handle.close()

            let torn = try JournalReader.read(path: path)
            #expect(torn.problems.isEmpty)
            #expect(torn.batches.count == 1 && !torn.batches[0].ended)

            try await Journal.open(path: path).append(JournalRecord(kind: .end, batch: "b1"))
            let after = try JournalReader.read(path: path)
            #expect(after.batches.first?.ended == true)
            #expect(after.problems.count == 1)
        }
    }

    @Test func refusesASymlinkPlantedAtItsPath() throws {
        try withTemporaryFolder("cvmsh-journal") { directory in
            let target = directory + "/elsewhere"
            #expect(FileManager.default.createFile(atPath: target, contents: Data()))
            try FileManager.default.createSymbolicLink(
                atPath: directory + "/journal.jsonl", withDestinationPath: target)
            #expect(throws: JournalError.self) { try Journal.open(path: directory + "/journal.jsonl") }
            #expect(try Data(contentsOf: URL(fileURLWithPath: target)).isEmpty)
        }
    }

    @Test func anUnwritableJournalStopsTheBatchBeforeAnyChange() async throws {
        try await withTemporaryFolder("cvmsh-journal") { directory in
            let path = directory + "/journal.jsonl"
            try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: directory + "/target")
            try await ShellHarness.with(environment: ["CVMSH_JOURNAL": path]) { harness in
                let outcome = await harness.run("select 1-5\nshare \(EmulatorState.partnerAccountIds[1]) -y")
                #expect(outcome == .stopped(.scriptStopped))
                #expect(
                    harness.console.errors.contains { $0.contains("journal") && $0.contains("nothing was changed") })
                #expect(await harness.calls("ModifyImageSharePermission").isEmpty)
            }
        }
    }
}
