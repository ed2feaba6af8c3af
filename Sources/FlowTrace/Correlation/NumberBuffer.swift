/// Fixed room for the trace numbers one walk collects (see ``Correlator/awaitingTraces(for:text:)``):
/// writing through it costs no uniqueness or capacity check, as appending to an array does.
/// Noncopyable: the one owner frees the storage.
struct NumberBuffer: ~Copyable {
    let capacity: Int
    /// The storage, `capacity` numbers; the writer keeps its own counts.
    let base: UnsafeMutablePointer<Int>

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    deinit {
        base.deallocate()
    }
}
