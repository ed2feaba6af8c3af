import Foundation
import Testing
@testable import FlowTrace

/// The pipes between the pipeline's threads wake a producer that waits for room only once half
/// the pool is free, so that it refills the pool in one stretch.
@Suite struct PipeRefillTests {
    @Test func chunkPipeWakesAWaitingReaderOnceHalfTheBuffersAreFree() throws {
        let pipe = ChunkPipe(bufferSize: 16, bufferCount: 4)
        for _ in 0..<4 { pipe.publish(try #require(pipe.acquire()), count: 1) }
        let acquired = Flag()
        let reader = Thread { if pipe.acquire() != nil { acquired.set() } }
        reader.start()
        try waitUntil { pipe.readerIsWaiting }

        try consumeOne(pipe)
        usleep(100_000)
        #expect(!acquired.isSet, "one buffer of four free: the reader must sleep on")
        try consumeOne(pipe)
        try waitUntil { acquired.isSet }
    }

    @Test func batchPipeWakesAWaitingProducerOnceHalfTheBatchesAreFree() throws {
        let pipe = BatchPipe(batchCount: 4, batchCapacity: 8)
        for _ in 0..<4 { pipe.publish(try #require(pipe.acquire())) }
        let acquired = Flag()
        let producer = Thread { if pipe.acquire() != nil { acquired.set() } }
        producer.start()
        try waitUntil { pipe.producerIsWaiting }

        try consumeOne(pipe)
        usleep(100_000)
        #expect(!acquired.isSet, "one batch of four free: the producer must sleep on")
        try consumeOne(pipe)
        try waitUntil { acquired.isSet }
    }

    /// A pool of one wakes the producer at its first free buffer.
    @Test func aPoolOfOneRefillsAtOnce() throws {
        let pipe = ChunkPipe(bufferSize: 16, bufferCount: 1)
        pipe.publish(try #require(pipe.acquire()), count: 1)
        let acquired = Flag()
        let reader = Thread { if pipe.acquire() != nil { acquired.set() } }
        reader.start()
        try waitUntil { pipe.readerIsWaiting }
        try consumeOne(pipe)
        try waitUntil { acquired.isSet }
    }

    private func consumeOne(_ pipe: ChunkPipe) throws {
        guard case .chunk(let slot, _) = pipe.next(timeout: nil) else {
            Issue.record("expected a chunk")
            return
        }
        pipe.release(slot)
    }

    private func consumeOne(_ pipe: BatchPipe) throws {
        guard case .batch(let batch) = pipe.next() else {
            Issue.record("expected a batch")
            return
        }
        pipe.release(batch)
    }

    /// Polls `condition` for up to five seconds.
    private func waitUntil(_ condition: () -> Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for _ in 0..<1000 where !condition() { usleep(5000) }
        #expect(condition(), sourceLocation: sourceLocation)
    }
}

/// A flag one thread sets and another reads.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
