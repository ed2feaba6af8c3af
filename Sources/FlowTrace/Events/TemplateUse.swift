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
        if UUIDSpans.mayOverlap(literal) {
            exact = false
            numbersMasked = false
        }
        if NumberSpans.mayOverlap(literal) { numbersMasked = false }
    }

    /// `template` if the consumer may rely on it, else 0.
    @inline(__always)
    func key(_ template: UInt32) -> UInt32 {
        let usable = template & TemplateIDSource.numbersMasked == 0 ? exact : numbersMasked
        return usable ? template : 0
    }
}
