/// A stream of raw bytes that the reader thread pulls from: a file descriptor, memory, or a gzip
/// decoder over another source.
///
/// A source is used by one thread at a time (the reader thread, once reading started).
protocol ByteSource: AnyObject {
    /// Reads at most `buffer.count` bytes into `buffer` and returns how many; 0 means the end.
    ///
    /// Returns as soon as some bytes are available rather than waiting to fill the buffer, so
    /// that lines written to a pipe reach the consumer without delay.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputFailure) -> Int

    /// Releases what the source holds (a descriptor it owns). Called once, on the reader thread.
    func close()
}
