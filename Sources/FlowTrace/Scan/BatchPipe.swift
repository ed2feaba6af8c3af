#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bounded handoff of event batches from the parsing thread to the correlating thread: a
/// fixed pool of batches that cycle free → filled → consumed → free. `@unchecked Sendable`: every
/// mutable field is guarded by `mutex`; a batch belongs to whichever side holds it.
final class BatchPipe: @unchecked Sendable {
    enum Delivery {
        case batch(EventBatch)
        case end(Error?)
    }

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    // Guarded by `mutex`.
    private var free: [EventBatch]
    private var filled: [EventBatch] = []
    private var finished = false
    private var failure: Error?
    private var cancelled = false

    init(batchCount: Int, batchCapacity: Int) {
        free = (0..<batchCount).map { _ in EventBatch(capacity: batchCapacity) }
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
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
            while free.isEmpty && !cancelled { pthread_cond_wait(changed, mutex) }
            guard !cancelled else { return nil }
            let batch = free.removeLast()
            batch.reset()
            return batch
        }
    }

    /// Producer: hands a filled batch over.
    func publish(_ batch: EventBatch) {
        locked {
            filled.append(batch)
            pthread_cond_broadcast(changed)
        }
    }

    /// Producer: no more batches; `failure` is what stopped the input, if anything.
    func finish(failure: Error?) {
        locked {
            finished = true
            self.failure = failure
            pthread_cond_broadcast(changed)
        }
    }

    /// Consumer: the next batch, or the end once every batch was delivered.
    func next() -> Delivery {
        locked {
            while filled.isEmpty && !finished { pthread_cond_wait(changed, mutex) }
            if !filled.isEmpty { return .batch(filled.removeFirst()) }
            return .end(failure)
        }
    }

    /// Consumer: gives a batch back.
    func release(_ batch: EventBatch) {
        locked {
            free.append(batch)
            pthread_cond_broadcast(changed)
        }
    }

    /// Consumer: stops the producer at its next `acquire`.
    func cancel() {
        locked {
            cancelled = true
            pthread_cond_broadcast(changed)
        }
    }
}
