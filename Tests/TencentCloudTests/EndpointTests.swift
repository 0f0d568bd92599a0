import Testing

@testable import TencentCloud

@Suite struct EndpointTests {
    @Test func officialHostPerService() {
        #expect(Endpoint.official.url(forPrefix: "cvm") == "https://cvm.tencentcloudapi.com/")
        #expect(Endpoint.official.host(forPrefix: "sts") == "sts.tencentcloudapi.com")
        #expect(Endpoint.official.host(forPrefix: "organization") == "organization.tencentcloudapi.com")
    }

    @Test func theDefaultSendsEachRegionToItsOwnHost() throws {
        #expect(
            Endpoint.official.url(forPrefix: "cvm", region: "ap-tokyo") == "https://cvm.ap-tokyo.tencentcloudapi.com/")
        #expect(Endpoint.official.host(forPrefix: "sts", region: "ap-nanjing") == "sts.ap-nanjing.tencentcloudapi.com")
        #expect(Endpoint.official.host(forPrefix: "cvm", region: nil) == "cvm.tencentcloudapi.com")
        // Not a DNS label: the single host, never a name built from it.
        #expect(Endpoint.official.host(forPrefix: "cvm", region: "x.evil.com/") == "cvm.tencentcloudapi.com")
        #expect(Endpoint.nearest.host(forPrefix: "cvm", region: "ap-tokyo") == "cvm.tencentcloudapi.com")
        #expect(Endpoint.international.host(forPrefix: "sts", region: "ap-tokyo") == "sts.intl.tencentcloudapi.com")
        let chosen = try Endpoint(parsing: "cvm.ap-guangzhou.tencentcloudapi.com")
        #expect(chosen.host(forPrefix: "cvm", region: "ap-tokyo") == "cvm.ap-guangzhou.tencentcloudapi.com")
    }

    @Test func regionalAndInternationalHostsKeepTheirSuffix() throws {
        let regional = try Endpoint(parsing: "cvm.ap-guangzhou.tencentcloudapi.com")
        #expect(regional.url(forPrefix: "cvm") == "https://cvm.ap-guangzhou.tencentcloudapi.com/")
        #expect(regional.host(forPrefix: "sts") == "sts.ap-guangzhou.tencentcloudapi.com")
        let intl = try Endpoint(parsing: "https://cvm.intl.tencentcloudapi.com/")
        #expect(intl.host(forPrefix: "sts") == "sts.intl.tencentcloudapi.com")
    }

    @Test func loopbackEmulatorServesEveryServiceOnOneURL() throws {
        let local = try Endpoint(parsing: "http://127.0.0.1:8099")
        #expect(local.url(forPrefix: "cvm") == "http://127.0.0.1:8099/")
        #expect(local.url(forPrefix: "sts") == "http://127.0.0.1:8099/")
        #expect(local.host(forPrefix: "cvm") == "127.0.0.1:8099")
        #expect(try Endpoint(parsing: "http://localhost:1/").host == "localhost")
    }

    @Test(arguments: ["http://cvm.tencentcloudapi.com", "http://10.0.0.1:80", "http://example.com"])
    func plainHTTPIsRefusedOffLoopback(_ text: String) {
        #expect(throws: EndpointError.self) { try Endpoint(parsing: text) }
    }

    @Test(arguments: [
        "", "ftp://x", "https://", "https://host:0", "https://host:99999", "https://a/b", "https://user@host", "ho st",
    ])
    func garbageIsRefused(_ text: String) {
        #expect(throws: EndpointError.self) { try Endpoint(parsing: text) }
    }

    @Test func defaultPortIsNotRepeatedInTheHostHeader() throws {
        #expect(
            try Endpoint(parsing: "https://cvm.tencentcloudapi.com:443").host(forPrefix: "cvm")
                == "cvm.tencentcloudapi.com")
    }
}
