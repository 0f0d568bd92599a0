extension CommandFlag {
    /// `--dry-run` of the commands that change shares.
    public static let dryRun = CommandFlag.switch(
        "--dry-run", help: "show the plan and the exact ModifyImageSharePermission calls; send none")
    /// `-y`, `--yes` of the commands that ask before changing shares.
    public static let yes = CommandFlag.switch("--yes", "-y", help: "do not ask for confirmation")
    /// `--refresh` of the commands that read a list once and keep it.
    public static let refresh = CommandFlag.switch("--refresh", help: "read the list again even if known")
}
