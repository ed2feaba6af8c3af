import Testing
@testable import FlowTrace

/// The correlator's own hash tables against `Dictionary`, through inserts, lookups and removals in
/// random order (removal shifts probe runs back, the easy part to get wrong).
@Suite struct LookupTableTests {
    @Test func traceTableAgreesWithADictionary() {
        var generator = SeededGenerator(seed: 7)
        let table = TraceTable(capacity: 4)
        var reference: [Int: Trace] = [:]
        var next = 1
        for _ in 0..<20_000 {
            if generator.next() % 3 != 0 || reference.isEmpty {
                let trace = Trace(number: next)
                next += 1
                table.insert(trace)
                reference[trace.number] = trace
            } else {
                let victim = reference.keys.randomElement(using: &generator)!
                #expect(table.remove(victim) === reference.removeValue(forKey: victim))
            }
        }
        #expect(table.count == reference.count)
        for number in 1..<next { #expect(table[number] === reference[number]) }
        #expect(table.sortedNumbers == reference.keys.sorted())
        var visited = 0
        table.forEach { trace in
            visited += 1
            #expect(reference[trace.number] === trace)
        }
        #expect(visited == reference.count)
    }

    /// The table holds its traces through unmanaged references: a removed trace is freed, a kept
    /// one lives as long as the table, across growth.
    @Test func traceTableOwnsItsTraces() {
        weak var removed: Trace?
        weak var kept: Trace?
        do {
            let table = TraceTable(capacity: 2)
            for number in 1...40 { table.insert(Trace(number: number)) }
            removed = table[5]
            kept = table[6]
            #expect(removed != nil)
            table.remove(5)
            #expect(removed == nil)
            #expect(kept != nil)
            table.insert(Trace(number: 6))
            #expect(kept == nil, "a trace replaced under its number is released")
            kept = table[7]
        }
        #expect(kept == nil)
    }

    @Test func mostRecentPicksTheLatestLineFirstOnATie() {
        let table = TraceTable()
        for (number, lastLine) in [(1, 10), (2, 30), (3, 30), (4, 50)] {
            let trace = Trace(number: number)
            trace.lastLine = lastLine
            table.insert(trace)
        }
        #expect(table.mostRecent(of: [1, 2, 3], where: { _ in true }) == 2)
        #expect(table.mostRecent(of: [3, 2], where: { _ in true }) == 3)
        #expect(table.mostRecent(of: [1, 2, 3, 4], where: { $0.number != 4 }) == 2)
        #expect(table.mostRecent(of: [9], where: { _ in true }) == nil)
    }

    @Test func entityTableAgreesWithADictionary() {
        var generator = SeededGenerator(seed: 11)
        var table = EntityTable<[Int]>()
        var reference: [EntityKey: [Int]] = [:]
        // Few distinct keys, so that entries are updated and removed as often as added.
        let keys = (0..<3_000).map { _ in EntityKey(high: generator.next(), low: generator.next() & 0xFFFF) }
        for step in 0..<30_000 {
            let key = keys[Int(generator.next() % UInt64(keys.count))]
            switch generator.next() % 3 {
            case 0:
                table[key] = nil
                reference[key] = nil
            default:
                table[key, default: []].append(step)
                reference[key, default: []].append(step)
            }
        }
        #expect(table.count == reference.count)
        for key in keys { #expect(table[key] == reference[key]) }
    }

    @Test func flowTagCountsAgreeWithADictionaryUpToEachFlowsLimit() {
        var generator = SeededGenerator(seed: 13)
        let limit = 300
        var statistics = FlowTagStatistics(flowCount: 3, maxTagsPerFlow: limit)
        var reference: [[UInt64: Int]] = Array(repeating: [:], count: 3)
        let keys = (0..<500).map { _ in generator.next() }
        for _ in 0..<30_000 {
            let key = keys[Int(generator.next() % UInt64(keys.count))]
            let flow = Int(generator.next() % 3)
            statistics.increment(key, flow: flow)
            if reference[flow][key] != nil || reference[flow].count < limit { reference[flow][key, default: 0] += 1 }
        }
        for flow in 0..<3 {
            #expect(statistics.distinctTags(of: flow) == reference[flow].count)
            #expect(reference[flow].count == limit)
            for key in keys { #expect(statistics.count(of: key, flow: flow) == reference[flow][key] ?? 0) }
        }
    }
}
