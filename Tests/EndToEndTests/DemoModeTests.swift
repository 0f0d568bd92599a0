import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `--demo` keeps its promise that nothing leaves the machine, and leaves nothing behind.
@Suite struct DemoModeTests {
    static func demoFolders(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("cvmsh-demo-") }
    }

    @Test(arguments: [
        "endpoint default", "endpoint http://127.0.0.1:8099", "endpoint cvm.ap-singapore.tencentcloudapi.com",
    ])
    func otherEndpointsAreRefused(_ command: String) async throws {
        try await withTemporaryFolder("cvmsh-demo-test") { folder in
            let environment = ["TMPDIR": folder]
            let result = try await run(
                cvmsh, ["--demo", "-q", "-c", "\(command); echo not-reached"], environment: environment, home: folder)
            // A command that fails stops the script: exit status 3.
            #expect(result.status == 3, "\(result.stderr)")
            let reason = "cannot change the endpoint: --demo talks only to its built-in emulator"
            #expect(result.stderr.contains(reason), "\(result.stderr)")
            #expect(!result.stdout.contains("not-reached"))
            let shown = try await run(
                cvmsh, ["--demo", "-q", "-c", "endpoint"], environment: environment, home: folder)
            #expect(shown.stdout.hasPrefix("http://127.0.0.1:"), "\(shown.stdout)")
        }
    }

    @Test func theJournalFolderIsRemovedAtExit() async throws {
        try await withTemporaryFolder("cvmsh-demo-test") { folder in
            let result = try await run(
                cvmsh, ["--demo", "-q", "-c", "select 1-3; share 100011110001 -y; journal"],
                environment: ["TMPDIR": folder], home: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("share           3        1"), "the share was journaled: \(result.stdout)")
            #expect(Self.demoFolders(in: folder).isEmpty)
        }
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func theJournalFolderIsRemovedWhenASignalEndsTheShell(_ number: Int32) async throws {
        try await withTemporaryFolder("cvmsh-demo-test") { folder in
            let terminal = try PseudoTerminal(
                cvmsh, arguments: ["--demo"],
                environment: ["HOME": folder, "TMPDIR": folder, "NO_COLOR": "1", "EDITRC": folder + "/none"])
            try await terminal.waitFor("ap-nanjing [0]> ")
            #expect(Self.demoFolders(in: folder) == ["cvmsh-demo-\(terminal.pid)"])
            try await terminal.waitForRawMode()
            kill(terminal.pid, number)
            #expect(try await terminal.waitForExit() == 128 + number)
            #expect(Self.demoFolders(in: folder).isEmpty)
        }
    }

    /// A script read from a pipe that stays silent: a signal ends the wait for the next line.
    @Test(arguments: [(SIGTERM, 128 + SIGTERM), (SIGINT, 130)] as [(Int32, Int32)])
    func aSignalEndsAScriptWaitingOnASilentPipe(_ number: Int32, _ status: Int32) async throws {
        try await withTemporaryFolder("cvmsh-demo-test") { folder in
            let process = try SpawnedProcess(
                cvmsh, ["--demo", "-q"],
                environment: ["PATH": "/usr/bin:/bin", "HOME": folder, "TMPDIR": folder, "LANG": "C.UTF-8"],
                stdin: .pipe, stdout: .pipe)
            let input = try #require(process.standardInput)
            let output = try #require(process.standardOutput)
            // Read by Foundation's handler, off the cooperative threads.
            let chunks = AsyncStream<Data> { stream in
                output.readabilityHandler = { handle in
                    let chunk = handle.availableData
                    if chunk.isEmpty { stream.finish() } else { stream.yield(chunk) }
                }
            }
            defer { output.readabilityHandler = nil }
            input.write(Data("echo ready\n".utf8))
            // The script is running (and now waits for its next line) once it has said so.
            var seen = Data()
            for await chunk in chunks {
                seen.append(chunk)
                if String(decoding: seen, as: UTF8.self).contains("ready") { break }
            }
            #expect(String(decoding: seen, as: UTF8.self) == "ready\n")
            process.signal(number)
            // Bounded: before reads were cancellable, the shell waited here for a line forever.
            try #require(try await process.exited(within: .seconds(20)), "still waiting for input")
            #expect(process.shellStatus == status)
            #expect(Self.demoFolders(in: folder).isEmpty)
        }
    }
}
