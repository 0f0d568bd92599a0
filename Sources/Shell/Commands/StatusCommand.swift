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
        let cache: String
        if let images = session.images {
            let age = Int(Date().timeIntervalSince(images.fetched))
            cache = "\(counted(images.images.count, "image")) in \(images.region), read \(Self.age(age)) ago"
        } else {
            cache = "not read yet (ls reads it)"
        }
        let settings = Settings.all.map { "\($0.key)=\($0.value(in: session.settings))" }.joined(separator: " ")
        let source = session.regionSource.map { " (from \($0))" } ?? ""
        let region = session.region.map { $0 + source } ?? "none (run `region REGION`)"
        let fields: [(String, String, String)] = [
            ("region", "Region", region),
            ("endpoint", "Endpoint", session.endpoint.description + (session.endpoint.isDefault ? " (default)" : "")),
            ("profile", "Profile", session.profile ?? "default"),
            ("credentials", "Credentials", credentials),
            ("account", "Account", session.ownAccountId ?? "not known yet (learnt before the first share)"),
            ("images", "Images", cache),
            ("selected", "Selected", String(session.selection.count)),
            ("settings", "Settings", settings),
            ("journal", "Journal", shell.services.paths.journalFile),
            ("last_batch", "Last batch", session.lastBatch ?? "none"),
        ]
        shell.render(Record(fields: fields.map { .init(key: $0.0, label: $0.1, value: .init(.string($0.2))) }))
    }

    static func age(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        return "\(seconds / 3600)h\((seconds % 3600) / 60)m"
    }
}
