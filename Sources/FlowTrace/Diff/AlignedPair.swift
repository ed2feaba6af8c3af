/// One row of an aligned diff: a step of the left flow, of the right flow, or of both.
public struct AlignedPair: Sendable {
    /// How the two sides of a row relate.
    public enum Kind: String, Sendable {
        /// The same step with the same values and status.
        case same
        /// The same step with other values, words or status (`Using SERVICE client` / `Using ANON client`).
        case changed
        /// A step only the left flow took: missing on the right.
        case missing
        /// A step only the right flow took.
        case extra
    }

    public var kind: Kind
    /// Index into the left flow's steps.
    public var left: Int?
    /// Index into the right flow's steps.
    public var right: Int?
    /// For a changed step: what differs, word by word.
    public var words: [WordChange] = []
    /// For a changed step: whether its status symbol differs (✅ / ❌).
    public var statusChanged = false
    /// For a changed step: whether the same template logged other values.
    public var valuesChanged = false
    /// For a same step: quantities or parameters that differ (`1200 credits` / `640 credits`,
    /// `model: a` / `model: b`), shown but no divergence (see ``ValueComparison``).
    public var minor: [WordChange] = []
    /// For a missing or extra step: the same step occurs on the other side at another place.
    public var moved = false
    /// For a step of both flows: the time since the previous step differs beyond the threshold.
    public var timing: TimingDivergence?

    public init(kind: Kind, left: Int?, right: Int?) {
        self.kind = kind
        self.left = left
        self.right = right
    }

    /// Whether this row shows the flows differ (in kind or in timing).
    public var diverges: Bool { kind != .same || timing != nil }
}
