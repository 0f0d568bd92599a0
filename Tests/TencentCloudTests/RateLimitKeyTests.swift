import Testing

@testable import TencentCloud

/// The client counts each action per (SecretId, API host), the dimension the service counts in:
/// product regions reached through one host share a budget, two hosts have two.
@Suite struct RateLimitKeyTests {
    let none = Params(ImageId: "i")

    func client(_ endpoint: String) throws -> APIClient {
        client(try Endpoint(parsing: endpoint))
    }

    func client(_ endpoint: Endpoint) -> APIClient {
        APIClient(
            configuration: ClientConfiguration(
                endpoint: endpoint, requestClient: "t", retry: .none, rateLimits: .documented),
            credentials: StaticCredentialProvider(Credential(secretId: "AKID1", secretKey: "k")),
            transport: ScriptedTransport([]))
    }

    @Test func twoRegionsThroughOneHostShareOneWindow() async throws {
        let api = try client("cvm.tencentcloudapi.com")
        for region in ["ap-nanjing", "ap-guangzhou"] {
            _ = try await api.call(Actions.describeImageQuota, region: region, parameters: none, as: Echo.self)
        }
        let window = await api.limiter.window(
            Actions.describeImageQuota, secretId: "AKID1", host: "cvm.tencentcloudapi.com")
        #expect(window != nil)
        #expect(await api.limiter.budgets == 1)
    }

    @Test func twoHostsGetTwoWindows() async throws {
        let nanjing = try client("cvm.ap-nanjing.tencentcloudapi.com")
        _ = try await nanjing.call(Actions.describeImageQuota, region: "ap-nanjing", parameters: none, as: Echo.self)
        _ = try await nanjing.call(Actions.getCallerIdentity, region: "ap-nanjing", parameters: none, as: Echo.self)
        // GetCallerIdentity goes to sts.ap-nanjing…, its own access point.
        #expect(
            await nanjing.limiter.window(
                Actions.getCallerIdentity, secretId: "AKID1", host: "sts.ap-nanjing.tencentcloudapi.com") != nil)
        #expect(await nanjing.limiter.budgets == 2)
    }

    @Test func theDefaultEndpointGivesEachRegionItsOwnHostAndWindow() async throws {
        let api = client(Endpoint.official)
        for region in ["ap-nanjing", "ap-guangzhou"] {
            _ = try await api.call(Actions.describeImageQuota, region: region, parameters: none, as: Echo.self)
        }
        for host in ["cvm.ap-nanjing.tencentcloudapi.com", "cvm.ap-guangzhou.tencentcloudapi.com"] {
            #expect(await api.limiter.window(Actions.describeImageQuota, secretId: "AKID1", host: host) != nil)
        }
        #expect(await api.limiter.budgets == 2)
    }

    @Test(arguments: [Endpoint.nearest, Endpoint.international])
    func theNearestEndpointsKeepOneHostForEveryRegion(_ endpoint: Endpoint) async throws {
        let api = client(endpoint)
        for region in ["ap-nanjing", "ap-guangzhou"] {
            _ = try await api.call(Actions.describeImageQuota, region: region, parameters: none, as: Echo.self)
        }
        #expect(await api.limiter.window(Actions.describeImageQuota, secretId: "AKID1", host: endpoint.host) != nil)
        #expect(await api.limiter.budgets == 1)
    }
}
