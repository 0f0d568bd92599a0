import CVM

/// `shared [SPEC] [--by-account] [--refresh]`: who has access to images.
public enum SharedCommand: ShellCommand {
    public static let signature = CommandSignature(
        "shared",
        positionals: [Positional("SPEC", .any, completion: .selection)],
        flags: [
            .switch("--by-account", help: "accounts × images instead of images × accounts"),
            .switch("--refresh", help: "read the lists again even if known"),
        ],
        summary: "show which accounts the selected (or given) images are shared with",
        details: """
            Shows who has access to the selected images, or to the images SPEC names (same forms as
            `select`: 1,3  2-9  all  img-...  name:GLOB  tag:K=V  family:F  latest:F ...). Share
            lists are read concurrently, at the DescribeImageSharePermission limit of 10 per
            second, and kept for the session: `share` and `unshare` use them to plan and keep them
            up to date. --refresh reads them again.

            One row per image with its accounts, or with --by-account one row per account with the
            images it can use. `set output tsv` or `json` for scripts.
            """,
        examples: [
            "shared", "shared 1-10 --refresh", "shared all --by-account", "set output json; shared name:'web-*'",
        ])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let cache = try await shell.images()
        let ids: [String]
        if args.positional.isEmpty {
            ids = try shell.requireSelection(name)
        } else {
            let spec = try await shell.selectionSpec(args.positional, command: "shared")
            do {
                ids = try spec.resolve(in: cache.images, position: cache.position(of:))
            } catch {
                throw .usage("shared: \(error)")
            }
        }
        let lists = try await shell.shareLists(of: ids, refresh: args.has("--refresh"))
        if args.has("--by-account") {
            await shell.render(byAccount(ids, lists))
        } else {
            await shell.render(byImage(ids, lists, cache: cache))
        }
    }

    static func byImage(_ ids: [String], _ lists: [String: [SharePermission]], cache: ImageCache) -> Table {
        var table = Table(columns: [
            .init("#", key: "index", alignment: .right), .init("IMAGE ID", key: "image_id"),
            .init("NAME", key: "name", maxWidth: 30), .init("SHARED", key: "count", alignment: .right),
            .init("ACCOUNTS", key: "accounts"),
        ])
        if cache.spansRegions { table.columns.insert(.init("REGION", key: "region"), at: 1) }
        for id in ids {
            let accounts = (lists[id] ?? []).map(\.accountId)
            let region: [Table.Cell] = cache.spansRegions ? [.init(.string(cache.region(of: id) ?? ""))] : []
            table.rows.append(
                [cache.number(of: id).map { .init(.int($0)) } ?? .init(.null)] + region + [
                    .init(.string(id)),
                    .init(.string(cache.image(id)?.imageName ?? "")), .init(.int(accounts.count)),
                    .init(.array(accounts.map { .string($0) })),
                ])
        }
        return table
    }

    static func byAccount(_ ids: [String], _ lists: [String: [SharePermission]]) -> Table {
        var images: [String: [String]] = [:]
        for id in ids {
            for share in lists[id] ?? [] { images[share.accountId, default: []].append(id) }
        }
        var table = Table(columns: [
            .init("ACCOUNT", key: "account_id"), .init("IMAGES", key: "count", alignment: .right),
            .init("IMAGE IDS", key: "image_ids"),
        ])
        for account in images.keys.sorted() {
            let shared = images[account] ?? []
            table.rows.append([
                .init(.string(account)), .init(.int(shared.count)), .init(.array(shared.map { .string($0) })),
            ])
        }
        return table
    }
}
