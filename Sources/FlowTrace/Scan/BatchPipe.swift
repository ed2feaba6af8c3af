#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bounded handoff of event batches from the parsing thread to the correlating thread: a
/// fixed pool of batches that cycle free → filled → consumed → free. As in ``ChunkPipe``, a side
/// signals the other only when it waits, and after unlocking.
///
/// `@unchecked Sendable`: every mutable field is guarded by `mutex`; a batch belongs to whichever
/// side holds it.
final class BatchPipe: @unchecked Sendable {
    enum Delivery {
        case batch(EventBatch)
        case end(Error?)
    }

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let batchReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let batchFreed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`.
    private var free: [EventBatch]
    private var filled: [EventBatch] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false
    private var producerWaits = false
    private var consumerWaits = false

    init(batchCount: Int, batchCapacity: Int) {
        free = (0..<batchCount).map { _ in EventBatch(capacity: batchCapacity) }
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(batchReady, nil)
        pthread_cond_init(batchFreed, nil)
    }

    deinit {
        pthread_cond_destroy(batchFreed)
        pthread_cond_destroy(batchReady)
        pthread_mutex_destroy(mutex)
        batchFreed.deallocate()
        batchReady.deallocate()
        mutex.deallocate()
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    /// Producer: an empty batch to fill, or nil once the consumer has gone.
    func acquire() -> EventBatch? {
        locked {
            while free.isEmpty && !cancelled {
                producerWaits = true
                pthread_cond_wait(batchFreed, mutex)
            }
            guard !cancelled else { return nil }
            let batch = free.removeLast()
            batch.reset()
            return batch
        }
    }

    /// Producer: hands a filled batch over.
    func publish(_ batch: EventBatch) {
        lockedSignalling(mutex, batchReady) {
            filled.append(batch)
            return consumerWaits.takeAndClear()
        }
    }

    /// Producer: no more batches; `failure` is what stopped the input, if anything.
    func finish(failure: Error?) {
        lockedSignalling(mutex, batchReady) {
            finished = true
            self.failure = failure
            return consumerWaits.takeAndClear()
        }
    }

    /// Consumer: the next batch, or the end once every batch was delivered.
    func next() -> Delivery {
        locked {
            while filled.isEmpty && !finished {
                consumerWaits = true
                pthread_cond_wait(batchReady, mutex)
            }
            if !filled.isEmpty { return .batch(filled.removeFirst()) }
            return .end(failure)
        }
    }

    /// Consumer: gives a batch back.
    func release(_ batch: EventBatch) {
        lockedSignalling(mutex, batchFreed) {
            free.append(batch)
            return producerWaits.takeAndClear()
        }
    }

    /// Consumer: stops the producer at its next `acquire`.
    func cancel() {
        lockedSignalling(mutex, batchFreed) {
            cancelled = true
            return true
        }
    }
}
