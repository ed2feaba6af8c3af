/// Whether a consumer may remember what it derives from a message by its template
/// (``Event/template``): only when none of the literals it looks for can overlap the bytes in which
/// the messages of one template differ. Those are the digits of stand-alone UUIDs and, for a
/// template whose numbers are masked (``TemplateIDSource/numbersMasked``), of stand-alone numbers.
struct TemplateUse: Sendable {
    /// Whether exact templates (UUIDs masked) may be relied on.
    private(set) var exact = true
    /// Whether templates with numbers masked may be relied on.
    private(set) var numbersMasked = true

    /// Accounts for one more literal the consumer looks for.
    mutating func add(_ literal: [UInt8]) {
        if TemplateUse.mayOverlapUUID(literal) {
            exact = false
            numbersMasked = false
        }
        if TemplateUse.mayOverlapNumber(literal) { numbersMasked = false }
    }

    /// `template` if the consumer may rely on it, else 0.
    @inline(__always)
    func key(_ template: UInt32) -> UInt32 {
        let usable = template & TemplateIDSource.numbersMasked == 0 ? exact : numbersMasked
        return usable ? template : 0
    }

    /// Whether `literal` could occur overlapping a stand-alone UUID (``UUIDSpans``): the bytes of
    /// such an occurrence inside the UUID are hex digits and hyphens that reach an end of the
    /// literal and border a non-word byte at their other end (the byte before or after the UUID),
    /// or they are the whole literal, or a whole UUID.
    static func mayOverlapUUID(_ literal: [UInt8]) -> Bool {
        func isUUIDByte(_ byte: UInt8) -> Bool {
            byte == 0x2D || ByteClass.isDigit(byte) || (byte | 0x20) &- 0x61 < 6
        }
        func bordersNonWord(_ index: Int) -> Bool {
            !literal.indices.contains(index) || !ByteClass.isWord(literal[index])
        }
        let leading = literal.prefix(while: isUUIDByte).count
        let trailing = literal.reversed().prefix(while: isUUIDByte).count
        if (1..<leading + 1).contains(where: { bordersNonWord($0) }) { return true }
        if (1..<trailing + 1).contains(where: { bordersNonWord(literal.count - 1 - $0) }) { return true }
        var run = 0
        for byte in literal {
            run = isUUIDByte(byte) ? run + 1 : 0
            if run >= UUIDSpans.length { return true }
        }
        return false
    }

    /// Whether `literal` could occur overlapping a stand-alone number (``NumberSpans``, a digit run
    /// that follows a non-word byte): it starts with a digit (the run may begin before it), or
    /// holds a digit that follows a non-word byte.
    static func mayOverlapNumber(_ literal: [UInt8]) -> Bool {
        literal.indices.contains { index in
            ByteClass.isDigit(literal[index]) && (index == 0 || !ByteClass.isWord(literal[index - 1]))
        }
    }
}
