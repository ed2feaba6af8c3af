import CChecksum
import CZlib

/// A gzip decoder over another byte source: every member of a multi-member stream (`cat a.gz b.gz`)
/// in turn, then optional zero padding. Anything else after the last member, a truncated member
/// (header, data or trailer) and corrupt data are ``FlowTraceError/Code/corruptCompressedInput``
/// failures at the compressed byte offset where they were found.
///
/// Reads the gzip framing itself (``GzipHeaderParser``, ``GzipTrailerReader``) and inflates the
/// deflate data with zlib's raw `inflate` (`windowBits` -15, `inflateReset` per member), checking
/// each member's CRC-32 with ``flowtrace_crc32`` over each decoded piece while it is in cache:
/// zlib's own CRC was a sixth of this thread. Memory stays at the compressed input buffer plus
/// zlib's 32 KiB window.
final class GzipInflater: ByteSource {
    /// Where the decoder stands in the stream.
    private enum Phase {
        case betweenMembers, header, deflateData, trailer, padding
    }

    private let source: ByteSource
    private let stream: UnsafeMutablePointer<z_stream>
    private let input: UnsafeMutableRawBufferPointer
    /// Compressed offset of `input`'s first byte.
    private var inputOffset: Int64 = 0
    /// Bytes of `input` read from the source.
    private var inputCount = 0
    private var phase = Phase.betweenMembers
    private var header = GzipHeaderParser()
    private var trailer = GzipTrailerReader()
    /// CRC-32 of the current member's decoded bytes.
    private var memberCRC: UInt32 = 0
    /// Count of the current member's decoded bytes, modulo 2^32 as in the trailer.
    private var memberSize: UInt32 = 0
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
        let status = flowtrace_inflateInit2(stream, -15)
        precondition(status == Z_OK, "inflateInit2 failed (\(status)): out of memory")
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
        input.deallocate()
    }

    /// Offset in the compressed input of the next byte to read.
    private var compressedOffset: Int64 {
        let consumed = inputCount - Int(stream.pointee.avail_in)
        return inputOffset + Int64(consumed)
    }

    /// The input not read yet.
    private var pendingInput: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: stream.pointee.next_in, count: Int(stream.pointee.avail_in))
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
                    guard phase == .betweenMembers || phase == .padding else {
                        throw failure("unexpected end of gzip data: the file is truncated")
                    }
                    isFinished = true
                    return 0
                }
            }
            switch phase {
            case .betweenMembers: try startMember()
            case .padding: try skipPadding()
            case .header: try readHeader()
            case .deflateData: try inflateData()
            case .trailer: try readTrailer()
            }
        }
        return capacity
    }

    /// Between members: zero padding begins, or the next member at its magic byte; anything
    /// else is trailing garbage. Needs at least one byte of input.
    private func startMember() throws(InputFailure) {
        switch stream.pointee.next_in!.pointee {
        case 0:
            phase = .padding
        case 0x1F:
            header = GzipHeaderParser()
            phase = .header
        default:
            throw failure("trailing garbage after the gzip data (not the start of another gzip member)")
        }
    }

    /// Skips zeros: only zeros may follow the padding's first one.
    private func skipPadding() throws(InputFailure) {
        let zeros = pendingInput.firstIndex { $0 != 0 } ?? pendingInput.count
        consumeInput(zeros)
        if stream.pointee.avail_in > 0 {
            throw failure("trailing garbage after the gzip data (a non-zero byte after the zero padding)")
        }
    }

    private func readHeader() throws(InputFailure) {
        let (count, isComplete) = try header.consume(pendingInput, at: compressedOffset)
        consumeInput(count)
        guard isComplete else { return }
        let status = inflateReset(stream)
        precondition(status == Z_OK, "inflateReset failed (\(status))")
        memberCRC = 0
        memberSize = 0
        phase = .deflateData
    }

    /// Inflates what the input and output room allow and adds the decoded bytes, still in cache,
    /// to the member's CRC and size.
    private func inflateData() throws(InputFailure) {
        let output = stream.pointee.next_out!
        let room = stream.pointee.avail_out
        let status = inflate(stream, Z_NO_FLUSH)
        let produced = room - stream.pointee.avail_out
        if produced > 0 {
            memberCRC = flowtrace_crc32(memberCRC, output, Int(produced))
            memberSize &+= produced
        }
        switch status {
        case Z_OK, Z_BUF_ERROR:
            break
        case Z_STREAM_END:
            trailer = GzipTrailerReader()
            phase = .trailer
        case Z_MEM_ERROR:
            throw failure("out of memory while decompressing gzip data")
        default:
            let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            throw .corruptGzip(reason, at: compressedOffset)
        }
    }

    private func readTrailer() throws(InputFailure) {
        let (count, isComplete) = try trailer.consume(
            pendingInput, at: compressedOffset, crc: memberCRC, size: memberSize)
        consumeInput(count)
        if isComplete { phase = .betweenMembers }
    }

    private func consumeInput(_ count: Int) {
        stream.pointee.next_in = stream.pointee.next_in! + count
        stream.pointee.avail_in -= UInt32(count)
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
