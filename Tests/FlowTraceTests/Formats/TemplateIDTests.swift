import Testing
@testable import FlowTrace

/// Events share a template (``Event/template``) exactly when their messages are the same but for
/// the digits of their stand-alone UUIDs, and no two parsers hand out the same id.
@Suite struct TemplateIDTests {
    private static let vocabulary = FormatSampleTests.vocabulary

    private func template(of line: String, with parser: inout LineParser) -> UInt32 {
        Array(line.utf8).withUnsafeBytes { raw in
            parser.parse(RawLine(bytes: raw, number: 1, byteOffset: 0, fullLength: raw.count)).template
        }
    }

    private func line(user: String, amount: Int = 10) -> String {
        "2025-08-02 07:07:57,123 - services.generation_service - INFO - 🔍 [GENERATION] Starting credit check "
            + "for user \(user), credits_required: \(amount)"
    }

    @Test func aRepeatedTemplateKeepsItsIDAndOthersGetNewOnes() {
        var parser = LineParser(vocabulary: Self.vocabulary)
        // Seen once: not remembered, so no template yet.
        #expect(template(of: line(user: "22cb3917-57f6-49c6-ac96-ec266570081b"), with: &parser) == 0)
        let first = template(of: line(user: "0b5f3d86-268e-4c45-9c6b-f1e1a399f82a"), with: &parser)
        #expect(first != 0)
        #expect(template(of: line(user: "FFFFFFFF-0000-4AAA-8BBB-123456789ABC"), with: &parser) == first)
        // Another amount is another message.
        _ = template(of: line(user: "22cb3917-57f6-49c6-ac96-ec266570081b", amount: 50), with: &parser)
        let second = template(of: line(user: "22cb3917-57f6-49c6-ac96-ec266570081b", amount: 50), with: &parser)
        #expect(second != 0)
        #expect(second != first)
    }

    @Test func jsonLinesHaveNoTemplate() {
        var parser = LineParser(vocabulary: Self.vocabulary)
        let json = #"{"message": "🔍 [GENERATION] Starting credit check", "level": "INFO"}"#
        for _ in 0..<3 { #expect(template(of: json, with: &parser) == 0) }
    }

    @Test func twoParsersNeverShareAnID() {
        var first = LineParser(vocabulary: Self.vocabulary)
        var second = LineParser(vocabulary: Self.vocabulary)
        let one = line(user: "22cb3917-57f6-49c6-ac96-ec266570081b")
        for _ in 0..<2 {
            _ = template(of: one, with: &first)
            _ = template(of: one, with: &second)
        }
        let ids = (template(of: one, with: &first), template(of: one, with: &second))
        #expect(ids.0 != 0 && ids.1 != 0)
        #expect(ids.0 != ids.1)
    }
}
