/// A JSON object under construction whose values may be nested JSON (arrays of objects), with
/// strings escaped by ``JSONText``.
struct JSONObject {
    private var text = "{"
    private var isEmpty = true

    mutating func add(_ key: String, _ value: String?) {
        addRaw(key, value.map(JSONText.quoted) ?? "null")
    }

    mutating func add(_ key: String, _ value: Int?) {
        addRaw(key, value.map(String.init) ?? "null")
    }

    /// Adds a value that is already JSON.
    mutating func addRaw(_ key: String, _ json: String) {
        if !isEmpty { text += "," }
        isEmpty = false
        text += JSONText.quoted(key) + ":" + json
    }

    var closed: String { text + "}" }
}
