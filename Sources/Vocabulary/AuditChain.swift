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

/// The two hashes of RFC 6962 §2.1 (Certificate Transparency's Merkle tree): a leaf is SHA-256(0x00 || input),
/// an inner node SHA-256(0x01 || left || right). The prefixes keep a leaf from passing for a node. The tree
/// over the audit trail (`AuditChain.leafHash(eventHash:)`, the Audit target's `MerkleTree`) uses them.
public enum MerkleHashing {
    /// The root of the empty tree: SHA-256 of nothing.
    public static var emptyRoot: [UInt8] { Array(SHA256.hash(data: [UInt8]())) }

    public static func leafHash<Bytes: Sequence>(_ input: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(data: [0x00])
        hasher.update(data: Array(input))
        return Array(hasher.finalize())
    }

    public static func nodeHash(_ left: [UInt8], _ right: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(data: [0x01])
        hasher.update(data: left)
        hasher.update(data: right)
        return Array(hasher.finalize())
    }
}

extension AuditChain {
    /// An event's leaf in the Merkle tree beside the chain: the leaf input is the 32 bytes of the event's chain
    /// hash (which covers every field and the hash before it). A stored hash that is not 64 hex digits (written
    /// by someone else) is taken as its UTF-8 bytes, so it still gets a leaf, just not the one Mailroom wrote.
    public static func leafHash(eventHash: String) -> [UInt8] {
        MerkleHashing.leafHash(hexBytes(eventHash) ?? Array(eventHash.utf8))
    }

    /// The bytes of lower- or upper-case hex; nil for anything else (odd length, other characters).
    public static func hexBytes(_ hex: String) -> [UInt8]? {
        let digits = Array(hex.utf8)
        guard digits.count % 2 == 0 else { return nil }
        func value(_ c: UInt8) -> UInt8? {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(digits.count / 2)
        var i = 0
        while i < digits.count {
            guard let high = value(digits[i]), let low = value(digits[i + 1]) else { return nil }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }

    /// Lower-case hex of bytes.
    public static func hex(_ bytes: [UInt8]) -> String { hexString(bytes) }
}
