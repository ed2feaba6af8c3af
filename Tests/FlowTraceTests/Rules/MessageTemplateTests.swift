import Foundation
import Testing
@testable import FlowTrace

/// Placeholders are filled as Foundation's `replacingOccurrences` would, ASCII or not.
@Suite struct MessageTemplateTests {
    @Test func fillsEveryPlaceholderAndMarksMissingOnes() {
        let template = MessageTemplate("{flow} of user {user}: {operation} on {table} ({table})")
        #expect(template.fields == ["flow", "user", "operation", "table", "table"])
        #expect(template.render(["flow": "generation", "user": "u1", "table": "users"])
            == "generation of user u1: ? on users (users)")
    }

    @Test func agreesWithFoundationOnAnyText() {
        let template = MessageTemplate("café {user} {table}}{table}{{user}")
        for values in [["user": "é", "table": "t"], ["user": "e\u{301}", "table": "ü"], ["user": "u", "table": "t"]] {
            var expected = template.source
            for field in Set(template.fields) {
                expected = expected.replacingOccurrences(of: "{\(field)}", with: values[field] ?? "?")
            }
            #expect(template.render(values) == expected)
        }
        let ascii = MessageTemplate("{a}{a}{b} {c")
        #expect(ascii.render(["a": "x", "b": "{y}"]) == "xx{y} {c")
    }
}
