import EditShim

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Facts about the process's terminal.
public enum Terminal {
    /// True when both standard input and standard output are terminals: the
    /// condition for an interactive session with line editing.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
    }

    /// Columns of the terminal on standard output, standard error or standard
    /// input (the first that is one), else `$COLUMNS`, else 80.
    public static var width: Int {
        for fd in [STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO] {
            let columns = Int(shim_fd_columns(fd))
            if columns > 0 { return columns }
        }
        if let value = getenv("COLUMNS"), let columns = Int(String(cString: value)), columns > 0 {
            return columns
        }
        return 80
    }
}
