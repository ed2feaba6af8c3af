/// One parsed line as a JSON object (`flowtrace parse`): every field the parser extracted,
/// with log text redacted.
public enum EventRecord {
    public static func json(_ event: Event, text: UnsafeRawBufferPointer, file: String) -> String {
        var record = JSONText()
        record.add("file", file)
        record.add("line", event.lineNumber)
        record.add("byte_offset", Int(event.byteOffset))
        for field in FormatSample.Field.allCases {
            let value = FormatSample.render(field, of: event, text: text)
            guard !value.isEmpty, value != "none" || field == .layout else { continue }
            record.add(field.rawValue, field == .message ? SecretRedactor.redact(value) : value)
        }
        return record.closed()
    }
}
