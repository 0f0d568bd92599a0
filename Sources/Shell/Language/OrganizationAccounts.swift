/// Who `@org` and `@org:NODE` name in an ``AccountList``: the caller's organization as read
/// from the service (the session's `OrganizationDirectory`). A protocol, so the selection and
/// account languages depend on nothing but the standard library (the fuzz harnesses build them
/// alone).
public protocol OrganizationAccounts: Sendable {
    /// The member accounts of the whole organization (`node` nil) or of one node, named by its
    /// id or its name, without the caller's own account.
    func accounts(node: String?) throws(AccountListError) -> [String]
}
