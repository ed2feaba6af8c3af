import Foundation

/// The reader thread's work: reads the source (through a gzip decoder when its first bytes are
/// the gzip magic `1f 8b`) into the pipe's buffers until the end, a failure, or cancellation.
///
/// `@unchecked Sendable`: once ``start()`` ran, only the reader thread touches the producer and
/// its source; it closes the source when it ends.
final class ChunkProducer: @unchecked Sendable {
    private let source: ByteSource
    private let pipe: ChunkPipe
    private let configuration: ReaderConfiguration

    init(source: ByteSource, pipe: ChunkPipe, configuration: ReaderConfiguration) {
        self.source = source
        self.pipe = pipe
        self.configuration = configuration
    }

    /// Runs ``run()`` on a new thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "flowtrace-reader"
        thread.start()
    }

    /// Reads everything, publishing each buffer as soon as a read filled some of it.
    func run() {
        defer { source.close() }
        do {
            var magic: (UInt8, UInt8) = (0, 0)
            try withUnsafeMutableBytes(of: &magic) { magicBytes throws(InputFailure) in
                let count = try readMagic(into: magicBytes)
                let prefix = UnsafeRawBufferPointer(rebasing: magicBytes[..<count])
                let isGzip = count == 2 && magicBytes[0] == 0x1F && magicBytes[1] == 0x8B
                pipe.setCompressed(isGzip)
                if isGzip {
                    let inflater = GzipInflater(
                        source: source, prefix: prefix, readSize: configuration.compressedReadSize)
                    try copy(from: inflater)
                } else if count > 0 {
                    guard publish(prefix) else { return }
                    try copy(from: source)
                }
            }
            pipe.finish(failure: nil)
        } catch {
            pipe.finish(failure: error)
        }
    }

    /// Reads until `buffer` (two bytes) is full or the source ended; returns the bytes read.
    private func readMagic(into buffer: UnsafeMutableRawBufferPointer) throws(InputFailure) -> Int {
        var count = 0
        while count < buffer.count {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
            if read == 0 { break }
            count += read
        }
        return count
    }

    /// Publishes a copy of `bytes` (the magic bytes of a plain input); false when cancelled.
    private func publish(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        while start < bytes.count {
            guard let slot = pipe.acquire() else { return false }
            let buffer = pipe.buffer(slot)
            let count = min(buffer.count, bytes.count - start)
            buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + start, byteCount: count)
            pipe.publish(slot, count: count)
            start += count
        }
        return true
    }

    /// Publishes what each read of `reader` returns, until it ends or the consumer cancelled.
    private func copy(from reader: ByteSource) throws(InputFailure) {
        while let slot = pipe.acquire() {
            let count: Int
            do {
                count = try reader.read(into: pipe.buffer(slot))
            } catch {
                pipe.release(slot)
                throw error
            }
            guard count > 0 else {
                pipe.release(slot)
                return
            }
            pipe.publish(slot, count: count)
        }
    }
}
