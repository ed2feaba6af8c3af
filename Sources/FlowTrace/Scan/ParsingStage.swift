import Foundation

/// Reads and parses one input on a thread of its own, so that parsing overlaps correlation (and
/// decompression runs on the reader's thread beside both). Events arrive on the calling thread in
/// batches, one per buffer the reader handed over, so a live pipe's lines arrive as they come.
final class ParsingStage: @unchecked Sendable {
    private let reader: LineReader
    private let vocabulary: FormatVocabulary
    /// Batches are handed over at the latest after this many events, to bound their memory.
    static let maxBatchEvents = 4096
    /// Batches in flight: 16 of 4,096 events hold about 25 ms of correlation, longer than the time
    /// slices in which four threads share two cores. With 4, the correlating thread waited for
    /// events 30% of the time and a core idled 11–16% of the wall time; with 16 (and a deeper
    /// ``ReaderConfiguration/standard`` ring), 1 GiB of gzip took 10% less wall time and 8% less CPU.
    static let batchCount = 16
    private let pipe = BatchPipe(batchCount: ParsingStage.batchCount, batchCapacity: ParsingStage.maxBatchEvents)

    private struct Cancelled: Error {}

    init(reader: LineReader, vocabulary: FormatVocabulary) {
        self.reader = reader
        self.vocabulary = vocabulary
    }

    /// Calls `body` for every event in order, `onBatch` before each batch of them (at most
    /// ``maxBatchEvents``; on a live input, each read's lines), and `onIdle` when a live input
    /// stalled for `idleInterval`. Rethrows the reader's error after the events before it, or `body`'s.
    func run(idleInterval: Duration, onBatch: () -> Void, onIdle: () -> Void,
             _ body: (Event, UnsafeRawBufferPointer) throws -> Void) throws {
        let thread = Thread { [self] in
            produce(idleInterval: idleInterval)
        }
        thread.stackSize = 1 << 20
        thread.name = "flowtrace-parse"
        thread.start()
        defer { pipe.cancel() }
        while true {
            switch pipe.next() {
            case .batch(let batch):
                defer { pipe.release(batch) }
                onBatch()
                try batch.forEach(body)
                if batch.marksIdle { onIdle() }
            case .end(let failure):
                if let failure { throw failure }
                return
            }
        }
    }

    private func produce(idleInterval: Duration) {
        var parser = LineParser(vocabulary: vocabulary)
        var batch = pipe.acquire()
        /// `batch` for the per-line path, where reading it must not count references (`batch` owns it).
        var filling = batch.map(Unmanaged.passUnretained)
        /// Publishes the batch (if it has events, or marks a stall) and takes a fresh one; the
        /// batch is nil once the consumer has gone.
        func handOver(idle: Bool) {
            guard let current = batch, idle || !current.isEmpty else { return }
            current.marksIdle = idle
            current.takeText(from: parser)
            pipe.publish(current)
            batch = pipe.acquire()
            filling = batch.map(Unmanaged.passUnretained)
        }
        do {
            try reader.forEachLine(
                idleInterval: idleInterval,
                onIdle: { handOver(idle: true) },
                afterChunk: { handOver(idle: false) }
            ) { line in
                guard let filling else { throw Cancelled() }
                let full = filling._withUnsafeGuaranteedRef { current in
                    current.append(parsing: line, with: &parser)
                    return current.isFull
                }
                if full { handOver(idle: false) }
            }
            if let batch {
                batch.takeText(from: parser)
                pipe.publish(batch)
            }
            pipe.finish(failure: nil)
        } catch is Cancelled {
            pipe.finish(failure: nil)
        } catch {
            if let batch {
                batch.takeText(from: parser)
                pipe.publish(batch)
            }
            pipe.finish(failure: error)
        }
    }
}
