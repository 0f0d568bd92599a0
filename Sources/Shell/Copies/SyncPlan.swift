/// What `sync` (and the copying part of `publish`) will do: per selected image, the regions to
/// copy it to and the regions skipped with a reason. Journaled whole in the batch's first record.
public struct SyncPlan: Codable, Sendable, Equatable {
    /// The region of the images (where SyncImages is called).
    public var sourceRegion: String
    /// The destination regions, as asked.
    public var destinations: [String]
    public var items: [Item]

    /// One selected image.
    public struct Item: Codable, Sendable, Equatable {
        public var imageId: String
        /// The copies' name: the image's name (copies are found by it in their region).
        public var name: String
        /// Regions to copy to (one SyncImages call for all of them).
        public var copyTo: [String]
        /// Regions not copied to, and why.
        public var skipped: [Skip]

        public init(imageId: String, name: String, copyTo: [String] = [], skipped: [Skip] = []) {
            self.imageId = imageId
            self.name = name
            self.copyTo = copyTo
            self.skipped = skipped
        }
    }

    /// A destination left out for one image.
    public struct Skip: Codable, Sendable, Equatable {
        public var region: String
        public var reason: CopySkipReason
        /// The copy already there, for ``CopySkipReason/exists``.
        public var existing: String?

        public init(region: String, reason: CopySkipReason, existing: String? = nil) {
            self.region = region
            self.reason = reason
            self.existing = existing
        }
    }

    public init(sourceRegion: String, destinations: [String], items: [Item]) {
        self.sourceRegion = sourceRegion
        self.destinations = destinations
        self.items = items
    }

    /// Copies to make.
    public var copyCount: Int { items.reduce(0) { $0 + $1.copyTo.count } }

    /// Whether nothing is to be copied.
    public var isEmpty: Bool { copyCount == 0 }
}

/// Why an image is not copied to a region.
public enum CopySkipReason: String, Codable, Sendable, Equatable {
    /// A custom image of the same name is already there (a copy made before).
    case exists
    /// Only NORMAL images can be copied.
    case notNormal = "not-normal"
    /// An image shared with you copies only into its own region.
    case sharedToYou = "shared-to-you"
    /// Encrypted images copy only within their own region.
    case encrypted
    /// The destination's custom-image quota would be exceeded.
    case overQuota = "over-quota"
    /// Another selected image of the same name is copied there (names are unique per region).
    case sameName = "same-name"

    /// How the plan and the summary say it.
    public var text: String {
        switch self {
        case .exists: "a copy exists already"
        case .notNormal: "not NORMAL"
        case .sharedToYou: "shared to you (copies only into its own region)"
        case .encrypted: "encrypted (copies only within its own region)"
        case .overQuota: "over the destination's custom-image quota"
        case .sameName: "another selected image has the same name"
        }
    }
}
