import Testing
@testable import FlowTrace

/// Everything one ``LineReader`` run delivered: its lines, the error it ended with, and what the
/// reader learnt about the input.
struct ReadOutcome {
    var lines: [CollectedLine] = []
    var error: FlowTraceError?
    var isCompressed = false
    var carryCapacity = 0
    var carriedLineCount = 0

    /// Chunk sizes every input is read with: the smallest buffers that still work, odd sizes, and
    /// the default (nil).
    static let chunkSizes: [Int?] = [1, 2, 3, 7, 64, nil]

    /// Reads `reader` to the end, catching its error.
    static func read(_ reader: LineReader) -> ReadOutcome {
        var outcome = ReadOutcome()
        do {
            try reader.forEachLine { outcome.lines.append(CollectedLine($0)) }
        } catch let error as FlowTraceError {
            outcome.error = error
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
        outcome.isCompressed = reader.isCompressed
        outcome.carryCapacity = reader.carryCapacity
        outcome.carriedLineCount = reader.carriedLineCount
        return outcome
    }

    /// Reads in-memory `bytes` with the given chunk size and line cap.
    static func read(
        _ bytes: [UInt8], chunkSize: Int?, maxLineBytes: Int = LineReader.defaultMaxLineBytes
    ) -> ReadOutcome {
        read(LineReader(bytes: bytes, name: "test.log", maxLineBytes: maxLineBytes, chunkSize: chunkSize))
    }
}
