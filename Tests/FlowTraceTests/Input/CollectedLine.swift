@testable import FlowTrace

/// A copy of a delivered ``RawLine``, kept after the callback for assertions.
struct CollectedLine: Equatable, CustomStringConvertible {
    var bytes: [UInt8]
    var number: Int
    var byteOffset: Int64
    var fullLength: Int

    init(bytes: [UInt8], number: Int, byteOffset: Int64, fullLength: Int) {
        self.bytes = bytes
        self.number = number
        self.byteOffset = byteOffset
        self.fullLength = fullLength
    }

    init(_ line: RawLine) {
        self.init(bytes: Array(line.bytes), number: line.number, byteOffset: line.byteOffset, fullLength: line.fullLength)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    var description: String { "#\(number)@\(byteOffset) \(text.debugDescription) (\(fullLength))" }

    /// The lines of `input` computed the simple way (split at `\n`, drop `\r`, cap), as the
    /// reader must deliver them.
    static func expected(from input: [UInt8], maxLineBytes: Int = LineReader.defaultMaxLineBytes) -> [CollectedLine] {
        var lines: [CollectedLine] = []
        var start = 0
        func add(_ end: Int) {
            var length = end - start
            if length > 0 && input[end - 1] == 0x0D { length -= 1 }
            var kept = min(length, maxLineBytes)
            if length > maxLineBytes {
                // Cut before a UTF-8 character the cap would cut in two: its lead byte and the
                // continuation bytes after it fall short of the length the lead byte announces.
                var continuations = 0
                while continuations < 3, continuations < kept, input[start + kept - 1 - continuations] & 0xC0 == 0x80 {
                    continuations += 1
                }
                if continuations < kept {
                    let lead = input[start + kept - 1 - continuations]
                    let announced = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
                    if announced > continuations + 1 { kept -= continuations + 1 }
                }
            }
            lines.append(CollectedLine(
                bytes: Array(input[start..<(start + kept)]),
                number: lines.count + 1, byteOffset: Int64(start), fullLength: length))
        }
        for index in input.indices where input[index] == 0x0A {
            add(index)
            start = index + 1
        }
        if start < input.count { add(input.count) }
        return lines
    }
}
