/// One line of input as bytes, borrowed from the reader's buffer: valid only inside the callback
/// that receives it. The line ending (`\n`, and a `\r` before it) is not included.
public struct RawLine {
    /// The line's bytes, at most the line cap.
    public var bytes: UnsafeRawBufferPointer
    /// 1-based line number within its stream.
    public var number: Int
    /// Offset of the line's first byte in the (decompressed) stream.
    public var byteOffset: Int64
    /// The line's full length in bytes; larger than `bytes.count` when the line was truncated.
    public var fullLength: Int

    public init(bytes: UnsafeRawBufferPointer, number: Int, byteOffset: Int64, fullLength: Int) {
        self.bytes = bytes
        self.number = number
        self.byteOffset = byteOffset
        self.fullLength = fullLength
    }

    /// Whether the line was longer than the line cap.
    public var isTruncated: Bool { fullLength > bytes.count }

    /// How many of the first `cap` bytes at `start` to keep of a line longer than `cap`: all but a
    /// UTF-8 character the cap cuts in two, so that truncating a valid line does not make it invalid.
    static func truncatedLength(_ start: UnsafeRawPointer, cap: Int) -> Int {
        // A character is at most four bytes: look for its lead byte among the last three.
        for back in 1...min(3, cap) {
            let byte = start.load(fromByteOffset: cap - back, as: UInt8.self)
            guard byte & 0xC0 == 0x80 else {
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                return length > back ? cap - back : cap
            }
        }
        return cap
    }
}
