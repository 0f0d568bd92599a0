import TencentCloud
import Testing

@Suite struct CredentialEnvironmentTests {
    private let keys = [
        "TENCENTCLOUD_SECRET_ID": FakeKeys.id, "TENCENTCLOUD_SECRET_KEY": FakeKeys.key,
    ]

    @Test func readsIdAndKeyWithoutToken() throws {
        let resolved = try #require(try EnvironmentCredentialProvider(environment: keys).resolve())
        #expect(resolved.credential == Credential(secretId: FakeKeys.id, secretKey: FakeKeys.key))
        #expect(resolved.source == .environment)
        #expect(resolved.warnings.isEmpty)
    }

    @Test func nothingSetGivesNothing() throws {
        #expect(try EnvironmentCredentialProvider(environment: [:]).resolve() == nil)
        let empty = ["TENCENTCLOUD_SECRET_ID": "", "TENCENTCLOUD_SECRET_KEY": ""]
        #expect(try EnvironmentCredentialProvider(environment: empty).resolve() == nil)
    }

    @Test(arguments: [
        (["TENCENTCLOUD_TOKEN": "t1", "TENCENTCLOUD_SESSION_TOKEN": "t2", "TENCENTCLOUD_SECURITY_TOKEN": "t3"], "t1"),
        (["TENCENTCLOUD_TOKEN": "", "TENCENTCLOUD_SESSION_TOKEN": "t2", "TENCENTCLOUD_SECURITY_TOKEN": "t3"], "t2"),
        (["TENCENTCLOUD_SECURITY_TOKEN": "t3"], "t3"),
    ])
    func tokenVariablesInOrder(tokens: [String: String], expected: String) throws {
        let environment = keys.merging(tokens) { $1 }
        let resolved = try #require(try EnvironmentCredentialProvider(environment: environment).resolve())
        #expect(resolved.credential.token == expected)
    }

    @Test func onlyOneKeyIsAnErrorWithoutTheSecret() async {
        let message = await credentialErrorMessage {
            _ = try EnvironmentCredentialProvider(environment: ["TENCENTCLOUD_SECRET_ID": FakeKeys.id]).resolve()
        }
        #expect(message.contains("TENCENTCLOUD_SECRET_KEY is empty"))
        expectNoSecrets(message)
    }

    @Test func paddedKeyIsAnErrorWithoutTheSecret() async {
        let environment = ["TENCENTCLOUD_SECRET_ID": FakeKeys.id, "TENCENTCLOUD_SECRET_KEY": FakeKeys.key + "\n"]
        let message = await credentialErrorMessage {
            _ = try EnvironmentCredentialProvider(environment: environment).resolve()
        }
        #expect(message.contains("TENCENTCLOUD_SECRET_KEY has leading or trailing whitespace"))
        expectNoSecrets(message)
    }

    @Test func regionIsSeparateAndTrimmed() throws {
        #expect(
            EnvironmentCredentialProvider(environment: ["TENCENTCLOUD_REGION": " ap-nanjing "]).region == "ap-nanjing")
        #expect(EnvironmentCredentialProvider(environment: ["TENCENTCLOUD_REGION": "  "]).region == nil)
        #expect(try EnvironmentCredentialProvider(environment: ["TENCENTCLOUD_REGION": "ap-nanjing"]).resolve() == nil)
    }

    @Test func descriptionsMaskTheIdAndHideKeyAndToken() throws {
        let environment = keys.merging(["TENCENTCLOUD_TOKEN": FakeKeys.token]) { $1 }
        let resolved = try #require(try EnvironmentCredentialProvider(environment: environment).resolve())
        #expect(resolved.description == "AKID…1234 from environment")
        #expect(resolved.credential.description == "Credential(AKID…1234, temporary)")
        expectNoSecrets(resolved.description)
        expectNoSecrets(String(describing: resolved.credential))
        expectNoSecrets(String(reflecting: resolved.source))
    }
}
