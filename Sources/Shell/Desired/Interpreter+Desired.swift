import CVM
import Foundation

/// A region's part of a share file's plan, with what was read to make it (for `apply`).
struct RegionWork {
    var changes: RegionChanges
    var images: ImageCache
    var shares: [String: [SharePermission]]
}

extension Interpreter {
    /// The largest share file read, in bytes.
    static let maxShareFileBytes = 4 << 20

    /// Reads and checks the share file at `path` (relative to the running script, as `source`).
    func desiredFile(_ path: String, command: String) throws(ShellError) -> DesiredFile {
        let resolved = resolve(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw .failed("\(command): cannot read \(path): no such file")
        }
        guard let data = FileManager.default.contents(atPath: resolved) else {
            throw .failed("\(command): cannot read \(path): permission denied or unreadable")
        }
        guard data.count <= Self.maxShareFileBytes else {
            throw .failed("\(command): \(path) is larger than \(Self.maxShareFileBytes >> 20) MiB; is it a share file?")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .failed("\(command): \(path) is not UTF-8 text")
        }
        do {
            return try DesiredFileParser.parse(text, path: path, aliases: session.aliases)
        } catch {
            throw .usage("\(command): \(error)")
        }
    }

    /// The regions `file` applies to, checked against DescribeRegions.
    func desiredRegions(_ file: DesiredFile, command: String) async throws(ShellError) -> [String] {
        switch file.regions {
        case .current:
            return [try requireRegion()]
        case .all:
            return try await regions().filter { ($0.regionState ?? "AVAILABLE") == "AVAILABLE" }.map(\.region)
        case .listed(let entries):
            let known = try await regions().map(\.region)
            for entry in entries where !known.contains(entry.name) {
                let hint = Suggestion.closest(to: entry.name, in: known).map { "; did you mean '\($0)'?" } ?? ""
                let problem = "unknown region '\(entry.name)'\(hint) (`regions` lists them)"
                throw .usage("\(command): \(entry.location): \(problem)")
            }
            return entries.map(\.name)
        }
    }

    /// The plan of `file`: region by region (the session switched to each for its reads), the
    /// image list and the share lists of the images the rules select, read through the
    /// session's caches (`refresh` reads them again) at the API's rate.
    func desiredPlan(
        _ file: DesiredFile, refresh: Bool, command: String
    ) async throws(ShellError) -> (DesiredPlan, [RegionWork]) {
        let regions = try await desiredRegions(file, command: command)
        var work: [RegionWork] = []
        var matched = Set<Int>()
        var own: String?
        for region in regions {
            let part = try await inRegion(region) { () async throws(ShellError) -> RegionWork in
                let images = try await self.images(refresh: refresh)
                own = await self.ownAccountId()
                let state = DesiredState(rules: file.rules, images: images, ownAccountId: own)
                matched.formUnion(state.matchedRules)
                let readable = state.targets.map(\.imageId).filter {
                    SharePlanner.ineligible(images.image($0), operation: .unshare) == nil
                }
                let shares = try await self.shareLists(of: readable, refresh: refresh)
                let changes = RegionChanges(region: region, state: state, images: images, shares: shares)
                return RegionWork(changes: changes, images: images, shares: shares)
            }
            work.append(part)
        }
        var warnings: [String] = []
        if let own, file.rules.contains(where: { $0.accounts.contains(own) }) {
            warnings.append("\(own) is your own account and never a share target; left out")
        }
        for rule in file.rules where !matched.contains(rule.number) {
            let scope = regions.count == 1 ? regions[0] : "any of \(regions.count) regions"
            warnings.append("\(rule.location): rule \(rule.number) (\(rule.imagesText)) selects no image in \(scope)")
        }
        for warning in warnings { warn(warning) }
        return (DesiredPlan(file: file.path, regions: work.map(\.changes), warnings: warnings), work)
    }

    /// Runs `body` with the session in `region`, then puts the session's own region back with
    /// its image list, selection and share lists: the session works in one region at a time.
    func inRegion<T>(_ region: String, _ body: () async throws(ShellError) -> T) async throws(ShellError) -> T {
        guard session.region != region else { return try await body() }
        let saved = session
        session.region = region
        session.dropRegionState()
        defer {
            session.region = saved.region
            session.images = saved.images
            session.sharedWithMe = saved.sharedWithMe
            session.selection = saved.selection
            session.shares = saved.shares
        }
        return try await body()
    }
}
