/// Escapes text for XML 1.0 content and attribute values. Characters XML 1.0 cannot carry at all
/// (most C0 controls, U+FFFE, U+FFFF) become a visible `\xNN` escape; markup characters become
/// character references, so `]]>` or `</testcase>` in a log line stays text. In attribute values
/// quotes and line breaks are references too, so an attribute keeps its line breaks.
public enum XMLText {
    /// `text` as an attribute value (between double quotes).
    public static func escape(_ text: String) -> String { escape(text, attribute: true) }

    /// `text` as element content: line breaks and tabs stay as they are, for people reading the file.
    public static func content(_ text: String) -> String { escape(text, attribute: false) }

    private static func escape(_ text: String, attribute: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where attribute: output += "&quot;"
            case "'" where attribute: output += "&apos;"
            case "\n" where attribute: output += "&#10;"
            case "\t" where attribute: output += "&#9;"
            case "\r": output += "&#13;"
            case "\n", "\t": output.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }
}
