import CVM
import CVMEmulator
import TencentCloud
import TencentCloudCore
import TestSupport
import Testing

/// DescribeOrganizationMembers: paging, node filters, who may call it, where it is served.
@Suite struct OrganizationTests {
    static let host = "organization.tencentcloudapi.com"

    /// One DescribeOrganizationMembers call signed for the organization service.
    static func members(
        _ harness: Harness, _ body: String, keys: Keys = .demo, host: String = host
    ) -> EmulatorResponse {
        harness.call(
            "DescribeOrganizationMembers", body, region: nil, keys: keys, version: "2021-03-31",
            service: "organization", host: host)
    }

    static func uins(_ response: EmulatorResponse) -> [Int] {
        response.payload?["Items"]?.arrayValue?.compactMap { $0["MemberUin"]?.intValue } ?? []
    }

    @Test func theAdminReadsEveryMemberPageByPageWithNumericUins() throws {
        let harness = try Harness()
        var seen: [Int] = []
        for offset in [0, 3, 6] {
            let page = Self.members(harness, #"{"Offset": \#(offset), "Limit": 3}"#)
            #expect(page.code == nil)
            #expect(page.payload?["Total"]?.intValue == 7)
            let first = page.payload?["Items"]?.arrayValue?.first
            if case .int? = first?["MemberUin"] {} else { Issue.record("MemberUin is not a number") }
            seen += Self.uins(page)
        }
        let expected = EmulatorState.demoOrganization.members.map { Int($0.accountId)! }
        #expect(seen == expected)
        #expect(Self.uins(Self.members(harness, #"{"Offset": 0, "Limit": 50}"#)).count == 7)
    }

    @Test(arguments: [
        (#"{"Offset": 0, "Limit": 0}"#, "InvalidParameter"), (#"{"Offset": 0, "Limit": 51}"#, "InvalidParameter"),
        (#"{"Offset": 2, "Limit": 3}"#, "InvalidParameter"), (#"{"Limit": 3}"#, "MissingParameter"),
        (#"{"Offset": 0}"#, "MissingParameter"), (#"{"Offset": 0, "Limit": 3, "Bogus": 1}"#, "UnknownParameter"),
        (#"{"Offset": 0, "Limit": 10, "NodeId": 99}"#, "ResourceNotFound.OrganizationNodeNotExist"),
        (#"{"Offset": 0, "Limit": 10, "NodeName": "nope"}"#, "ResourceNotFound.OrganizationNodeNotExist"),
    ])
    func badRequestsAreRefused(_ body: String, _ code: String) throws {
        #expect(Self.members(try Harness(), body).code == code)
    }

    @Test func nodeFiltersKeepOneNodesMembers() throws {
        let harness = try Harness()
        let games = Self.members(harness, #"{"Offset": 0, "Limit": 10, "NodeId": 12}"#)
        #expect(Self.uins(games) == [100_011_110_002, 100_011_110_003])
        #expect(games.payload?["Items"]?.arrayValue?.first?["NodeName"]?.stringValue == "games")
        let data = Self.members(harness, #"{"Offset": 0, "Limit": 2, "NodeName": "data"}"#)
        #expect(data.payload?["Total"]?.intValue == 3)
        #expect(Self.uins(data).count == 2)
    }

    @Test func onlyTheAdminMayListAndOutsidersHaveNoOrganization() throws {
        let harness = try Harness()
        let body = #"{"Offset": 0, "Limit": 10}"#
        #expect(Self.members(harness, body, keys: .partner).code == "AuthFailure.UnauthorizedOperation")
        // The collaborator acts for the admin account.
        #expect(Self.members(harness, body, keys: .collaborator).code == nil)
        var state = EmulatorState.demo()
        state.organization?.members.removeFirst()
        #expect(
            Self.members(try Harness(state: state), body, keys: .partner).code
                == "ResourceNotFound.OrganizationNotExist")
        state.organization = nil
        #expect(Self.members(try Harness(state: state), body).code == "ResourceNotFound.OrganizationNotExist")
    }

    @Test(arguments: ["cvm.tencentcloudapi.com", "127.0.0.1:8443"])
    func strictModeServesItOnlyOnOrganizationHosts(_ host: String) throws {
        let body = #"{"Offset": 0, "Limit": 10}"#
        #expect(Self.members(try Harness(strict: true), body, host: host).code == "NoSuchVersion")
        #expect(Self.members(try Harness(strict: true), body).code == nil)
        #expect(Self.members(try Harness(), body, host: host).code == nil)
    }

    /// The client reads 120 members in pages of 50: the first, then the other two.
    @Test(.timeLimit(.minutes(1))) func theClientReadsEveryPage() async throws {
        var state = EmulatorState.demo()
        state.organization?.members = EmulatorState.bulkPartnerAccountIds.prefix(120).map {
            EmulatorState.Member(accountId: $0, name: "m\($0)", nodeId: 13)
        }
        try await withEmulator(EmulatorOptions(state: state, rateLimit: .off)) { emulator in
            let transport = try AsyncHTTPTransport(configuration: TransportConfiguration())
            let client = CVMClient(
                api: APIClient(
                    configuration: ClientConfiguration(
                        endpoint: try Endpoint(parsing: emulator.endpoint), requestClient: "t", retry: .none,
                        rateLimits: .off),
                    credentials: StaticCredentialProvider(
                        Credential(secretId: Keys.demo.secretId, secretKey: Keys.demo.secretKey)),
                    transport: transport))
            do {
                let members = try await client.listOrganizationMembers()
                #expect(members.map(\.accountId) == Array(EmulatorState.bulkPartnerAccountIds.prefix(120)))
                #expect(members.first?.nodeName == "data")
                let calls = await emulator.calls().filter { $0.action == "DescribeOrganizationMembers" }
                #expect(calls.count == 3)
                #expect(calls.allSatisfy { $0.region == nil })
            } catch {
                Issue.record(error)
            }
            await transport.shutdown()
        }
    }
}
