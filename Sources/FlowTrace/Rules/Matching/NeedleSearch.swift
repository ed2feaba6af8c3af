#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How one literal of a ``LiteralPrefilter`` is searched: the two rarest of its bytes in log text, which are
/// looked for first. Plain values only: the literal's bytes (ASCII lower-cased when case-insensitive) are
/// passed to ``occurs(in:needle:)``, so that a table of searches can keep them apart (see ``LiteralNeedle``).
///
/// The search runs `memchr` for the rarest byte (fastest when it is rare), and when that byte keeps turning
/// up without the literal, scans the rest of the line 16 positions at a time for the pair of rare bytes at
/// their distance in the literal (ripgrep's "packed pair" idea), which gives few false starts even when each
/// byte alone is common.
struct NeedleSearch: Sendable {
    let caseInsensitive: Bool
    /// The literal's length in bytes.
    let count: Int
    /// The rarest byte: its index in the literal, its value and its other ASCII case (itself when it has none).
    let anchorIndex: Int
    let anchor: UInt8
    let anchorOtherCase: UInt8
    /// The second rarest byte (the rarest again in a one-byte literal), for the packed-pair scan: its index
    /// in the literal and its value.
    let secondIndex: Int
    let second: UInt8
    /// ORed into line bytes before comparing with the anchor and second byte: 0x20 for a letter when
    /// case-insensitive (so "A" and "a" both become "a"), else 0.
    let anchorFold: UInt8
    let secondFold: UInt8

    /// How many times the rarest byte may turn up without the literal before the pair scan takes over.
    static let falseStartsBeforePairScan = 3

    /// - Parameter folded: at least one byte, ASCII lower-cased when case-insensitive.
    init(_ folded: [UInt8], caseInsensitive: Bool) {
        precondition(!folded.isEmpty, "an empty literal passes every line")
        // A letter searched for in both cases occurs as often as both cases together.
        let cost = { (byte: UInt8) -> Int in
            let other = caseInsensitive ? Self.otherCase(byte) : byte
            return other == byte ? ByteFrequency.rank(byte) : ByteFrequency.rank(byte) + ByteFrequency.rank(other)
        }
        let byCost = folded.indices.sorted { (cost(folded[$0]), $0) < (cost(folded[$1]), $1) }
        anchorIndex = byCost[0]
        secondIndex = byCost.count > 1 ? byCost[1] : byCost[0]
        second = folded[secondIndex]
        count = folded.count
        self.caseInsensitive = caseInsensitive
        anchor = folded[anchorIndex]
        anchorOtherCase = caseInsensitive ? Self.otherCase(anchor) : anchor
        anchorFold = anchorOtherCase != anchor ? 0x20 : 0
        secondFold = caseInsensitive && Self.otherCase(folded[secondIndex]) != folded[secondIndex] ? 0x20 : 0
    }

    /// Whether `line` contains the literal, whose (folded) bytes are `needle`.
    @inline(__always)
    func occurs(in line: UnsafeRawBufferPointer, needle: UnsafeRawBufferPointer) -> Bool {
        guard line.count >= count, let base = line.baseAddress else { return false }
        return anchorSearch(base, count: line.count, needle)
    }

    /// Tests 16 starting positions at a time, from `from` on, for both rare bytes; the last block overlaps
    /// the one before. The line must hold at least 16 bytes past the farther of the two.
    private func packedPairSearch(_ base: UnsafeRawPointer, count: Int, _ needle: UnsafeRawBufferPointer,
                                  from: Int) -> Bool {
        let lastStart = count - needle.count
        // Loads read [start + index, start + index + 16): the last block starts where they still fit.
        let lastBlock = count - 16 - max(anchorIndex, secondIndex)
        let first = SIMD16<UInt8>(repeating: anchor), firstFold = SIMD16<UInt8>(repeating: anchorFold)
        let second = SIMD16<UInt8>(repeating: self.second)
        let secondFold = SIMD16<UInt8>(repeating: self.secondFold)
        var block = min(from, lastBlock)
        while true {
            let a = base.loadUnaligned(fromByteOffset: block + anchorIndex, as: SIMD16<UInt8>.self)
            let b = base.loadUnaligned(fromByteOffset: block + secondIndex, as: SIMD16<UInt8>.self)
            // Lanes where both bytes match hold 0xFF: read the 16 lanes as two words, lane 0 lowest.
            let matched = unsafeBitCast((a | firstFold) .== first .& ((b | secondFold) .== second),
                                        to: SIMD2<UInt64>.self)
            for half in 0..<2 {
                var bits = matched[half]
                while bits != 0 {
                    let lane = bits.trailingZeroBitCount / 8
                    let start = block + half * 8 + lane
                    if start > lastStart { return false }
                    if equals(base + start, needle) { return true }
                    bits &= ~(0xFF << UInt64(lane * 8))
                }
            }
            if block == lastBlock || block + 16 > lastStart { return false }
            block = min(block + 16, lastBlock)
        }
    }

    /// `memchr` for the rarest byte (both cases of a letter when case-insensitive), then a comparison. When
    /// the byte keeps turning up without the literal, the rest of a long line goes to the packed-pair scan.
    @inline(__always)
    private func anchorSearch(_ base: UnsafeRawPointer, count: Int, _ needle: UnsafeRawBufferPointer) -> Bool {
        // The anchor of an occurrence lies within [anchorIndex, last].
        let last = count - needle.count + anchorIndex
        let pairScanFits = count >= max(anchorIndex, secondIndex) + 16
        var falseStarts = 0
        var nextAnchor = Self.find(anchor, in: base, from: anchorIndex, through: last)
        var nextOther = anchorOtherCase == anchor ? Int.max : Self.find(anchorOtherCase, in: base, from: anchorIndex, through: last)
        while true {
            let position = min(nextAnchor, nextOther)
            if position > last { return false }
            if equals(base + (position - anchorIndex), needle) { return true }
            falseStarts += 1
            if falseStarts == Self.falseStartsBeforePairScan, pairScanFits {
                return packedPairSearch(base, count: count, needle, from: position - anchorIndex + 1)
            }
            if position == nextAnchor {
                nextAnchor = Self.find(anchor, in: base, from: position + 1, through: last)
            } else {
                nextOther = Self.find(anchorOtherCase, in: base, from: position + 1, through: last)
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
