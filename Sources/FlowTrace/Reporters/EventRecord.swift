/// One parsed line as a JSON object (`flowtrace parse`): every field the parser extracted,
/// with log text redacted.
public enum EventRecord {
    /// Fields whose values flowtrace writes itself (names, times, numbers): printed as they are.
    /// Every other field is log text (message, path, logger, tags, entities) and is redacted: a
    /// query string's token or a JWT used as an id is as secret there as in the message.
    static let generatedFields: Set<FormatSample.Field> = [
        .layout, .kind, .level, .time, .status, .operation, .client, .method, .httpStatus, .duration,
        .amount, .balance, .rows, .flags,
    ]

    public static func json(_ event: Event, text: UnsafeRawBufferPointer, file: String) -> String {
        var record = JSONText()
        record.add("file", file)
        record.add("line", event.lineNumber)
        record.add("byte_offset", Int(event.byteOffset))
        for field in FormatSample.Field.allCases {
            let value = FormatSample.render(field, of: event, text: text)
            guard !value.isEmpty, value != "none" || field == .layout else { continue }
            record.add(field.rawValue, generatedFields.contains(field) ? value : SecretRedactor.redact(value))
        }
        return record.closed()
    }
}
