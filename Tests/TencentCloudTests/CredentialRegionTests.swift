import TencentCloud
import Testing

@Suite struct CredentialRegionTests {
    private func resolver(_ home: TemporaryHome, profile: String? = nil, environment: [String: String] = [:])
        -> RegionResolver
    {
        RegionResolver(profile: profile, environment: environment, home: home.path, systemFile: home.absentSystemFile)
    }

    @Test func theOrderIsFlagThenEnvironmentThenTCCLIThenINI() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let environment = ["TENCENTCLOUD_REGION": "ap-env"]
        #expect(try resolver(home).resolve() == nil)
        let ini = try home.write(".tencentcloud/credentials", "[default]\nregion = ap-ini\n")
        #expect(
            try resolver(home).resolve() == ResolvedRegion("ap-ini", source: .iniProfile(name: "default", path: ini)))
        let tccli = try home.write(".tccli/default.configure", #"{"_sys_param": {"region": "ap-tccli"}}"#)
        #expect(
            try resolver(home).resolve()
                == ResolvedRegion("ap-tccli", source: .tccliConfigure(name: "default", path: tccli)))
        #expect(
            try resolver(home, environment: environment).resolve() == ResolvedRegion("ap-env", source: .environment))
        #expect(
            try resolver(home, environment: environment).resolve(explicit: "ap-flag")
                == ResolvedRegion("ap-flag", source: .commandLine))
    }

    @Test func anExplicitProfileIgnoresTheEnvironment() throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let environment = ["TENCENTCLOUD_REGION": "ap-env"]
        try home.write(".tencentcloud/credentials", "[work]\nregion = ap-work\n")
        #expect(try resolver(home, profile: "work", environment: environment).resolve()?.region == "ap-work")
        #expect(try resolver(home, profile: "other", environment: environment).resolve() == nil)
        #expect(
            try resolver(home, profile: "work", environment: environment).resolve(explicit: "ap-flag")?.region
                == "ap-flag")
    }

    @Test func aMalformedConfigureFileIsReported() async throws {
        let home = try TemporaryHome()
        defer { home.remove() }
        let path = try home.write(".tccli/default.configure", "not json")
        let message = await credentialErrorMessage { _ = try resolver(home).resolve() }
        #expect(message.hasPrefix(path))
        #expect(try resolver(home).resolve(explicit: "ap-flag")?.region == "ap-flag")
    }

    @Test func descriptionsNameTheSource() {
        #expect(ResolvedRegion("ap-nanjing", source: .environment).description == "ap-nanjing from TENCENTCLOUD_REGION")
        #expect(ResolvedRegion("ap-nanjing", source: .commandLine).description == "ap-nanjing from --region")
    }
}
