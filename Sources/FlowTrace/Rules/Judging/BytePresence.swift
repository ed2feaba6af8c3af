/// Which kinds of bytes a text contains, as 64 bits: one per ASCII letter (each case apart), one
/// for digits, one for space, nine shared by the other ASCII punctuation, one for the rest. A
/// literal can occur in a text only if every bit of the literal is in the text's set, which one
/// AND tells before any search.
struct BytePresence {
    private var bits: UInt64 = 0

    /// The bit of each byte value.
    static let bitOfByte: [UInt8] = (0...255).map { byte -> UInt8 in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): UInt8(byte) - UInt8(ascii: "a")
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): UInt8(byte) - UInt8(ascii: "A") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): 52
        case UInt8(ascii: " "): 53
        case 0x21..<0x7F: 54 + UInt8(byte % 9)
        default: 63
        }
    }

    /// The bytes of `text`; `bitOfByte` is ``bitOfByte``'s storage.
    @inline(__always)
    init(of text: UnsafeRawBufferPointer, bitOfByte: UnsafePointer<UInt8>) {
        var even: UInt64 = 0
        var odd: UInt64 = 0
        var index = 0
        let count = text.count
        while index + 1 < count {
            even |= 1 &<< UInt64(bitOfByte[Int(text[index])])
            odd |= 1 &<< UInt64(bitOfByte[Int(text[index + 1])])
            index += 2
        }
        if index < count { even |= 1 &<< UInt64(bitOfByte[Int(text[index])]) }
        bits = even | odd
    }

    /// The bits of `literal`.
    init(requiredBy literal: [UInt8]) {
        self = literal.withUnsafeBytes { literal in
            BytePresence.bitOfByte.withUnsafeBufferPointer { BytePresence(of: literal, bitOfByte: $0.baseAddress!) }
        }
    }

    /// Nothing required: every text passes.
    init() {}

    /// Whether every bit of `required` is here.
    @inline(__always)
    func contains(_ required: BytePresence) -> Bool {
        required.bits & ~bits == 0
    }
}
