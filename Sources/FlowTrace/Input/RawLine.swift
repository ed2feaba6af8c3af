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
}
