import CZlib

/// Writes gzip data in-process with zlib's `deflate` (windowBits 31), so tests never spawn `gzip`.
enum GzipEncoder {
    /// One gzip member holding `bytes`.
    static func member(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        let status = flowtrace_deflateInit2(&stream, level, 31, 8, Z_DEFAULT_STRATEGY)
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
        defer { deflateEnd(&stream) }
        let capacity = Int(deflateBound(&stream, UInt(bytes.count))) + 64
        return deflateStep(&stream, bytes, capacity: capacity, flush: Z_FINISH)
    }

    /// A text as one gzip member.
    static func member(_ text: String, level: Int32 = 6) -> [UInt8] {
        member(Array(text.utf8), level: level)
    }

    /// One gzip member written in pieces: each of `parts` compressed and sync-flushed, so a
    /// decoder can decode each piece as soon as it has it; the last piece ends the member.
    static func flushedPieces(_ parts: [String]) -> [[UInt8]] {
        var stream = z_stream()
        let status = flowtrace_deflateInit2(&stream, 6, 31, 8, Z_DEFAULT_STRATEGY)
        precondition(status == Z_OK, "deflateInit2 failed: \(status)")
        defer { deflateEnd(&stream) }
        return parts.indices.map { index in
            let input = Array(parts[index].utf8)
            let flush = index == parts.count - 1 ? Z_FINISH : Z_SYNC_FLUSH
            return deflateStep(&stream, input, capacity: input.count * 2 + 1024, flush: flush)
        }
    }

    /// Compresses all of `input` with one `deflate` call of `flush` into at most `capacity` bytes.
    private static func deflateStep(_ stream: inout z_stream, _ input: [UInt8], capacity: Int, flush: Int32) -> [UInt8] {
        var input = input
        var output = [UInt8](repeating: 0, count: capacity)
        let produced = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = UInt32(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = UInt32(outBuffer.count)
                let result = deflate(&stream, flush)
                precondition(result == (flush == Z_FINISH ? Z_STREAM_END : Z_OK), "deflate failed: \(result)")
                return outBuffer.count - Int(stream.avail_out)
            }
        }
        return Array(output[..<produced])
    }
}

extension GzipEncoder {
    /// One gzip member holding `text` whose header has the optional fields given: an extra field,
    /// a file name, a comment (each written with its flag) and a header CRC.
    static func member(
        _ text: [UInt8], extra: [UInt8]? = nil, name: String? = nil, comment: String? = nil, headerCRC: Bool = false
    ) -> [UInt8] {
        let plain = member(text)
        var flags: UInt8 = 0
        var fields: [UInt8] = []
        if let extra {
            flags |= 0x04
            fields += [UInt8(extra.count & 0xFF), UInt8(extra.count >> 8)] + extra
        }
        if let name {
            flags |= 0x08
            fields += Array(name.utf8) + [0]
        }
        if let comment {
            flags |= 0x10
            fields += Array(comment.utf8) + [0]
        }
        if headerCRC { flags |= 0x02 }
        var header = Array(plain[..<10])
        header[3] = flags
        header += fields
        if headerCRC {
            let crc = crc32(0, header, UInt32(header.count))
            header += [UInt8(crc & 0xFF), UInt8(crc >> 8 & 0xFF)]
        }
        return header + plain[10...]
    }
}
