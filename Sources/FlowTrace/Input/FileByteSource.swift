#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes from a file descriptor (a file, a pipe, standard input), read with `read(2)`.
///
/// Each call does one `read(2)` (retried on `EINTR`), so a pipe's bytes are passed on as soon as
/// they arrive.
final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var isClosed = false
    /// Bytes read so far: the offset of the next byte.
    private(set) var offset: Int64 = 0

    init(descriptor: Int32, ownsDescriptor: Bool) {
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
    }

    deinit { close() }

    /// Opens `path` for reading; a directory or a file that cannot be opened is an
    /// ``FlowTraceError/Code/unreadableInput`` error naming it. A name that is not UTF-8 is opened
    /// by its bytes (see ``RawPath``).
    static func open(path: String) throws(FlowTraceError) -> FileByteSource {
        let fd = RawPath.withCString(path) { systemOpen($0, O_RDONLY | O_CLOEXEC) }
        guard fd >= 0 else {
            throw unreadable(path, "cannot open the file: \(errorText(errno))")
        }
        var info = stat()
        if fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            _ = systemClose(fd)
            throw unreadable(path, "cannot read the file: it is a directory")
        }
        return FileByteSource(descriptor: fd, ownsDescriptor: true)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(InputFailure) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = systemRead(descriptor, base, buffer.count)
            if count >= 0 {
                offset += Int64(count)
                return count
            }
            let code = errno
            if code == EINTR { continue }
            throw InputFailure(
                code: .unreadableInput, message: "read failed: \(Self.errorText(code))", byteOffset: offset)
        }
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        if ownsDescriptor { _ = systemClose(descriptor) }
    }

    private static func unreadable(_ path: String, _ message: String) -> FlowTraceError {
        FlowTraceError(.unreadableInput, message, at: FlowTraceError.Location(file: RawPath.display(path)))
    }

    static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

// The methods above shadow the C functions of the same names: reach those from file scope.
private func systemOpen(_ path: UnsafePointer<CChar>, _ flags: Int32) -> Int32 { open(path, flags) }
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int { read(fd, buffer, count) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
