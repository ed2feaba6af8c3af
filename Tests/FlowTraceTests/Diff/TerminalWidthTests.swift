import Testing
@testable import FlowTrace

/// Fitting text to columns: emoji take two, joiners none, cut text ends with an ellipsis.
@Suite struct TerminalWidthTests {
    @Test func widths() {
        #expect(TerminalWidth.width(of: "abc") == 3)
        #expect(TerminalWidth.width(of: "✅ ok") == 5)
        #expect(TerminalWidth.width(of: "⚠️") == 2)
        #expect(TerminalWidth.width(of: "🔑") == 2)
    }

    @Test func fitsExactly() {
        #expect(TerminalWidth.fit("abc", 5) == "abc  ")
        #expect(TerminalWidth.fit("abcdef", 5) == "abcd…")
        #expect(TerminalWidth.fit("abcde", 5) == "abcde")
        #expect(TerminalWidth.fit("🔑🔑🔑", 5) == "🔑🔑…")
        #expect(TerminalWidth.fit("a🔑🔑", 4) == "a🔑…")
        for text in ["🔍 [GENERATION] Starting credit check", "abc", "✅✅✅✅", ""] {
            for columns in 1...12 { #expect(TerminalWidth.width(of: TerminalWidth.fit(text, columns)) == columns) }
        }
    }

    @Test func fallsBackWithoutATerminal() {
        // Standard input of the test process is not a terminal; COLUMNS may or may not be set.
        #expect(TerminalWidth.columns(of: -1) > 0)
    }
}
