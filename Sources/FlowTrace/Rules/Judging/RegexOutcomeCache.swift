/// What each step's regex found in the messages of each template that names one text
/// (``TemplateIDSource/namesOneText(_:)``): whether it matched, and the groups it captured,
/// relative to the message. Such messages are the same byte for byte, so the outcome is too, and
/// most matching lines repeat one (`Using SERVICE client for select on users`).
///
/// Direct-mapped by template and step slot. An outcome that hit the regex limits, or captured more
/// than ``maxCaptures`` groups, is not kept. Belongs to one engine, on one thread.
final class RegexOutcomeCache {
    /// Entries (a power of two).
    private static let capacity = 1024
    static let maxCaptures = 4

    struct Outcome {
        private static let none = TraceMatches.Capture(field: 0, range: .empty)

        /// 0 in an empty entry (no template is 0).
        fileprivate(set) var template: UInt32 = 0
        fileprivate(set) var slot: Int32 = -1
        private(set) var matched = false
        private(set) var captureCount = 0
        private var captures = (Outcome.none, Outcome.none, Outcome.none, Outcome.none)

        fileprivate init(template: UInt32, slot: Int32, matched: Bool, captures: ArraySlice<TraceMatches.Capture>) {
            self.template = template
            self.slot = slot
            self.matched = matched
            for capture in captures { append(capture) }
        }

        fileprivate init() {}

        private mutating func append(_ capture: TraceMatches.Capture) {
            switch captureCount {
            case 0: captures.0 = capture
            case 1: captures.1 = capture
            case 2: captures.2 = capture
            default: captures.3 = capture
            }
            captureCount += 1
        }

        /// Keeps the captured groups in `matches`, as the regex would.
        func replay(into matches: inout TraceMatches) {
            for index in 0..<captureCount {
                switch index {
                case 0: matches.capture(captures.0)
                case 1: matches.capture(captures.1)
                case 2: matches.capture(captures.2)
                default: matches.capture(captures.3)
                }
            }
        }
    }

    private let entries: UnsafeMutablePointer<Outcome>
    /// How many outcomes were taken from the cache (for tests).
    private(set) var reusedCount = 0

    init() {
        entries = .allocate(capacity: RegexOutcomeCache.capacity)
        entries.initialize(repeating: Outcome(), count: RegexOutcomeCache.capacity)
    }

    deinit {
        entries.deallocate()
    }

    /// The outcome of the regex of step `slot` on the messages of `template`, if it is kept.
    @inline(__always)
    func outcome(template: UInt32, slot: Int) -> Outcome? {
        let entry = entries + RegexOutcomeCache.index(template: template, slot: slot)
        guard entry.pointee.template == template, entry.pointee.slot == Int32(truncatingIfNeeded: slot) else { return nil }
        reusedCount += 1
        return entry.pointee
    }

    /// Keeps an outcome: the regex of step `slot` on a message of `template` matched or not, and
    /// captured `captures` (relative to the message). Not kept when there are too many of them.
    func keep(template: UInt32, slot: Int, matched: Bool, captures: ArraySlice<TraceMatches.Capture>) {
        guard captures.count <= RegexOutcomeCache.maxCaptures else { return }
        entries[RegexOutcomeCache.index(template: template, slot: slot)] =
            Outcome(template: template, slot: Int32(truncatingIfNeeded: slot), matched: matched, captures: captures)
    }

    @inline(__always)
    private static func index(template: UInt32, slot: Int) -> Int {
        let mixed = (UInt64(template) | UInt64(truncatingIfNeeded: slot) << 32) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> 54) & (capacity - 1)
    }
}
