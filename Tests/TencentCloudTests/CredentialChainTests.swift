import Foundation
import TencentCloud
import Testing

@Suite struct CredentialChainTests {
    private static let environmentKeys = [
        "TENCENTCLOUD_SECRET_ID": "AKIDenvironment0000000000000000env1",
        "TENCENTCLOUD_SECRET_KEY": "environment-key",
    ]
    /// Off any CVM: nothing listens on port 9 of the loopback address.
    private static let noRole = InstanceRoleProvider(endpoint: "http://127.0.0.1:9/", timeout: .milliseconds(500))

    private func makeChain(
        _ home: TemporaryHome, profile: String? = nil, environment: [String: String] = [:],
        role: InstanceRoleProvider = noRole
    ) -> CredentialChain {
        CredentialChain(
            profile: profile, environment: environment, home: home.path, systemFile: home.absentSystemFile,
            instanceRole: role)
    }

    private func writeTCCLI(_ home: TemporaryHome, profile: String = "default", id: String) throws {
        try home.write(".tccli/\(profile).credential", #"{"secretId": "\#(id)", "secretKey": "tccli-key"}"#)
    }

    private func writeINI(_ home: TemporaryHome, section: String = "default", id: String) throws {
        try home.write(".tencentcloud/credentials", "[\(section)]\nsecret_id = \(id)\nsecret_key = ini-key\n")
    }

    @Test func theSessionCredentialComesFirstAndCanBeCleared() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let chain = makeChain(home, environment: Self.environmentKeys)
        let login = Credential(secretId: FakeKeys.id, secretKey: FakeKeys.key)
        try chain.setSessionCredential(login)
        #expect(chain.sessionCredential == login)
        #expect(try await chain.resolve() == ResolvedCredential(login, source: .session))
        try chain.setSessionCredential(nil)
        #expect(try await chain.resolve()?.source == .environment)
    }

    @Test func aBadSessionCredentialIsRefusedAndChangesNothing() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let chain = makeChain(home)
        let message = await credentialErrorMessage {
            try chain.setSessionCredential(Credential(secretId: FakeKeys.id, secretKey: ""))
        }
        #expect(message.contains("the SecretKey is empty"))
        #expect(chain.sessionCredential == nil)
    }

    @Test func theEnvironmentBeatsProfileFilesWithoutProfileFlag() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try writeTCCLI(home, id: "AKIDtccli00000000000000000000tccli")
        try writeINI(home, id: "AKIDini000000000000000000000000ini")
        let resolved = try await makeChain(home, environment: Self.environmentKeys).resolve()
        #expect(resolved?.source == .environment)
    }

    @Test func anExplicitProfileBeatsTheEnvironment() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try writeTCCLI(home, profile: "work", id: "AKIDtccliwork0000000000000000work")
        let resolved = try await makeChain(home, profile: "work", environment: Self.environmentKeys).resolve()
        #expect(resolved?.credential.secretId == "AKIDtccliwork0000000000000000work")
        #expect(resolved?.source == .tccliProfile(name: "work", path: home.path + "/.tccli/work.credential"))
    }

    @Test func tccliBeatsTheINIFileWhichIsUsedWithoutIt() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try writeINI(home, id: "AKIDini000000000000000000000000ini")
        let ini = try await makeChain(home).resolve()
        #expect(ini?.source == .iniProfile(name: "default", path: home.path + "/.tencentcloud/credentials"))
        try writeTCCLI(home, id: "AKIDtccli00000000000000000000tccli")
        #expect(try await makeChain(home).resolve()?.credential.secretId == "AKIDtccli00000000000000000000tccli")
    }

    @Test func anExplicitProfileUsesItsINISection() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try writeINI(home, section: "work", id: "AKIDiniwork000000000000000000work")
        let resolved = try await makeChain(home, profile: "work", environment: Self.environmentKeys).resolve()
        #expect(resolved?.source == .iniProfile(name: "work", path: home.path + "/.tencentcloud/credentials"))
    }

    @Test func aMissingExplicitProfileIsAnErrorNotAFallback() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try writeINI(home, id: "AKIDini000000000000000000000000ini")
        let message = await credentialErrorMessage {
            _ = try await makeChain(home, profile: "typo", environment: Self.environmentKeys).resolve()
        }
        #expect(message.contains("profile typo not found"))
        #expect(message.contains(home.path + "/.tccli/typo.credential"))
        #expect(message.contains(home.path + "/.tencentcloud/credentials"))
    }

    @Test func theInstanceRoleComesLast() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try await LoopbackHTTPServer.with(MetadataServer.handler(role: "r")) { server in
            let role = InstanceRoleProvider(
                endpoint: MetadataServer.endpoint(server), timeout: MetadataServer.answeringTimeout)
            #expect(try await makeChain(home, role: role).resolve()?.source == .instanceRole(name: "r"))
            try writeINI(home, id: "AKIDini000000000000000000000000ini")
            #expect(
                try await makeChain(home, role: role).resolve()?.source.description.hasPrefix("profile default") == true
            )
        }
    }

    @Test func theInstanceRoleEndpointIsTheCallersChoiceNotTheEnvironments() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try await LoopbackHTTPServer.with(MetadataServer.handler(role: "env-role")) { server in
            let environment = ["CVMSH_METADATA_ENDPOINT": MetadataServer.endpoint(server)]
            let defaulted = CredentialChain(
                environment: environment, home: home.path, systemFile: home.absentSystemFile)
            #expect(defaulted.instanceRole.endpoint == InstanceRoleProvider.defaultEndpoint)
            let chain = CredentialChain(
                environment: [:], home: home.path, systemFile: home.absentSystemFile,
                instanceRole: InstanceRoleProvider(
                    endpoint: MetadataServer.endpoint(server), timeout: MetadataServer.answeringTimeout))
            let resolved = try await chain.resolve()
            #expect(resolved?.source == .instanceRole(name: "env-role"))
        }
    }

    @Test func noSourceGivesTheMissingError() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try await LoopbackHTTPServer.with({ _ in .text("", status: 404) }) { server in
            let role = InstanceRoleProvider(
                endpoint: MetadataServer.endpoint(server), timeout: MetadataServer.answeringTimeout)
            let message = await credentialErrorMessage { _ = try await makeChain(home, role: role).resolve() }
            #expect(message == CredentialError.missing.message)
        }
    }

    @Test func noSourceOffCVMNamesTheMetadataProblem() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let message = await credentialErrorMessage { _ = try await makeChain(home).resolve() }
        #expect(message.hasPrefix(CredentialError.missing.message))
        #expect(message.contains("instance role: metadata service at http://127.0.0.1:9/"))
    }

    @Test func aBrokenFileStopsTheChainWithItsError() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(".tccli/default.credential", "{")
        try writeINI(home, id: "AKIDini000000000000000000000000ini")
        let message = await credentialErrorMessage { _ = try await makeChain(home).resolve() }
        #expect(message.hasPrefix(path))
    }

    @Test func warningsTravelWithTheResolvedCredential() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(
            ".tencentcloud/credentials", "[default]\nsecret_id = \(FakeKeys.id)\nsecret_key = \(FakeKeys.key)\n",
            mode: 0o604)
        let resolved = try #require(try await makeChain(home).resolve())
        #expect(resolved.warnings.count == 1)
        for warning in resolved.warnings { expectNoSecrets(warning) }
        expectNoSecrets(resolved.description)
        #expect(resolved.description == "AKID…1234 from profile default (\(home.path)/.tencentcloud/credentials)")
    }

    @Test func dumpShowsOnlyTheMaskedId() throws {
        var text = ""
        dump(Credential(secretId: FakeKeys.id, secretKey: FakeKeys.key, token: FakeKeys.token), to: &text)
        #expect(text.contains("AKID…1234"))
        expectNoSecrets(text)
    }
}
