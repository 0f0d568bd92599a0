import CVM

/// A share to an account outside the allowed ones, found by `audit`.
struct AuditFinding: Sendable, Equatable {
    var region: String
    var imageId: String
    var imageName: String
    var accountId: String
    /// When the share was made (DescribeImageSharePermission `CreatedTime`), if the service said.
    var since: String?
}

/// What `audit` found in the session's regions.
struct AuditReport: Sendable, Equatable {
    var regions: [String]
    /// The images whose share lists were read.
    var images: Int
    /// Every share of those images.
    var shares: Int
    var findings: [AuditFinding]
}

extension Interpreter {
    /// The image ids `spec` names in the current region's list (same forms as `select`), or,
    /// without words, `fallback` (the selection, or every image).
    func imageIds(
        _ spec: [String], in cache: ImageCache, command: String, fallback: () throws(ShellError) -> [String]
    ) async throws(ShellError) -> [String] {
        guard !spec.isEmpty else { return try fallback() }
        let parsed = try await selectionSpec(spec, command: command, regions: cache.regions)
        do {
            return try parsed.resolve(in: cache.images, position: cache.position(of:))
        } catch {
            throw .usage("\(command): \(error)")
        }
    }

    /// Audits the caller's images in the session's regions that `spec` names (all of them
    /// without words): reads their share lists afresh (each in its region, at the
    /// DescribeImageSharePermission limit of 10/s per region) and returns every share to an
    /// account not in `allowed`, in list order.
    func audit(spec: [String], allowed: Set<String>) async throws(ShellError) -> AuditReport {
        let cache = try await images()
        let ids = try await imageIds(spec, in: cache, command: "audit") { cache.images.map(\.imageId) }
        let lists = try await shareLists(of: ids, refresh: true)
        var report = AuditReport(regions: cache.regions, images: ids.count, shares: 0, findings: [])
        for id in ids {
            let list = lists[id] ?? []
            report.shares += list.count
            for share in list where !allowed.contains(share.accountId) {
                report.findings.append(
                    AuditFinding(
                        region: cache.region(of: id) ?? cache.region, imageId: id,
                        imageName: cache.image(id)?.imageName ?? "", accountId: share.accountId,
                        since: share.createdTime))
            }
        }
        return report
    }
}
