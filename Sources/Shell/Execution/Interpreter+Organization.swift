import CVM
import TencentCloud

extension Interpreter {
    /// The account ids `words` name (ids, `@alias`, `@org`, `@org:NODE`), or a usage error naming
    /// the command. The organization is read only when `@org` is named, once per session.
    func accounts(
        _ words: [String], command: String, aliases: [String: [String]]? = nil
    ) async throws(ShellError) -> [String] {
        let organization = AccountList.refersToOrganization(words) ? try await organization(command: command) : nil
        do {
            return try AccountList.parse(words, aliases: aliases ?? session.aliases, organization: organization)
        } catch {
            throw .usage("\(command): \(error)")
        }
    }

    /// The caller's organization: every member read once (DescribeOrganizationMembers, all
    /// pages) and kept for the session. A caller that is not an organization's admin gets one
    /// line saying why, before anything is changed.
    func organization(command: String) async throws(ShellError) -> OrganizationDirectory {
        if let directory = session.organization { return directory }
        let own = await ownAccountId()
        let client = try client()
        let members: [OrganizationMember]
        do {
            members = try await client.listOrganizationMembers(concurrency: session.settings.concurrency)
        } catch {
            throw organizationError(error, command: command)
        }
        let directory = OrganizationDirectory(members: members, ownAccountId: own)
        session.organization = directory
        let accounts = (try? directory.accounts(node: nil).count) ?? 0
        inform("@org: \(counted(accounts, "account")) in \(counted(directory.nodeNames.count, "node"))")
        return directory
    }

    private func organizationError(_ error: TencentCloudError, command: String) -> ShellError {
        let why: String
        switch error.code {
        case .organizationNotExist?:
            why = "your account is not in an organization"
        case let code? where code == .authUnauthorizedOperation || code.isIn(.unauthorizedOperation):
            why = "only the organization's admin account may list its members"
        case .organizationServiceNotExist?:
            why = "the organization service is not enabled for this account"
        default:
            return ShellError(error)
        }
        let request = error.requestId.map { ", RequestId \($0)" } ?? ""
        return .failed("\(command): @org: \(why) (\(error.code?.rawValue ?? "")\(request)); nothing was changed")
    }
}
