/// The text of `help` and `help COMMAND`, generated from the signatures and wrapped at word
/// boundaries to the console width.
enum HelpText {
    /// The narrowest width text is wrapped to, however small the terminal says it is.
    static let minimumWidth = 40
    /// Synopses longer than this stand on their own line in the overview, the summary below.
    static let synopsisColumn = 34

    /// Every command's synopsis and summary, aligned.
    static func overview(width: Int) -> String {
        let width = max(width, minimumWidth)
        let signatures = Interpreter.commands.map { $0.signature }
        let column = signatures.map { $0.synopsis.count }.filter { $0 <= synopsisColumn }.max() ?? synopsisColumn
        let indent = 2 + column + 2
        var text = "Commands (help COMMAND for details and examples):\n"
        for signature in signatures {
            let synopsis = "  " + signature.synopsis
            let summary = wrap(signature.summary, width: width - indent)
            let padding = String(repeating: " ", count: indent)
            if signature.synopsis.count > column {
                // A synopsis wider than the screen hangs its flags under the command's name.
                for line in wrap(signature.synopsis, width: width - 2, indent: 4) { text += "  " + line + "\n" }
            } else {
                text += synopsis + String(repeating: " ", count: indent - synopsis.count) + summary[0] + "\n"
                for line in summary.dropFirst() { text += padding + line + "\n" }
                continue
            }
            for line in summary { text += padding + line + "\n" }
        }
        text += "\n"
        for note in [
            "Lists take commas or spaces; `#` starts a comment; `;` separates commands.",
            "`CMD | SH-CMD` pipes, `CMD > FILE` writes (`>>` appends), `!SH-CMD` runs /bin/sh.",
        ] {
            text += wrap(note, width: width).joined(separator: "\n") + "\n"
        }
        return text
    }

    /// The full page of one command.
    static func page(for signature: CommandSignature, width: Int) -> String {
        let width = max(width, minimumWidth)
        let summary = signature.summary.prefix(1).uppercased() + signature.summary.dropFirst() + "."
        var text = wrap("usage: " + signature.synopsis, width: width, indent: 4).joined(separator: "\n") + "\n\n"
        text += wrap(summary, width: width).joined(separator: "\n") + "\n\n"
        text += paragraphs(signature.details, width: width) + "\n"
        if !signature.flags.isEmpty {
            text += "\nOptions:\n"
            let column = signature.flags.map(\.optionText.count).max() ?? 0
            for flag in signature.flags {
                let head = "  " + flag.optionText.padding(toLength: column, withPad: " ", startingAt: 0) + "   "
                let lines = wrap(flag.help, width: width - head.count)
                text += head + lines[0] + "\n"
                for line in lines.dropFirst() { text += String(repeating: " ", count: head.count) + line + "\n" }
            }
        }
        if !signature.examples.isEmpty {
            text += "\n" + (signature.examples.count == 1 ? "Example:" : "Examples:") + "\n"
            for example in signature.examples { text += "  " + example + "\n" }
        }
        if !signature.aliases.isEmpty {
            text += "\nAlso: " + signature.aliases.joined(separator: ", ") + "\n"
        }
        return text
    }

    /// Reflows the prose paragraphs of `text` to `width`; lines that start with a space are kept.
    static func paragraphs(_ text: String, width: Int) -> String {
        var out: [String] = []
        var prose: [String] = []
        func flush() {
            if !prose.isEmpty { out += wrap(prose.joined(separator: " "), width: width) }
            prose = []
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.isEmpty {
                flush()
                out.append("")
            } else if line.hasPrefix(" ") {
                flush()
                out += literal(line, width: width)
            } else {
                prose.append(line)
            }
        }
        flush()
        return out.joined(separator: "\n")
    }

    /// An indented line as written, or, when longer than `width`, wrapped with its last column
    /// (after two spaces) hanging: `  output table|tsv|json   how results ...`.
    static func literal(_ line: String, width: Int) -> [String] {
        guard line.count > width else { return [line] }
        let lead = line.prefix { $0 == " " }.count
        let body = line.dropFirst(lead)
        if let gap = body.range(of: "  ", options: .backwards) {
            let textStart = body[gap.upperBound...].firstIndex { $0 != " " } ?? body.endIndex
            let column = line.distance(from: line.startIndex, to: textStart)
            if width - column >= 20 {
                let lines = wrap(String(line[textStart...]), width: width - column)
                let pad = String(repeating: " ", count: column)
                return [String(line[..<textStart]) + lines[0]] + lines.dropFirst().map { pad + $0 }
            }
        }
        let pad = String(repeating: " ", count: lead)
        return wrap(String(body), width: width - lead, indent: 4).map { pad + $0 }
    }

    /// `text` as lines of at most `width` characters, broken only at spaces (a single word longer
    /// than the width stands alone); continuation lines are indented by `indent`. Runs of spaces
    /// inside a line are kept (`1,3  2-9`).
    static func wrap(_ text: String, width: Int, indent: Int = 0) -> [String] {
        var words: [String] = []
        var gap = ""
        for piece in text.split(separator: " ", omittingEmptySubsequences: false) {
            if piece.isEmpty {
                gap += " "
            } else {
                words.append((words.isEmpty ? "" : gap) + piece)
                gap = ""
            }
        }
        var lines: [String] = []
        var current = ""
        for word in words {
            if current.isEmpty {
                current = word
            } else if current.displayWidth + 1 + word.displayWidth <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = String(repeating: " ", count: indent) + word.drop { $0 == " " }
            }
        }
        lines.append(current)
        return lines
    }
}
