/// The correlator's open traces by number: an open-addressing table with linear probing. Trace
/// numbers are small sequential integers, so a multiplicative hash spreads them well and a lookup
/// costs a multiply and a probe or two, not a SipHash like `Dictionary<Int, Trace>`.
///
/// The table owns its traces through raw buffers of unmanaged references rather than arrays:
/// reading an array stored in a class retains the array's storage, and reading a trace out of
/// it retains the trace, and each retain and release is an atomic operation that waits for the
/// stores before it (such as the copy of the event just appended). Only ``subscript(_:)`` and
/// ``remove(_:)`` hand out retained traces; ``contains(_:)``, ``borrow(_:_:)``, ``forEach(_:)``
/// and ``mostRecent(of:where:)`` count no references.
final class TraceTable {
    /// Each slot's trace, retained by the table (nil: empty).
    private var slots: UnsafeMutablePointer<Unmanaged<Trace>?>
    /// The number of the trace in each slot (0: empty), so that probing touches no trace.
    private var numbers: UnsafeMutablePointer<Int>
    private var size: Int
    private var mask: Int
    /// 64 minus log2 of the table size: Fibonacci hashing keeps the product's top bits.
    private var shift: UInt64
    /// How many traces the table holds.
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        self.size = size
        slots = .allocate(capacity: size)
        slots.initialize(repeating: nil, count: size)
        numbers = .allocate(capacity: size)
        numbers.initialize(repeating: 0, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    deinit {
        for index in 0..<size { slots[index]?.release() }
        slots.deallocate()
        numbers.deallocate()
    }

    private func home(of number: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(number)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot holding `number`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of number: Int) -> Int {
        var index = home(of: number)
        while numbers[index] != 0, numbers[index] != number { index = (index + 1) & mask }
        return index
    }

    /// The trace numbered `number`, if open (retained: for the paths that keep or close it).
    subscript(number: Int) -> Trace? {
        slots[slot(of: number)]?.takeUnretainedValue()
    }

    /// Whether a trace numbered `number` is open.
    func contains(_ number: Int) -> Bool {
        number != 0 && numbers[slot(of: number)] == number
    }

    /// Calls `body` with the trace numbered `number`, if open, without retaining it: `body` must
    /// not remove it from the table.
    @inline(__always)
    func borrow<R>(_ number: Int, _ body: (Trace) throws -> R) rethrows -> R? {
        try slots[slot(of: number)]?._withUnsafeGuaranteedRef(body)
    }

    /// Of the open traces among `numbers` that pass `test`, the one whose last line is latest
    /// (the first of them on a tie).
    func mostRecent(of numbers: [Int], where test: (Trace) -> Bool) -> Int? {
        var best: (number: Int, lastLine: Int)?
        for number in numbers {
            borrow(number) { trace in
                guard test(trace), best.map({ trace.lastLine > $0.lastLine }) ?? true else { return }
                best = (number, trace.lastLine)
            }
        }
        return best?.number
    }

    /// Adds `trace` under its number (replacing one of the same number).
    func insert(_ trace: Trace) {
        if (count + 1) * 2 > size { grow() }
        let index = slot(of: trace.number)
        if let replaced = slots[index] { replaced.release() } else { count += 1 }
        slots[index] = Unmanaged.passRetained(trace)
        numbers[index] = trace.number
    }

    /// Removes and returns the trace numbered `number`, if present.
    @discardableResult
    func remove(_ number: Int) -> Trace? {
        var index = slot(of: number)
        guard let removed = slots[index] else { return nil }
        slots[index] = nil
        numbers[index] = 0
        count -= 1
        // Backward-shift deletion: move later members of the probe run into the gap.
        var next = (index + 1) & mask
        while numbers[next] != 0 {
            let wanted = home(of: numbers[next])
            let distanceToGap = (next - wanted) & mask
            let distanceToNext = (next - index) & mask
            if distanceToGap >= distanceToNext {
                swap(&slots[index], &slots[next])
                swap(&numbers[index], &numbers[next])
                index = next
            }
            next = (next + 1) & mask
        }
        return removed.takeRetainedValue()
    }

    /// Calls `body` with every trace, in no particular order. `body` must not change the table.
    func forEach(_ body: (Trace) -> Void) {
        for index in 0..<size {
            slots[index]?._withUnsafeGuaranteedRef(body)
        }
    }

    /// The numbers of all traces, ascending.
    var sortedNumbers: [Int] {
        var sorted: [Int] = []
        sorted.reserveCapacity(count)
        for index in 0..<size where numbers[index] != 0 { sorted.append(numbers[index]) }
        return sorted.sorted()
    }

    private func grow() {
        let (oldSlots, oldSize) = (slots, size)
        numbers.deallocate()
        size *= 2
        slots = .allocate(capacity: size)
        slots.initialize(repeating: nil, count: size)
        numbers = .allocate(capacity: size)
        numbers.initialize(repeating: 0, count: size)
        mask = size - 1
        shift -= 1
        count = 0
        for index in 0..<oldSize {
            guard let trace = oldSlots[index] else { continue }
            let number = trace._withUnsafeGuaranteedRef(\.number)
            let slot = slot(of: number)
            slots[slot] = trace
            numbers[slot] = number
            count += 1
        }
        oldSlots.deallocate()
    }
}
