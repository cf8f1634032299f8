// Whether a field is left blank, asked of every field of every record on load: scanning the
// scalars is cheap, where Foundation's `trimmingCharacters(in:)` builds a trimmed copy
// (≈18k instructions a call). Same meaning as the CharacterSets (tests compare every scalar).
extension String {
    /// Nothing but white space and line breaks (or nothing at all): what
    /// `trimmingCharacters(in: .whitespacesAndNewlines).isEmpty` says.
    public var isBlank: Bool { unicodeScalars.allSatisfy(\.inWhitespacesAndNewlines) }

    /// Nothing but white space on one line — spaces, tabs — (or nothing at all); a line break
    /// counts as content: what `trimmingCharacters(in: .whitespaces).isEmpty` says.
    public var isSpacesOnly: Bool { unicodeScalars.allSatisfy(\.inWhitespaces) }
}

extension Unicode.Scalar {
    /// `CharacterSet.whitespaces`: the space separators (Unicode category Zs) and the tab, and
    /// the zero-width space U+200B, which Foundation's table still counts (it was Zs until Unicode 4.0.1).
    var inWhitespaces: Bool {
        switch value {
        case 0x20, 0x09, 0x200B: return true
        case ..<0x80: return false
        default: return properties.generalCategory == .spaceSeparator
        }
    }

    /// `CharacterSet.whitespacesAndNewlines`: the separators (Unicode category Z: spaces, the line
    /// and paragraph separators), the tab, U+000A–U+000D, U+0085 and, as above, U+200B.
    var inWhitespacesAndNewlines: Bool {
        switch value {
        case 0x20, 0x09...0x0D, 0x85, 0x200B: return true
        case ..<0x80: return false
        default:
            switch properties.generalCategory {
            case .spaceSeparator, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }
}
