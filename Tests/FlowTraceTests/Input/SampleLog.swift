/// Deterministic log-like test inputs.
enum SampleLog {
    /// `count` lines of varied lengths (empty, short, a few hundred bytes), CRLF and LF endings,
    /// some invalid UTF-8, ending with a line without `\n`.
    static func mixed(lines count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for index in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = index == count - 1 ? 10 : Int((state >> 33) % 300)
            let text = "2024-05-01T12:00:\(index % 60)Z INFO svc request_id=\(index) "
            bytes += Array(text.utf8).prefix(length)
            for filler in 0..<max(0, length - text.utf8.count) { bytes.append(UInt8(97 + (index + filler) % 26)) }
            if index % 17 == 5 { bytes += [0xFF, 0x00, 0xC3] }
            if index == count - 1 { break }
            bytes += index % 3 == 0 ? [0x0D, 0x0A] : [0x0A]
        }
        return bytes
    }

    /// `count` numbered lines: `line 1\n`, `line 2\n`, …
    static func numbered(_ count: Int, prefix: String = "line") -> [UInt8] {
        Array((1...count).map { "\(prefix) \($0)\n" }.joined().utf8)
    }
}
