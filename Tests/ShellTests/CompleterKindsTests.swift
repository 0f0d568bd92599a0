import CVM
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import Shell

/// Completion details of issue-level behaviour: background regions, directories, list numbers.
@Suite struct CompleterKindsTests {
    static func complete(
        _ fixture: String, session: Session = CompleterTests.session, files: [String: [String]] = [:],
        regions: RegionPrefetch? = nil
    ) -> Completion {
        let cursor = fixture.distance(from: fixture.startIndex, to: fixture.firstIndex(of: "|")!)
        let line = fixture.replacingOccurrences(of: "|", with: "")
        return Completer.complete(
            line: line, cursor: cursor, session: session, listDirectory: { files[$0] }, regions: regions)
    }

    @Test func aDirectoryCompletesWithASlashAndNoSpace() {
        let files = [".": ["deploy.cvmsh", "docs/"], "docs/": ["a.cvmsh", "old/"]]
        let directory = Self.complete("source do|", files: files)
        #expect(directory.candidates == ["docs/"])
        #expect(!directory.appendSpaceWhenUnique)
        #expect(!Self.complete("source docs/o|", files: files).appendSpaceWhenUnique)
        let file = Self.complete("source de|", files: files)
        #expect(file.candidates == ["deploy.cvmsh"])
        #expect(file.appendSpaceWhenUnique)
    }

    @Test func directoryEntriesMarkDirectories() throws {
        try withTemporaryFolder("cvmsh-completer") { root in
            try FileManager.default.createDirectory(atPath: root + "/scripts", withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: root + "/run.cvmsh", contents: Data())
            #expect(Completer.directoryEntries(atPath: root)?.sorted() == ["run.cvmsh", "scripts/"])
            #expect(Completer.directoryEntries(atPath: root + "/missing") == nil)
        }
    }

    @Test func listNumbersShowTheImageNamesBesideThem() {
        let numbers = Self.complete("select 1,|")
        #expect(numbers.candidates == ["1,1", "1,2", "1,3"])
        #expect(numbers.displays == ["1,1  web-prod-20250514", "1,2  ウェブサーバー-本番", "1,3  db prod"])
        #expect(Self.complete("select img-0i|").displays == ["img-0iw2hfoo"])
        #expect(Self.complete("set o|").displays == ["output", "on_error"])
    }

    @Test func flagValuesCompleteByTheirKind() {
        #expect(Self.complete("ls --state N|").candidates == ["NORMAL"])
        #expect(Self.complete("ls --refresh --state C|").candidates == ["CREATEFAILED", "CREATING"])
        #expect(Self.complete("alias partners 1000|").candidates == ["100011110001", "100011110002", "100087654321"])
        #expect(Self.complete("alias p|").candidates == ["partners", "prod"])
        #expect(Self.complete("help sha|").candidates == ["share", "shared"])
        #expect(Self.complete("set concurrency |").candidates.isEmpty)
    }

    @Test func regionsComeFromABackgroundReadWithoutWaitingForIt() async throws {
        let gate = AsyncStream<Void>.makeStream()
        let reads = Counter()
        let prefetch = RegionPrefetch { _, _ in
            reads.value.withLock { $0 += 1 }
            for await _ in gate.stream { break }
            return ["ap-guangzhou", "ap-tokyo"]
        }
        var session = CompleterTests.session
        session.regions = nil
        // The read has not finished: TAB answers at once, with nothing.
        #expect(Self.complete("region ap-|", session: session, regions: prefetch).candidates.isEmpty)
        gate.continuation.yield()
        try await Self.waitForRegions(prefetch, session)
        #expect(Self.complete("region ap-t|", session: session, regions: prefetch).candidates == ["ap-tokyo"])
        #expect(reads.value.withLock { $0 } == 1)
    }

    /// Waits (up to a generous bound this test sets) until the background read has answered.
    static func waitForRegions(_ prefetch: RegionPrefetch, _ session: Session) async throws {
        let deadline = ContinuousClock.now + .seconds(60)
        while prefetch.regions(at: session.endpoint) == nil, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(prefetch.regions(at: session.endpoint) != nil)
    }

    final class Counter: Sendable {
        let value = Mutex(0)
    }

    @Test func regionsAreReadFromTheEmulatorOncePerSession() async throws {
        try await ShellHarness.with { shell in
            let prefetch = RegionPrefetch(services: shell.interpreter.services)
            let session = shell.interpreter.session
            #expect(session.regions == nil)
            _ = Self.complete("region |", session: session, regions: prefetch)
            try await Self.waitForRegions(prefetch, session)
            let regions = Self.complete("region ap-|", session: session, regions: prefetch).candidates
            #expect(regions.contains("ap-nanjing"))
            #expect(regions == regions.sorted())
            #expect(await shell.calls("DescribeRegions").count == 1)
        }
    }
}
