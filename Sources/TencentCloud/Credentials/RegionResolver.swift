import Foundation

/// Decides the region the shell starts in: `--region`, else `TENCENTCLOUD_REGION` (ignored when
/// `--profile` is given, as in tccli), else the profile's region (tccli `.configure`, then the INI
/// file's `region` key), else none.
public struct RegionResolver: Sendable {
    public let profile: String?
    public let environment: [String: String]
    public let home: String
    public let systemFile: String

    public init(
        profile: String? = nil, environment: [String: String], home: String,
        systemFile: String = INIProfileProvider.systemFile
    ) {
        self.profile = profile
        self.environment = environment
        self.home = home
        self.systemFile = systemFile
    }

    /// The region and where it came from; `nil` when no source names one. Throws when a profile
    /// file that would name it is malformed.
    public func resolve(explicit: String? = nil) throws(CredentialError) -> ResolvedRegion? {
        if let explicit = explicit?.trimmingCharacters(in: .whitespacesAndNewlines), !explicit.isEmpty {
            return ResolvedRegion(explicit, source: .commandLine)
        }
        if profile == nil, let region = EnvironmentCredentialProvider(environment: environment).region {
            return ResolvedRegion(region, source: .environment)
        }
        let name = profile ?? ProfileName.standard
        if let region = try TCCLIConfigureFile.region(profile: name, home: home) {
            let path = TCCLIConfigureFile.path(profile: name, home: home)
            return ResolvedRegion(region, source: .tccliConfigure(name: name, path: path))
        }
        let ini = INIProfileProvider(profile: name, environment: environment, home: home, systemFile: systemFile)
        if let (region, path) = try ini.region() {
            return ResolvedRegion(region, source: .iniProfile(name: name, path: path))
        }
        return nil
    }
}
