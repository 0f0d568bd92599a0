/// Parses share targets: account ids and `@alias` references, separated by commas and/or spaces
/// across words (`100001,100002 @team`).
///
/// Each id must be 5 to 20 ASCII digits and must not start with 0; an item with a space inside
/// (from quoting) is one bad id, not two. Empty items (`100001,,100002`, a trailing comma) are
/// skipped. Aliases expand recursively; the result keeps the first occurrence of each id.
/// `@org` names every member of the caller's organization and `@org:NODE` those of one node
/// (by id or name), from an ``OrganizationAccounts`` read beforehand.
public enum AccountList {
    /// The accepted lengths of an account id, in digits.
    public static let idLengths = 5...20

    /// Expands and validates `words` into account ids, in order, without duplicates.
    /// - Parameter aliases: alias name (without `@`) to its items, each parsed like a word.
    /// - Parameter organization: the members `@org` names; without it (share files) `@org` is an
    ///   ordinary alias name.
    public static func parse(
        _ words: [String], aliases: [String: [String]] = [:], organization: (any OrganizationAccounts)? = nil
    ) throws(AccountListError) -> [String] {
        var expander = Expander(aliases: aliases, organization: organization)
        try expander.expand(words)
        if expander.ids.isEmpty { throw .empty }
        return expander.ids
    }

    /// Whether `words` name `@org` or `@org:NODE` (aliases hold account ids only).
    public static func refersToOrganization(_ words: [String]) -> Bool {
        words.contains { word in word.split(separator: ",").contains { organizationNode(String($0)) != nil } }
    }

    /// For `@org` `.some(nil)`, for `@org:NODE` `.some(NODE)`, for anything else `nil`.
    static func organizationNode(_ item: String) -> String?? {
        if item == "@org" { return .some(nil) }
        if item.hasPrefix("@org:"), item.count > 5 { return .some(String(item.dropFirst(5))) }
        return nil
    }

    /// Checks one account id; throws ``AccountListError/invalidAccountID(_:reason:)``.
    public static func validate(_ id: String) throws(AccountListError) {
        let digits = id.utf8.filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }.count
        if digits != id.utf8.count || id.isEmpty {
            throw .invalidAccountID(id, reason: "account ids are digits 0-9 only")
        }
        if !idLengths.contains(digits) {
            throw .invalidAccountID(
                id, reason: "\(digits) digits; account ids have \(idLengths.lowerBound) to \(idLengths.upperBound)")
        }
        if id.hasPrefix("0") {
            throw .invalidAccountID(id, reason: "account ids do not start with 0")
        }
    }
}

/// The recursive state of one ``AccountList/parse(_:aliases:)`` call.
private struct Expander {
    let aliases: [String: [String]]
    let organization: (any OrganizationAccounts)?
    var ids: [String] = []
    private var seen: Set<String> = []
    private var expanding: [String] = []
    /// Aliases already expanded in full: expanding one again adds no id, and skipping it keeps
    /// shared sub-aliases (`@a` = `@b @b`, `@b` = `@c @c`, …) linear instead of exponential.
    private var expanded: Set<String> = []

    init(aliases: [String: [String]], organization: (any OrganizationAccounts)?) {
        self.aliases = aliases
        self.organization = organization
    }

    mutating func expand(_ words: [String]) throws(AccountListError) {
        for word in words {
            for item in word.split(separator: ",") {
                let item = String(item)
                if let node = AccountList.organizationNode(item), let organization {
                    for id in try organization.accounts(node: node) where seen.insert(id).inserted { ids.append(id) }
                } else if item.hasPrefix("@"), item.count > 1 {
                    try expandAlias(String(item.dropFirst()))
                } else {
                    try AccountList.validate(item)
                    if seen.insert(item).inserted { ids.append(item) }
                }
            }
        }
    }

    private mutating func expandAlias(_ name: String) throws(AccountListError) {
        if let start = expanding.firstIndex(of: name) {
            throw .aliasLoop(Array(expanding[start...]) + [name])
        }
        if expanded.contains(name) { return }
        guard let items = aliases[name] else { throw .unknownAlias(name) }
        expanding.append(name)
        try expand(items)
        expanding.removeLast()
        expanded.insert(name)
    }
}
