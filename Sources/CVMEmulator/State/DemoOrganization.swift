extension EmulatorState {
    /// The demo organization's nodes: the root and three departments.
    public static let demoOrganizationNodes = [
        Node(nodeId: 1, name: "root"), Node(nodeId: 11, name: "platform"), Node(nodeId: 12, name: "games"),
        Node(nodeId: 13, name: "data"),
    ]

    /// The demo account administers an organization of seven member root accounts: four of the
    /// partners (the first one, which has keys, is a member that is not the admin) and three of
    /// the bulk partners. Partners 5 and 6 are outside it, so a demo image shared with partner 5
    /// is a share outside the organization.
    public static let demoOrganization = Organization(
        adminAccountId: demoAccountId, nodes: demoOrganizationNodes,
        members: [
            Member(accountId: partnerAccountIds[0], name: "partner-golden", nodeId: 11),
            Member(accountId: partnerAccountIds[1], name: "web-team", nodeId: 11),
            Member(accountId: partnerAccountIds[2], name: "game-studio-tokyo", nodeId: 12),
            Member(accountId: partnerAccountIds[3], name: "ゲーム運営", nodeId: 12),
            Member(accountId: bulkPartnerAccountIds[0], name: "warehouse", nodeId: 13, memberType: "Create"),
            Member(accountId: bulkPartnerAccountIds[1], name: "数据分析", nodeId: 13, memberType: "Create"),
            Member(accountId: bulkPartnerAccountIds[2], name: "ml-lab", nodeId: 13, memberType: "Create"),
        ])
}
