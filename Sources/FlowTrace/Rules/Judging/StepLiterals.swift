/// The literal bytes every step tests (logger prefixes and prefilter literals), kept in one pool
/// that steps refer to by range: a step is then plain values, which the per-event loop reads
/// without retaining anything. Prefilter literals go to a ``LiteralScan``, which finds them all in
/// one pass over a message; only those it cannot take are searched one by one.
struct StepLiterals {
    /// A step's prefilter: the bits of its literals in the scan, and where the others are.
    struct Prefilter {
        let scanned: UInt64
        let searched: Range<Int>

        /// Every line passes.
        static let none = Prefilter(scanned: 0, searched: 0..<0)
    }

    /// A literal searched one by one: where its (folded) bytes are in the pool, and how.
    fileprivate struct Needle {
        let bytes: Range<Int>
        let search: NeedleSearch
    }

    private var bytes: [UInt8] = []
    private var needles: [Needle] = []
    private var scan = LiteralScan()

    /// Adds `literal`; returns where its bytes are.
    mutating func add(_ literal: [UInt8]) -> Range<Int> {
        bytes += literal
        return bytes.count - literal.count..<bytes.count
    }

    /// Adds the literals of `prefilter` (none when it passes every line).
    mutating func add(_ prefilter: LiteralPrefilter) -> Prefilter {
        var scanned: UInt64 = 0
        let first = needles.count
        for needle in prefilter.needles {
            if let bit = scan.add(needle.bytes, caseInsensitive: needle.search.caseInsensitive) {
                scanned |= 1 << UInt64(bit)
            } else {
                needles.append(Needle(bytes: add(needle.bytes), search: needle.search))
            }
        }
        return Prefilter(scanned: scanned, searched: first..<needles.count)
    }

    /// Calls `body` with the pool as plain pointers.
    func withView<R>(_ body: (View) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { bytes in
            try needles.withUnsafeBufferPointer { needles in
                try scan.withView { scan in try body(View(bytes: bytes, needles: needles, scan: scan)) }
            }
        }
    }

    /// The pool, valid within ``withView(_:)``.
    struct View {
        fileprivate let bytes: UnsafeRawBufferPointer
        fileprivate let needles: UnsafeBufferPointer<Needle>
        fileprivate let scan: LiteralScan.View

        /// The scanned literals `text` contains, for ``mayMatch(_:found:_:)``.
        func found(in text: UnsafeRawBufferPointer) -> UInt64 {
            scan.found(in: text)
        }

        /// Whether `text` starts with the literal at `prefix`.
        @inline(__always)
        func hasPrefix(_ text: UnsafeRawBufferPointer, _ prefix: Range<Int>) -> Bool {
            ByteSearch.hasPrefix(text, UnsafeRawBufferPointer(rebasing: bytes[prefix]))
        }

        /// Whether `line`, which contains the scanned literals `found`, contains one of the
        /// literals of `prefilter` (true when it has none).
        @inline(__always)
        func mayMatch(_ line: UnsafeRawBufferPointer, found: UInt64, _ prefilter: Prefilter) -> Bool {
            if found & prefilter.scanned != 0 { return true }
            if prefilter.searched.isEmpty { return prefilter.scanned == 0 }
            for index in prefilter.searched {
                let needle = needles[index]
                if needle.search.occurs(in: line, needle: UnsafeRawBufferPointer(rebasing: bytes[needle.bytes])) {
                    return true
                }
            }
            return false
        }
    }
}
