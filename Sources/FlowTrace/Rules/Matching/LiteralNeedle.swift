#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One literal of a ``LiteralPrefilter``: its bytes (ASCII lower-cased when case-insensitive) and the
/// byte to find first with `memchr`, chosen as the rarest in log text.
struct LiteralNeedle: Sendable {
    let bytes: [UInt8]
    let caseInsensitive: Bool
    /// Where the anchor byte is in `bytes`.
    let anchorIndex: Int
    /// The anchor byte, and its other ASCII case (the same byte when it has none or case matters).
    let anchor: UInt8
    let anchorOtherCase: UInt8

    /// - Parameter bytes: at least one byte.
    init(_ bytes: [UInt8], caseInsensitive: Bool) {
        precondition(!bytes.isEmpty, "an empty literal passes every line")
        let folded = caseInsensitive ? bytes.map(Self.fold) : bytes
        // A letter searched for in both cases costs two scans: count both cases' frequency.
        let cost = { (byte: UInt8) -> Int in
            let other = caseInsensitive ? Self.otherCase(byte) : byte
            return other == byte ? ByteFrequency.rank(byte) : ByteFrequency.rank(byte) + ByteFrequency.rank(other)
        }
        let index = folded.indices.min { cost(folded[$0]) < cost(folded[$1]) } ?? 0
        self.bytes = folded
        self.caseInsensitive = caseInsensitive
        anchorIndex = index
        anchor = folded[index]
        anchorOtherCase = caseInsensitive ? Self.otherCase(anchor) : anchor
    }

    /// Whether `line` contains the literal.
    @inline(__always)
    func occurs(in line: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        guard line.count >= count, let base = line.baseAddress else { return false }
        // The anchor of an occurrence lies within [anchorIndex, last].
        let last = line.count - count + anchorIndex
        return bytes.withUnsafeBytes { needle in
            if anchor == anchorOtherCase {
                var from = anchorIndex
                while from <= last {
                    guard let hit = memchr(base + from, Int32(anchor), last - from + 1) else { return false }
                    let position = base.distance(to: UnsafeRawPointer(hit))
                    if equals(base + (position - anchorIndex), needle) { return true }
                    from = position + 1
                }
                return false
            }
            // Both cases of a letter: follow the next occurrence of each, taking the nearer one.
            var nextLower = Self.find(anchor, in: base, from: anchorIndex, through: last)
            var nextUpper = Self.find(anchorOtherCase, in: base, from: anchorIndex, through: last)
            while true {
                let position = min(nextLower, nextUpper)
                if position > last { return false }
                if equals(base + (position - anchorIndex), needle) { return true }
                if position == nextLower {
                    nextLower = Self.find(anchor, in: base, from: position + 1, through: last)
                } else {
                    nextUpper = Self.find(anchorOtherCase, in: base, from: position + 1, through: last)
                }
            }
        }
    }

    /// Whether the bytes at `start` equal the needle (folding ASCII case when case-insensitive).
    @inline(__always)
    private func equals(_ start: UnsafeRawPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard caseInsensitive else { return memcmp(start, needle.baseAddress!, needle.count) == 0 }
        for offset in 0..<needle.count where Self.fold(start.load(fromByteOffset: offset, as: UInt8.self))
            != needle[offset] {
            return false
        }
        return true
    }

    /// The offset of the first `byte` in `base[from...through]`, or `Int.max`.
    @inline(__always)
    private static func find(_ byte: UInt8, in base: UnsafeRawPointer, from: Int, through: Int) -> Int {
        guard from <= through, let hit = memchr(base + from, Int32(byte), through - from + 1) else { return .max }
        return base.distance(to: UnsafeRawPointer(hit))
    }

    /// ASCII lower case.
    @inline(__always)
    static func fold(_ byte: UInt8) -> UInt8 {
        byte &- UInt8(ascii: "A") < 26 ? byte | 0x20 : byte
    }

    /// The other ASCII case of a letter; any other byte itself.
    static func otherCase(_ byte: UInt8) -> UInt8 {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 ? byte ^ 0x20 : byte
    }
}
