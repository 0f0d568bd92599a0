import Testing

@testable import TencentCloud

@Suite struct TransportConfigurationTests {
    @Test func readsCAProxyAndNoProxyFromTheEnvironment() {
        let config = TransportConfiguration.fromEnvironment([
            "SSL_CERT_FILE": "/etc/ca.pem", "HTTPS_PROXY": "http://proxy.corp:3128",
            "NO_PROXY": "localhost, .internal ,127.0.0.1",
        ])
        #expect(config.caFile == "/etc/ca.pem")
        #expect(config.proxy == "http://proxy.corp:3128")
        #expect(config.noProxy == ["localhost", ".internal", "127.0.0.1"])
        #expect(config.usesProxy(for: "cvm.tencentcloudapi.com"))
        #expect(!config.usesProxy(for: "api.internal"))
        #expect(!config.usesProxy(for: "internal"))
        #expect(!config.usesProxy(for: "127.0.0.1"))
    }

    @Test func lowerCaseVariablesAndEmptyValues() {
        let config = TransportConfiguration.fromEnvironment([
            "https_proxy": "proxy:8080", "no_proxy": "*", "SSL_CERT_FILE": "",
        ])
        #expect(config.caFile == nil)
        #expect(config.proxy == "proxy:8080")
        #expect(!config.usesProxy(for: "cvm.tencentcloudapi.com"))
        #expect(!TransportConfiguration.fromEnvironment([:]).usesProxy(for: "cvm.tencentcloudapi.com"))
    }

    @Test(arguments: [
        ("http://proxy.corp:3128", "proxy.corp", 3128), ("proxy:8080", "proxy", 8080),
        ("http://user:pw@proxy.corp:3128/", "proxy.corp", 3128), ("proxy.corp", "proxy.corp", 80),
    ])
    func proxyHostAndPort(_ text: String, _ host: String, _ port: Int) throws {
        let parsed = try #require(ProxyAddress(text))
        #expect(parsed.host == host)
        #expect(parsed.port == port)
    }

    @Test func proxyCredentialsArePercentDecodedAndNeverShown() throws {
        let parsed = try #require(ProxyAddress("http://ops%40corp:p%3Ass@proxy.corp:3128"))
        #expect(parsed.username == "ops@corp")
        #expect(parsed.password == "p:ss")
        #expect(parsed.description == "proxy.corp:3128")
        #expect(ProxyAddress("proxy:8080")?.username == nil)
    }
}
