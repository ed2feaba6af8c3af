/// A finding's stable identity: a hash of its rule, its entities (user, request, generation) and
/// its evidence steps — the evidence lines' messages with variable parts masked
/// (``EvidenceMask``). Line numbers, trace ids and times are left out, so a finding keeps its
/// fingerprint when unrelated lines are added to or removed from the log. Baselines and SARIF
/// `partialFingerprints` use it.
public enum FindingFingerprint {
    /// The version prefix; bump it when the recipe changes.
    public static let version = "v1"

    /// The fingerprint of `finding`, whose evidence is `evidence`: two FNV-1a hashes (of two
    /// bases) of `v1␟rule␟user=…␟request=…␟generation=…␟step…`, the steps masked. Hashed as the
    /// parts come, without joining them.
    public static func compute(_ finding: Finding, evidence: [Trace.EvidenceLine]) -> String {
        var hashes = (first: UInt64(0xcbf2_9ce4_8422_2325), second: UInt64(0x8422_2325_cbf2_9ce4))
        func feed(_ bytes: some Sequence<UInt8>) {
            for byte in bytes {
                hashes.first = (hashes.first ^ UInt64(byte)) &* 0x100_0000_01b3
                hashes.second = (hashes.second ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        let separator: [UInt8] = [0x1F]
        feed(version.utf8)
        for part in [finding.rule, "user=" + (finding.user ?? ""), "request=" + (finding.request ?? ""),
                     "generation=" + (finding.generation ?? "")] {
            feed(separator)
            feed(part.utf8)
        }
        for line in evidence {
            feed(separator)
            feed(EvidenceMask.mask(line.message).utf8)
        }
        return String(unsafeUninitializedCapacity: version.utf8.count + 33) { buffer in
            var index = 0
            for byte in version.utf8 + [UInt8(ascii: ":")] {
                buffer[index] = byte
                index += 1
            }
            for value in [hashes.first, hashes.second] {
                for shift in stride(from: 60, through: 0, by: -4) {
                    buffer[index] = hexDigits[Int(value >> UInt64(shift) & 0xF)]
                    index += 1
                }
            }
            return index
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The steps a fingerprint is made of, readable (for baselines and debugging).
    public static func maskedSteps(_ evidence: [Trace.EvidenceLine]) -> [String] {
        evidence.map { EvidenceMask.mask($0.message) }
    }
}
