import Foundation
import Testing
@testable import FlowTrace

/// ``LogTime/iso8601`` and ``LogTime/timeOfDay`` are written digit by digit: they must agree with
/// Foundation's ISO 8601 formatter.
@Suite struct LogTimeFormatTests {
    @Test func agreesWithFoundationsFormatter() {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        formatter.timeZone = TimeZone(identifier: "UTC")
        var generator = SeededGenerator(seed: 77)
        // From 1900 to 2200, and the edges of days and years.
        let edges: [Int64] = [0, -1, 86_399_999, 86_400_000, 951_782_400_000, 1_754_118_477_123, 4_102_444_799_999]
        let samples = edges + (0..<3000).map { _ in Int64.random(in: -2_208_988_800_000...7_258_118_400_000, using: &generator) }
        for milliseconds in samples {
            let time = LogTime(milliseconds: milliseconds, hasDate: true)
            let expected = formatter.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
            #expect(time.iso8601 == expected, "\(milliseconds)")
            #expect(time.timeOfDay == String(expected.dropFirst(11).dropLast()), "\(milliseconds)")
            #expect(LogTime(milliseconds: time.millisecondsOfDay, hasDate: false).iso8601 == time.timeOfDay)
        }
    }
}
