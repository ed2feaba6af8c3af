/// How common each byte is in log text, to choose which byte of a literal to look for with `memchr` first:
/// the rarer the byte, the fewer false starts. It only affects speed, never which lines pass.
enum ByteFrequency {
    /// The rank of each byte by how often it occurs, from 0 (rarest) to 255 (most common: space), measured
    /// on 8 MB of `Benchmarks/generate.py` output (`--size 4M --format mixed --seed 1` and
    /// `--size 4M --format basic --seed 3`), as ripgrep does with its own corpus. Bytes never seen keep
    /// their numeric order below every byte seen. Hex digits rank high: ids are everywhere.
    private static let ranks: [UInt8] = [
        145, 144, 143, 142, 141, 140, 139, 138, 137, 136, 212, 135, 134, 133, 132, 131,  // 0x00
        130, 129, 128, 127, 126, 125, 124, 123, 122, 121, 120, 119, 118, 117, 116, 115,  // 0x10
        255, 114, 246, 113, 112, 111, 172, 163, 160, 159, 171, 156, 226, 252, 221, 220,  // 0x20
        253, 235, 248, 231, 237, 240, 228, 238, 241, 229, 243, 110, 109, 181, 108, 175,  // 0x30
        107, 217, 200, 202, 206, 230, 210, 204, 196, 223, 173, 179, 184, 106, 216, 222,  // 0x40
        203, 146, 213, 218, 227, 207, 191, 174, 169, 105, 185, 209, 194, 208, 104, 214,  // 0x50
        149, 249, 234, 242, 244, 254, 232, 224, 201, 245, 150, 178, 225, 211, 233, 239,  // 0x60
        219, 199, 250, 251, 247, 236, 215, 192, 195, 205, 180, 187, 103, 186, 102, 101,  // 0x70
        164, 100, 99, 98, 97, 189, 148, 96, 95, 94, 93, 92, 158, 183, 162, 154,  // 0x80
        170, 182, 177, 155, 193, 147, 91, 90, 89, 88, 167, 87, 188, 157, 86, 198,  // 0x90
        153, 85, 84, 83, 168, 82, 81, 166, 161, 80, 79, 78, 77, 76, 75, 74,  // 0xA0
        73, 72, 71, 176, 70, 69, 68, 67, 152, 66, 65, 64, 63, 62, 165, 61,  // 0xB0
        60, 59, 58, 57, 56, 55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 45,  // 0xC0
        44, 43, 42, 41, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29,  // 0xD0
        28, 27, 190, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16, 15, 151,  // 0xE0
        197, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0,  // 0xF0
    ]

    /// A score from 0 (rarest) to 255 (most common).
    static func rank(_ byte: UInt8) -> Int {
        Int(ranks[Int(byte)])
    }
}
