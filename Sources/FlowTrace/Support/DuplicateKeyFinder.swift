#if canImport(CYaml)
import CYaml
#endif

/// Finds where a YAML text repeats a key of one mapping. Yams refuses such a text while it builds
/// the node tree and names only the key's first occurrence, so there is no tree to walk: this
/// reads libyaml's events (through the C module Yams is built on) to find the repetition itself.
enum DuplicateKeyFinder {
    /// A key written twice in one mapping: its text and both places (1-based line and column).
    struct Duplicate: Equatable {
        var key: String
        var first: (line: Int, column: Int)
        var repeated: (line: Int, column: Int)

        static func == (lhs: Duplicate, rhs: Duplicate) -> Bool {
            lhs.key == rhs.key && lhs.first == rhs.first && lhs.repeated == rhs.repeated
        }
    }

    /// The first key of `yaml` (in reading order of its second occurrence) that one mapping
    /// holds twice, among `keys` when given; nil when there is none or the text does not parse.
    static func first(in yaml: String, among keys: Set<String>? = nil) -> Duplicate? {
        #if canImport(CYaml)
        var bytes = Array(yaml.utf8)
        if bytes.isEmpty { return nil }
        return bytes.withUnsafeMutableBufferPointer { buffer in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var walk = Walk(keys: keys)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return nil }
                if let duplicate = walk.step(event) { return duplicate }
            }
        }
        #else
        return nil
        #endif
    }

    #if canImport(CYaml)
    /// The open collections and, for each mapping, the keys seen so far.
    private struct Walk {
        enum Frame {
            case sequence
            case mapping(seen: [String: (line: Int, column: Int)], expectsKey: Bool)
        }

        let keys: Set<String>?
        var frames: [Frame] = []

        init(keys: Set<String>?) {
            self.keys = keys
        }

        mutating func step(_ event: yaml_event_t) -> Duplicate? {
            let place = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                return node(key: text, at: place)
            case YAML_ALIAS_EVENT:
                return node(key: nil, at: place)
            case YAML_SEQUENCE_START_EVENT:
                let duplicate = node(key: nil, at: place)
                frames.append(.sequence)
                return duplicate
            case YAML_MAPPING_START_EVENT:
                let duplicate = node(key: nil, at: place)
                frames.append(.mapping(seen: [:], expectsKey: true))
                return duplicate
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                _ = frames.popLast()
                return nil
            default:
                return nil
            }
        }

        /// A node starts at `place`; when it is a key of the open mapping, `key` is its text (nil
        /// for a key that is no scalar, which is never compared).
        private mutating func node(key: String?, at place: (line: Int, column: Int)) -> Duplicate? {
            guard case .mapping(var seen, let expectsKey) = frames.last else { return nil }
            defer { frames[frames.count - 1] = .mapping(seen: seen, expectsKey: !expectsKey) }
            guard expectsKey, let key, keys?.contains(key) ?? true else { return nil }
            if let first = seen[key] { return Duplicate(key: key, first: first, repeated: place) }
            seen[key] = place
            return nil
        }
    }
    #endif
}
