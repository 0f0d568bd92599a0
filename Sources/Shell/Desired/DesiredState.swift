import CVM

/// What a share file wants for one image of one region.
public struct ImageTarget: Sendable, Equatable {
    public var imageId: String
    /// The union of the accounts of every rule that selects the image (never the caller's own).
    public var accounts: Set<String>
    /// Whether a rule that selects the image is exclusive: every other account is removed.
    public var exclusive: Bool
}

/// The desired state of one region, worked out from the rules and the region's image list:
/// pure, no API calls.
public struct DesiredState: Sendable, Equatable {
    /// The images some rule selects, in list order.
    public var targets: [ImageTarget]
    /// The numbers of the rules that select at least one image here.
    public var matchedRules: Set<Int>

    /// The state `rules` declare over `images`; `ownAccountId` is left out of every image.
    public init(rules: [ShareRule], images: ImageCache, ownAccountId: String?) {
        var byPosition: [Int: ImageTarget] = [:]
        var matched = Set<Int>()
        for rule in rules {
            let positions = Self.positions(rule.images, in: images)
            if !positions.isEmpty { matched.insert(rule.number) }
            let accounts = Set(rule.accounts.filter { $0 != ownAccountId })
            for position in positions {
                let id = images.images[position].imageId
                var target = byPosition[position] ?? ImageTarget(imageId: id, accounts: [], exclusive: false)
                target.accounts.formUnion(accounts)
                target.exclusive = target.exclusive || rule.exclusive
                byPosition[position] = target
            }
        }
        targets = byPosition.keys.sorted().compactMap { byPosition[$0] }
        matchedRules = matched
    }

    /// The positions a rule's selection names in `images`. Unlike `select`, a term that names
    /// nothing here (an id of another region, a glob without match) is not an error: a file
    /// covers several regions, and a rule that selects nothing anywhere is warned about.
    static func positions(_ spec: SelectionSpec, in images: ImageCache) -> Set<Int> {
        var chosen = Set<Int>()
        for term in spec.terms {
            switch term {
            case .all: chosen.formUnion(images.images.indices)
            case .imageID(let id): if let position = images.position(of: id) { chosen.insert(position) }
            case .name(let glob):
                for index in images.images.indices where glob.matches(images.images[index].name) {
                    chosen.insert(index)
                }
            case .image(let term):
                for index in images.images.indices where term.matches(images.images[index]) { chosen.insert(index) }
            case .none, .index, .range: continue
            }
        }
        return chosen
    }
}
