/// A byte range inside an event's text (see ``Event``). Empty when the field is absent.
public struct TextRange: Sendable, Equatable, Hashable {
    public var start: Int32
    public var count: Int32

    public init(start: Int, count: Int) {
        self.start = Int32(truncatingIfNeeded: start)
        self.count = Int32(truncatingIfNeeded: count)
    }

    public static let empty = TextRange(start: 0, count: 0)

    public var isEmpty: Bool { count == 0 }
    public var end: Int { Int(start) + Int(count) }

    /// The bytes of this range in `text`, which must be the text the range was made for.
    public func slice(_ text: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: text[Int(start)..<end])
    }

    /// The range as a String (invalid UTF-8 repaired with U+FFFD). For the edges, not the hot path.
    public func string(in text: UnsafeRawBufferPointer) -> String {
        String(decoding: slice(text), as: UTF8.self)
    }
}
