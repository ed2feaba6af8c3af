/// A finding's stable identity: a hash of its rule, its entities (user, request, generation) and
/// its evidence steps — the evidence lines' messages with variable parts masked
/// (``EvidenceMask``). Line numbers, trace ids and times are left out, so a finding keeps its
/// fingerprint when unrelated lines are added to or removed from the log. Baselines and SARIF
/// `partialFingerprints` use it.
public enum FindingFingerprint {
    /// The version prefix; bump it when the recipe changes.
    public static let version = "v1"

    /// The fingerprint of `finding`, whose evidence is `evidence`.
    public static func compute(_ finding: Finding, evidence: [Trace.EvidenceLine]) -> String {
        var source = "\(version)\u{1F}\(finding.rule)"
        source += "\u{1F}user=\(finding.user ?? "")\u{1F}request=\(finding.request ?? "")"
        source += "\u{1F}generation=\(finding.generation ?? "")"
        for line in evidence { source += "\u{1F}" + EvidenceMask.mask(line.message) }
        let bytes = Array(source.utf8)
        return version + ":" + hex(fnv1a(bytes, basis: 0xcbf2_9ce4_8422_2325))
            + hex(fnv1a(bytes, basis: 0x8422_2325_cbf2_9ce4))
    }

    /// The steps a fingerprint is made of, readable (for baselines and debugging).
    public static func maskedSteps(_ evidence: [Trace.EvidenceLine]) -> [String] {
        evidence.map { EvidenceMask.mask($0.message) }
    }

    private static func fnv1a(_ bytes: [UInt8], basis: UInt64) -> UInt64 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
