/// One member account of an organization, as DescribeOrganizationMembers lists it (`OrgMember`;
/// only the fields cvmsh uses).
public struct OrganizationMember: Decodable, Sendable, Equatable {
    /// The member's root account id. The API sends `MemberUin` as a JSON number (int64), unlike
    /// CVM's string account ids; it is kept as the digit string CVM takes.
    public var accountId: String
    /// The member's name in the organization.
    public var name: String
    /// The organization node (department) the member belongs to.
    public var nodeId: Int?
    public var nodeName: String?

    public init(accountId: String, name: String = "", nodeId: Int? = nil, nodeName: String? = nil) {
        self.accountId = accountId
        self.name = name
        self.nodeId = nodeId
        self.nodeName = nodeName
    }

    enum CodingKeys: String, CodingKey {
        case memberUin = "MemberUin"
        case name = "Name"
        case nodeId = "NodeId"
        case nodeName = "NodeName"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let number = try? container.decode(Int64.self, forKey: .memberUin) {
            accountId = String(number)
        } else {
            accountId = try container.decode(String.self, forKey: .memberUin)
        }
        name = try container.decodeIfPresent(String.self, forKey: .name) ?? ""
        nodeId = try container.decodeIfPresent(Int.self, forKey: .nodeId)
        nodeName = try container.decodeIfPresent(String.self, forKey: .nodeName)
    }
}

/// One page of DescribeOrganizationMembers.
public struct OrganizationMemberPage: Decodable, Sendable, Equatable {
    public var total: Int
    public var members: [OrganizationMember]

    enum CodingKeys: String, CodingKey {
        case total = "Total"
        case members = "Items"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        total = try container.decodeIfPresent(Int.self, forKey: .total) ?? 0
        members = try container.decodeIfPresent([OrganizationMember].self, forKey: .members) ?? []
    }
}

struct DescribeOrganizationMembersRequest: Encodable, Sendable {
    var Offset: Int
    var Limit: Int
}
