/// `region [REGION…]`: shows or switches the region, or the set of regions the session spans.
public enum RegionCommand: ShellCommand {
    public static let signature = CommandSignature(
        "region", positionals: [Positional("REGION", .any, completion: .region)],
        summary: "show or switch the region, or a set of regions (images and shares are regional)",
        details: """
            Without a word, shows the session's regions. With one, checks it against DescribeRegions
            (read once and kept) and switches to it. With several (separated by commas or spaces),
            the session spans them all, in that order: `ls` lists every region's images with one
            numbering and a REGION column, and share batches cover the selected images of every
            region, the regions side by side. `all` takes every AVAILABLE region. Switching drops
            the image list, the numbers `select` uses and the selection, and says so; an unknown
            region changes nothing.
            """,
        examples: ["region", "region ap-nanjing", "region ap-nanjing,ap-tokyo", "region all"])

    public static func run(_ arguments: Arguments, in shell: Interpreter) async throws(ShellError) {
        let words = arguments.words("REGION").flatMap { $0.split(separator: ",").map(String.init) }
        guard !words.isEmpty else {
            let set = shell.session.regionSet
            shell.console.line(
                set.isEmpty ? "(no region: run `region REGION`; `regions` lists them)" : set.joined(separator: ","))
            return
        }
        let wanted = try await regionSet(words, in: shell)
        guard wanted != shell.session.regionSet else { return }
        let dropped = shell.session.selection.count
        let hadImages = shell.session.images != nil
        shell.session.regionSet = wanted
        shell.session.regionSource = "region command"
        shell.session.dropRegionState()
        if hadImages || dropped > 0 {
            let unselected = dropped > 0 ? ", \(counted(dropped, "selected image")) unselected" : ""
            shell.inform("region \(wanted.joined(separator: ",")): image list cleared" + unselected)
        }
    }

    /// The regions `words` name, in order and without repeats, each checked against
    /// DescribeRegions (`all`: every AVAILABLE region). Warns about a region that is not AVAILABLE.
    static func regionSet(_ words: [String], in shell: Interpreter) async throws(ShellError) -> [String] {
        let regions = try await shell.regions(region: words.first { $0.lowercased() != "all" })
        if words.contains(where: { $0.lowercased() == "all" }) {
            guard words.count == 1 else { throw .usage("region: `all` takes no other region") }
            let available = regions.filter { ($0.regionState ?? "AVAILABLE") == "AVAILABLE" }.map(\.region)
            guard !available.isEmpty else { throw .failed("region: DescribeRegions lists no AVAILABLE region") }
            return available
        }
        var set: [String] = []
        for word in words where !set.contains(word) {
            guard let info = regions.first(where: { $0.region == word }) else {
                let hint =
                    Suggestion.closest(to: word, in: regions.map(\.region)).map { "; did you mean '\($0)'?" } ?? ""
                throw .usage("unknown region '\(word)'\(hint) (`regions` lists them)")
            }
            if let state = info.regionState, state != "AVAILABLE" { shell.warn("region \(word) is \(state)") }
            set.append(word)
        }
        return set
    }
}

/// `regions`: the regions with their names and state.
public enum RegionsCommand: ShellCommand {
    public static let signature = CommandSignature(
        "regions", flags: [.refresh],
        summary: "list regions with names and state",
        details: """
            Lists the regions DescribeRegions returns (read once per endpoint; --refresh reads again).
            The session's regions are marked with * in the CURRENT column.
            """,
        examples: ["regions"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let regions = try await shell.regions(refresh: args.has("--refresh"))
        var table = Table(columns: [
            .init("REGION", key: "region"), .init("NAME", key: "name"), .init("STATE", key: "state"),
            .init("CURRENT", key: "current"),
        ])
        for region in regions {
            let current = shell.session.regionSet.contains(region.region)
            table.rows.append([
                .init(.string(region.region)), .init(.string(region.regionName ?? "")),
                .init(.string(region.regionState ?? "")), .init(.string(current ? "*" : "")),
            ])
        }
        await shell.render(table)
    }
}
