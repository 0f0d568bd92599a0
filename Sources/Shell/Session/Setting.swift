/// One `set` key, declared once: its name, the values it takes and a line of help. The list
/// ``Settings/all`` drives `set` (show, change, validate), TAB completion and `status`.
public struct Setting: Sendable {
    /// The word after `set`.
    public let key: String
    /// One line for `help set`.
    public let help: String
    /// The allowed values as `help set` shows them: `table|tsv|json`, `on|off`, `1-64`.
    public let allowed: String
    /// The values TAB offers (none for numbers).
    public let completions: [String]
    private let read: @Sendable (Settings) -> String
    private let write: @Sendable (inout Settings, String) throws(ShellError) -> Void

    /// The current value in the settings, as `set` shows it.
    public func value(in settings: Settings) -> String { read(settings) }

    /// Sets the value from its text form; throws a one-line error naming the allowed values.
    public func set(_ text: String, in settings: inout Settings) throws(ShellError) {
        try write(&settings, text)
    }

    /// One of the cases of an enumeration with text raw values (`output table|tsv|json`).
    public static func choice<Value: RawRepresentable & CaseIterable & Sendable>(
        _ key: String, _ path: WritableKeyPath<Settings, Value> & Sendable, help: String
    ) -> Setting where Value.RawValue == String {
        let names = Value.allCases.map(\.rawValue)
        let expected = names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
        return Setting(
            key: key, help: help, allowed: names.joined(separator: "|"), completions: names,
            read: { $0[keyPath: path].rawValue },
            write: { (settings: inout Settings, text: String) throws(ShellError) in
                guard let value = Value(rawValue: text.lowercased()) else {
                    throw .usage("set \(key): expected \(expected), got '\(text)'")
                }
                settings[keyPath: path] = value
            })
    }

    /// A switch: on/off (also true/false, yes/no, 1/0).
    public static func onOff(
        _ key: String, _ path: WritableKeyPath<Settings, Bool> & Sendable, help: String
    ) -> Setting {
        Setting(
            key: key, help: help, allowed: "on|off", completions: ["on", "off"],
            read: { $0[keyPath: path] ? "on" : "off" },
            write: { (settings: inout Settings, text: String) throws(ShellError) in
                switch text.lowercased() {
                case "on", "true", "yes", "1": settings[keyPath: path] = true
                case "off", "false", "no", "0": settings[keyPath: path] = false
                default: throw .usage("set \(key): expected on or off, got '\(text)'")
                }
            })
    }

    /// A whole number in `range`.
    public static func number(
        _ key: String, _ path: WritableKeyPath<Settings, Int> & Sendable, in range: ClosedRange<Int>, help: String
    ) -> Setting {
        Setting(
            key: key, help: help, allowed: "\(range.lowerBound)-\(range.upperBound)", completions: [],
            read: { String($0[keyPath: path]) },
            write: { (settings: inout Settings, text: String) throws(ShellError) in
                guard let number = Int(text), range.contains(number) else {
                    throw .usage(
                        "set \(key): expected a number from \(range.lowerBound) to \(range.upperBound), got '\(text)'")
                }
                settings[keyPath: path] = number
            })
    }
}
