/// A share file (`shares.yaml`): the sharing a team wants, written down and reviewed in git.
/// ``DesiredFileParser`` reads it; `plan` compares it with the share lists and `apply` makes
/// them so (see docs/desired-state.md).
///
/// ```yaml
/// regions: [ap-tokyo, ap-singapore]      # a list, one region, or all
/// aliases:
///   partners: ["100087654321", "100011110001"]
/// shares:
///   - images: "name:web-prod-*"
///     accounts: ["@partners", "100011110002"]
///   - images: "name:db-*"
///     accounts: ["@org"]
///     exclusive: true
/// ```
public struct DesiredFile: Sendable, Equatable {
    /// The regions a file applies to.
    public enum Regions: Sendable, Equatable {
        /// No `regions` key: the session's region.
        case current
        /// `regions: all`: every available region DescribeRegions lists.
        case all
        /// The regions named, each with where it was written (checked against DescribeRegions).
        case listed([RegionEntry])
    }

    /// A region named in `regions:`.
    public struct RegionEntry: Sendable, Equatable {
        public var name: String
        public var location: FileLocation

        public init(name: String, location: FileLocation) {
            self.name = name
            self.location = location
        }
    }

    /// The file as the user named it, for messages.
    public var path: String
    public var regions: Regions
    /// The session's aliases with the file's own on top (the file wins on a shared name).
    public var aliases: [String: [String]]
    /// The rules, in file order.
    public var rules: [ShareRule]

    public init(path: String, regions: Regions, aliases: [String: [String]], rules: [ShareRule]) {
        self.path = path
        self.regions = regions
        self.aliases = aliases
        self.rules = rules
    }
}

/// One entry of `shares:`: the images a selection names get these accounts.
public struct ShareRule: Sendable, Equatable {
    /// 1-based position in `shares:`, for messages (`rule 2`).
    public var number: Int
    /// Where the rule starts.
    public var location: FileLocation
    /// The `images:` text as written.
    public var imagesText: String
    /// The parsed selection: `all`, `none`, `img-…` ids and `name:` globs (never list numbers).
    public var images: SelectionSpec
    /// The accounts, aliases expanded, in order, without duplicates; may be empty only when
    /// ``exclusive`` (the images are shared with no one).
    public var accounts: [String]
    /// Whether every account outside the images' declared accounts is removed from them.
    public var exclusive: Bool

    public init(
        number: Int, location: FileLocation, imagesText: String, images: SelectionSpec, accounts: [String],
        exclusive: Bool
    ) {
        self.number = number
        self.location = location
        self.imagesText = imagesText
        self.images = images
        self.accounts = accounts
        self.exclusive = exclusive
    }
}
