/// Makes untrusted log text safe to print on a terminal: escape sequences (CSI, OSC and the
/// rest) are removed and every other control character is shown as a visible escape, so a log
/// line can never move the cursor, retitle the window or hide text.
public enum TerminalText {
    public static func sanitize(_ text: String) -> String {
        guard hasControl(text) else { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars.makeIterator()
        var lookahead: Unicode.Scalar? = scalars.next()
        while let scalar = lookahead {
            lookahead = scalars.next()
            switch scalar.value {
            case 0x1B:
                lookahead = skipEscapeSequence(after: lookahead, in: &scalars)
            case 0x9B:
                lookahead = skipControlSequence(from: lookahead, in: &scalars)
            case 0x09:
                output.append(scalar)
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                output.append(contentsOf: "\\x".unicodeScalars)
                let hex = String(scalar.value, radix: 16)
                output.append(contentsOf: ((hex.count < 2 ? "0" : "") + hex).unicodeScalars)
            default:
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// Whether `text` has a control character (C0 but tab, DEL, C1): without one, it is printed as is.
    private static func hasControl(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            // C1 controls are C2 80...C2 9F.
            if (byte < 0x20 && byte != 0x09) || byte == 0x7F || (previous == 0xC2 && byte < 0xA0) { return true }
            previous = byte
        }
        return false
    }

    /// Skips the rest of an escape sequence whose ESC was just read; returns the next scalar.
    private static func skipEscapeSequence(
        after next: Unicode.Scalar?, in scalars: inout String.UnicodeScalarView.Iterator
    ) -> Unicode.Scalar? {
        guard let next else { return nil }
        switch next {
        case "[":
            return skipControlSequence(from: scalars.next(), in: &scalars)
        case "]", "P", "X", "^", "_":
            // OSC / DCS / SOS / PM / APC: up to BEL or ESC \.
            while let scalar = scalars.next() {
                if scalar.value == 0x07 { return scalars.next() }
                if scalar.value == 0x1B {
                    let after = scalars.next()
                    return after == "\\" ? scalars.next() : after
                }
            }
            return nil
        default:
            // A two-character sequence (ESC c, ESC 7, …): drop the one character after ESC.
            return scalars.next()
        }
    }

    /// Skips CSI parameters and intermediates up to and including the final byte.
    private static func skipControlSequence(
        from first: Unicode.Scalar?, in scalars: inout String.UnicodeScalarView.Iterator
    ) -> Unicode.Scalar? {
        var current = first
        while let scalar = current {
            if scalar.value >= 0x40 && scalar.value <= 0x7E { return scalars.next() }
            if scalar.value < 0x20 || scalar.value > 0x7E { return current }
            current = scalars.next()
        }
        return nil
    }
}
