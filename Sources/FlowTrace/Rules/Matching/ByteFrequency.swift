/// How common each byte is in log text, to choose which byte of a literal to look for with `memchr` first:
/// the rarer the byte, the fewer false starts. An estimate (ripgrep uses the same idea with a measured
/// table); it only affects speed, never which lines pass.
enum ByteFrequency {
    /// Lower-case letters from the most to the least frequent in English text.
    private static let lettersByFrequency = Array("etaoinsrhldcumfpgwybvkxjqz".utf8)

    /// A score from 0 (never seen) to 255 (everywhere); higher is more common.
    static func rank(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: " "):
            return 255
        case UInt8(ascii: "a")...UInt8(ascii: "z"):
            let order = lettersByFrequency.firstIndex(of: byte) ?? lettersByFrequency.count
            return 240 - 6 * order
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            // Timestamps, ids and durations fill log lines with digits.
            return 220
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
            let order = lettersByFrequency.firstIndex(of: byte | 0x20) ?? lettersByFrequency.count
            return 150 - 3 * order
        case UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "_"):
            return 200
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ","), UInt8(ascii: "="):
            return 180
        case UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "{"),
            UInt8(ascii: "}"):
            return 160
        case 0x21...0x7E:
            return 100
        case 0x80...0xFF:
            // Continuation and lead bytes of emoji and accented text: common in these logs, but each value
            // less so than a letter.
            return 90
        default:
            return 20
        }
    }
}
