/// The correlator's open traces by number: an open-addressing table with linear probing. Trace
/// numbers are small sequential integers, so a multiplicative hash spreads them well and a lookup
/// costs a multiply and a probe or two, not a SipHash like `Dictionary<Int, Trace>`. Iterating
/// (``forEach(_:)``) allocates nothing, and neither ``contains(_:)`` nor ``borrow(_:_:)`` counts
/// references (a retain and a release are atomic operations on the trace, several per line).
struct TraceTable {
    private var slots: ContiguousArray<Trace?>
    /// The same traces unretained (`slots` owns them), for ``borrow(_:_:)``.
    private var unretained: ContiguousArray<Unmanaged<Trace>?>
    /// The number of the trace in each slot (0: empty), so that probing touches no trace.
    private var numbers: ContiguousArray<Int>
    private var mask: Int
    /// 64 minus log2 of the table size: Fibonacci hashing keeps the product's top bits.
    private var shift: UInt64
    /// How many traces the table holds.
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = ContiguousArray(repeating: nil, count: size)
        unretained = ContiguousArray(repeating: nil, count: size)
        numbers = ContiguousArray(repeating: 0, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    private func home(of number: Int) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: Int64(number)) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot holding `number`, or the empty slot where it would go.
    private func slot(of number: Int) -> Int {
        numbers.withUnsafeBufferPointer { numbers in
            var index = home(of: number)
            while numbers[index] != 0, numbers[index] != number { index = (index + 1) & mask }
            return index
        }
    }

    subscript(number: Int) -> Trace? {
        slots[slot(of: number)]
    }

    /// Whether a trace numbered `number` is open.
    func contains(_ number: Int) -> Bool {
        number != 0 && numbers[slot(of: number)] == number
    }

    /// Calls `body` with the trace numbered `number`, if open, without retaining it: `body` must
    /// not remove it from the table.
    @inline(__always)
    func borrow<R>(_ number: Int, _ body: (Trace) throws -> R) rethrows -> R? {
        guard let trace = unretained[slot(of: number)] else { return nil }
        return try trace._withUnsafeGuaranteedRef(body)
    }

    /// Adds `trace` under its number (replacing one of the same number).
    mutating func insert(_ trace: Trace) {
        if (count + 1) * 2 > slots.count { grow() }
        let index = slot(of: trace.number)
        if slots[index] == nil { count += 1 }
        slots[index] = trace
        unretained[index] = Unmanaged.passUnretained(trace)
        numbers[index] = trace.number
    }

    /// Removes and returns the trace numbered `number`, if present.
    @discardableResult
    mutating func remove(_ number: Int) -> Trace? {
        var index = slot(of: number)
        guard let removed = slots[index] else { return nil }
        slots[index] = nil
        unretained[index] = nil
        numbers[index] = 0
        count -= 1
        // Backward-shift deletion: move later members of the probe run into the gap.
        var next = (index + 1) & mask
        while numbers[next] != 0 {
            let wanted = home(of: numbers[next])
            let distanceToGap = (next - wanted) & mask
            let distanceToNext = (next - index) & mask
            if distanceToGap >= distanceToNext {
                slots.swapAt(index, next)
                unretained.swapAt(index, next)
                numbers.swapAt(index, next)
                index = next
            }
            next = (next + 1) & mask
        }
        return removed
    }

    /// Calls `body` with every trace, in no particular order. `body` must not change the table.
    func forEach(_ body: (Trace) -> Void) {
        unretained.withUnsafeBufferPointer { buffer in
            for case let trace? in buffer { trace._withUnsafeGuaranteedRef(body) }
        }
    }

    /// The numbers of all traces, ascending.
    var sortedNumbers: [Int] {
        var numbers: [Int] = []
        numbers.reserveCapacity(count)
        forEach { numbers.append($0.number) }
        return numbers.sorted()
    }

    private mutating func grow() {
        let old = slots
        slots = ContiguousArray(repeating: nil, count: old.count * 2)
        unretained = ContiguousArray(repeating: nil, count: old.count * 2)
        numbers = ContiguousArray(repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        shift -= 1
        count = 0
        for case let trace? in old { insert(trace) }
    }
}
