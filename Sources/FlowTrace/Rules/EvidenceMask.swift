/// Masks the variable parts of a log message — UUIDs and other ids, numbers, dates and times,
/// durations, quoted strings — so that two lines saying the same thing about other values read
/// the same: `User 22cb3917-… has 1200 credits` becomes `User <id> has <num> credits`. The spans
/// are ``StepMasker``'s, the same the diff's step templates use. Used by finding fingerprints,
/// which must survive unrelated changes to a log.
public enum EvidenceMask {
    /// `message` with every variable part replaced by its kind's placeholder.
    public static func mask(_ message: String) -> String {
        var bytes = Array(message.utf8)
        return bytes.withUnsafeMutableBytes { buffer in
            let text = UnsafeRawBufferPointer(buffer)
            var spans: [MaskedSpan] = []
            StepMasker.spans(in: text, into: &spans)
            var output: [UInt8] = []
            output.reserveCapacity(text.count)
            var position = 0
            for span in spans {
                output.append(contentsOf: text[position..<span.start])
                output.append(contentsOf: span.kind.placeholder.utf8)
                position = span.end
            }
            output.append(contentsOf: text[position...])
            return String(decoding: output, as: UTF8.self)
        }
    }
}
