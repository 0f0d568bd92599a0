import Foundation
import TencentCloud
import Testing

@Suite struct CredentialTCCLITests {
    /// A role provider pointing at a closed loopback port: any use of it fails fast.
    private static let unusedRole = InstanceRoleProvider(endpoint: "http://127.0.0.1:9/", timeout: .milliseconds(300))

    private func provider(_ home: TemporaryHome, profile: String = "default", role: InstanceRoleProvider = unusedRole)
        -> TCCLIProfileProvider
    {
        TCCLIProfileProvider(profile: profile, home: home.path, instanceRole: role)
    }

    @Test func readsKeysAndToken() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(
            ".tccli/work.credential",
            #"{"secretId": "\#(FakeKeys.id)", "secretKey": "\#(FakeKeys.key)", "token": "\#(FakeKeys.token)", "type": "default"}"#
        )
        let resolved = try #require(try await provider(home, profile: "work").resolve())
        #expect(
            resolved.credential == Credential(secretId: FakeKeys.id, secretKey: FakeKeys.key, token: FakeKeys.token))
        #expect(resolved.source == .tccliProfile(name: "work", path: path))
        #expect(resolved.warnings.isEmpty)
        expectNoSecrets(resolved.description)
    }

    @Test func anEmptyOrNullTokenMeansNone() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(".tccli/default.credential", #"{"secretId": "\#(FakeKeys.id)", "secretKey": "k", "token": ""}"#)
        #expect(try await provider(home).resolve()?.credential.token == nil)
        try home.write(
            ".tccli/default.credential", #"{"secretId": "\#(FakeKeys.id)", "secretKey": "k", "token": null}"#)
        #expect(try await provider(home).resolve()?.credential.token == nil)
    }

    @Test func noFileGivesNothing() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        #expect(try await provider(home).resolve() == nil)
        #expect(try provider(home).region() == nil)
    }

    @Test(arguments: [
        (#"{"secretId": "\#(FakeKeys.id)", "secretKey": "\#(FakeKeys.key)""#, "not valid JSON"),
        (#"["\#(FakeKeys.key)"]"#, "not a JSON object"),
        (#"{"secretId": 12345, "secretKey": "\#(FakeKeys.key)"}"#, "secretId is not a string"),
        (#"{"secretId": "\#(FakeKeys.id)"}"#, "secretKey is missing"),
        (#"{"secretId": "", "secretKey": "\#(FakeKeys.key)"}"#, "secretId is empty"),
        (
            #"{"secretId": "\#(FakeKeys.id)", "secretKey": " \#(FakeKeys.key)"}"#,
            "secretKey has leading or trailing whitespace"
        ),
        (
            #"{"secretId": "\#(FakeKeys.id)", "secretKey": "\#(FakeKeys.key)", "token": "\#(FakeKeys.token)\n"}"#,
            "token has leading"
        ),
        ("\u{0}\u{7F}\u{1B}[31m\(FakeKeys.key)", "not valid JSON"),
    ])
    func malformedFilesNameThePathAndProblemWithoutSecrets(text: String, problem: String) async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(".tccli/default.credential", text)
        let message = await credentialErrorMessage { _ = try await provider(home).resolve() }
        #expect(message.hasPrefix(path))
        #expect(message.contains(problem))
        #expect(message.contains("tccli configure"))
        expectNoSecrets(message)
    }

    @Test func invalidUTF8IsAnError() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(".tccli/default.credential", bytes: Data([0x7B, 0xFF, 0xFF, 0x7D]))
        let message = await credentialErrorMessage { _ = try await provider(home).resolve() }
        #expect(message.hasPrefix(path) && message.contains("not UTF-8"))
    }

    @Test func aProfileNameCannotLeaveTheDirectory() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let message = await credentialErrorMessage { _ = try await provider(home, profile: "../x").resolve() }
        #expect(message.contains("invalid profile name"))
    }

    @Test func aWorldReadableCredentialFileGivesAWarning() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(
            ".tccli/default.credential", #"{"secretId": "\#(FakeKeys.id)", "secretKey": "k"}"#, mode: 0o644)
        let resolved = try #require(try await provider(home).resolve())
        #expect(resolved.warnings.count == 1)
        #expect(resolved.warnings.first?.contains("chmod 600 \(path)") == true)
    }

    @Test func regionComesFromTheConfigureFile() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(
            ".tccli/default.configure",
            #"{"_sys_param": {"language": "en-US", "output": "json", "region": "ap-shanghai"}, "cvm": {"endpoint": "cvm.tencentcloudapi.com"}}"#,
            mode: 0o644)
        #expect(try provider(home).region() == "ap-shanghai")
        try home.write(".tccli/default.configure", #"{"cvm": {}}"#)
        #expect(try provider(home).region() == nil)
    }

    @Test(arguments: [
        (#"{"_sys_param": "#, "not valid JSON"),
        (#"{"_sys_param": []}"#, "_sys_param is not a JSON object"),
        (#"{"_sys_param": {"region": 1}}"#, "region is not a string"),
    ])
    func aMalformedConfigureFileIsAnError(text: String, problem: String) async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(".tccli/default.configure", text)
        let message = await credentialErrorMessage { _ = try provider(home).region() }
        #expect(message.hasPrefix(path) && message.contains(problem))
    }

    @Test func cvmRoleTypeUsesTheInstanceRole() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(".tccli/default.credential", #"{"type": "cvm-role", "secretId": "", "secretKey": ""}"#)
        try await LoopbackHTTPServer.with(MetadataServer.handler(role: "cvmsh-role")) { server in
            let role = InstanceRoleProvider(
                endpoint: MetadataServer.endpoint(server), timeout: MetadataServer.answeringTimeout)
            let resolved = try #require(try await provider(home, role: role).resolve())
            #expect(resolved.source == .instanceRole(name: "cvmsh-role"))
            #expect(resolved.credential.secretId == MetadataServer.tmpSecretId + "1")
        }
    }

    @Test func cvmRoleTypeWithoutARoleIsAnError() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(".tccli/default.credential", #"{"type": "cvm-role"}"#)
        try await LoopbackHTTPServer.with({ _ in .text("not found", status: 404) }) { server in
            let role = InstanceRoleProvider(
                endpoint: MetadataServer.endpoint(server), timeout: MetadataServer.answeringTimeout)
            let message = await credentialErrorMessage { _ = try await provider(home, role: role).resolve() }
            #expect(message.hasPrefix(path) && message.contains("no CVM instance role"))
        }
    }
}
