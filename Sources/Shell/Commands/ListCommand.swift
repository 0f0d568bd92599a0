import CVM

/// `ls`: the numbered image list.
public enum ListCommand: ShellCommand {
    public static let signature = CommandSignature(
        "ls",
        positionals: [Positional("GLOB", .optional)],
        flags: [
            .refresh,
            .option("--state", value: "S", completion: .imageState, help: "keep only images in state S (NORMAL, ...)"),
            .switch("--shared-with-me", help: "list images other accounts shared with you (read-only)"),
            .option("--tag", value: "KEY=VALUE", help: "keep only images with the tag (repeatable, or KEY=V1,KEY=V2)"),
        ],
        summary: "list own custom images in the region(s), numbered for select",
        details: """
            Lists the caller's custom images in the current region, all pages, numbered 1..N newest
            first (then by id); `select` uses these numbers. Selected images are marked with *. A
            session of several regions (`region a,b`) lists them region by region, in the set's
            order, with one numbering across them and a REGION column; the regions are read at once.
            The list is read once per region and kept; --refresh reads it again. GLOB filters by
            name (* ? [...]); --state keeps one state (NORMAL, CREATING, ...); the numbers stay
            those of the whole list. --shared-with-me lists images other accounts shared with you
            (read-only: they cannot be shared on, so they are not numbered). A GLOB that matches no
            name says so, and a plain word suggests WORD* (names starting with it).

            --tag KEY=VALUE keeps images with that tag, --tag KEY those with the key at any value;
            repeat it or separate with commas: different keys must all match, values of one key are
            alternatives. It filters the list already read, so the numbers stay those of the whole
            list. FAMILY and TAGS columns appear when listed images have them (at a narrow
            terminal they are the first to go); tsv and json always carry them.
            """,
        examples: [
            "ls", "ls 'web-*'", "ls --state NORMAL --refresh", "ls --shared-with-me",
            "ls --tag env=prod --tag tier=web",
        ])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let glob = args.word("GLOB").map(Glob.init)
        let state = args.value("--state")?.uppercased()
        let sharedWithMe = args.has("--shared-with-me")
        let tagFilter = try tagFilter(args.values("--tag"))
        let cache =
            sharedWithMe
            ? try await shell.imagesSharedWithMe(refresh: args.has("--refresh"))
            : try await shell.images(refresh: args.has("--refresh"))
        let selection = shell.session.selection
        var table = Table(columns: [
            .init("#", key: "index", alignment: .right), .init("SEL", key: "selected"),
            .init("IMAGE ID", key: "image_id"), .init("NAME", key: "name", maxWidth: 40),
            .init("STATE", key: "state"), .init("OS", key: "os", maxWidth: 24),
            .init("SIZE", key: "size_gib", alignment: .right), .init("CREATED", key: "created"),
        ])
        let copies = shell.copySources(in: cache)
        if !copies.isEmpty { table.columns.append(.init("COPY OF", key: "copy_of")) }
        // Shared images cannot be selected: they get no numbers, which `select` would read as
        // numbers of the caller's own list.
        if sharedWithMe { table.columns.replaceSubrange(0...1, with: [.init("OWNER", key: "owner")]) }
        // A session of several regions: one numbering across them, each row says its region.
        let regionColumn = cache.spansRegions ? table.columns.firstIndex { $0.key == "image_id" } : nil
        if let regionColumn { table.columns.insert(.init("REGION", key: "region"), at: regionColumn) }
        let attributes = attributeColumns(cache.images, format: shell.session.settings.output)
        table.columns += attributes
        table.rows.reserveCapacity(cache.images.count)
        for (offset, image) in cache.images.enumerated() {
            if let glob, !glob.matches(image.imageName ?? "") { continue }
            if let state, image.imageState?.uppercased() != state { continue }
            if !tagFilter.isEmpty, !matches(image, tagFilter) { continue }
            let isSelected = selection.contains(position: offset)
            // One array per row, filled in place: a 50,000-image list makes 50,000 of them.
            var row: [Table.Cell] = []
            row.reserveCapacity(table.columns.count)
            if sharedWithMe {
                row.append(.init(.string(image.imageCreator ?? "")))
            } else {
                row.append(.init(.int(offset + 1)))
                row.append(
                    .init(.bool(isSelected), emphasis: isSelected ? .green : nil, display: isSelected ? "*" : ""))
            }
            if regionColumn != nil { row.append(.init(.string(cache.region(at: offset)))) }
            row.append(.init(.string(image.imageId)))
            row.append(.init(.string(image.imageName ?? "")))
            row.append(.init(.string(image.imageState ?? ""), emphasis: image.imageState == "NORMAL" ? nil : .yellow))
            row.append(.init(.string(image.osName ?? image.platform ?? "")))
            row.append(image.imageSize.map { .init(.int($0)) } ?? .init(.null))
            // The day is enough beside the number (newest first); tsv and json keep the time.
            row.append(
                .init(.string(image.createdTime ?? ""), display: image.createdTime.map { String($0.prefix(10)) }))
            if !copies.isEmpty {
                row.append(copies[image.imageId].map { Table.Cell(.string($0)) } ?? Table.Cell(.null))
            }
            row += attributeCells(image, columns: attributes)
            table.rows.append(row)
        }
        let format = shell.session.settings.output
        if let glob, table.rows.isEmpty, format == .table, !cache.images.isEmpty {
            // An empty header says nothing; a plain word is most often the start of a name.
            let again = "ls " + (sharedWithMe ? "--shared-with-me " : "") + Tokenizer.quoted(glob.pattern + "*")
            let hint = glob.isLiteral ? "; names starting with it: \(again)" : ""
            let pattern = Tokenizer.quoted(glob.pattern)
            shell.console.diagnostic("no image name matches \(pattern) in \(cache.regionsText)\(hint)")
            return
        }
        await shell.render(table)
        if format == .table {
            let shown = table.rows.count
            let filtered = shown == cache.images.count ? "" : " (\(shown) shown)"
            let count = counted(cache.images.count, "image")
            shell.inform("\(count) in \(cache.regionsText)\(filtered), \(selection.count) selected")
        }
    }
}
