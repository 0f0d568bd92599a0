import CVMEmulator
import Foundation
import Logging
import TencentCloud
import TestSupport
import Testing

@testable import Shell

/// The default endpoint sends each region's calls to that region's own host, through an HTTPS
/// proxy as a real deployment would; `endpoint nearest` keeps one host for every region. The
/// emulator stands behind a loopback CONNECT proxy with a certificate for the official names.
@Suite(.serialized) struct RegionalEndpointTests {
    static let regions = ["ap-guangzhou", "ap-shanghai"]
    static let names = ["cvm", "sts"].flatMap { service in
        ["\(service).tencentcloudapi.com"] + regions.map { "\(service).\($0).tencentcloudapi.com" }
    }

    /// Runs `script` in a shell with the DEFAULT endpoint, `HTTPS_PROXY` at a loopback proxy
    /// that forwards every tunnel to a TLS emulator, and the test CA trusted (`SSL_CERT_FILE`).
    /// Returns the emulator's calls and the proxy's CONNECT targets.
    static func run(_ script: String) async throws -> (calls: [EmulatorCall], tunnels: [String], errors: [String]) {
        let certificates = try await TestCertificates(names: names)
        defer { certificates.remove() }
        let tls = TLSFiles(certPath: certificates.certPath, keyPath: certificates.keyPath)
        return try await withEmulator(EmulatorOptions(state: .demo(), rateLimit: .off, tls: tls)) { emulator in
            let port = try #require(Int(emulator.endpoint.split(separator: ":").last ?? ""))
            return try await ConnectProxy.with(upstreamPort: port, authorization: nil) { proxy in
                try await withTemporaryFolder("cvmsh-test") { home in
                    let environment = [
                        "HOME": home, "HTTPS_PROXY": proxy.url, "SSL_CERT_FILE": certificates.caPath,
                        "TENCENTCLOUD_SECRET_ID": EmulatorState.demoSecretId,
                        "TENCENTCLOUD_SECRET_KEY": EmulatorState.demoSecretKey,
                        "CVMSH_METADATA_ENDPOINT": "http://127.0.0.1:9/",
                    ]
                    let services = ShellServices(
                        environment: environment, profile: nil, version: "test", logger: Logger(label: "test"),
                        rateLimits: .off)
                    var session = Session(endpoint: .official, region: nil, settings: Settings(onError: .stop))
                    session.settings.confirm = false
                    let console = TestConsole(answers: [])
                    let shell = Interpreter(
                        session: session, console: console, services: services, isInteractive: false)
                    let lines = script.split(separator: "\n").map { Array($0.utf8) }
                    _ = await shell.runScript(source: "test.cvmsh") { body in
                        for line in lines where await !body(line) { break }
                        return nil
                    }
                    await services.shutdown()
                    return (await emulator.calls(), proxy.requests.map(\.target), console.errors)
                }
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func eachRegionsCallsGoToItsOwnHost() async throws {
        let partner = EmulatorState.partnerAccountIds[1]
        let (calls, tunnels, errors) = try await Self.run(
            "region ap-guangzhou,ap-shanghai\nls\nselect all\nshare \(partner) -y")
        #expect(errors.allSatisfy { !$0.contains("Transport") }, "\(errors)")
        let listed = calls.filter { $0.action == "DescribeImages" }
        let changed = calls.filter { $0.action == "ModifyImageSharePermission" && $0.errorCode == nil }
        for region in Self.regions {
            #expect(listed.contains { $0.region == region })
            #expect(changed.contains { $0.region == region }, "no change sent in \(region)")
        }
        for call in listed + changed {
            #expect(call.host == "cvm.\(call.region ?? "-").tencentcloudapi.com", "\(call.action) \(call.host ?? "-")")
        }
        for call in calls where call.action == "GetCallerIdentity" {
            #expect(call.host == "sts.\(call.region ?? "-").tencentcloudapi.com")
        }
        #expect(Set(tunnels).isSuperset(of: Self.regions.map { "cvm.\($0).tencentcloudapi.com:443" }))
    }

    @Test(.timeLimit(.minutes(2))) func theNearestEndpointKeepsOneHostForEveryRegion() async throws {
        let (calls, tunnels, errors) = try await Self.run("endpoint nearest\nregion ap-guangzhou,ap-shanghai\nls")
        #expect(errors.isEmpty, "\(errors)")
        let listed = calls.filter { $0.action == "DescribeImages" }
        #expect(Set(listed.compactMap(\.region)) == Set(Self.regions))
        #expect(listed.allSatisfy { $0.host == "cvm.tencentcloudapi.com" })
        #expect(Set(tunnels).isSubset(of: ["cvm.tencentcloudapi.com:443", "sts.tencentcloudapi.com:443"]))
    }
}
