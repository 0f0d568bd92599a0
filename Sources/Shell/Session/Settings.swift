/// The `set` keys: how the shell renders, confirms and reacts to errors.
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

    public static let defaultConcurrency = 8
    public static let concurrencyRange = 1...64

    public init(onError: ErrorPolicy) {
        self.onError = onError
    }

    /// The keys `set` knows, in display order, with their allowed values.
    public static let keys: [(key: String, values: [String])] = [
        ("output", OutputFormat.allCases.map(\.rawValue)),
        ("confirm", ["on", "off"]),
        ("on_error", ["stop", "continue"]),
        ("echo", ["on", "off"]),
        ("concurrency", ["\(concurrencyRange.lowerBound)-\(concurrencyRange.upperBound)"]),
        ("pager", ["on", "off"]),
        ("tsv_header", ["on", "off"]),
    ]

    /// The current value of `key` as `set` shows it.
    public func value(of key: String) -> String? {
        switch key {
        case "output": output.rawValue
        case "confirm": confirm ? "on" : "off"
        case "on_error": onError.rawValue
        case "echo": echo ? "on" : "off"
        case "concurrency": String(concurrency)
        case "pager": pager ? "on" : "off"
        case "tsv_header": tsvHeader ? "on" : "off"
        default: nil
        }
    }

    /// Sets `key` from its text form; throws a one-line error naming the allowed values.
    public mutating func set(_ key: String, to value: String) throws(ShellError) {
        func onOff() throws(ShellError) -> Bool {
            switch value.lowercased() {
            case "on", "true", "yes", "1": return true
            case "off", "false", "no", "0": return false
            default: throw .usage("set \(key): expected on or off, got '\(value)'")
            }
        }
        switch key {
        case "output":
            guard let format = OutputFormat(rawValue: value.lowercased()) else {
                throw .usage("set output: expected table, tsv or json, got '\(value)'")
            }
            output = format
        case "confirm": confirm = try onOff()
        case "on_error":
            guard let policy = ErrorPolicy(rawValue: value.lowercased()) else {
                throw .usage("set on_error: expected stop or continue, got '\(value)'")
            }
            onError = policy
        case "echo": echo = try onOff()
        case "pager": pager = try onOff()
        case "tsv_header": tsvHeader = try onOff()
        case "concurrency":
            guard let number = Int(value), Settings.concurrencyRange.contains(number) else {
                throw .usage("set concurrency: expected a number from \(Settings.concurrencyRange.lowerBound) to \(Settings.concurrencyRange.upperBound), got '\(value)'")
            }
            concurrency = number
        default:
            let hint = Suggestion.closest(to: key, in: Settings.keys.map(\.key)).map { "; did you mean '\($0)'?" } ?? ""
            throw .usage("set: unknown key '\(key)'\(hint) (keys: \(Settings.keys.map(\.key).joined(separator: ", ")))")
        }
    }
}

/// Stop a script at its first failing command, or continue and fail at the end.
public enum ErrorPolicy: String, Sendable, Equatable {
    case stop
    case `continue`
}
