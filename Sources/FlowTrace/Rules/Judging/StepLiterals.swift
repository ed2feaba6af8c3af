/// The literal bytes every step tests (logger prefixes and prefilter literals), kept in one pool
/// that steps refer to by range: a step is then plain values, which the per-event loop reads
/// without retaining anything. Prefilter literals go to a ``LiteralScan``, which finds them all in
/// one pass over a message; only those it cannot take are searched one by one.
struct StepLiterals {
    /// A step's prefilter: the bits of its literals in the scan, and where the others are.
    struct Prefilter {
        let scanned: UInt64
        let searched: Range<Int>

        /// Whether a message with the scanned literals `found` passes without a search: it has
        /// one of them, or there are no literals at all.
        @inline(__always)
        func passes(found: UInt64) -> Bool {
            found & scanned != 0 || (scanned == 0 && searched.isEmpty)
        }

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

        /// The scanned literals `text` contains (see ``Prefilter/passes(found:)``).
        func found(in text: UnsafeRawBufferPointer) -> UInt64 {
            scan.found(in: text)
        }

        /// Which templates tell which scanned literals a message contains.
        var templateUse: TemplateUse { scan.templateUse }

        /// Whether `text` starts with the literal at `prefix`.
        @inline(__always)
        func hasPrefix(_ text: UnsafeRawBufferPointer, _ prefix: Range<Int>) -> Bool {
            ByteSearch.hasPrefix(text, UnsafeRawBufferPointer(rebasing: bytes[prefix]))
        }

        /// Whether `line` contains one of the literals at `searched`.
        func containsOne(_ line: UnsafeRawBufferPointer, of searched: Range<Int>) -> Bool {
            for index in searched {
                let needle = needles[index]
                if needle.search.occurs(in: line, needle: UnsafeRawBufferPointer(rebasing: bytes[needle.bytes])) {
                    return true
                }
            }
            return false
        }
    }
}
