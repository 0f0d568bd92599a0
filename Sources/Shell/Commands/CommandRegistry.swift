extension Interpreter {
    /// Every command, in the order `help`, the man page and the README list them.
    public static let commands: [any ShellCommand.Type] = [
        HelpCommand.self, StatusCommand.self,
        RegionCommand.self, RegionsCommand.self, ProfileCommand.self, LoginCommand.self, LogoutCommand.self,
        EndpointCommand.self,
        ListCommand.self, SelectCommand.self, UnselectCommand.self,
        ShareCommand.self, UnshareCommand.self, SharedCommand.self, AuditCommand.self,
        SyncCommand.self, WaitCommand.self, PublishCommand.self,
        JournalCommand.self, ResumeCommand.self,
        UndoCommand.self, RedoCommand.self, PlanCommand.self, ApplyCommand.self,
        AliasCommand.self, UnaliasCommand.self,
        SetCommand.self, SourceCommand.self, EchoCommand.self, ExitCommand.self,
    ]

    /// Every command name and alias.
    public static var commandNames: [String] {
        var names: [String] = []
        for command in commands {
            names.append(command.signature.name)
            names.append(contentsOf: command.signature.aliases)
        }
        return names
    }

    /// The command `name` runs (its name or an alias), if any.
    public static func command(named name: String) -> (any ShellCommand.Type)? {
        commands.first { $0.signature.name == name || $0.signature.aliases.contains(name) }
    }
}
