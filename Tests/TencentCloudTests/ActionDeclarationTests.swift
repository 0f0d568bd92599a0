import TencentCloud
import Testing

/// An action is one declaration: the client derives host, scope, headers and throttling from it.
@Suite struct ActionDeclarationTests {
    func header(_ name: String, of request: HTTPRequest) -> String? {
        request.headers.first { $0.name == name }?.value
    }

    @Test func aGlobalServiceIsOneDeclaration() async throws {
        let members = Action(
            service: "organization", version: "2021-03-31", name: "DescribeOrganizationMembers", idempotent: true,
            rateLimit: 20, region: .none)
        let transport = ScriptedTransport([])
        _ = try await makeClient(transport)
            .call(members, region: "ap-nanjing", parameters: Params(ImageId: "i"), as: Echo.self)
        let request = try #require(transport.sent.first)
        #expect(request.url == "https://organization.tencentcloudapi.com/")
        #expect(header("X-TC-Version", of: request) == "2021-03-31")
        #expect(header("X-TC-Region", of: request) == nil)
        #expect(header("Authorization", of: request)?.contains("/organization/tc3_request") == true)
    }

    @Test func describeRegionsAlwaysCarriesTheRegionItIsGiven() async throws {
        #expect(Actions.describeRegions.region == .optionalButSent)
        #expect(Actions.describeRegions.region.isRequired(strict: true))
        #expect(!Actions.describeRegions.region.isRequired(strict: false))
        let transport = ScriptedTransport([])
        _ = try await makeClient(transport)
            .call(Actions.describeRegions, region: "ap-tokyo", parameters: Params(ImageId: "i"), as: Echo.self)
        #expect(transport.sent.first.flatMap { header("X-TC-Region", of: $0) } == "ap-tokyo")
    }
}
