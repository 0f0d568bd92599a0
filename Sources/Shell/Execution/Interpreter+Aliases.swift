extension Interpreter {
    /// Adds the aliases kept in ``ShellPaths/aliasesFile`` (those the session already has win);
    /// each problem with the file is a warning, never a failure.
    func loadAliases() {
        let contents = AliasFile.load(services.paths.aliasesFile)
        for problem in contents.problems { warn(problem) }
        session.aliases.merge(contents.aliases) { current, _ in current }
    }

    /// Writes the session's aliases to ``ShellPaths/aliasesFile``; when that fails the aliases
    /// still hold for this session, and a warning says so.
    func saveAliases() {
        do throws(ShellError) {
            try AliasFile.save(session.aliases, to: services.paths.aliasesFile)
        } catch {
            warn("aliases kept for this session only: \(error)")
        }
    }
}
