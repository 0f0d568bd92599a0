/// `audit [SPEC] --allow ACCOUNTS`: reports shares to accounts outside an allowed list.
public enum AuditCommand: ShellCommand {
    public static let signature = CommandSignature(
        "audit",
        positionals: [Positional("SPEC", .any, completion: .selection)],
        flags: [
            .option(
                "--allow", value: "ACCOUNTS", completion: .account,
                help: "the accounts images may be shared with: ids, @aliases, @org, @org:NODE (commas, no spaces)")
        ],
        summary: "report shares to accounts outside an allowed list (fails if any)",
        details: """
            Reads the share lists of every own image of the session's regions, or of the images SPEC names
            (same forms as `select`: 1,3  2-9  all  img-...  name:GLOB), afresh and at the
            DescribeImageSharePermission limit of 10 per second, and lists every share to an
            account that --allow does not name: image, name, region, account and since when.

            Any such share makes the command fail (a script stops with exit status 3); when there
            is none, one line says how many images and shares were checked. `unshare --not-in
            ACCOUNTS` removes exactly the shares `audit` reports. `set output json`, `tsv` or `csv`
            for reports.
            """,
        examples: [
            "audit --allow @org", "audit --allow @org,100011110004", "audit name:'web-*' --allow @org:platform",
            "set output csv; audit --allow @org > audit.csv",
        ])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        guard let allow = args.value("--allow") else {
            throw .usage("audit: --allow ACCOUNTS is required (e.g. --allow @org); usage: \(synopsis)")
        }
        let allowed = try await shell.accounts([allow], command: name)
        let report = try await shell.audit(spec: args.positional, allowed: Set(allowed))
        let regions = report.regions
        let place =
            regions.count == 1
            ? regions[0] : "\(regions.count) regions (\(regions.joined(separator: ", ")))"
        let checked = "\(counted(report.images, "image")) in \(place), \(counted(report.shares, "share"))"
        if report.findings.isEmpty {
            let line = "audit: \(checked); every share is to an allowed account"
            if shell.session.settings.output == .table {
                shell.console.line(line)
            } else {
                await shell.render(table(report.findings))
                shell.inform(line)
            }
            return
        }
        await shell.render(table(report.findings))
        let images = Set(report.findings.map(\.imageId)).count
        throw .failed(
            "audit: \(counted(report.findings.count, "share")) of \(counted(images, "image")) to accounts "
                + "outside --allow (\(checked) checked); `unshare --not-in \(allow) SPEC` removes them")
    }

    static func table(_ findings: [AuditFinding]) -> Table {
        var table = Table(columns: [
            .init("IMAGE ID", key: "image_id"), .init("NAME", key: "name", maxWidth: 30),
            .init("REGION", key: "region"), .init("ACCOUNT", key: "account_id"), .init("SINCE", key: "since"),
        ])
        for finding in findings {
            table.rows.append([
                .init(.string(finding.imageId)), .init(.string(finding.imageName)), .init(.string(finding.region)),
                .init(.string(finding.accountId), emphasis: .red),
                finding.since.map { .init(.string($0)) } ?? .init(.null),
            ])
        }
        return table
    }
}
