/// Words that differ between the two messages of a changed step: `SERVICE` → `ANON`. Either side
/// is empty when words were only removed or only added.
public struct WordChange: Sendable, Equatable, CustomStringConvertible {
    public var left: String
    public var right: String
    /// The word both messages have just before the change (`model:`), or empty at the start.
    public var after: String
    /// Where ``left`` is in the left message (UTF-8 offsets), when known.
    public var leftRange: Range<Int>?
    /// Where ``right`` is in the right message (UTF-8 offsets), when known.
    public var rightRange: Range<Int>?

    public init(left: String, right: String, after: String = "", leftRange: Range<Int>? = nil,
                rightRange: Range<Int>? = nil) {
        self.left = left
        self.right = right
        self.after = after
        self.leftRange = leftRange
        self.rightRange = rightRange
    }

    public var description: String {
        "\(left.isEmpty ? "∅" : left) → \(right.isEmpty ? "∅" : right)"
    }

    /// The change as a report may show it, given the messages it was found in: each side's words
    /// as ``SecretRedactor`` redacts them in their message, so that the value after `password:`
    /// or `Bearer` is redacted although the word alone (`hunter2`) looks harmless. Without a
    /// range, a side is redacted on its own.
    public func redacted(leftMessage: String, rightMessage: String) -> WordChange {
        func side(_ words: String, _ range: Range<Int>?, _ message: String) -> String {
            guard !words.isEmpty, let range else { return SecretRedactor.redact(words) }
            return SecretRedactor.redactedPart(of: message, bytes: range) ?? SecretRedactor.redact(words)
        }
        return WordChange(left: side(left, leftRange, leftMessage), right: side(right, rightRange, rightMessage),
                          after: after, leftRange: leftRange, rightRange: rightRange)
    }

    /// Changes are equal when their words are (where they are is not compared).
    public static func == (lhs: WordChange, rhs: WordChange) -> Bool {
        lhs.left == rhs.left && lhs.right == rhs.right
    }
}
