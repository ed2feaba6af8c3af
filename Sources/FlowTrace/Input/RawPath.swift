#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File names that are not valid UTF-8, carried in a `String` without losing a byte.
///
/// On Linux a file name is any bytes, but Swift repairs the invalid bytes of
/// `CommandLine.arguments` to U+FFFD, so such a file could not be opened. ``arguments()`` reads
/// the raw `argv` instead and maps each byte of an invalid sequence to one of the last 128 code
/// points of Supplementary Private Use Area-B (U+10FF80 + byte − 0x80). A name's own scalars in
/// that range are mapped byte by byte as well, so the mapping is reversible for every name:
/// ``withCString(_:_:)`` opens the file by its original bytes, and ``display(_:)`` shows the
/// bytes as `\xNN` in reports and errors.
public enum RawPath {
    /// A byte `b` (0x80…0xFF) is carried as the scalar `base + b`.
    private static let base: UInt32 = 0x10FF00
    /// The UTF-8 lead byte of every scalar from U+100000 up: a string without it carries no byte.
    private static let planeSixteenLead: UInt8 = 0xF4

    /// The command line's arguments after the program name, each losslessly decoded.
    public static func arguments() -> [String] {
        (1..<Int(CommandLine.argc)).map { index in
            guard let pointer = CommandLine.unsafeArgv[index] else { return "" }
            return string(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
        }
    }

    /// The bytes of a file name as a string: valid UTF-8 as it is, every other byte carried.
    public static func string(_ bytes: UnsafeRawBufferPointer) -> String {
        if !bytes.contains(planeSixteenLead), let text = String(validating: bytes, as: UTF8.self) { return text }
        var scalars = String.UnicodeScalarView()
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var position = 0
        func carry(_ count: Int) {
            for byte in bytes[position..<(position + count)] { scalars.append(Unicode.Scalar(base + UInt32(byte))!) }
        }
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if scalar.value >= base + 0x80 { carry(encoded.count) } else { scalars.append(scalar) }
                position += encoded.count
            case .error(let length):
                carry(length)
                position += length
            case .emptyInput:
                return String(scalars)
            }
        }
    }

    /// The file system's bytes of `path`: carried bytes restored.
    public static func bytes(_ path: String) -> [UInt8] {
        guard path.utf8.contains(planeSixteenLead) else { return Array(path.utf8) }
        var bytes: [UInt8] = []
        for scalar in path.unicodeScalars {
            if let byte = carried(scalar) { bytes.append(byte) } else { bytes.append(contentsOf: String(scalar).utf8) }
        }
        return bytes
    }

    /// Calls `body` with `path` as the NUL-terminated bytes the file system knows it by.
    public static func withCString<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        guard path.utf8.contains(planeSixteenLead) else { return try path.withCString(body) }
        let bytes = bytes(path).map { CChar(bitPattern: $0) } + [0]
        return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// `path` as it may be shown: each carried byte written `\xNN`.
    public static func display(_ path: String) -> String {
        guard path.utf8.contains(planeSixteenLead) else { return path }
        var text = ""
        for scalar in path.unicodeScalars {
            if let byte = carried(scalar) {
                text += "\\x" + String(byte, radix: 16)
            } else {
                text.unicodeScalars.append(scalar)
            }
        }
        return text
    }

    private static func carried(_ scalar: Unicode.Scalar) -> UInt8? {
        scalar.value >= base + 0x80 ? UInt8(scalar.value - base) : nil
    }
}
