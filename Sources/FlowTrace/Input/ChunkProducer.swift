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
        let thread = Thread { [self] in
            run()
        }
        thread.name = "flowtrace-reader"
        thread.start()
    }

    /// Reads everything, publishing each buffer as soon as a read filled some of it; closes the
    /// source before announcing the end, so a finished reader holds no descriptor.
    func run() {
        var failure: InputFailure?
        do {
            try readAll()
        } catch {
            failure = error
        }
        source.close()
        pipe.finish(failure: failure)
    }

    private func readAll() throws(InputFailure) {
        guard let first = pipe.acquire() else { return }
        let buffer = pipe.buffer(first)
        if buffer.count >= 2 {
            // The first read goes straight into the first buffer, which is then published as is
            // (plain text) or reused for decoded bytes (gzip).
            let count = try readMagic(into: buffer)
            try begin(with: UnsafeRawBufferPointer(rebasing: buffer[..<count]), inSlot: first)
        } else {
            // One-byte buffers (tests): detect in a scratch pair of bytes.
            pipe.release(first)
            var magic: (UInt8, UInt8) = (0, 0)
            try withUnsafeMutableBytes(of: &magic) { bytes throws(InputFailure) in
                let count = try readMagic(into: bytes)
                try begin(with: UnsafeRawBufferPointer(rebasing: bytes[..<count]), inSlot: nil)
            }
        }
    }

    /// Reads until at least the two magic bytes are in `buffer`, or the source ended.
    private func readMagic(into buffer: UnsafeMutableRawBufferPointer) throws(InputFailure) -> Int {
        var count = 0
        while count < 2 {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
            if read == 0 { break }
            count += read
        }
        return count
    }

    /// Chooses plain or gzip from the input's first bytes `prefix`, which lie at the start of
    /// buffer `slot` when one is given, and reads the rest.
    private func begin(with prefix: UnsafeRawBufferPointer, inSlot slot: Int?) throws(InputFailure) {
        let isGzip = prefix.count >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B
        pipe.setCompressed(isGzip)
        if isGzip {
            // The decoder copies the prefix, so the slot can take decoded bytes.
            let inflater = GzipInflater(source: source, prefix: prefix, readSize: configuration.compressedReadSize)
            try copy(from: inflater, firstSlot: slot)
            return
        }
        if let slot {
            if prefix.isEmpty {
                pipe.release(slot)
                return
            }
            pipe.publish(slot, count: prefix.count)
        } else {
            guard publish(prefix) else { return }
        }
        try copy(from: source, firstSlot: nil)
    }

    /// Publishes a copy of `bytes` in as many buffers as needed; false when cancelled.
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

    /// Publishes what each read of `reader` returns, starting with buffer `firstSlot` when given,
    /// until the reader ends or the consumer cancelled.
    private func copy(from reader: ByteSource, firstSlot: Int?) throws(InputFailure) {
        var next = firstSlot
        while let slot = next ?? pipe.acquire() {
            next = nil
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
