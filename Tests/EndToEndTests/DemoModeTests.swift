#if canImport(Glibc)
import Glibc
#endif
import Foundation
import TestSupport
import Testing

/// `--demo` keeps its promise that nothing leaves the machine, and leaves nothing behind.
@Suite struct DemoModeTests {
    static func demoFolders(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("cvmsh-demo-") }
    }

    @Test(arguments: [
        "endpoint default", "endpoint http://127.0.0.1:8099", "endpoint cvm.ap-singapore.tencentcloudapi.com",
    ])
    func otherEndpointsAreRefused(_ command: String) throws {
        try withTemporaryFolder("cvmsh-demo-test") { folder in
            let environment = ["TMPDIR": folder]
            let result = try run(
                cvmsh, ["--demo", "-q", "-c", "\(command); echo not-reached"], environment: environment, home: folder)
            // A command that fails stops the script: exit status 3.
            #expect(result.status == 3, "\(result.stderr)")
            let reason = "cannot change the endpoint: --demo talks only to its built-in emulator"
            #expect(result.stderr.contains(reason), "\(result.stderr)")
            #expect(!result.stdout.contains("not-reached"))
            let shown = try run(cvmsh, ["--demo", "-q", "-c", "endpoint"], environment: environment, home: folder)
            #expect(shown.stdout.hasPrefix("http://127.0.0.1:"), "\(shown.stdout)")
        }
    }

    @Test func theJournalFolderIsRemovedAtExit() throws {
        try withTemporaryFolder("cvmsh-demo-test") { folder in
            let result = try run(
                cvmsh, ["--demo", "-q", "-c", "select 1-3; share 100011110001 -y; journal"],
                environment: ["TMPDIR": folder], home: folder)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("share           3        1"), "the share was journaled: \(result.stdout)")
            #expect(Self.demoFolders(in: folder).isEmpty)
        }
    }

    @Test(arguments: [SIGTERM, SIGHUP])
    func theJournalFolderIsRemovedWhenASignalEndsTheShell(_ number: Int32) throws {
        try withTemporaryFolder("cvmsh-demo-test") { folder in
            let terminal = try PseudoTerminal(
                cvmsh, arguments: ["--demo"],
                environment: ["HOME": folder, "TMPDIR": folder, "NO_COLOR": "1", "EDITRC": folder + "/none"])
            try terminal.waitFor("ap-nanjing [0]> ")
            #expect(Self.demoFolders(in: folder) == ["cvmsh-demo-\(terminal.pid)"])
            try terminal.waitForRawMode()
            kill(terminal.pid, number)
            #expect(try terminal.waitForExit() == 128 + number)
            #expect(Self.demoFolders(in: folder).isEmpty)
        }
    }
}
