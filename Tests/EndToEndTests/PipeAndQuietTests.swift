import Foundation
import TestSupport
import Testing

/// The built `cvmsh` with the demo: pipes, redirection and `-q` as a script sees them.
@Suite struct PipeAndQuietTests {
    @Test func aPipeAndAFileFromTheCommandLine() async throws {
        try await withTemporaryFolder("cvmsh-home") { home in
            let report = home + "/report.tsv"
            let script = "ls | grep -c web-prod; set output tsv; ls > \(report)"
            let result = try await run(cvmsh, ["--demo", "-c", script], home: home)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
            let lines = try String(contentsOfFile: report, encoding: .utf8).split(separator: "\n")
            #expect(lines.first?.hasPrefix("index\tselected\timage_id") == true)
            #expect(lines.count > 1)
            let failing = try await run(
                cvmsh, ["--demo", "-c", "ls | grep -q no-such-name; echo not-reached"], home: home)
            #expect(failing.status == 3, "\(failing.stderr)")
            #expect(failing.stdout.isEmpty)
        }
    }

    @Test func quietHidesInformationalLines() async throws {
        let loud = try await run(cvmsh, ["--demo", "-c", "select 1"])
        #expect(loud.status == 0)
        #expect(loud.stderr == "1 image selected\n")
        let quiet = try await run(cvmsh, ["--demo", "-q", "-c", "select 1; select 9999"])
        #expect(quiet.status == 3)
        #expect(quiet.stderr.split(separator: "\n").count == 1)
        #expect(quiet.stderr.contains("error: select:"))
    }
}
