import Foundation
import TencentCloud

/// `status`: everything the session knows, at a glance.
public enum StatusCommand: ShellCommand {
    public static let signature = CommandSignature(
        "status",
        summary: "show region, endpoint, credentials, cache, selection, settings",
        details: """
            Shows the region, the endpoint in use, where the credentials come from (the SecretId
            masked, the key never), the caller's account once known, the image cache (count and
            age), the selection, the settings, the journal file and the last batch result.
            Makes no API call.
            """,
        examples: ["status"])

    public static func run(_ args: Arguments, in shell: Interpreter) async throws(ShellError) {
        let session = shell.session
        let credentials: String
        do {
            if let resolved = try await shell.services.credentials.resolve() {
                credentials = "\(resolved.credential.maskedId) from \(resolved.source)"
                for warning in resolved.warnings { shell.warn(warning) }
            } else {
                credentials = "none"
            }
        } catch {
            credentials = "none (\(error))"
        }
        let cache: Table.Cell
        if let images = session.images {
            let age = Int(Date().timeIntervalSince(images.fetched))
            let count = images.images.count
            cache = .init(
                ["count": .int(count), "region": .string(images.region), "age_seconds": .int(age)],
                display: "\(counted(count, "image")) in \(images.regionsText), read \(Self.age(age)) ago")
        } else {
            cache = .init(.null, display: "not read yet (ls reads it)")
        }
        let settings = Table.Cell(
            .object(Settings.all.map { .init($0.key, Self.typed($0.value(in: session.settings))) }),
            display: Settings.all.map { "\($0.key)=\($0.value(in: session.settings))" }.joined(separator: " "))
        let region = session.region.map { _ in
            session.regionSet.joined(separator: ", ") + (session.regionSource.map { " (from \($0))" } ?? "")
        }
        var fields: [(String, String, Table.Cell)] = [
            (
                "region", "Region",
                .init(
                    session.region.map(JSONValue.string) ?? .null,
                    display: region ?? "none (run `region REGION`)")
            ),
            (
                "endpoint", "Endpoint",
                .init(
                    .string(session.endpoint.description),
                    display: session.endpoint.description
                        + (session.endpoint.isDefault ? " (default)" : ""))
            ),
            ("profile", "Profile", .init(.string(session.profile ?? "default"))),
            ("credentials", "Credentials", .init(.string(credentials))),
            (
                "account", "Account",
                .init(
                    session.ownAccountId.map(JSONValue.string) ?? .null,
                    display: session.ownAccountId ?? "not known yet (learnt before the first share)")
            ),
            ("images", "Images", cache),
            ("selected", "Selected", .init(.int(session.selection.count))),
            ("settings", "Settings", settings),
            ("journal", "Journal", .init(.string(shell.services.paths.journalFile))),
            (
                "last_batch", "Last batch",
                .init(
                    session.lastBatch.map(JSONValue.string) ?? .null, display: session.lastBatch ?? "none")
            ),
        ]
        if session.regionSet.count > 1 {
            let regions = Table.Cell(
                .array(session.regionSet.map(JSONValue.string)), display: "\(session.regionSet.count)")
            fields.insert(("regions", "Regions", regions), at: 1)
        }
        await shell.render(Record(fields: fields.map { .init(key: $0.0, label: $0.1, value: $0.2) }))
    }

    /// A setting's text as JSON: on/off as booleans, numbers as numbers.
    static func typed(_ text: String) -> JSONValue {
        switch text {
        case "on": .bool(true)
        case "off": .bool(false)
        default: Int(text).map(JSONValue.int) ?? .string(text)
        }
    }

    static func age(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        return "\(seconds / 3600)h\((seconds % 3600) / 60)m"
    }
}
