/// A secret found in a text: where it is (UTF-8 offsets) and what a report shows instead.
public struct SecretSpan: Sendable, Equatable {
    /// The bytes of the secret alone: for `password=hunter2`, those of `hunter2`.
    public var range: Range<Int>
    /// `[REDACTED]`, or `[REDACTED:jwt]` for a JWT.
    public var replacement: String

    public init(range: Range<Int>, replacement: String) {
        self.range = range
        self.replacement = replacement
    }

    static func secret(_ range: Range<Int>) -> SecretSpan { SecretSpan(range: range, replacement: "[REDACTED]") }
    static func jwt(_ range: Range<Int>) -> SecretSpan { SecretSpan(range: range, replacement: "[REDACTED:jwt]") }
}
