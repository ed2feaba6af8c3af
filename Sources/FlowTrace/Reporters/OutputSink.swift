#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where reports go: a file descriptor with a small buffer, flushed after every record so that a
/// live stream (`tail -f … | flowtrace scan`) reports as it goes.
public final class OutputSink {
    /// Thrown when the reader of the output went away (`flowtrace scan | head`).
    public struct Closed: Error {}

    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    /// Whether the descriptor is a terminal (decides colour and sanitising defaults).
    public let isTerminal: Bool

    public init(descriptor: Int32, ownsDescriptor: Bool = false) {
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
        self.isTerminal = isatty(descriptor) == 1
        buffer.reserveCapacity(1 << 16)
    }

    /// Opens (creates or truncates) a file for a report.
    public convenience init(path: String) throws {
        let descriptor = RawPath.withCString(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard descriptor >= 0 else {
            throw FlowTraceError(.output, "cannot write \(RawPath.display(path)): \(String(cString: strerror(errno)))")
        }
        self.init(descriptor: descriptor, ownsDescriptor: true)
    }

    deinit {
        try? flush()
        if ownsDescriptor { close(descriptor) }
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    /// Writes `text` and a newline, then flushes: one record.
    public func writeRecord(_ text: String) throws {
        write(text)
        buffer.append(UInt8(ascii: "\n"))
        try flush()
    }

    public func flush() throws {
        var offset = 0
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { bytes in
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { throw Closed() }
                    throw FlowTraceError(.output, "cannot write the report: \(String(cString: strerror(errno)))")
                }
                offset += written
            }
        }
    }
}

private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(descriptor, bytes, count)
    #else
    Darwin.write(descriptor, bytes, count)
    #endif
}
