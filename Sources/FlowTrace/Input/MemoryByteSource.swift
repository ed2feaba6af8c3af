/// Bytes from memory, handed out at most `chunkSize` at a time: in-memory input for tests, which
/// use tiny chunks to put every line across read boundaries.
final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private let chunkSize: Int
    private var position = 0

    init(bytes: [UInt8], chunkSize: Int) {
        precondition(chunkSize > 0, "chunk size must be positive")
        self.bytes = bytes
        self.chunkSize = chunkSize
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputFailure) -> Int {
        let count = min(buffer.count, chunkSize, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
        }
        position += count
        return count
    }

    func close() {}
}
