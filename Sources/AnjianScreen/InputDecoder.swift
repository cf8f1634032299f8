/// Turns the characters a terminal delivers into input events, without ncurses, so it can
/// be tested. Characters that arrive together become one `.text` event (an input method's
/// commit stays whole). Bracketed paste (`ESC[200~` … `ESC[201~`) becomes one `.paste`
/// whatever it holds: its line breaks and tabs are text, never Enter or Tab, and its control
/// characters are dropped, never keys. Outside a bracketed paste, line breaks inside a run of
/// text are text as well; one that ends the run is the Enter key.
///
/// A paste cannot hold the keys or smuggle keys in: one whose end never comes ends when the
/// terminal finds the input paused (`flush`), keeping what it received; an end marker inside
/// the pasted text is no end when another follows in the same burst (what came between is
/// part of the paste, Ctrl-S included, and is dropped as a key).
public struct InputDecoder: Sendable {
    var pendingText = ""
    /// Characters after an ESC, while they may still be a paste marker.
    var escape: [Unicode.Scalar]? = nil
    /// The text of the bracketed paste under way (nil: none), up to the latest input.
    var paste: String? = nil
    /// Once an end marker came: the paste's text up to it, and what has come since. That is
    /// part of the paste if another end marker follows in the burst, else input of its own.
    var ended: String? = nil
    var sinceEnd: [Held] = []
    var previous: UInt32 = 0

    enum Held: Sendable {
        case scalar(Unicode.Scalar)
        case special(InputEvent)
    }

    static let pasteStart: [Unicode.Scalar] = Array("[200~".unicodeScalars)
    static let pasteEnd: [Unicode.Scalar] = Array("[201~".unicodeScalars)
    /// Home and End as terminals send them when the terminal description does not say so
    /// (ncurses turns the sequences its terminfo entry lists into keys; these come as bytes):
    /// VT220 / rxvt `ESC[1~` `ESC[4~` `ESC[7~` `ESC[8~`, xterm `ESC O H` `ESC O F` `ESC[H` `ESC[F`.
    static let keySequences: [(sequence: [Unicode.Scalar], key: Key)] =
        [("[1~", Key.home), ("[7~", .home), ("OH", .home), ("[H", .home), ("[4~", .end), ("[8~", .end), ("OF", .end), ("[F", .end)]
            .map { (Array($0.0.unicodeScalars), $0.1) }

    public init() {}

    /// A bracketed paste is under way: the terminal should read on and call `flush` when
    /// nothing more arrives for a moment.
    public var pastePending: Bool { paste != nil }

    /// A key that is not a character (arrows, function keys) or a resize. Inside a paste a
    /// key is pasted bytes and dropped; a resize always gets through.
    public mutating func special(_ event: InputEvent, into events: inout [InputEvent]) {
        if paste != nil {
            if case .resize = event {
                events.append(event)
            } else if ended != nil {
                sinceEnd.append(.special(event))
            }
            return
        }
        flushEscape(into: &events)
        flushText(into: &events)
        events.append(event)
    }

    public mutating func scalar(_ scalar: Unicode.Scalar, into events: inout [InputEvent]) {
        if paste != nil {
            if ended != nil { sinceEnd.append(.scalar(scalar)) }
            pasted(scalar)
            return
        }
        defer { previous = scalar.value }
        if var sequence = escape {
            sequence.append(scalar)
            if sequence == Self.pasteStart {
                escape = nil
                flushText(into: &events)
                paste = ""
                return
            }
            if sequence == Self.pasteEnd {
                escape = nil  // an end without a start
                return
            }
            if let key = Self.keySequences.first(where: { $0.sequence == sequence })?.key {
                escape = nil
                flushText(into: &events)
                events.append(.key(key))
                return
            }
            if Self.isMarkerPrefix(sequence) || Self.keySequences.contains(where: { $0.sequence.starts(with: sequence) }) {
                escape = sequence
                return
            }
            // Not a marker or a key: the ESC was a key (or stray), the rest ordinary characters.
            escape = nil
            flushText(into: &events)
            events.append(.key(.escape))
            for s in sequence { self.scalar(s, into: &events) }
            return
        }
        if scalar.value == 0x1B {
            flushText(into: &events)
            escape = []
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

    /// A character inside a paste: text, a marker, or a control character (dropped).
    mutating func pasted(_ scalar: Unicode.Scalar) {
        defer { previous = scalar.value }
        if var sequence = escape {
            sequence.append(scalar)
            if sequence == Self.pasteEnd {
                escape = nil
                ended = paste
                sinceEnd = []
                return
            }
            if sequence == Self.pasteStart {
                escape = nil  // a start inside a paste is no new paste
                return
            }
            if Self.isMarkerPrefix(sequence) {
                escape = sequence
                return
            }
            // Not a marker: the ESC is dropped like every control character, the rest is text.
            escape = nil
            for s in sequence { pasted(s) }
            return
        }
        switch scalar.value {
        case 0x1B: escape = []
        case 0x0A where previous == 0x0D: break
        case 0x0A, 0x0D: paste?.unicodeScalars.append("\n")
        case 0x09: paste?.unicodeScalars.append("\t")
        case 0x00..<0x20, 0x7F..<0xA0: break
        default: paste?.unicodeScalars.append(scalar)
        }
    }

    static func isMarkerPrefix(_ sequence: [Unicode.Scalar]) -> Bool {
        pasteStart.starts(with: sequence) || pasteEnd.starts(with: sequence)
    }

    /// Nothing more has arrived for now. A bracketed paste may go on in the next batch
    /// (`pastePending`); one that ended with nothing after it, and anything else, is delivered.
    public mutating func endOfBatch(into events: inout [InputEvent]) {
        if paste != nil {
            if ended != nil, sinceEnd.isEmpty { flush(into: &events) }
            return
        }
        flushEscape(into: &events)
        flushText(into: &events)
    }

    /// Nothing has arrived for a while (the terminal's read timed out): a paste still under
    /// way ends with the text received so far, and what followed its last end marker is input.
    public mutating func flush(into events: inout [InputEvent]) {
        guard let open = paste else {
            endOfBatch(into: &events)
            return
        }
        let text = ended ?? open
        let after = ended == nil ? [] : sinceEnd
        paste = nil
        ended = nil
        sinceEnd = []
        escape = nil
        if !text.isEmpty { events.append(.paste(text)) }
        for held in after {
            switch held {
            case .scalar(let s): scalar(s, into: &events)
            case .special(let event): special(event, into: &events)
            }
        }
        endOfBatch(into: &events)
    }

    mutating func flushEscape(into events: inout [InputEvent]) {
        guard let sequence = escape, paste == nil else { return }
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

    /// Decodes a string as if it had arrived in one batch followed by a pause (for tests).
    public static func decode(_ text: String) -> [InputEvent] {
        var decoder = InputDecoder()
        var events: [InputEvent] = []
        for scalar in text.unicodeScalars { decoder.scalar(scalar, into: &events) }
        decoder.flush(into: &events)
        return events
    }
}
