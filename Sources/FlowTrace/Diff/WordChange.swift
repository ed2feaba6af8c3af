/// Words that differ between the two messages of a changed step: `SERVICE` → `ANON`. Either side
/// is empty when words were only removed or only added.
public struct WordChange: Sendable, Equatable, CustomStringConvertible {
    public var left: String
    public var right: String
    /// The word both messages have just before the change (`model:`), or empty at the start.
    public var after: String

    public init(left: String, right: String, after: String = "") {
        self.left = left
        self.right = right
        self.after = after
    }

    public var description: String {
        "\(left.isEmpty ? "∅" : left) → \(right.isEmpty ? "∅" : right)"
    }

    /// Changes are equal when their words are (where they are is not compared).
    public static func == (lhs: WordChange, rhs: WordChange) -> Bool {
        lhs.left == rhs.left && lhs.right == rhs.right
    }
}
