/// How many terminal columns text occupies, measured per grapheme cluster (what a terminal
/// draws as one character): East Asian Wide and Fullwidth characters and emoji take two
/// columns (a whole ZWJ sequence, a flag or an emoji with a skin tone is one emoji), combining
/// marks, format characters, Hangul medial and final jamo and controls take none, everything
/// else one. A compact, locale-independent `wcswidth`.
extension Character {
    /// The columns this character occupies: 2 for an emoji (with whatever joins it), else the
    /// sum of its scalars' widths (a base and its combining marks: the base's; halfwidth kana
    /// and their spacing sound marks: one each, as terminals draw them).
    public var displayWidth: Int {
        let scalars = unicodeScalars
        guard let first = scalars.first else { return 0 }
        let single = scalars.index(after: scalars.startIndex) == scalars.endIndex
        if single, first.value < 0x7F { return first.value < 0x20 ? 0 : 1 }
        // CJK ideographs, kana and Hangul syllables alone: wide, never emoji (the common case in
        // image and OS names, measured before the costlier property lookups below).
        if single, Self.isCommonWide(first.value) { return 2 }
        if scalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        if first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        return scalars.reduce(0) { $0 + Self.width(of: $1) }
    }

    /// 0 for controls, combining marks, format characters and Hangul medial and final jamo;
    /// 2 for East Asian Wide and Fullwidth; 1 otherwise.
    private static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(value) || value == 0x200B { return 0 }
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// Wide blocks that hold no emoji: CJK punctuation to ideographs, Hangul syllables, fullwidth forms.
    /// Whether `value` is in a wide block that holds no emoji (see ``commonWide``).
    static func isCommonWide(_ value: UInt32) -> Bool {
        commonWide.contains { $0.contains(value) }
    }

    private static let commonWide: [ClosedRange<UInt32>] = [
        0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFF60,
    ]

    /// East Asian Wide (W) and Fullwidth (F) blocks outside emoji, Unicode 15, merged where
    /// adjacent (https://www.unicode.org/reports/tr11/).
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
        0x3400...0x4DBF, 0x4E00...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF,
        0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
        0x17000...0x18CFF, 0x1AFF0...0x1B2FF, 0x1F200...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}

extension StringProtocol {
    /// The columns the text occupies: the sum of its characters' ``Swift/Character/displayWidth``.
    /// Text made only of ASCII, Latin letters and lone CJK characters (image ids, dates, most
    /// image and OS names) is measured scalar by scalar, without grapheme breaking: a table of
    /// 50,000 rows measures every cell. Anything else (combining marks, emoji, joiners,
    /// variation selectors, controls) is measured per character.
    public var displayWidth: Int {
        var columns = 0
        for scalar in unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value >= 0x20, value != 0x7F { columns += 1 }
            } else if value >= 0xA0, value < 0x300, value != 0xAD {
                columns += 1
            } else if Character.isCommonWide(value) {
                columns += 2
            } else {
                return reduce(0) { $0 + $1.displayWidth }
            }
        }
        return columns
    }

    /// The text cut to at most `width` columns: when it is wider, as many whole characters as
    /// fit in `width - 1` columns followed by `…`. Never splits a character (a base and its
    /// combining marks, an emoji sequence, stay together).
    public func truncated(toDisplayWidth width: Int) -> String {
        guard displayWidth > width else { return String(self) }
        guard width > 0 else { return "" }
        var result = ""
        var used = 0
        for character in self {
            let columns = character.displayWidth
            if used + columns > width - 1 { break }
            result.append(character)
            used += columns
        }
        return result + "…"
    }
}
