import CVM
import Foundation
import TencentCloud

/// Everything the shell remembers between commands. A value: commands receive it, change it,
/// and the interpreter keeps the result, so tests can build any state directly.
public struct Session: Sendable {
    /// The regions the session spans, in the order given (`region ap-nanjing,ap-tokyo`); the
    /// image list, the selection and share batches cover them all. Empty before a region is chosen.
    public var regionSet: [String] = []
    /// The first region of the set: the one calls that need just one region (DescribeRegions,
    /// GetCallerIdentity) are sent in. Setting it makes the set that one region.
    public var region: String? {
        get { regionSet.first }
        set { regionSet = newValue.map { [$0] } ?? [] }
    }
    /// Where the region came from (`--region`, the environment, a profile), for `status`.
    public var regionSource: String?
    public var endpoint: Endpoint
    /// The `--profile` / `profile` name, or `nil` for the default chain.
    public var profile: String?
    /// The caller's root account, learnt once from GetCallerIdentity: never a share target.
    public var ownAccountId: String?
    /// GetCallerIdentity started in the background by the first list read, so that a later
    /// share does not wait for it (``ownAccountId`` is set from it when it is needed).
    var accountLookup: Task<Result<String, TencentCloudError>, Never>?
    /// Why GetCallerIdentity failed, once it has: not asked again (nor warned about) until the
    /// endpoint or the credentials change.
    var accountLookupFailure: String?
    /// DescribeRegions, read once per endpoint.
    public var regions: [RegionInfo]?
    /// The caller's own custom images in the session's regions.
    public var images: ImageCache?
    /// Images other accounts shared with the caller, in the session's regions (read-only).
    public var sharedWithMe: ImageCache?
    /// The selected images (kept by identity: a refreshed list cannot retarget it).
    public var selection = Selection()
    /// `alias NAME ACCOUNTS`: usable as `@NAME`.
    public var aliases: [String: [String]] = [:]
    /// The caller's organization, read when `@org` is first used.
    public var organization: OrganizationDirectory?
    /// Who has access to each image, as last read or changed by this session.
    public var shares: [String: [SharePermission]] = [:]
    public var settings: Settings
    /// A one-line summary of the last share batch, for `status`.
    public var lastBatch: String?
    /// The id of this session's last batch when it stopped with pairs left for `resume`.
    public var interruptedBatch: String?
    /// `--dry-run` on the command line: share changes are shown, never sent.
    public var dryRun = false
    /// Why the endpoint may not change (`--demo` talks only to its own emulator), or `nil`.
    public var endpointLock: String?

    /// The region sent with DescribeRegions before any region is chosen: the API calls Region
    /// optional there, but some deployments refuse a request without one.
    public static let fallbackRegion = "ap-guangzhou"

    public init(endpoint: Endpoint = .official, region: String? = nil, settings: Settings) {
        self.endpoint = endpoint
        self.regionSet = region.map { [$0] } ?? []
        self.settings = settings
    }

    /// `ap-nanjing` for one region, `ap-nanjing+2` for a set of three (the prompt's form).
    public var regionLabel: String? {
        guard let first = regionSet.first else { return nil }
        return regionSet.count == 1 ? first : "\(first)+\(regionSet.count - 1)"
    }

    /// Forgets everything that belongs to the regions: after `region X` the old numbers and
    /// selection must not be reused by accident.
    public mutating func dropRegionState() {
        images = nil
        sharedWithMe = nil
        selection = Selection()
        shares = [:]
    }

    /// Forgets everything learnt from the API (new endpoint or credentials).
    public mutating func dropAPIState() {
        dropRegionState()
        regions = nil
        ownAccountId = nil
        accountLookup?.cancel()
        accountLookup = nil
        accountLookupFailure = nil
        organization = nil
    }

    /// Account ids seen in share lists and aliases, for completion.
    public var knownAccounts: [String] {
        let ids = shares.values.flatMap { $0.map(\.accountId) } + aliases.values.flatMap { $0 }
        return Set(ids).sorted()
    }
}
