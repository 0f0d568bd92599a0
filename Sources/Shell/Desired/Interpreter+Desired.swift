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

    /// The plan of `file`: every region's image list read at once (with the default endpoint
    /// each region at its own API host), then the share lists of the images the rules select in
    /// all of them, through the session's caches and the one share-list reader `shared` and
    /// `share` use (`refresh` reads them again), at the API's rate.
    func desiredPlan(
        _ file: DesiredFile, refresh: Bool, command: String
    ) async throws(ShellError) -> (DesiredPlan, [RegionWork]) {
        let regions = try await desiredRegions(file, command: command)
        guard !regions.isEmpty else { return (DesiredPlan(file: file.path, regions: []), []) }
        let (work, matched, own) = try await inRegions(regions) {
            () async throws(ShellError) -> ([RegionWork], Set<Int>, String?) in
            let all = try await self.images(refresh: refresh)
            let own = await self.ownAccountId()
            var matched = Set<Int>()
            var parts: [(images: ImageCache, state: DesiredState, readable: [String])] = []
            for region in regions {
                let images = ImageCache(
                    region: region, images: Array(all.images[all.range(of: region)]), fetched: all.fetched)
                let state = DesiredState(rules: file.rules, images: images, ownAccountId: own)
                matched.formUnion(state.matchedRules)
                let readable = state.targets.map(\.imageId).filter {
                    SharePlanner.ineligible(images.image($0), operation: .unshare) == nil
                }
                parts.append((images, state, readable))
            }
            let lists = try await self.shareLists(of: parts.flatMap(\.readable), refresh: refresh)
            let work = parts.map { part in
                let shares = Dictionary(
                    uniqueKeysWithValues: part.readable.compactMap { id in lists[id].map { (id, $0) } })
                let changes = RegionChanges(
                    region: part.images.region, state: part.state, images: part.images, shares: shares)
                return RegionWork(changes: changes, images: part.images, shares: shares)
            }
            return (work, matched, own)
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

    /// Runs `body` with the session in `region` (see ``inRegions(_:_:)``).
    func inRegion<T>(_ region: String, _ body: () async throws(ShellError) -> T) async throws(ShellError) -> T {
        try await inRegions([region], body)
    }

    /// Runs `body` with the session spanning `regions`, then puts the session's own regions back
    /// with their image list, selection and share lists.
    func inRegions<T>(_ regions: [String], _ body: () async throws(ShellError) -> T) async throws(ShellError) -> T {
        guard session.regionSet != regions else { return try await body() }
        let saved = session
        session.regionSet = regions
        session.dropRegionState()
        defer {
            session.regionSet = saved.regionSet
            session.images = saved.images
            session.sharedWithMe = saved.sharedWithMe
            session.selection = saved.selection
            session.shares = saved.shares
        }
        return try await body()
    }
}
