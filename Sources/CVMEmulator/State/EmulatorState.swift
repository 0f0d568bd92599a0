/// Everything the emulator knows: accounts with their keys, regions, and the images (with their
/// shares) in each region. It is a plain Codable document: `--state FILE` loads one, `--dump FILE`
/// writes one, and tests build their own.
public struct EmulatorState: Codable, Sendable, Equatable {
    /// Root accounts and collaborators, each with zero or more API keys.
    public var accounts: [Account]
    /// Regions in the order `DescribeRegions` lists them, each holding its images.
    public var regions: [Region]
    /// The organization some of the accounts form, if any (absent from older state files).
    public var organization: Organization?

    public init(accounts: [Account], regions: [Region], organization: Organization? = nil) {
        self.accounts = accounts
        self.regions = regions
        self.organization = organization
    }

    /// The account with this id (root or collaborator).
    public func account(_ accountId: String) -> Account? {
        accounts.first { $0.accountId == accountId }
    }

    /// The region with this id.
    public func region(_ id: String) -> Region? {
        regions.first { $0.region == id }
    }

    /// The image with this id in `region`.
    public func image(_ imageId: String, region: String) -> Image? {
        self.region(region)?.images.first { $0.imageId == imageId }
    }
}

extension EmulatorState {
    /// A Tencent Cloud account: a root account (主账号), which owns images and can receive shares,
    /// or a collaborator (协作者) acting for a root account, which can call the API but cannot
    /// receive shares.
    public struct Account: Codable, Sendable, Equatable {
        /// The kind of account.
        public enum Kind: String, Codable, Sendable {
            case root
            case collaborator
        }

        /// The account's UIN, a string of digits.
        public var accountId: String
        /// A human-readable name (not sent by any API).
        public var name: String
        public var kind: Kind
        /// For a collaborator, the root account it acts for; `nil` for a root account.
        public var rootAccountId: String?
        /// API keys that authenticate as this account.
        public var credentials: [Credential]
        /// `ImageNumQuota` reported by DescribeImageQuota.
        public var imageQuota: Int

        public init(
            accountId: String, name: String, kind: Kind = .root, rootAccountId: String? = nil,
            credentials: [Credential] = [], imageQuota: Int = 500
        ) {
            self.accountId = accountId
            self.name = name
            self.kind = kind
            self.rootAccountId = rootAccountId
            self.credentials = credentials
            self.imageQuota = imageQuota
        }

        /// The root account whose resources this account acts on (itself for a root account).
        public var ownerAccountId: String { rootAccountId ?? accountId }
    }

    /// An API key. A key with a `token` is a temporary (STS) credential: requests must carry the
    /// token in `X-TC-Token`, and stop working after `expiredTime`.
    public struct Credential: Codable, Sendable, Equatable {
        public var secretId: String
        public var secretKey: String
        /// The session token of a temporary credential.
        public var token: String?
        /// Unix seconds after which a temporary credential is refused.
        public var expiredTime: Int?

        public init(secretId: String, secretKey: String, token: String? = nil, expiredTime: Int? = nil) {
            self.secretId = secretId
            self.secretKey = secretKey
            self.token = token
            self.expiredTime = expiredTime
        }
    }

    /// A region and the images in it. Images and shares are regional.
    public struct Region: Codable, Sendable, Equatable {
        /// Region id, e.g. `ap-nanjing`.
        public var region: String
        /// Display name, e.g. `华东地区(南京)`.
        public var regionName: String
        /// `AVAILABLE` or `UNAVAILABLE`.
        public var regionState: String
        public var images: [Image]

        public init(region: String, regionName: String, regionState: String = "AVAILABLE", images: [Image] = []) {
            self.region = region
            self.regionName = regionName
            self.regionState = regionState
            self.images = images
        }
    }

    /// A share of an image with another root account.
    public struct SharePermission: Codable, Sendable, Equatable {
        public var accountId: String
        /// `YYYY-MM-DDThh:mm:ssZ`.
        public var createdTime: String

        public init(accountId: String, createdTime: String) {
            self.accountId = accountId
            self.createdTime = createdTime
        }
    }

    /// A snapshot backing an image.
    public struct Snapshot: Codable, Sendable, Equatable {
        public var snapshotId: String
        /// `SYSTEM_DISK` or `DATA_DISK`.
        public var diskUsage: String
        /// GiB.
        public var diskSize: Int

        public init(snapshotId: String, diskUsage: String, diskSize: Int) {
            self.snapshotId = snapshotId
            self.diskUsage = diskUsage
            self.diskSize = diskSize
        }
    }

    /// A resource tag.
    public struct Tag: Codable, Sendable, Equatable {
        public var key: String
        public var value: String

        public init(key: String, value: String) {
            self.key = key
            self.value = value
        }
    }

    /// An image with every documented field of the API's `Image`, plus the emulator's own facts:
    /// who owns it, whether it is encrypted (never shown by the API) and who it is shared with.
    ///
    /// `ImageType` is not stored: it depends on the caller (`PRIVATE_IMAGE` for the owner,
    /// `SHARED_IMAGE` for an account it is shared with, `PUBLIC_IMAGE` for an image without owner).
    public struct Image: Codable, Sendable, Equatable {
        public var imageId: String
        /// The owning root account; `nil` for a public (official) image.
        public var ownerAccountId: String?
        public var osName: String
        /// `YYYY-MM-DDThh:mm:ssZ`.
        public var createdTime: String
        public var imageName: String
        public var imageDescription: String
        /// GiB.
        public var imageSize: Int
        /// `x86_64`, `arm` or `i386`.
        public var architecture: String
        /// `CREATING`, `NORMAL`, `CREATEFAILED`, `SYNCING`, `IMPORTING` or `IMPORTFAILED`.
        public var imageState: String
        public var platform: String
        public var imageCreator: String
        /// `OFFICIAL`, `CREATE_IMAGE` or `EXTERNAL_IMPORT`.
        public var imageSource: String
        /// Returned as `null` when absent.
        public var syncPercent: Int?
        public var isSupportCloudinit: Bool
        public var snapshotSet: [Snapshot]
        public var tags: [Tag]
        /// `TencentCloud` or `BYOL`.
        public var licenseType: String
        public var imageFamily: String
        public var imageDeprecated: Bool
        /// Only for images on a CDC; omitted from the output when `nil`.
        public var cdcCacheStatus: String?
        /// Internal: encrypted images cannot be shared. Never part of the API output.
        public var encrypted: Bool
        /// The accounts this image is shared with, oldest first.
        public var shares: [SharePermission]
        /// Internal: a copy in progress (SyncImages), as the copy or as its source.
        public var sync: SyncProgress? = nil

        public init(
            imageId: String, ownerAccountId: String?, osName: String, createdTime: String,
            imageName: String, imageDescription: String = "", imageSize: Int = 50,
            architecture: String = "x86_64", imageState: String = "NORMAL", platform: String,
            imageCreator: String = "", imageSource: String = "CREATE_IMAGE", syncPercent: Int? = nil,
            isSupportCloudinit: Bool = true, snapshotSet: [Snapshot] = [], tags: [Tag] = [],
            licenseType: String = "TencentCloud", imageFamily: String = "", imageDeprecated: Bool = false,
            cdcCacheStatus: String? = nil, encrypted: Bool = false, shares: [SharePermission] = []
        ) {
            self.imageId = imageId
            self.ownerAccountId = ownerAccountId
            self.osName = osName
            self.createdTime = createdTime
            self.imageName = imageName
            self.imageDescription = imageDescription
            self.imageSize = imageSize
            self.architecture = architecture
            self.imageState = imageState
            self.platform = platform
            self.imageCreator = imageCreator
            self.imageSource = imageSource
            self.syncPercent = syncPercent
            self.isSupportCloudinit = isSupportCloudinit
            self.snapshotSet = snapshotSet
            self.tags = tags
            self.licenseType = licenseType
            self.imageFamily = imageFamily
            self.imageDeprecated = imageDeprecated
            self.cdcCacheStatus = cdcCacheStatus
            self.encrypted = encrypted
            self.shares = shares
        }

        /// Whether this is a public (official) image.
        public var isPublic: Bool { ownerAccountId == nil }
    }
}
