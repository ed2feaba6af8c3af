/// An entity value found in a line: its key for comparison and where its text is, for rendering.
public struct EntityRef: Sendable, Equatable {
    public var key: EntityKey
    public var range: TextRange

    public init(key: EntityKey, range: TextRange) {
        self.key = key
        self.range = range
    }
}
