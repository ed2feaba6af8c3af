/// A matched step whose time since the previous step of its flow differs between the two flows
/// by at least ``ratio`` times and at least ``minimumMilliseconds``: a step that took 30 s on one
/// side and 30 ms on the other.
public struct TimingDivergence: Sendable, Equatable {
    public static let ratio: Int64 = 10
    public static let minimumMilliseconds: Int64 = 1_000

    /// Milliseconds since the previous step of the left flow.
    public var leftGap: Int64
    /// Milliseconds since the previous step of the right flow.
    public var rightGap: Int64

    public init(leftGap: Int64, rightGap: Int64) {
        self.leftGap = leftGap
        self.rightGap = rightGap
    }

    /// The divergence of two gaps, or nil when they are close enough.
    public static func between(_ leftGap: Int64, _ rightGap: Int64) -> TimingDivergence? {
        let slow = max(leftGap, rightGap), fast = max(min(leftGap, rightGap), 0)
        guard slow - fast >= minimumMilliseconds, slow >= ratio * max(fast, 1) else { return nil }
        return TimingDivergence(leftGap: leftGap, rightGap: rightGap)
    }
}
