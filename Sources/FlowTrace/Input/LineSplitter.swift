#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cuts a stream of chunks into lines at `\n`, dropping a `\r` before it, and numbers them.
///
/// A line that lies inside one chunk is handed out in place (found with `memchr`, no copy). Only
/// a line that straddles chunks is copied, into a carry buffer that grows to at most the line cap:
/// bytes past the cap are counted into ``RawLine/fullLength`` but never kept, so a 50 MB line
/// costs no more memory than a 1 MiB one. Nothing is allocated per line.
final class LineSplitter {
    /// Lines longer than this are truncated to it.
    let maxLineBytes: Int
    /// Lines delivered so far (the number of the last one).
    private(set) var lineCount = 0
    /// Lines delivered from the carry buffer because they straddled chunks (the others were not copied).
    private(set) var carriedLineCount = 0
    /// Stream offset of the next chunk's first byte.
    private var streamOffset: Int64 = 0

    private var carry: UnsafeMutableRawPointer?
    /// Bytes the carry buffer can hold; grows by doubling up to `maxLineBytes`.
    private(set) var carryCapacity = 0
    /// Bytes of the pending line kept in the carry buffer (at most `maxLineBytes`).
    private var carryCount = 0
    /// Full length of the pending line so far, including bytes past the cap.
    private var pendingLength = 0
    /// Stream offset of the pending line.
    private var pendingOffset: Int64 = 0
    /// The pending line's last byte, to drop a `\r` even when it lies past the cap.
    private var pendingLastByte: UInt8 = 0

    init(maxLineBytes: Int) {
        precondition(maxLineBytes > 0, "the line cap must be positive")
        self.maxLineBytes = maxLineBytes
    }

    deinit { carry?.deallocate() }

    /// Delivers every line that ends in `chunk`, and keeps the unfinished rest for the next one.
    func feed(_ chunk: UnsafeRawBufferPointer, _ body: (RawLine) throws -> Void) rethrows {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        let end = base + chunk.count
        let chunkOffset = streamOffset
        streamOffset += Int64(chunk.count)
        var start = base
        while start < end {
            guard let newline = memchr(start, 0x0A, end - start) else {
                keep(UnsafeRawBufferPointer(start: start, count: end - start), at: chunkOffset + Int64(start - base))
                return
            }
            let lineEnd = UnsafeRawPointer(newline)
            if pendingLength > 0 {
                keep(UnsafeRawBufferPointer(start: start, count: lineEnd - start), at: 0)
                try deliverPending(body)
            } else {
                var length = lineEnd - start
                if length > 0 && lineEnd.load(fromByteOffset: -1, as: UInt8.self) == 0x0D { length -= 1 }
                lineCount += 1
                let kept = length > maxLineBytes ? RawLine.truncatedLength(start, cap: maxLineBytes) : length
                try body(RawLine(
                    bytes: UnsafeRawBufferPointer(start: start, count: kept),
                    number: lineCount, byteOffset: chunkOffset + Int64(start - base), fullLength: length))
            }
            start = lineEnd + 1
        }
    }

    /// Delivers the last line when the input did not end with `\n`.
    func finish(_ body: (RawLine) throws -> Void) rethrows {
        if pendingLength > 0 { try deliverPending(body) }
    }

    /// Appends part of the pending line (starting it when none is pending), up to the cap.
    private func keep(_ bytes: UnsafeRawBufferPointer, at offset: Int64) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        if pendingLength == 0 { pendingOffset = offset }
        pendingLength += bytes.count
        pendingLastByte = bytes[bytes.count - 1]
        let kept = min(bytes.count, maxLineBytes - carryCount)
        guard kept > 0 else { return }
        reserveCarry(carryCount + kept)
        (carry! + carryCount).copyMemory(from: base, byteCount: kept)
        carryCount += kept
    }

    /// Grows the carry buffer to hold `needed` bytes (never past the cap).
    private func reserveCarry(_ needed: Int) {
        guard needed > carryCapacity else { return }
        var capacity = max(carryCapacity, min(4096, maxLineBytes))
        while capacity < needed { capacity = min(capacity * 2, maxLineBytes) }
        let grown = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        if let carry {
            grown.copyMemory(from: carry, byteCount: carryCount)
            carry.deallocate()
        }
        carry = grown
        carryCapacity = capacity
    }

    private func deliverPending(_ body: (RawLine) throws -> Void) rethrows {
        var length = pendingLength
        if pendingLastByte == 0x0D { length -= 1 }
        // The carry holds at most the cap; a longer line is cut at a character boundary.
        let kept = length > carryCount ? RawLine.truncatedLength(carry!, cap: carryCount) : length
        let line = RawLine(
            bytes: UnsafeRawBufferPointer(start: carry, count: kept),
            number: lineCount + 1, byteOffset: pendingOffset, fullLength: length)
        lineCount += 1
        carriedLineCount += 1
        pendingLength = 0
        carryCount = 0
        try body(line)
    }
}
