#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bounded handoff between the reader thread and the consumer: a fixed pool of buffers that
/// cycle free → filled by the reader → read by the consumer → free again.
///
/// Nothing is allocated after `init`, and nothing queues beyond the pool: when every buffer is
/// filled the reader waits, when none is the consumer waits (with an optional timeout for idle
/// callbacks). A side signals the other only when it waits, and after unlocking (see
/// ``lockedSignalling(_:_:_:)``).
///
/// `@unchecked Sendable`: every mutable field is guarded by `mutex`; the buffers' bytes belong to
/// whichever side holds the slot.
final class ChunkPipe: @unchecked Sendable {
    /// What the consumer gets from ``next(timeout:)``.
    enum Delivery {
        /// A filled buffer; give `slot` back with ``release(_:)`` once its bytes are used.
        case chunk(slot: Int, bytes: UnsafeRawBufferPointer)
        /// The reader finished: cleanly, or with a failure after the chunks before it.
        case end(InputFailure?)
        /// No bytes arrived within the timeout.
        case idle
    }

    private let buffers: [UnsafeMutableRawBufferPointer]
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let bufferFreed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private let chunkReady = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    // Guarded by `mutex`.
    private var free: [Int]
    private var filledSlots: [Int]
    private var filledCounts: [Int]
    private var filledHead = 0
    private var filledCount = 0
    private var isFinished = false
    private var failure: InputFailure?
    private var isCancelled = false
    private var compressed = false
    private var readerWaits = false
    private var consumerWaits = false

    init(bufferSize: Int, bufferCount: Int) {
        precondition(bufferSize > 0 && bufferCount > 0, "buffer size and count must be positive")
        buffers = (0..<bufferCount).map { _ in .allocate(byteCount: bufferSize, alignment: 64) }
        free = Array((0..<bufferCount).reversed())
        filledSlots = Array(repeating: 0, count: bufferCount)
        filledCounts = Array(repeating: 0, count: bufferCount)
        pthread_mutex_init(mutex, nil)
        var attributes = pthread_condattr_t()
        pthread_condattr_init(&attributes)
        #if os(Linux)
        pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
        #endif
        pthread_cond_init(bufferFreed, &attributes)
        pthread_cond_init(chunkReady, &attributes)
        pthread_condattr_destroy(&attributes)
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
        pthread_cond_destroy(chunkReady)
        pthread_cond_destroy(bufferFreed)
        pthread_mutex_destroy(mutex)
        chunkReady.deallocate()
        bufferFreed.deallocate()
        mutex.deallocate()
    }

    private func locked<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return body()
    }

    // MARK: Reader side

    /// The memory of a buffer slot; only its holder may touch it.
    func buffer(_ slot: Int) -> UnsafeMutableRawBufferPointer { buffers[slot] }

    /// Waits for a free buffer; nil once the consumer cancelled.
    func acquire() -> Int? {
        locked {
            while free.isEmpty && !isCancelled {
                readerWaits = true
                pthread_cond_wait(bufferFreed, mutex)
            }
            return isCancelled ? nil : free.removeLast()
        }
    }

    /// Hands the first `count` bytes of `slot` to the consumer.
    func publish(_ slot: Int, count: Int) {
        lockedSignalling(mutex, chunkReady) {
            let tail = (filledHead + filledCount) % buffers.count
            filledSlots[tail] = slot
            filledCounts[tail] = count
            filledCount += 1
            return consumerWaits.takeAndClear()
        }
    }

    /// Records whether the input is gzip, before the first chunk is published.
    func setCompressed(_ value: Bool) {
        locked { compressed = value }
    }

    /// Ends the stream: the consumer gets the chunks already published, then `failure`.
    func finish(failure: InputFailure?) {
        lockedSignalling(mutex, chunkReady) {
            isFinished = true
            self.failure = failure
            return consumerWaits.takeAndClear()
        }
    }

    // MARK: Consumer side

    /// Whether the input is gzip (known once the first chunk or the end was delivered).
    var isCompressed: Bool { locked { compressed } }

    /// The next filled buffer, or the end; `.idle` when `timeout` passed without either.
    func next(timeout: Duration?) -> Delivery {
        locked {
            var deadline = timeout.map(Self.deadline(after:))
            while true {
                if filledCount > 0 {
                    let slot = filledSlots[filledHead]
                    let count = filledCounts[filledHead]
                    filledHead = (filledHead + 1) % buffers.count
                    filledCount -= 1
                    return .chunk(slot: slot, bytes: UnsafeRawBufferPointer(rebasing: buffers[slot][..<count]))
                }
                if isFinished { return .end(failure) }
                consumerWaits = true
                defer { consumerWaits = false }
                if deadline == nil {
                    pthread_cond_wait(chunkReady, mutex)
                } else if pthread_cond_timedwait(chunkReady, mutex, &deadline!) == ETIMEDOUT {
                    if filledCount == 0 && !isFinished { return .idle }
                }
            }
        }
    }

    /// Gives a buffer back to the reader.
    func release(_ slot: Int) {
        lockedSignalling(mutex, bufferFreed) {
            free.append(slot)
            return readerWaits.takeAndClear()
        }
    }

    /// Stops the reader: it ends at its next buffer request. Safe to call more than once.
    func cancel() {
        lockedSignalling(mutex, bufferFreed) {
            isCancelled = true
            return true
        }
    }

    private static func deadline(after interval: Duration) -> timespec {
        var now = timespec()
        #if os(Linux)
        clock_gettime(CLOCK_MONOTONIC, &now)
        #else
        clock_gettime(CLOCK_REALTIME, &now)
        #endif
        let (seconds, attoseconds) = interval.components
        var nanoseconds = Int(now.tv_nsec) + Int(attoseconds / 1_000_000_000)
        var wholeSeconds = Int(now.tv_sec) + Int(seconds)
        wholeSeconds += nanoseconds / 1_000_000_000
        nanoseconds %= 1_000_000_000
        return timespec(tv_sec: wholeSeconds, tv_nsec: nanoseconds)
    }
}
