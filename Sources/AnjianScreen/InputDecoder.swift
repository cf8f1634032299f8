/// Turns the characters a terminal delivers into input events, without ncurses, so it can
/// be tested. Characters that arrive together become one `.text` event (an input method's
/// commit stays whole). Bracketed paste (`ESC[200~` … `ESC[201~`) becomes one `.text`
/// whatever it holds: its line breaks and tabs are text, never Enter or Tab. Outside a
/// bracketed paste, line breaks inside a run of text are text as well; one that ends the run
/// is the Enter key.
public struct InputDecoder: Sendable {
    var pendingText = ""
    /// Characters after an ESC, while they may still be a paste marker.
    var escape: [Unicode.Scalar]? = nil
    var inPaste = false
    var paste = ""
    var previous: UInt32 = 0

    static let pasteStart: [Unicode.Scalar] = Array("[200~".unicodeScalars)
    static let pasteEnd: [Unicode.Scalar] = Array("[201~".unicodeScalars)

    public init() {}

    /// A key that is not a character (arrows, function keys) or a resize.
    public mutating func special(_ event: InputEvent, into events: inout [InputEvent]) {
        if inPaste { return }
        flushEscape(into: &events)
        flushText(into: &events)
        events.append(event)
    }

    public mutating func scalar(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        defer { previous = scalar.value }
        if var sequence = escape {
            sequence.append(scalar)
            if sequence == Self.pasteStart {
                escape = nil
                flushText(into: &events)
                inPaste = true
                paste = ""
                return
            }
            if sequence == Self.pasteEnd {
                escape = nil
                if inPaste {
                    inPaste = false
                    if !paste.isEmpty { events.append(.text(paste)) }
                    paste = ""
                }
                return
            }
            if Self.pasteStart.starts(with: sequence) || Self.pasteEnd.starts(with: sequence) {
                escape = sequence
                return
            }
            // Not a marker: the ESC was a key (or stray), the rest ordinary characters.
            escape = nil
            if !inPaste {
                flushText(into: &events)
                events.append(.key(.escape))
            }
            for s in sequence { self.scalar(s, into: &events) }
            return
        }
        if scalar.value == 0x1B {
            if !inPaste { flushText(into: &events) }
            escape = []
            return
        }
        if inPaste {
            switch scalar.value {
            case 0x0A where previous == 0x0D: break
            case 0x0A, 0x0D: paste.unicodeScalars.append("\n")
            case 0x09: paste.unicodeScalars.append("\t")
            case 0x00..<0x20, 0x7F: break
            default: paste.unicodeScalars.append(scalar)
            }
            return
        }
        if scalar.value == 0x0A, previous == 0x0D { return }  // CR LF is one line break
        let isLineBreak = scalar.value == 0x0A || scalar.value == 0x0D
        if !pendingText.isEmpty, isLineBreak || scalar.value == 0x09 {
            pendingText.unicodeScalars.append(isLineBreak ? "\n" : "\t")
            return
        }
        if let key = Self.controlKey(scalar) {
            flushText(into: &events)
            events.append(.key(key))
        } else {
            pendingText.unicodeScalars.append(scalar)
        }
    }

    /// Nothing more has arrived for now. A bracketed paste may go on in the next batch;
    /// anything else is delivered.
    public mutating func endOfBatch(into events: inout [InputEvent]) {
        if inPaste { return }
        flushEscape(into: &events)
        flushText(into: &events)
    }

    mutating func flushEscape(into events: inout [InputEvent]) {
        guard let sequence = escape, !inPaste else { return }
        escape = nil
        flushText(into: &events)
        events.append(.key(.escape))
        for s in sequence { scalar(s, into: &events) }
    }

    mutating func flushText(into events: inout [InputEvent]) {
        guard !pendingText.isEmpty else { return }
        // A line break that ended the run was an Enter key.
        var trailingEnters = 0
        while pendingText.last == "\n" {
            pendingText.removeLast()
            trailingEnters += 1
        }
        if pendingText.count == 1, let c = pendingText.first {
            events.append(.key(.character(c)))
        } else if !pendingText.isEmpty {
            events.append(.text(pendingText))
        }
        events += Array(repeating: .key(.enter), count: trailingEnters)
        pendingText = ""
    }

    public static func controlKey(_ scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 0x1B: return .escape
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x7F, 0x08: return .backspace
        case 0x01...0x1A: return .control(Character(Unicode.Scalar(scalar.value + 0x60)!))
        case 0x00...0x1F: return .control("@")
        default: return nil
        }
    }

    /// Decodes a string as if it had arrived in one batch (for tests).
    public static func decode(_ text: String) -> [InputEvent] {
        var decoder = InputDecoder()
        var events: [InputEvent] = []
        for scalar in text.unicodeScalars { decoder.scalar(scalar, into: &events) }
        decoder.endOfBatch(into: &events)
        return events
    }
}
