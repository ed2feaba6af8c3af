/// An entity's text as its line wrote it (a user id, a request id), kept for reports. Ids of up to
/// ``inlineCapacity`` bytes (UUIDs are 36) are stored in the value itself, so that learning a
/// trace's entities neither allocates nor validates UTF-8 on the correlating thread; the String
/// is made when a report asks for it.
struct EntityText {
    static let inlineCapacity = 40

    private enum Storage {
        case inline((UInt64, UInt64, UInt64, UInt64, UInt64), count: UInt8)
        case string(String)
    }

    private let storage: Storage

    /// Copies `bytes`.
    init(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count <= EntityText.inlineCapacity else {
            storage = .string(String(decoding: bytes, as: UTF8.self))
            return
        }
        var words: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &words) { words in
            if let base = bytes.baseAddress { words.baseAddress!.copyMemory(from: base, byteCount: bytes.count) }
        }
        storage = .inline(words, count: UInt8(bytes.count))
    }

    /// The text (invalid UTF-8 repaired with U+FFFD, as ``TextRange/string(in:)`` does).
    var string: String {
        switch storage {
        case .string(let string):
            return string
        case .inline(var words, let count):
            return withUnsafeBytes(of: &words) { words in
                String(decoding: UnsafeRawBufferPointer(rebasing: words[..<Int(count)]), as: UTF8.self)
            }
        }
    }
}
