/// A read or decompression failure found on the reader thread.
///
/// The reader thread knows the byte offset but not how many lines the consumer has delivered, so
/// it reports this and the consumer turns it into a ``FlowTraceError`` once every line decoded
/// before the failure has been delivered.
struct InputFailure: Error, Sendable, Equatable {
    var code: FlowTraceError.Code
    var message: String
    /// Offset in the raw (for gzip: compressed) input where the failure was found.
    var byteOffset: Int64

    /// The user-facing error, located at `file` after `linesDelivered` lines (no line when none
    /// was read: the byte offset alone says where).
    func error(file: String, linesDelivered: Int) -> FlowTraceError {
        let read = linesDelivered > 0 ? "the lines before this point were read" : "no line could be read"
        return FlowTraceError(
            code,
            message,
            at: FlowTraceError.Location(file: file, line: linesDelivered, byteOffset: byteOffset),
            hint: code == .corruptCompressedInput ? "\(read); check the file with `gzip -t`" : nil
        )
    }
}

extension InputFailure {
    /// Gzip data that zlib or the gzip framing rejects, for `reason` (zlib's wording).
    static func corruptGzip(_ reason: String, at byteOffset: Int64) -> InputFailure {
        InputFailure(code: .corruptCompressedInput, message: "corrupt gzip data: \(reason)", byteOffset: byteOffset)
    }
}
