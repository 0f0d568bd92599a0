import BitCollections

/// `select [SPEC…]`: shows or replaces the selection.
public enum SelectCommand: ShellCommand {
    public static let signature = CommandSignature(
        "select", positionals: [Positional("SPEC", .any, completion: .selection)],
        summary: "show or replace the selection (1,3  2-9  all  img-...  name:GLOB  tag:K=V ...)",
        details: """
            Without words, shows the selected images. With SPECs, replaces the selection:
            numbers from `ls` (1,3), ranges (2-9), all, none, image ids (img-...) and name globs
            (name:web-*), separated by commas or spaces; copies-of:img-... picks the known copies
            (made by `sync` or `publish`) of an image in the current region. In a session of
            several regions they work on the combined list (one numbering across the regions).
            Image ids are stored, never numbers, so a
            refreshed list cannot retarget it. A number or id that is not listed is an error that
            changes nothing.

            Terms that name images by what they are: tag:KEY=VALUE (exact), tag:KEY (any value),
            family:NAME (every image of the family), latest:FAMILY (the family's newest usable
            image, NORMAL and not deprecated, as DescribeImageFromFamily answers for each region),
            deprecated, created<DATE, created<=DATE, created>DATE, created>=DATE (DATE is
            YYYY-MM-DD in UTC, a whole day: created>2025-06-01 starts the day after), age>N and
            age<N (N a number with d, w or h: age>90d, age<12h). Quote terms with < or > in the
            shell. Terms add up: `select tag:env=prod family:db-base` is either. Such a term
            that matches nothing is an error, as is a malformed one.
            """,
        examples: [
            "select 1,3", "select 2-9 12", "select name:'release-2026*'", "select tag:env=prod",
            "select latest:web-base,latest:db-base", "select 'age>90d' deprecated", "select all", "select none",
        ])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let arguments = try shell.expandingCopiesOf(args.words("SPEC"))
        let cache = try await shell.images()
        guard !arguments.isEmpty else {
            await showSelection(shell, cache: cache)
            return
        }
        let spec = try await shell.selectionSpec(arguments, command: "select")
        do {
            let chosen = try spec.positions(in: cache.images, position: cache.position(of:))
            shell.session.selection = Selection(chosen, of: cache)
        } catch {
            throw .usage("select: \(error)")
        }
        shell.inform("\(counted(shell.session.selection.count, "image")) selected")
    }

    static func showSelection(_ shell: Interpreter, cache: ImageCache) async {
        var table = Table(columns: [
            .init("#", key: "index", alignment: .right), .init("IMAGE ID", key: "image_id"),
            .init("NAME", key: "name", maxWidth: 40), .init("STATE", key: "state"),
        ])
        if cache.spansRegions { table.columns.insert(.init("REGION", key: "region"), at: 1) }
        for id in shell.session.selection.ids {
            let image = cache.image(id)
            let region: [Table.Cell] = cache.spansRegions ? [.init(.string(cache.region(of: id) ?? ""))] : []
            table.rows.append(
                [cache.number(of: id).map { .init(.int($0)) } ?? .init(.null)] + region + [
                    .init(.string(id)), .init(.string(image?.imageName ?? "")),
                    .init(.string(image?.imageState ?? "")),
                ])
        }
        await shell.render(table)
    }
}

/// `unselect SPEC…`: removes images from the selection.
public enum UnselectCommand: ShellCommand {
    public static let signature = CommandSignature(
        "unselect",
        positionals: [Positional("SPEC", .oneOrMore, completion: .selection, missing: "what to remove")],
        summary: "remove images from the selection",
        details: "Removes the images SPEC names (same forms as `select`) from the selection.",
        examples: ["unselect 3", "unselect name:'*-test'", "unselect deprecated"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let arguments = try shell.expandingCopiesOf(args.words("SPEC"))
        let cache = try await shell.images()
        let spec = try await shell.selectionSpec(arguments, command: "unselect")
        do {
            let removed = try spec.positions(in: cache.images, position: cache.position(of:))
            var kept = shell.session.selection.positionSet
            kept.subtract(removed)
            shell.session.selection = Selection(kept, of: cache)
        } catch {
            throw .usage("unselect: \(error)")
        }
        shell.inform("\(counted(shell.session.selection.count, "image")) selected")
    }
}
