/// Words that differ between the two messages of a changed step: `SERVICE` → `ANON`. Either side
/// is empty when words were only removed or only added.
public struct WordChange: Sendable, Equatable, CustomStringConvertible {
    public var left: String
    public var right: String

    public init(left: String, right: String) {
        self.left = left
        self.right = right
    }

    public var description: String {
        "\(left.isEmpty ? "∅" : left) → \(right.isEmpty ? "∅" : right)"
    }
}
