/// Buffer sizes of one ``LineReader``: how many bytes are handed between the threads at a time
/// and how much compressed input is read per call.
///
/// Memory use of a reader is `bufferCount × bufferSize + compressedReadSize + maxLineBytes`
/// at most, whatever the input size. Tests shrink the sizes to a few bytes to drive every line
/// across buffer boundaries.
struct ReaderConfiguration: Sendable, Equatable {
    /// Size of each buffer handed from the reader thread to the consumer.
    var bufferSize: Int
    /// How many buffers circulate between the two threads.
    var bufferCount: Int
    /// Size of the compressed input buffer of the gzip decoder.
    var compressedReadSize: Int

    /// Buffers of 128 KiB: the parsing thread reads each one soon after it was written, while it
    /// is still in cache (1 MiB buffers measured 3% slower on 1 GiB, plain and gzip). 64 of them
    /// (8 MiB, about 20 ms of parsing) carry the parser over the time slices in which the
    /// decompressing thread is not scheduled: with 16, the stages downstream ran dry and a core
    /// idled (see `ParsingStage.batchCount`).
    static let standard = ReaderConfiguration(
        bufferSize: 128 << 10, bufferCount: 64, compressedReadSize: 1 << 20)

    /// Every buffer `chunkSize` bytes long (two buffers, so the threads still overlap).
    static func chunked(_ chunkSize: Int) -> ReaderConfiguration {
        precondition(chunkSize > 0, "chunk size must be positive")
        return ReaderConfiguration(bufferSize: chunkSize, bufferCount: 2, compressedReadSize: chunkSize)
    }
}
