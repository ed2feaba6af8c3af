import Foundation
import Testing
@testable import FlowTrace

/// Placeholders are filled in one pass: as Foundation's `replacingOccurrences` would for ordinary
/// values, ASCII or not, and never from the text of a value.
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

    /// Audit: a value holding placeholders was filled in turn, in `Set` order (random per process).
    @Test func valuesAreNeverScannedForPlaceholders() {
        let crossed = MessageTemplate("{a} {b}")
        // Filled in turn, either order of the two fields gives `{a} {a}` or `{b} {b}`.
        #expect(crossed.render(["a": "{b}", "b": "{a}"]) == "{b} {a}")
        let template = MessageTemplate("reason={reason} table={table} user={user}")
        #expect(template.render(["reason": "evil {table} and {user}", "table": "users"])
            == "reason=evil {table} and {user} table=users user=?")
        let accented = MessageTemplate("café {user}: {reason}")
        #expect(accented.render(["user": "{reason}", "reason": "é{user}"]) == "café {reason}: é{user}")
    }

    @Test func bracesThatOpenNoPlaceholderAreText() {
        let template = MessageTemplate("{{user}} {a {table}")
        #expect(template.fields == ["user", "table"])
        #expect(template.render(["user": "u", "table": "t"]) == "{u} {a t")
        #expect(MessageTemplate("no fields {").render([:]) == "no fields {")
        #expect(MessageTemplate("{}").fields == [""])
    }
}
