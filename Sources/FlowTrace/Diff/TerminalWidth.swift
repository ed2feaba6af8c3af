#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How wide the text of a diff may be: the terminal's width (`TIOCGWINSZ`) when the output is
/// one, else `COLUMNS`, else ``fallback``; at most ``maximum``.
public enum TerminalWidth {
    public static let fallback = 120
    /// Wider is never useful, and every row is padded to the width: `COLUMNS=100000` took minutes.
    public static let maximum = 1000

    public static func columns(of descriptor: Int32) -> Int {
        var size = winsize()
        if isatty(descriptor) == 1, ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return min(Int(size.ws_col), maximum)
        }
        if let text = getenv("COLUMNS"), let columns = Int(String(cString: text)), columns > 0 {
            return min(columns, maximum)
        }
        return fallback
    }

    /// The columns a terminal gives `scalar`: 0 for joiners, variation selectors and combining
    /// marks, 2 for emoji and wide East Asian characters, 1 otherwise (an estimate, as `wcwidth`).
    public static func width(of scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x200B...0x200F, 0xFE00...0xFE0F, 0x0300...0x036F, 0x20D0...0x20FF, 0xE0100...0xE01EF: 0
        case 0x1100...0x115F, 0x231A...0x231B, 0x23E9...0x23FA, 0x2600...0x27BF, 0x2B00...0x2BFF,
             0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F000...0x1FAFF, 0x20000...0x3FFFD: 2
        default: 1
        }
    }

    /// The columns `text` takes.
    public static func width(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    /// `text` cut to at most `columns` (with `…` when cut) and padded with spaces to exactly that.
    public static func fit(_ text: String, _ columns: Int) -> String {
        var output = String.UnicodeScalarView()
        var used = 0
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            let width = width(of: scalar)
            if used + width > columns || (used + width == columns && hasMore(scalars)) {
                while used + 1 > columns, let last = output.popLast() { used -= self.width(of: last) }
                output.append("…")
                used += 1
                break
            }
            output.append(scalar)
            used += width
        }
        return String(output) + String(repeating: " ", count: max(0, columns - used))
    }

    private static func hasMore(_ iterator: String.UnicodeScalarView.Iterator) -> Bool {
        var copy = iterator
        while let next = copy.next() { if width(of: next) > 0 { return true } }
        return false
    }
}
