import CVM
import CVMEmulator
import Foundation
import TencentCloud
import TestSupport
import Testing

/// `HTTPS_PROXY=http://USER:PASSWORD@HOST:PORT`: the credentials go to the proxy as
/// `Proxy-Authorization: Basic …` on CONNECT, and the tunnel carries TLS to the API host.
@Suite(.serialized) struct ProxyTests {
    static let host = "cvm.ap-guangzhou.tencentcloudapi.com"

    private func client(proxy: String, caFile: String) throws -> (CVMClient, AsyncHTTPTransport) {
        let configuration = TransportConfiguration.fromEnvironment(["HTTPS_PROXY": proxy, "SSL_CERT_FILE": caFile])
        let transport = try AsyncHTTPTransport(configuration: configuration, proxyFor: Self.host)
        let keys = Keys.demo
        let api = APIClient(
            configuration: ClientConfiguration(
                endpoint: try Endpoint(parsing: Self.host), requestClient: "t", retry: .none, rateLimits: .off),
            credentials: StaticCredentialProvider(Credential(secretId: keys.secretId, secretKey: keys.secretKey)),
            transport: transport)
        return (CVMClient(api: api), transport)
    }

    @Test(.timeLimit(.minutes(1))) func credentialsInTheProxyURLAuthorizeTheTunnel() async throws {
        let certificates = try await TestCertificates(names: [Self.host])
        defer { certificates.remove() }
        try await withEmulator(
            EmulatorOptions(
                rateLimit: .off, tls: TLSFiles(certPath: certificates.certPath, keyPath: certificates.keyPath))
        ) { emulator in
            let port = try #require(Int(emulator.endpoint.split(separator: ":").last ?? ""))
            // "ops:s3cr/t" percent-encoded in the URL, as HTTPS_PROXY carries it.
            let expected = "Basic " + Data("ops:s3cr/t".utf8).base64EncodedString()
            try await ConnectProxy.with(upstreamPort: port, authorization: expected) { proxy in
                let (cvm, transport) = try client(
                    proxy: "http://ops:s3cr%2Ft@127.0.0.1:\(proxy.port)", caFile: certificates.caPath)
                do {
                    #expect(try await cvm.describeImageQuota(region: "ap-guangzhou") == 500)
                } catch {
                    Issue.record(error)
                }
                await transport.shutdown()
                #expect(
                    proxy.requests.first == ConnectProxy.Request(target: "\(Self.host):443", authorization: expected))
            }
        }
    }

    @Test(.timeLimit(.minutes(1))) func aRefusedProxySaysSoWithoutThePassword() async throws {
        let certificates = try await TestCertificates(names: [Self.host])
        defer { certificates.remove() }
        try await ConnectProxy.with(upstreamPort: 9, authorization: "Basic other") { proxy in
            let (cvm, transport) = try client(
                proxy: "http://ops:hunter2@127.0.0.1:\(proxy.port)", caFile: certificates.caPath)
            do throws(TencentCloudError) {
                _ = try await cvm.describeImageQuota(region: "ap-guangzhou")
                Issue.record("the proxy's refusal was not reported")
            } catch {
                #expect(!error.description.contains("hunter2"))
                #expect(error.description.contains("proxy 127.0.0.1:\(proxy.port)"), "\(error)")
                if case .transport(let transport) = error { #expect(transport.kind == .connect) }
            }
            await transport.shutdown()
        }
    }
}
