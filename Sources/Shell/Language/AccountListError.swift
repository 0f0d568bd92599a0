/// Why a list of share targets was rejected. No API call is made with a rejected list.
public enum AccountListError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The list holds no account ids at all.
    case empty
    /// An item is not a valid account id; `reason` says what is wrong with it.
    case invalidAccountID(String, reason: String)
    /// `@name` names no alias.
    case unknownAlias(String)
    /// Expanding aliases came back to one already being expanded; the chain, in order.
    case aliasLoop([String])
    /// `@org:NODE` names no node that has members; `known` lists the node names that do.
    case unknownOrganizationNode(String, known: [String])

    /// A one-line explanation naming the bad item.
    public var message: String {
        switch self {
        case .empty:
            "no account ids given"
        case .invalidAccountID(let id, let reason):
            "invalid account id \(id.quotedForMessage): \(reason)"
        case .unknownAlias(let name):
            "unknown alias \(("@" + name).quotedForMessage)"
        case .aliasLoop(let chain):
            "alias loop: " + chain.map { "@" + $0 }.joined(separator: " -> ")
        case .unknownOrganizationNode(let node, let known):
            "no member of your organization is in node \(node.quotedForMessage)"
                + (known.isEmpty ? "" : " (nodes: \(known.joined(separator: ", ")))")
        }
    }

    public var description: String { message }
}
