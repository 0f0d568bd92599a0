import TencentCloudCore

extension Action {
    /// The largest `Limit` DescribeOrganizationMembers takes.
    static let maxOrganizationPage = 50

    /// Organization DescribeOrganizationMembers: a page of the caller's organization members,
    /// for the organization's admin only (https://cloud.tencent.com/document/api/850/67220).
    ///
    /// `Offset` and `Limit` are required, `Limit` is 1 to 50 and `Offset` a multiple of it.
    /// `NodeId` and `NodeName` keep the members of one node; `SearchKey` those whose name or id
    /// contains it; members carry no tags here, so any `Tags` leaves none.
    static func describeOrganizationMembers(
        _ context: ActionContext, organization: EmulatorState.Organization?
    ) throws(APIError) -> [JSONValue.Member] {
        let p = context.parameters
        guard let organization, organization.includes(context.caller.accountId) else {
            throw APIError(
                .organizationNotExist,
                "The account `\(context.caller.accountId)` does not belong to an organization.")
        }
        guard organization.adminAccountId == context.caller.accountId else {
            throw APIError(
                .authUnauthorizedOperation,
                "Only the organization's admin account may list its members; "
                    + "`\(context.caller.accountId)` is a member.")
        }
        guard let offset = try p.unsigned("Offset") else { throw APIError.missingParameter("Offset") }
        guard let limit = try p.unsigned("Limit") else { throw APIError.missingParameter("Limit") }
        guard (1...maxOrganizationPage).contains(limit) else {
            throw APIError.invalidParameter("`Limit` must be from 1 to \(maxOrganizationPage), not \(limit).")
        }
        guard offset % limit == 0 else {
            throw APIError.invalidParameter("`Offset` must be a multiple of `Limit` (\(limit)), not \(offset).")
        }
        for name in ["Lang", "SearchKey", "AuthName", "Product", "NodeName"] { _ = try p.string(name) }
        var members = organization.members
        if let nodeId = try p.unsigned("NodeId") {
            guard organization.nodes.contains(where: { $0.nodeId == nodeId }) else {
                throw nodeNotFound("`NodeId` \(nodeId)")
            }
            members = members.filter { $0.nodeId == nodeId }
        }
        if let nodeName = try p.string("NodeName") {
            let ids = organization.nodes.filter { $0.name == nodeName }.map(\.nodeId)
            guard !ids.isEmpty else { throw nodeNotFound("`NodeName` `\(nodeName)`") }
            members = members.filter { ids.contains($0.nodeId) }
        }
        if let key = try p.string("SearchKey"), !key.isEmpty {
            members = members.filter { $0.name.contains(key) || $0.accountId.contains(key) }
        }
        if p.contains("Tags") { members = [] }
        let page = members.dropFirst(offset).prefix(limit).map { member in
            item(member, node: organization.nodes.first { $0.nodeId == member.nodeId })
        }
        return [
            JSONValue.Member("Items", .array(Array(page))), JSONValue.Member("Total", .int(members.count)),
        ]
    }

    private static func nodeNotFound(_ what: String) -> APIError {
        APIError(.organizationNodeNotExist, "The organization node \(what) does not exist.")
    }

    /// One `OrgMember`: `MemberUin` and `NodeId` are numbers.
    private static func item(_ member: EmulatorState.Member, node: EmulatorState.Node?) -> JSONValue {
        .object([
            JSONValue.Member("MemberUin", .int(Int(member.accountId) ?? 0)),
            JSONValue.Member("Name", .string(member.name)),
            JSONValue.Member("MemberType", .string(member.memberType)),
            JSONValue.Member("OrgPolicyType", .string("Financial")),
            JSONValue.Member("OrgPolicyName", .string("财务管理")),
            JSONValue.Member("OrgPermission", .array([])),
            JSONValue.Member("NodeId", .int(member.nodeId)),
            JSONValue.Member("NodeName", .string(node?.name ?? "")),
            JSONValue.Member("Remark", .string("")),
            JSONValue.Member("CreateTime", .string(member.createTime)),
            JSONValue.Member("UpdateTime", .string(member.createTime)),
            JSONValue.Member("IsAllowQuit", .string("Allow")),
            JSONValue.Member("PayUin", .string("")),
            JSONValue.Member("PayName", .string("")),
            JSONValue.Member("OrgIdentity", .array([])),
            JSONValue.Member("BindStatus", .string("Unbound")),
            JSONValue.Member("PermissionStatus", .string("Confirmed")),
            JSONValue.Member("Tags", .array([])),
        ])
    }
}
