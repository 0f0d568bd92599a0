/// Where cvmsh keeps its files (XDG locations, each overridable by an environment variable).
public struct ShellPaths: Sendable, Equatable {
    /// Commands run at the start of interactive sessions: `$CVMSH_RC`, else
    /// `${XDG_CONFIG_HOME:-~/.config}/cvmsh/cvmshrc`.
    public var rcFile: String
    /// libedit history: `$CVMSH_HISTFILE`, else `${XDG_STATE_HOME:-~/.local/state}/cvmsh/history`.
    public var historyFile: String
    /// The append-only journal of share changes: `$CVMSH_JOURNAL`, else
    /// `${XDG_STATE_HOME:-~/.local/state}/cvmsh/journal.jsonl`.
    public var journalFile: String
    /// Aliases defined with `alias`, kept between sessions: `$CVMSH_ALIASES`, else
    /// `${XDG_CONFIG_HOME:-~/.config}/cvmsh/aliases`.
    public var aliasesFile: String
    /// The home directory (credential files live below it).
    public var home: String

    public init(environment: [String: String]) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/"
        func base(_ variable: String, _ fallback: String) -> String {
            if let value = environment[variable], value.hasPrefix("/") { return value }
            return home + "/" + fallback
        }
        let config = base("XDG_CONFIG_HOME", ".config") + "/cvmsh"
        let state = base("XDG_STATE_HOME", ".local/state") + "/cvmsh"
        func override(_ variable: String) -> String? {
            environment[variable].flatMap { $0.isEmpty ? nil : $0 }
        }
        self.home = home
        rcFile = override("CVMSH_RC") ?? config + "/cvmshrc"
        aliasesFile = override("CVMSH_ALIASES") ?? config + "/aliases"
        historyFile = override("CVMSH_HISTFILE") ?? state + "/history"
        journalFile = override("CVMSH_JOURNAL") ?? state + "/journal.jsonl"
    }
}
