import CVM
import CVMEmulator
import Foundation
import TencentCloud
import TestSupport
import Testing

/// Broken servers (issue 8), the TLS case: the emulator's HTTPS front serves a certificate, signed
/// by a CA the client trusts (`caFile`), but issued for `otherhost.example`. Connecting to
/// 127.0.0.1 must fail the hostname check with a one-line TLS error, before any call reaches the
/// emulator. A certificate for 127.0.0.1 from the same CA works, so the failure is the hostname.
@Suite(.timeLimit(.minutes(1))) struct WrongHostCertificateTests {
    /// A throw-away CA with two server certificates: one for 127.0.0.1, one for otherhost.example.
    struct Certificates {
        let directory: String
        var caPath: String { directory + "/ca.pem" }

        /// Makes them in `directory`, an existing folder the caller removes.
        init(in directory: String) async throws {
            self.directory = directory
            let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
            try await openssl(
                ["req", "-x509"] + ec + [
                    "-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=cvmsh wrong-host CA",
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                ])
            for (name, subjectAltName) in [("other", "DNS:otherhost.example"), ("loopback", "IP:127.0.0.1")] {
                try "subjectAltName=\(subjectAltName)\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
                    .write(toFile: directory + "/\(name).cnf", atomically: true, encoding: .utf8)
                let commonName = name == "other" ? "otherhost.example" : "127.0.0.1"
                try await openssl(
                    ["req"] + ec + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", "/CN=\(commonName)"])
                try await openssl([
                    "x509", "-req", "-in", "\(name).csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                    "-out", "\(name).pem", "-days", "2", "-extfile", "\(name).cnf",
                ])
            }
        }

        func files(_ name: String) -> TLSFiles {
            TLSFiles(certPath: directory + "/\(name).pem", keyPath: directory + "/\(name).key")
        }

        private func openssl(_ arguments: [String]) async throws {
            guard try await runTool(["openssl"] + arguments, in: directory).status == 0 else {
                throw CocoaError(
                    .executableLoad, userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments.first ?? "") failed"])
            }
        }
    }

    func client(_ endpoint: String, caFile: String?) throws -> CVMClient {
        let transport = try AsyncHTTPTransport(
            configuration: TransportConfiguration(
                connectTimeout: .seconds(2), requestTimeout: .seconds(2), caFile: caFile))
        return CVMClient(
            api: APIClient(
                configuration: ClientConfiguration(
                    endpoint: try Endpoint(parsing: endpoint), requestClient: "cvmsh/test",
                    retry: RetryPolicy(base: .milliseconds(1)),
                    rateLimits: .off),
                credentials: StaticCredentialProvider(
                    Credential(secretId: EmulatorState.demoSecretId, secretKey: EmulatorState.demoSecretKey)),
                transport: transport))
    }

    /// The error of one DescribeImageQuota call, and how long it took.
    func failure(_ cvm: CVMClient) async -> (TencentCloudError?, Duration) {
        let started = ContinuousClock.now
        do {
            _ = try await cvm.describeImageQuota(region: EmulatorState.demoRegion)
            return (nil, ContinuousClock.now - started)
        } catch {
            return (error, ContinuousClock.now - started)
        }
    }

    @Test func aCertificateForAnotherHostIsATLSFailure() async throws {
        let (error, calls) = try await withTemporaryFolder("cvmsh-wronghost") { directory in
            let certificates = try await Certificates(in: directory)
            return try await withEmulator(EmulatorOptions(rateLimit: .off, tls: certificates.files("other"))) {
                emulator in
                let cvm = try client(emulator.endpoint, caFile: certificates.caPath)
                let (outcome, _) = await self.failure(cvm)
                await cvm.api.shutdown()
                return (outcome, await emulator.calls())
            }
        }

        let failure = try #require(error)
        guard case .transport(let transport) = failure else {
            Issue.record("expected a TLS failure, got \(failure)")
            return
        }
        #expect(transport.kind == .tls, "\(failure)")
        #expect(!failure.isAmbiguous)
        let text = failure.description
        #expect(text.hasPrefix("DescribeImageQuota: TLS failure"), "\(text)")
        #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(text.debugDescription)")
        #expect(text.count < 400, "\(text)")
        // A TLS failure is not retried, and nothing reached the emulator.
        #expect(calls.isEmpty)
    }

    @Test func theSameCAWithTheRightHostWorksAndAnUntrustedCAFails() async throws {
        let error = try await withTemporaryFolder("cvmsh-wronghost") { directory in
            let certificates = try await Certificates(in: directory)
            return try await withEmulator(EmulatorOptions(rateLimit: .off, tls: certificates.files("loopback"))) {
                emulator in
                let trusted = try client(emulator.endpoint, caFile: certificates.caPath)
                let quota = try await trusted.describeImageQuota(region: EmulatorState.demoRegion)
                await trusted.api.shutdown()
                #expect(quota > 0)

                let untrusted = try client(emulator.endpoint, caFile: nil)
                let (outcome, _) = await self.failure(untrusted)
                await untrusted.api.shutdown()
                return outcome
            }
        }
        guard case .transport(let transport) = error else {
            Issue.record("expected a TLS failure, got \(String(describing: error))")
            return
        }
        #expect(transport.kind == .tls)
    }
}
