import Crypto
import Foundation

/// The hash chain of the audit trail.
///
/// An event's hash is SHA-256 over an unambiguous encoding of its fields: a version tag, then each field as
/// an 8-byte big-endian length followed by its UTF-8 bytes, in this order:
///
///     "mailroom-audit-v1", sequence (decimal), time, message id (decimal, or empty), stage, actor,
///     event type, details (canonical JSON), previous hash (hex)
///
/// Length prefixes make the encoding injective: no two different events encode to the same bytes, however
/// their fields contain separators. The first event's previous hash is `genesisHash` (64 zeros). Because
/// each event covers its predecessor's hash, editing, removing or reordering any event breaks the chain
/// from that point on.
public enum AuditChain {
    public static let genesisHash = String(repeating: "0", count: 64)
    package static let versionTag = "mailroom-audit-v1"

    public static func hash(sequence: Int64, time: String, messageID: Int64?, stage: String, actor: String,
                            eventType: String, details: String, previousHash: String) -> String {
        var hasher = SHA256()
        for field in [versionTag, String(sequence), time, messageID.map { String($0) } ?? "", stage, actor,
                      eventType, details, previousHash] {
            let bytes = Array(field.utf8)
            var length = UInt64(bytes.count).bigEndian
            withUnsafeBytes(of: &length) { hasher.update(bufferPointer: $0) }
            bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        }
        return hexString(hasher.finalize())
    }

    /// The hash the event should carry, recomputed from its other fields.
    public static func expectedHash(of event: AuditEvent) -> String {
        hash(sequence: event.sequence, time: event.time, messageID: event.messageID, stage: event.stage,
             actor: event.actor, eventType: event.eventType, details: event.details,
             previousHash: event.previousHash)
    }

    /// Builds the next event of the chain (used by the store inside its write transaction).
    public static func makeEvent(after previous: AuditHead?, time: String, draft: AuditDraft) -> AuditEvent {
        let sequence = (previous?.sequence ?? 0) + 1
        let previousHash = previous?.hash ?? genesisHash
        let details = JSONValue.canonicalJSON(draft.details)
        let hash = hash(sequence: sequence, time: time, messageID: draft.messageID, stage: draft.stage,
                        actor: draft.actor, eventType: draft.eventType, details: details,
                        previousHash: previousHash)
        return AuditEvent(sequence: sequence, time: time, messageID: draft.messageID, stage: draft.stage,
                          actor: draft.actor, eventType: draft.eventType, details: details,
                          previousHash: previousHash, hash: hash)
    }
}

/// Lower-case hex of a digest or any bytes.
private func hexString<D: Sequence>(_ bytes: D) -> String where D.Element == UInt8 {
    let digits: [UInt8] = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(64)
    for b in bytes {
        out.append(digits[Int(b >> 4)])
        out.append(digits[Int(b & 0x0F)])
    }
    return String(decoding: out, as: UTF8.self)
}
