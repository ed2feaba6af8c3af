import FlowTrace
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// XML escaping: whatever a log line holds, the document parses and gives the text back (control
/// characters XML cannot carry come back as visible escapes).
@Suite struct XMLTextTests {
    @Test(arguments: [
        "plain",
        "<script>alert(\"x\")</script> & 'q'",
        "]]> </testcase> <![CDATA[ x ]]>",
        "tab\tline\nbreak\r\nend",
        "emoji 🔓 and ğŸ” mojibake",
    ])
    func roundTripsThroughAParser(_ text: String) throws {
        let xml = "<a v=\"\(XMLText.escape(text))\">\(XMLText.content(text))</a>"
        let document = try XMLDocument(xmlString: xml, options: [])
        let root = try #require(document.rootElement())
        #expect(root.attribute(forName: "v")?.stringValue == text)
        #expect(root.stringValue == text)
    }

    @Test func controlCharactersBecomeVisible() throws {
        let text = "a\u{01}b\u{1b}[31mc\u{0}d\u{FFFE}"
        let xml = "<a v=\"\(XMLText.escape(text))\">\(XMLText.content(text))</a>"
        let root = try #require(try XMLDocument(xmlString: xml, options: []).rootElement())
        #expect(root.stringValue == "a\\x01b\\x1b[31mc\\x00d\\xfffe")
        #expect(root.attribute(forName: "v")?.stringValue == root.stringValue)
    }
}
