import Foundation
@testable import FlowTrace

/// A byte source that produces a large input without holding it: `prefix`, then `fillCount`
/// copies of `fill`, then `suffix`. Can fail at the end instead of finishing.
final class GeneratedByteSource: ByteSource {
    private let prefix: [UInt8]
    private let fill: UInt8
    private let fillCount: Int
    private let suffix: [UInt8]
    private let failure: InputFailure?
    private var position = 0
    private let closedLock = NSLock()
    private var closed = false

    init(prefix: [UInt8], fill: UInt8 = 0, fillCount: Int = 0, suffix: [UInt8] = [], failure: InputFailure? = nil) {
        self.prefix = prefix
        self.fill = fill
        self.fillCount = fillCount
        self.suffix = suffix
        self.failure = failure
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputFailure) -> Int {
        var written = 0
        let total = prefix.count + fillCount + suffix.count
        while written < buffer.count && position < total {
            let byte: UInt8
            if position < prefix.count {
                byte = prefix[position]
            } else if position < prefix.count + fillCount {
                let run = min(buffer.count - written, prefix.count + fillCount - position)
                buffer.baseAddress!.advanced(by: written).initializeMemory(as: UInt8.self, repeating: fill, count: run)
                written += run
                position += run
                continue
            } else {
                byte = suffix[position - prefix.count - fillCount]
            }
            buffer[written] = byte
            written += 1
            position += 1
        }
        if written == 0, let failure { throw failure }
        return written
    }

    func close() { closedLock.withLock { closed = true } }

    /// Whether the reader closed the source (read from the test's thread).
    var isClosed: Bool { closedLock.withLock { closed } }
}
