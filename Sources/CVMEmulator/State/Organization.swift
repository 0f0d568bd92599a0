extension EmulatorState {
    /// A Tencent Cloud organization (集团账号): one admin (management) account and member root
    /// accounts, each in one node (department) of the organization's tree.
    public struct Organization: Codable, Sendable, Equatable {
        /// The management account: the only one DescribeOrganizationMembers answers.
        public var adminAccountId: String
        public var nodes: [Node]
        public var members: [Member]

        public init(adminAccountId: String, nodes: [Node], members: [Member]) {
            self.adminAccountId = adminAccountId
            self.nodes = nodes
            self.members = members
        }

        /// Whether `accountId` is the admin or a member.
        public func includes(_ accountId: String) -> Bool {
            accountId == adminAccountId || members.contains { $0.accountId == accountId }
        }
    }

    /// A node (department) of an organization.
    public struct Node: Codable, Sendable, Equatable {
        public var nodeId: Int
        public var name: String

        public init(nodeId: Int, name: String) {
            self.nodeId = nodeId
            self.name = name
        }
    }

    /// A member account of an organization.
    public struct Member: Codable, Sendable, Equatable {
        /// The member's root account id (sent as the number `MemberUin`).
        public var accountId: String
        public var name: String
        public var nodeId: Int
        /// `Invite` (an existing account that joined) or `Create` (made by the organization).
        public var memberType: String
        /// `YYYY-MM-DD hh:mm:ss`, as the API writes `CreateTime`.
        public var createTime: String

        public init(
            accountId: String, name: String, nodeId: Int, memberType: String = "Invite",
            createTime: String = "2024-01-15 10:00:00"
        ) {
            self.accountId = accountId
            self.name = name
            self.nodeId = nodeId
            self.memberType = memberType
            self.createTime = createTime
        }
    }
}
