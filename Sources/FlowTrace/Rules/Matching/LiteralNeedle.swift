/// One literal of a ``LiteralPrefilter``: its bytes (ASCII lower-cased when case-insensitive) and how they
/// are searched.
struct LiteralNeedle: Sendable {
    let bytes: [UInt8]
    let search: NeedleSearch

    /// - Parameter bytes: at least one byte.
    init(_ bytes: [UInt8], caseInsensitive: Bool) {
        self.bytes = caseInsensitive ? bytes.map(NeedleSearch.fold) : bytes
        search = NeedleSearch(self.bytes, caseInsensitive: caseInsensitive)
    }

    /// Whether `line` contains the literal.
    @inline(__always)
    func occurs(in line: UnsafeRawBufferPointer) -> Bool {
        bytes.withUnsafeBytes { search.occurs(in: line, needle: $0) }
    }
}
