/// The `set` keys: how the shell renders, confirms and reacts to errors.
///
/// Adding a setting is a stored property here plus its declaration in ``all``; `set`, its help,
/// TAB completion and `status` follow from the declaration.
public struct Settings: Sendable, Equatable {
    public var output: OutputFormat = .table
    /// Ask before changing shares (interactive sessions only; scripts never ask).
    public var confirm: Bool = true
    /// What a failing command does to the rest of a script.
    public var onError: ErrorPolicy
    /// Print each command before running it (`cvmsh> CMD`).
    public var echo: Bool = false
    /// Share calls in flight at once; sized to the documented 10 calls per second.
    public var concurrency: Int = Settings.defaultConcurrency
    /// Long interactive output goes through `$PAGER` (default `less -FRX`); never in scripts or pipes.
    public var pager: Bool = true
    /// `tsv` tables start with a line of column keys.
    public var tsvHeader: Bool = true
    /// `csv` output starts with a UTF-8 byte order mark, for spreadsheet programs.
    public var csvBOM: Bool = false

    public static let defaultConcurrency = 8
    public static let concurrencyRange = 1...64

    public init(onError: ErrorPolicy) {
        self.onError = onError
    }

    /// Every setting, in the order `set` and `status` show them.
    public static let all: [Setting] = [
        .choice("output", \.output, help: "how results are printed (the same on a terminal or a pipe)"),
        .onOff("confirm", \.confirm, help: "ask before changing shares (interactive sessions only)"),
        .choice(
            "on_error", \.onError, help: "stop a script at its first failing command, or go on (the prompt goes on)"),
        .onOff("echo", \.echo, help: "print each command before running it"),
        .number("concurrency", \.concurrency, in: concurrencyRange, help: "share calls in flight at once"),
        .onOff("pager", \.pager, help: "page long results at an interactive terminal ($PAGER, else less -FRX)"),
        .onOff("tsv_header", \.tsvHeader, help: "start tsv tables with a line of column keys"),
        .onOff("csv_bom", \.csvBOM, help: "start csv output with a UTF-8 byte order mark (for spreadsheets)"),
    ]

    /// The settings a script starts with (the prompt starts with `on_error continue`).
    public static let defaults = Settings(onError: .stop)

    /// The setting named `key`, or an error naming the closest key and listing them all.
    public static func setting(named key: String) throws(ShellError) -> Setting {
        if let setting = all.first(where: { $0.key == key }) { return setting }
        let keys = all.map(\.key)
        let hint = Suggestion.closest(to: key, in: keys).map { "; did you mean '\($0)'?" } ?? ""
        throw .usage("set: unknown key '\(key)'\(hint) (keys: \(keys.joined(separator: ", ")))")
    }

    /// The current value of `key` as `set` shows it.
    public func value(of key: String) -> String? {
        Self.all.first { $0.key == key }?.value(in: self)
    }

    /// Sets `key` from its text form; throws a one-line error naming the allowed values.
    public mutating func set(_ key: String, to value: String) throws(ShellError) {
        try Self.setting(named: key).set(value, in: &self)
    }
}

/// Stop a script at its first failing command, or continue and fail at the end.
public enum ErrorPolicy: String, Sendable, Equatable, CaseIterable {
    case stop
    case `continue`
}
