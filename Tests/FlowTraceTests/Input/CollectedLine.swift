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
            lines.append(CollectedLine(
                bytes: Array(input[start..<(start + min(length, maxLineBytes))]),
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
