/// Reads one input stream — a file, standard input or bytes in memory, plain or gzip — line by line.
///
/// Detects gzip by its magic bytes, not the file name, and reads every member of a multi-member
/// stream. Reading and decompression run on a background thread that hands filled buffers to the
/// calling thread through a small fixed pool (``ChunkPipe``), so memory stays constant whatever
/// the input size, and parsing on the caller's thread overlaps decompression.
///
/// ```swift
/// let reader = try LineReader(path: "app.log.gz")
/// try reader.forEachLine { line in parse(line.bytes) }
/// ```
///
/// A reader reads its input once: call ``forEachLine(idleInterval:onIdle:_:)`` once.
public final class LineReader {
    /// The default line cap: 1 MiB.
    public static let defaultMaxLineBytes = 1 << 20

    /// The input's display name (`<stdin>` for standard input), used in error locations.
    public let name: String
    /// Whether the input is gzip; known once the first line (or the end) was delivered.
    public private(set) var isCompressed = false
    /// Lines longer than this are delivered truncated to it.
    public let maxLineBytes: Int

    private var source: ByteSource?
    private let configuration: ReaderConfiguration
    /// The largest the line splitter's carry buffer grew to (for tests: it must stay within the cap).
    private(set) var carryCapacity = 0
    /// How many lines were copied because they straddled buffers (for tests: the others are not).
    private(set) var carriedLineCount = 0

    /// Opens a file path, or standard input for `-`.
    ///
    /// Throws ``FlowTraceError`` with code ``FlowTraceError/Code/unreadableInput`` when the file is
    /// missing, a directory, or not readable.
    public convenience init(path: String, maxLineBytes: Int = LineReader.defaultMaxLineBytes) throws {
        if path == "-" {
            self.init(fileDescriptor: 0, name: path, ownsDescriptor: false, maxLineBytes: maxLineBytes)
        } else {
            self.init(
                source: try FileByteSource.open(path: path), name: RawPath.display(path), maxLineBytes: maxLineBytes,
                configuration: .standard)
        }
    }

    /// Reads an already open descriptor, closing it at the end only when `ownsDescriptor`.
    public convenience init(
        fileDescriptor: Int32, name: String, ownsDescriptor: Bool,
        maxLineBytes: Int = LineReader.defaultMaxLineBytes
    ) {
        self.init(
            source: FileByteSource(descriptor: fileDescriptor, ownsDescriptor: ownsDescriptor),
            name: name, maxLineBytes: maxLineBytes, configuration: .standard)
    }

    /// Reads bytes in memory, for tests; `chunkSize` cuts the input and every buffer to that size.
    public convenience init(
        bytes: [UInt8], name: String, maxLineBytes: Int = LineReader.defaultMaxLineBytes,
        chunkSize: Int? = nil
    ) {
        let configuration = chunkSize.map(ReaderConfiguration.chunked) ?? .standard
        self.init(
            source: MemoryByteSource(bytes: bytes, chunkSize: chunkSize ?? configuration.bufferSize),
            name: name, maxLineBytes: maxLineBytes, configuration: configuration)
    }

    init(source: ByteSource, name: String, maxLineBytes: Int, configuration: ReaderConfiguration) {
        precondition(maxLineBytes > 0, "maxLineBytes must be positive")
        self.source = source
        self.name = name == "-" ? "<stdin>" : name
        self.maxLineBytes = maxLineBytes
        self.configuration = configuration
    }

    deinit { source?.close() }

    /// Calls `body` for every line, in order. The ``RawLine`` is borrowed: its bytes are valid only
    /// during the call.
    ///
    /// Delivers every readable line first, then throws ``FlowTraceError`` with code
    /// ``FlowTraceError/Code/corruptCompressedInput`` (truncated or corrupt gzip, trailing garbage)
    /// or ``FlowTraceError/Code/unreadableInput`` (a read error), located at the number of lines
    /// delivered and the (compressed) byte offset of the failure. An error thrown by `body` stops
    /// reading and is rethrown.
    ///
    /// With an `idleInterval`, `onIdle` is called on this thread each time that long passes without
    /// new input, for `tail -f` pipes; lines are delivered as soon as they arrive. `afterChunk` is
    /// called after the lines of each buffer handed over by the reader thread (a batching point).
    public func forEachLine(
        idleInterval: Duration? = nil, onIdle: () -> Void = {}, afterChunk: () throws -> Void = {},
        _ body: (RawLine) throws -> Void
    ) throws {
        guard let source else { preconditionFailure("LineReader.forEachLine called twice") }
        precondition(idleInterval.map { $0 > .zero } ?? true, "idleInterval must be positive")
        self.source = nil
        let pipe = ChunkPipe(bufferSize: configuration.bufferSize, bufferCount: configuration.bufferCount)
        ChunkProducer(source: source, pipe: pipe, configuration: configuration).start()
        defer { pipe.cancel() }
        let splitter = LineSplitter(maxLineBytes: maxLineBytes)
        defer {
            carryCapacity = splitter.carryCapacity
            carriedLineCount = splitter.carriedLineCount
        }
        var knowsCompression = false
        while true {
            let delivery = pipe.next(timeout: idleInterval)
            if case .idle = delivery {
                onIdle()
                continue
            }
            if !knowsCompression {
                isCompressed = pipe.isCompressed
                knowsCompression = true
            }
            switch delivery {
            case .idle:
                continue
            case .chunk(let slot, let bytes):
                defer { pipe.release(slot) }
                try splitter.feed(bytes, body)
                try afterChunk()
            case .end(let failure):
                try splitter.finish(body)
                if let failure { throw failure.error(file: name, linesDelivered: splitter.lineCount) }
                return
            }
        }
    }
}
