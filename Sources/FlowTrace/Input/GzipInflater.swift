import CZlib

/// A gzip decoder over another byte source: every member of a multi-member stream (`cat a.gz b.gz`)
/// in turn, then optional zero padding. Anything else after the last member, a truncated member
/// and corrupt data are ``FlowTraceError/Code/corruptCompressedInput`` failures at the compressed
/// byte offset where they were found.
///
/// Uses zlib's `inflate` with `windowBits` 31 (gzip framing only) and `inflateReset` between
/// members, so memory stays at the compressed input buffer plus zlib's 32 KiB window.
final class GzipInflater: ByteSource {
    private let source: ByteSource
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    /// Compressed offset of `input`'s first byte.
    private var inputOffset: Int64 = 0
    /// Bytes of `input` read from the source.
    private var inputCount = 0
    /// Whether a member has begun and not yet ended.
    private var inMember = false
    /// Whether zero padding after the last member has begun: only zeros may follow.
    private var inPadding = false
    private var isFinished = false
    /// A failure found after some bytes of the current buffer were decoded: thrown by the next
    /// read, so that those bytes are delivered first.
    private var pendingFailure: InputFailure?

    /// Decodes `source`, whose first bytes were already read into `prefix`.
    init(source: ByteSource, prefix: UnsafeRawBufferPointer, readSize: Int) {
        self.source = source
        input = .allocate(byteCount: max(readSize, prefix.count, 1), alignment: 16)
        if let base = prefix.baseAddress, prefix.count > 0 {
            input.baseAddress!.copyMemory(from: base, byteCount: prefix.count)
        }
        inputCount = prefix.count
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(prefix.count)
        let status = flowtrace_inflateInit2(stream, 31)
        precondition(status == Z_OK, "inflateInit2 failed (\(status)): out of memory")
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    /// Offset in the compressed input of the next byte zlib will read.
    private var compressedOffset: Int64 {
        let consumed = inputCount - Int(stream.pointee.avail_in)
        return inputOffset + Int64(consumed)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputFailure) -> Int {
        if let pendingFailure {
            self.pendingFailure = nil
            isFinished = true
            throw pendingFailure
        }
        guard !isFinished, let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        let capacity = min(buffer.count, Int(UInt32.max))
        do {
            return try decode(into: base, capacity: capacity)
        } catch {
            let produced = capacity - Int(stream.pointee.avail_out)
            guard produced > 0 else {
                isFinished = true
                throw error
            }
            pendingFailure = error
            return produced
        }
    }

    /// Decodes into `base` until `capacity` bytes are out, the input ends, or more input is
    /// needed after some output (which is returned before reading, as reads may block).
    private func decode(into base: UnsafeMutableRawPointer, capacity: Int) throws(InputFailure) -> Int {
        stream.pointee.next_out = base.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(capacity)
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0 {
                let produced = capacity - Int(stream.pointee.avail_out)
                // Hand over what is decoded before a read that may block on a pipe.
                if produced > 0 { return produced }
                guard try refill() else {
                    if inMember {
                        throw failure("unexpected end of gzip data: the file is truncated")
                    }
                    isFinished = true
                    return 0
                }
            }
            if !inMember {
                try startMember()
                if !inMember { continue }
            }
            let status = inflate(stream, Z_NO_FLUSH)
            switch status {
            case Z_OK, Z_BUF_ERROR:
                break
            case Z_STREAM_END:
                inMember = false
            case Z_MEM_ERROR:
                throw failure("out of memory while decompressing gzip data")
            default:
                let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                throw failure("corrupt gzip data: \(reason)")
            }
        }
        return capacity
    }

    /// Between members: skips zero padding, starts the next member at its magic byte, and
    /// rejects anything else as trailing garbage. Needs at least one byte of input.
    private func startMember() throws(InputFailure) {
        let next = stream.pointee.next_in!
        if inPadding || next.pointee == 0 {
            inPadding = true
            var skipped = 0
            let available = Int(stream.pointee.avail_in)
            while skipped < available, next[skipped] == 0 { skipped += 1 }
            stream.pointee.next_in = next + skipped
            stream.pointee.avail_in -= UInt32(skipped)
            if skipped < available {
                throw failure("trailing garbage after the gzip data (a non-zero byte after the zero padding)")
            }
            return
        }
        guard next.pointee == 0x1F else {
            throw failure("trailing garbage after the gzip data (not the start of another gzip member)")
        }
        let status = inflateReset(stream)
        precondition(status == Z_OK, "inflateReset failed (\(status))")
        inMember = true
    }

    /// Reads the next block of compressed input; false at the end of the source.
    private func refill() throws(InputFailure) -> Bool {
        inputOffset += Int64(inputCount)
        inputCount = 0
        let count = try source.read(into: input)
        inputCount = count
        stream.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_in = UInt32(count)
        return count > 0
    }

    private func failure(_ message: String) -> InputFailure {
        InputFailure(code: .corruptCompressedInput, message: message, byteOffset: compressedOffset)
    }

    func close() {
        source.close()
    }
}
