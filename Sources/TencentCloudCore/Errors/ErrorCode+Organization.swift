extension ErrorCode {
    // Codes of Organization DescribeOrganizationMembers (tencentcloud-sdk-go
    // tencentcloud/organization/v20210331/client.go), and the common denial code.
    public static let organizationNotExist: ErrorCode = "ResourceNotFound.OrganizationNotExist"
    public static let organizationNodeNotExist: ErrorCode = "ResourceNotFound.OrganizationNodeNotExist"
    public static let organizationServiceNotExist: ErrorCode = "ResourceNotFound.OrganizationServiceNotExist"
    public static let authUnauthorizedOperation: ErrorCode = "AuthFailure.UnauthorizedOperation"
}
