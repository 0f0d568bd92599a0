/// The command reference generated from the signatures: the man page's COMMANDS section and the
/// README's command table (`cvmsh --dump-commands man|markdown`, used by `scripts/man`).
public enum CommandReference {
    /// The formats `--dump-commands` takes.
    public static let formats = ["man", "markdown"]

    /// The reference in `format` (`man` or `markdown`), or `nil` for an unknown format.
    public static func text(_ format: String) -> String? {
        switch format {
        case "man": manSection()
        case "markdown": markdownTable()
        default: nil
        }
    }

    /// The `.Sh COMMANDS` section in mdoc, every command in registry order; no empty lines.
    public static func manSection() -> String {
        var lines = [
            ".Sh COMMANDS",
            "Lists take commas or spaces;",
            ".Ql #",
            "starts a comment;",
            ".Ql \\&;",
            "separates commands.",
            ".Bl -tag -width Ds",
        ]
        for signature in Interpreter.commands.map({ $0.signature }) {
            lines += manEntry(signature)
        }
        lines.append(".El")
        return lines.joined(separator: "\n") + "\n"
    }

    static func manEntry(_ signature: CommandSignature) -> [String] {
        var lines = [".It Ic \"\(roff(signature.synopsis))\""]
        lines.append(roff(signature.summary.prefix(1).uppercased() + signature.summary.dropFirst() + "."))
        lines.append(".Pp")
        var literal = false
        for line in signature.details.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let indented = line.hasPrefix(" ")
            if literal, !indented {
                lines.append(".Ed")
                literal = false
            }
            if line.isEmpty {
                lines.append(".Pp")
            } else if indented {
                if !literal { lines.append(".Bd -literal -offset indent") }
                literal = true
                lines.append(text(String(line.drop { $0 == " " })))
            } else {
                lines.append(text(line))
            }
        }
        if literal { lines.append(".Ed") }
        if !signature.flags.isEmpty {
            lines += [".Pp", "Options:", ".Bl -tag -width Ds -compact"]
            for flag in signature.flags {
                lines += [".It Li \"\(roff(flag.optionText))\"", text(flag.help)]
            }
            lines.append(".El")
        }
        if !signature.examples.isEmpty {
            lines += [".Pp", signature.examples.count == 1 ? "Example:" : "Examples:", ".Bd -literal -offset indent"]
            lines += signature.examples.map(text)
            lines.append(".Ed")
        }
        if !signature.aliases.isEmpty {
            lines += [".Pp", "Also: " + roff(signature.aliases.joined(separator: ", ")) + "."]
        }
        return lines
    }

    /// A text line: backslashes escaped, and a leading `.` or `'` kept from reading as a request.
    static func text(_ line: String) -> String {
        let escaped = roff(line)
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }

    /// Backslashes, double quotes (inside macro arguments) and non-ASCII characters (`\[u00D7]`)
    /// in roff's spelling, so the page reads the same whatever input encoding `man` assumes.
    static func roff(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\e"
            case "\"": out += "\\(dq"
            case _ where !scalar.isASCII: out += "\\[u" + hex(scalar.value) + "]"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// The README's command table in Markdown: synopsis (and other spellings) and summary.
    public static func markdownTable() -> String {
        var lines = ["| Command | What it does |", "| --- | --- |"]
        for signature in Interpreter.commands.map({ $0.signature }) {
            var command = code(signature.synopsis)
            if !signature.aliases.isEmpty {
                command += " (also " + signature.aliases.map(code).joined(separator: ", ") + ")"
            }
            lines.append("| \(command) | \(signature.summary.replacingOccurrences(of: "|", with: "\\|")) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func code(_ text: String) -> String {
        "`" + text.replacingOccurrences(of: "|", with: "\\|") + "`"
    }
}
