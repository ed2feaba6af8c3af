import Foundation
import Testing
@testable import FlowTrace

/// Durations written by people (`--idle-window`, a rule's `window:`, the correlation file's
/// windows): read in every unit, and refused, never trapped on, when absurd.
@Suite struct DurationTextTests {
    @Test func readsEveryUnit() {
        #expect(DurationText.milliseconds("500ms") == 500)
        #expect(DurationText.milliseconds("90s") == 90_000)
        #expect(DurationText.milliseconds("1.5s") == 1_500)
        #expect(DurationText.milliseconds("2m") == 120_000)
        #expect(DurationText.milliseconds("1h") == 3_600_000)
        #expect(DurationText.milliseconds("30") == 30_000)
        #expect(DurationText.milliseconds("0s") == 0)
    }

    @Test func refusesWhatIsNotADuration() {
        for text in ["", "soon", "-1s", "ms", "1x", "1 s"] { #expect(DurationText.milliseconds(text) == nil, "\(text)") }
    }

    /// Huge and infinite values trapped in the conversion to Int64 (`Double value cannot be converted`).
    @Test func refusesInfiniteAndHugeDurations() {
        for text in ["inf", "infinity", "nan", "infs", "1e30h", "1e300s", "9223372036854775807s", "101000000h"] {
            #expect(DurationText.milliseconds(text) == nil, "\(text)")
        }
        let hundredYears = "\(100 * 365 * 24)h"
        #expect(DurationText.milliseconds(hundredYears) == DurationText.maximumMilliseconds)
    }

    @Test func theBinaryRefusesThemWithAUsageError() throws {
        for window in ["inf", "1e300s", "nan"] {
            let result = try BinaryRunner.run(["scan", "--idle-window", window, BinaryRunner.sample("formats/basic-config.log")])
            #expect(result.status == 2, "\(window)")
            #expect(result.stderr.contains("--idle-window"))
        }
    }

    @Test func aRuleWindowTooLongIsAnErrorAtItsPlace() throws {
        let builtin = try String(contentsOfFile: BinaryRunner.packageRoot.appendingPathComponent("Rules/rules/user-not-found-despite-balance.yaml").path,
                                 encoding: .utf8)
        #expect(builtin.contains("window: 10m"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("flowtrace-\(UUID().uuidString).yaml").path
        try builtin.replacingOccurrences(of: "window: 10m", with: "window: 1e30h").write(toFile: path, atomically: true,
                                                                                      encoding: .utf8)
        let result = try BinaryRunner.run(["rules", "validate", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(path))
        #expect(result.stderr.contains("1e30h"))
    }
}
