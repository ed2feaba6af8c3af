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
