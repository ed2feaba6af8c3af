/// A variable part of a log message found by ``StepMasker``: where it is and what it is.
public struct MaskedSpan: Sendable, Equatable {
    /// What a variable part is; decides whether a difference in it is a divergence.
    public enum Kind: UInt8, Sendable {
        /// A UUID, a long hex string or an e-mail address: identifies a request, not a step.
        case id
        /// A date or time of day.
        case time
        /// A duration (`122ms`, `1.5s`): timing is compared separately.
        case duration
        /// A number (`0 rows`, `HTTP/2 403`).
        case number
        /// A quoted string (`'42501'`, `"HTTP/2 200 OK"`).
        case quoted

        /// The placeholder the step template shows instead of the value.
        public var placeholder: String {
            switch self {
            case .id: "<id>"
            case .time: "<time>"
            case .duration: "<duration>"
            case .number: "<num>"
            case .quoted: "<str>"
            }
        }

        /// Whether two flows that differ only here still take the same step with the same values:
        /// ids, times and durations differ between any two requests.
        public var isNoise: Bool { self == .id || self == .time || self == .duration }
    }

    public var start: Int
    public var end: Int
    public var kind: Kind

    public init(start: Int, end: Int, kind: Kind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}
