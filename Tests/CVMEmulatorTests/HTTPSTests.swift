import CVMEmulator
import Foundation
import TencentCloud
import TestSupport
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

@Suite struct HTTPSTests {
    /// Runs `curl` (which, unlike URLSession on Linux, takes a CA file) with a request signed in Swift.
    private func curl(_ url: String, ca: String?, request: URLRequest) async throws -> (status: Int32, body: String) {
        var arguments = ["curl", "--silent", "--show-error", "--max-time", "10", "--data-binary", "@-"]
        if let ca { arguments += ["--cacert", ca] }
        for (name, value) in request.allHTTPHeaderFields ?? [:] {
            arguments += ["-H", "\(name): \(value)"]
        }
        arguments.append(url)
        let result = try await runTool(arguments, stdin: request.httpBody ?? Data())
        return (result.status, result.stdout)
    }

    @Test(.timeLimit(.minutes(1))) func servesHTTPSWithATestCA() async throws {
        let certificates = try await TestCertificates()
        defer { certificates.remove() }
        try await withEmulator(
            EmulatorOptions(
                rateLimit: .off, tls: TLSFiles(certPath: certificates.certPath, keyPath: certificates.keyPath))
        ) { emulator in
            #expect(emulator.endpoint == "https://127.0.0.1:\(emulator.port)")
            let request = signedURLRequest(endpoint: emulator.endpoint, action: "DescribeImageQuota")

            let trusted = try await curl(emulator.endpoint + "/", ca: certificates.caPath, request: request)
            #expect(trusted.status == 0)
            let payload = JSONValue.parse(Array(trusted.body.utf8))?["Response"]
            #expect(payload?["ImageNumQuota"] == .int(500))

            // Without the test CA the certificate is not trusted: TLS is real.
            let untrusted = try await curl(emulator.endpoint + "/", ca: nil, request: request)
            #expect(untrusted.status != 0)
            #expect(await emulator.calls().count == 1)
        }
    }
}
