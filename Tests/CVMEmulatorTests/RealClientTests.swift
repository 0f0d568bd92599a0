import CVM
import CVMEmulator
import Foundation
import TencentCloud
import TestSupport
import Testing

/// The project's own client (CVMClient → APIClient → AsyncHTTPTransport) against the emulator.
@Suite(.serialized) struct RealClientTests {
    private func client(_ emulator: Emulator, keys: Keys = .demo, caFile: String? = nil) throws -> (
        CVMClient, AsyncHTTPTransport
    ) {
        let transport = try AsyncHTTPTransport(
            configuration: TransportConfiguration(
                connectTimeout: .seconds(5), requestTimeout: .seconds(10), caFile: caFile))
        let api = APIClient(
            configuration: ClientConfiguration(
                endpoint: try Endpoint(parsing: emulator.endpoint), requestClient: "cvmsh-emulator-tests",
                rateLimits: .off),
            credentials: StaticCredentialProvider(
                Credential(secretId: keys.secretId, secretKey: keys.secretKey, token: keys.token)),
            transport: transport)
        return (CVMClient(api: api), transport)
    }

    @Test(.timeLimit(.minutes(1))) func listShareAndReadBackOverHTTP() async throws {
        try await withEmulator(EmulatorOptions(rateLimit: .off)) { emulator in
            let (cvm, transport) = try client(emulator)
            do {
                #expect(try await cvm.getCallerIdentity(region: "ap-nanjing").accountId == EmulatorState.demoAccountId)
                #expect(try await cvm.describeRegions(region: "ap-nanjing").count == 8)
                #expect(try await cvm.describeImageQuota(region: "ap-nanjing") == 500)

                let images = try await cvm.listAllImages(region: "ap-nanjing")
                #expect(images.count == 150)
                #expect(Set(images.map(\.imageId)).count == 150)
                let target = try #require(
                    images.first { image in
                        image.imageState == "NORMAL" && image.licenseType == "TencentCloud"
                            && !(image.imageName ?? "").hasPrefix("vault")
                    })
                let before = try await cvm.describeImageSharePermission(region: "ap-nanjing", imageId: target.imageId)
                let partner = EmulatorState.bulkPartnerAccountIds[0]
                try await cvm.modifyImageSharePermission(
                    region: "ap-nanjing", imageId: target.imageId, accountIds: [partner], change: .share)
                let after = try await cvm.describeImageSharePermission(region: "ap-nanjing", imageId: target.imageId)
                #expect(after.count == before.count + 1)
                #expect(await emulator.shares(of: target.imageId, region: "ap-nanjing").contains(partner))

                do throws(TencentCloudError) {
                    try await cvm.modifyImageSharePermission(
                        region: "ap-nanjing", imageId: target.imageId, accountIds: [partner], change: .share)
                    Issue.record("sharing twice succeeded")
                } catch {
                    guard case .api(let api) = error else { throw error }
                    #expect(api.code == "FailedOperation.AccountAlreadyExists")
                    #expect(api.requestId != nil)
                }
            } catch {
                Issue.record(error)
            }
            await transport.shutdown()
        }
    }

    @Test(.timeLimit(.minutes(1))) func httpsWithATestCA() async throws {
        let certificates = try await TestCertificates()
        defer { certificates.remove() }
        try await withEmulator(
            EmulatorOptions(
                rateLimit: .off, tls: TLSFiles(certPath: certificates.certPath, keyPath: certificates.keyPath))
        ) { emulator in
            let (trusting, trustingTransport) = try client(emulator, caFile: certificates.caPath)
            let (plain, plainTransport) = try client(emulator)
            do {
                let page = try await trusting.describeImages(region: "ap-nanjing", limit: 10)
                #expect(page.totalCount == 150)
                #expect(page.images.count == 10)
                #expect(
                    try await trusting.getCallerIdentity(region: "ap-nanjing").accountId == EmulatorState.demoAccountId)
            } catch {
                Issue.record(error)
            }
            // Without the test CA the emulator's certificate is refused.
            do throws(TencentCloudError) {
                _ = try await plain.describeImageQuota(region: "ap-nanjing")
                Issue.record("an untrusted certificate was accepted")
            } catch {
                if case .transport = error {} else { Issue.record("expected a transport error, got \(error)") }
            }
            await trustingTransport.shutdown()
            await plainTransport.shutdown()
        }
    }
}
