/// `region [REGION]`: shows or switches the region.
public enum RegionCommand: ShellCommand {
    public static let signature = CommandSignature(
        "region", positionals: [Positional("REGION", .optional, completion: .region)],
        summary: "show or switch the region (images and shares are regional)",
        details: """
            Without a word, shows the current region. With one, checks it against DescribeRegions
            (read once and kept) and switches to it. Switching drops the image list, the numbers
            `select` uses and the selection, and says so.
            """,
        examples: ["region", "region ap-nanjing"])

    public static func run(_ arguments: Arguments, in shell: Interpreter) async throws(ShellError) {
        guard let wanted = arguments.word("REGION") else {
            shell.console.line(shell.session.region ?? "(no region: run `region REGION`; `regions` lists them)")
            return
        }
        let regions = try await shell.regions(region: wanted)
        guard let info = regions.first(where: { $0.region == wanted }) else {
            let hint = Suggestion.closest(to: wanted, in: regions.map(\.region)).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("unknown region '\(wanted)'\(hint) (`regions` lists them)")
        }
        if info.regionState.map({ $0 != "AVAILABLE" }) ?? false {
            shell.warn("region \(wanted) is \(info.regionState!)")
        }
        guard wanted != shell.session.region else { return }
        let dropped = shell.session.selection.count
        let hadImages = shell.session.images != nil
        shell.session.region = wanted
        shell.session.regionSource = "region command"
        shell.session.dropRegionState()
        if hadImages || dropped > 0 {
            let unselected = dropped > 0 ? ", \(counted(dropped, "selected image")) unselected" : ""
            shell.inform("region \(wanted): image list cleared" + unselected)
        }
    }
}

/// `regions`: the regions with their names and state.
public enum RegionsCommand: ShellCommand {
    public static let signature = CommandSignature(
        "regions", flags: [.refresh],
        summary: "list regions with names and state",
        details: """
            Lists the regions DescribeRegions returns (read once per endpoint; --refresh reads again).
            The current region is marked with * in the CURRENT column.
            """,
        examples: ["regions"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let regions = try await shell.regions(refresh: args.has("--refresh"))
        var table = Table(columns: [
            .init("REGION", key: "region"), .init("NAME", key: "name"), .init("STATE", key: "state"),
            .init("CURRENT", key: "current"),
        ])
        for region in regions {
            let current = region.region == shell.session.region
            table.rows.append([
                .init(.string(region.region)), .init(.string(region.regionName ?? "")),
                .init(.string(region.regionState ?? "")), .init(.string(current ? "*" : "")),
            ])
        }
        await shell.render(table)
    }
}
