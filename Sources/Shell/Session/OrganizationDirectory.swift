import CVM

/// The caller's organization as `@org` and `@org:NODE` read it: its member accounts, each in a
/// node, read once per session (DescribeOrganizationMembers) and kept.
public struct OrganizationDirectory: OrganizationAccounts, Equatable {
    /// Every member, in the order the service lists them.
    public var members: [OrganizationMember]
    /// The caller's root account: never one of the accounts `@org` names.
    public var ownAccountId: String?

    public init(members: [OrganizationMember], ownAccountId: String?) {
        self.members = members
        self.ownAccountId = ownAccountId
    }

    /// The node names members are in, sorted (for completion and messages).
    public var nodeNames: [String] {
        Set(members.compactMap(\.nodeName).filter { !$0.isEmpty }).sorted()
    }

    /// The member accounts of the whole organization (`node` nil) or of one node, named by its
    /// id or its name, without the caller's own account.
    public func accounts(node: String?) throws(AccountListError) -> [String] {
        var chosen = members
        if let node {
            chosen = members.filter { $0.nodeName == node || $0.nodeId.map(String.init) == node }
            if chosen.isEmpty { throw .unknownOrganizationNode(node, known: nodeNames) }
        }
        return chosen.map(\.accountId).filter { $0 != ownAccountId }
    }
}
