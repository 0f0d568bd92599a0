import CVM
import CVMEmulator
import TencentCloud
import TestSupport
import Testing

/// Strict mode takes the less convenient reading of the documentation.
@Suite struct StrictModeTests {
    @Test func describeRegionsNeedsARegionOnlyInStrictMode() throws {
        let lenient = try Harness()
        #expect(lenient.call("DescribeRegions", region: nil).code == nil)
        let strict = try Harness(strict: true)
        #expect(strict.call("DescribeRegions", region: nil).code == "MissingParameter")
        #expect(strict.call("DescribeRegions", region: "").code == "MissingParameter")
        #expect(strict.call("DescribeRegions", region: "ap-tokyo").code == nil)
    }

    @Test(arguments: ["cvm.tencentcloudapi.com", "cvm.ap-guangzhou.tencentcloudapi.com", "127.0.0.1:8443", "localhost"])
    func stsIsServedOnlyOnItsOwnHost(_ host: String) throws {
        let strict = try Harness(strict: true)
        let refused = strict.call("GetCallerIdentity", host: host)
        #expect(refused.code == "NoSuchVersion")
        #expect(
            refused.payload?["Error"]?["Message"]?.stringValue
                == "The requested version 2018-08-13 of service cvm is not found")
        #expect(strict.call("GetCallerIdentity", host: "sts.ap-guangzhou.tencentcloudapi.com").code == nil)
        #expect(try Harness().call("GetCallerIdentity", host: host).code == nil)
    }

    @Test func cvmIsNotServedOnTheSTSHost() throws {
        let strict = try Harness(strict: true)
        let refused = strict.call("DescribeImageQuota", host: "sts.tencentcloudapi.com")
        #expect(refused.code == "NoSuchVersion")
        #expect(
            refused.payload?["Error"]?["Message"]?.stringValue
                == "The requested version 2017-03-12 of service sts is not found")
        #expect(strict.call("DescribeImageQuota", host: "cvm.tencentcloudapi.com").code == nil)
    }

    /// The client always sends a region with DescribeRegions, so a strict server answers it.
    @Test(.timeLimit(.minutes(1))) func theClientsDescribeRegionsPassesStrictMode() async throws {
        try await withEmulator(EmulatorOptions(rateLimit: .off, strict: true)) { emulator in
            let transport = try AsyncHTTPTransport(configuration: TransportConfiguration())
            let keys = Keys.demo
            let cvm = CVMClient(
                api: APIClient(
                    configuration: ClientConfiguration(
                        endpoint: try Endpoint(parsing: emulator.endpoint), requestClient: "t", retry: .none,
                        rateLimits: .off),
                    credentials: StaticCredentialProvider(
                        Credential(secretId: keys.secretId, secretKey: keys.secretKey)),
                    transport: transport))
            do {
                #expect(try await cvm.describeRegions(region: "ap-nanjing").count == 8)
                #expect(await emulator.calls().last?.region == "ap-nanjing")
            } catch {
                Issue.record(error)
            }
            await transport.shutdown()
        }
    }
}
