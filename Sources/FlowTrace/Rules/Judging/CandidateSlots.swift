/// Which step slots an event can pass, told from the scanned literals of its message alone: a
/// step whose prefilter is only scanned literals (see ``StepLiterals``) needs one of them, so an
/// event with none of its literals is not tried on it. Most events contain no scanned literal,
/// and then are tried on no step at all.
///
/// Slots are bits of a 64-bit mask; slots from 63 on share bit 63, which is always a candidate.
struct CandidateSlots {
    /// By slot: its bit.
    private let bits: [UInt64]
    /// By scanned literal bit: the slots whose prefilter has that literal.
    private let slotsByLiteral: [UInt64]
    /// The slots an event may pass whatever literals it contains.
    private let unscreened: UInt64

    init(_ steps: ContiguousArray<CompiledStep>) {
        var bits: [UInt64] = []
        var slotsByLiteral = [UInt64](repeating: 0, count: LiteralScan.capacity)
        var unscreened: UInt64 = 0
        for (slot, step) in steps.enumerated() {
            let bit = UInt64(1) << UInt64(min(slot, 63))
            bits.append(bit)
            let prefilter = step.prefilter
            if slot >= 63 || prefilter.scanned == 0 || !prefilter.searched.isEmpty {
                unscreened |= bit
                continue
            }
            for literal in 0..<LiteralScan.capacity where prefilter.scanned & UInt64(1) << UInt64(literal) != 0 {
                slotsByLiteral[literal] |= bit
            }
        }
        self.bits = bits
        self.slotsByLiteral = slotsByLiteral
        self.unscreened = unscreened
    }

    /// The slots an event whose message contains the scanned literals `found` may pass.
    @inline(__always)
    func candidates(found: UInt64) -> UInt64 {
        var candidates = unscreened
        var literals = found
        while literals != 0 {
            candidates |= slotsByLiteral[literals.trailingZeroBitCount]
            literals &= literals &- 1
        }
        return candidates
    }

    /// Whether `slot` is among `candidates`.
    @inline(__always)
    func contains(_ slot: Int, in candidates: UInt64) -> Bool {
        candidates & bits[slot] != 0
    }
}
