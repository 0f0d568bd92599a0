import Foundation
import TencentCloud
import Testing

@Suite struct CredentialINIParserTests {
    @Test func parsesSectionsCommentsAndBothDelimiters() throws {
        let document = try INIDocument(
            parsing: """
                # a comment
                ; another comment

                [default]
                Secret_ID = abc
                secret_key: "quoted value"  \t
                [work]
                  region=ap-nanjing
                empty =
                """)
        #expect(document["default"] == ["secret_id": "abc", "secret_key": "\"quoted value\""])
        #expect(document["work"] == ["region": "ap-nanjing", "empty": ""])
        #expect(document["missing"] == nil)
    }

    @Test(arguments: [
        ("secret_id = x\n[default]", 1, "before any [section]"),
        ("[default]\nthis line has no delimiter", 2, "expected `key = value`"),
        ("[a]\n[a]", 2, "appears twice"),
        ("[a]\nk = 1\nK = 2", 3, "appears twice"),
        ("[default\nk = v", 1, "[name]"),
        ("[default]\n= value", 2, "key is missing"),
    ])
    func rejectsMalformedLinesByNumber(text: String, line: Int, problem: String) {
        let error = #expect(throws: INIParseError.self) { try INIDocument(parsing: text) }
        #expect(error?.line == line)
        #expect(error?.problem.contains(problem) == true)
    }

    @Test func parseErrorsNeverEchoTheLine() {
        do {
            _ = try INIDocument(parsing: "[default]\n\(FakeKeys.key)")
            Issue.record("expected an error")
        } catch {
            expectNoSecrets(error.description)
        }
    }
}

@Suite struct CredentialINIProviderTests {
    private static let body = """
        [default]
        secret_id = \(FakeKeys.id)
        secret_key = \(FakeKeys.key)

        [work]
        secret_id = AKIDwork0000000000000000000000005678
        secret_key = "quoted"
        token = \(FakeKeys.token)
        region = ap-nanjing
        """

    private func provider(_ home: TemporaryHome, profile: String = "default", environment: [String: String] = [:])
        -> INIProfileProvider
    {
        INIProfileProvider(
            profile: profile, environment: environment, home: home.path, systemFile: home.absentSystemFile)
    }

    @Test func readsTheDefaultSectionFromHome() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(".tencentcloud/credentials", Self.body)
        let resolved = try #require(try provider(home).resolve())
        #expect(resolved.credential == Credential(secretId: FakeKeys.id, secretKey: FakeKeys.key))
        #expect(resolved.source == .iniProfile(name: "default", path: path))
        #expect(resolved.warnings.isEmpty)
        expectNoSecrets(resolved.description)
    }

    @Test func readsANamedSectionKeepingQuotesLiterally() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(".tencentcloud/credentials", Self.body)
        let resolved = try #require(try provider(home, profile: "work").resolve())
        #expect(resolved.credential.secretKey == "\"quoted\"")
        #expect(resolved.credential.token == FakeKeys.token)
        #expect(try provider(home, profile: "work").region()?.region == "ap-nanjing")
        #expect(try provider(home, profile: "absent").resolve() == nil)
    }

    @Test func environmentVariableChoosesTheFile() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(".tencentcloud/credentials", "[default]\nsecret_id = AKIDhome00000000home\nsecret_key = home\n")
        let other = try home.write("elsewhere/creds", Self.body)
        let resolved = try #require(
            try provider(home, environment: ["TENCENTCLOUD_CREDENTIALS_FILE": other]).resolve())
        #expect(resolved.credential.secretId == FakeKeys.id)
        #expect(resolved.source == .iniProfile(name: "default", path: other))
    }

    @Test func aMissingFileNamedByTheEnvironmentIsAnError() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let missing = home.path + "/nope"
        let message = await credentialErrorMessage {
            _ = try provider(home, environment: ["TENCENTCLOUD_CREDENTIALS_FILE": missing]).resolve()
        }
        #expect(message.contains(missing) && message.contains("TENCENTCLOUD_CREDENTIALS_FILE"))
    }

    @Test func fallsBackToTheSystemFileOnlyWhenHomeHasNone() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let system = try home.write("etc/tencentcloud/credentials", Self.body, mode: 0o600)
        let ini = INIProfileProvider(environment: [:], home: home.path, systemFile: system)
        #expect(try ini.resolve()?.source == .iniProfile(name: "default", path: system))
        let user = try home.write(
            ".tencentcloud/credentials", "[default]\nsecret_id = AKIDuser000000000user\nsecret_key = u\n")
        #expect(try ini.resolve()?.source == .iniProfile(name: "default", path: user))
    }

    @Test func aSectionWithoutKeysGivesNothing() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try home.write(".tencentcloud/credentials", "[default]\nregion = ap-guangzhou\n")
        #expect(try provider(home).resolve() == nil)
        #expect(try provider(home).region()?.region == "ap-guangzhou")
    }

    @Test(arguments: [
        ("[default]\nsecret_id = \(FakeKeys.id)\n", "secret_key is missing"),
        ("[default]\nsecret_key = \(FakeKeys.key)\n", "secret_id is missing"),
        ("[default]\nsecret_id = \(FakeKeys.id)\nsecret_key =\n", "secret_key is empty"),
        ("[default]\nsecret_id = \(FakeKeys.id)\n\(FakeKeys.key)\n", "line 3"),
        ("garbage \u{0}\u{1}\u{2} \(FakeKeys.key)", "line 1"),
    ])
    func malformedFilesNameThePathAndProblemWithoutSecrets(text: String, problem: String) async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(".tencentcloud/credentials", text)
        let message = await credentialErrorMessage { _ = try provider(home).resolve() }
        #expect(message.contains(path))
        #expect(message.contains(problem))
        expectNoSecrets(message)
    }

    @Test func binaryGarbageIsAnErrorNotACrash() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(".tencentcloud/credentials", bytes: Data([0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x80]))
        let message = await credentialErrorMessage { _ = try provider(home).resolve() }
        #expect(message == "\(path): not UTF-8 text; rewrite it as a plain text file")
    }

    @Test func aDirectoryInPlaceOfTheFileIsAnError() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        try FileManager.default.createDirectory(
            atPath: home.path + "/.tencentcloud/credentials", withIntermediateDirectories: true)
        let message = await credentialErrorMessage { _ = try provider(home).resolve() }
        #expect(message.contains("not a regular file"))
    }

    @Test(arguments: [0o644, 0o640, 0o604])
    func aFileOthersCanReadGivesAWarning(mode: Int) throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(".tencentcloud/credentials", Self.body, mode: mode)
        let resolved = try #require(try provider(home).resolve())
        #expect(
            resolved.warnings == [
                "\(path) is readable by other users (mode \(String(mode, radix: 8))); run chmod 600 \(path)"
            ])
    }
}
