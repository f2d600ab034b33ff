import Crypto
import Foundation
import Vocabulary

/// A checkpoint of the audit trail's Merkle tree, in the text form of C2SP tlog-checkpoint:
///
///     <origin>\n<size>\n<base64 root hash>\n
///
/// signed as a C2SP signed note (`SignedNote`) by the store's signing key (`AuditSigningKey`). The origin
/// names the log (it is the signing key's name); size is the number of events; the root is MTH over their
/// leaves (`MerkleTree`).
public struct AuditCheckpoint: Sendable, Equatable {
    public var origin: String
    public var size: UInt64
    public var root: [UInt8]

    public init(origin: String, size: UInt64, root: [UInt8]) {
        self.origin = origin
        self.size = size
        self.root = root
    }

    /// The note text that is signed.
    public var body: String { "\(origin)\n\(size)\n\(Data(root).base64EncodedString())\n" }

    /// Reads a checkpoint body. Lines after the third (C2SP extension lines) are allowed and ignored.
    public init?(body: String) {
        guard body.hasSuffix("\n") else { return nil }
        let lines = body.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, !lines[0].isEmpty, let size = UInt64(lines[1]), String(size) == lines[1],
              let root = Data(base64Encoded: String(lines[2])), root.count == 32 else { return nil }
        self.init(origin: String(lines[0]), size: size, root: Array(root))
    }

    /// "size 1234, root 3q2+7w…": for messages.
    public var summary: String {
        "size \(size), root \(Data(root).base64EncodedString())"
    }
}

/// A C2SP signed note: a text ending in a newline, a blank line, then one line per signature,
/// `— <key name> <base64(key hash ‖ signature)>`.
public struct SignedNote: Sendable, Equatable {
    public struct Signature: Sendable, Equatable {
        public var name: String
        public var keyHash: UInt32
        public var signature: [UInt8]
    }

    public var text: String
    public var signatures: [Signature]

    public init(text: String, signatures: [Signature]) {
        self.text = text
        self.signatures = signatures
    }

    /// The note as written to a file.
    public var serialized: String {
        text + "\n" + signatures.map { s in
            var blob = withUnsafeBytes(of: s.keyHash.bigEndian) { Array($0) }
            blob += s.signature
            return "\u{2014} \(s.name) \(Data(blob).base64EncodedString())\n"
        }.joined()
    }

    /// Reads a note; nil when it is not one (no blank line before the signatures, a malformed signature line).
    public init?(_ note: String) {
        guard note.hasSuffix("\n"), let split = note.range(of: "\n\n", options: .backwards) else { return nil }
        let text = String(note[..<split.lowerBound]) + "\n"
        let signatureBlock = note[split.upperBound...]
        guard !signatureBlock.isEmpty else { return nil }
        var signatures: [Signature] = []
        for line in signatureBlock.dropLast().split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("\u{2014} ") else { return nil }
            let parts = line.dropFirst(2).split(separator: " ", omittingEmptySubsequences: false)
            guard parts.count == 2, AuditSigningKey.isValidName(String(parts[0])),
                  let blob = Data(base64Encoded: String(parts[1])), blob.count > 4 else { return nil }
            let bytes = Array(blob)
            let hash = bytes[0..<4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            signatures.append(Signature(name: String(parts[0]), keyHash: hash, signature: Array(bytes[4...])))
        }
        self.init(text: text, signatures: signatures)
    }
}

/// Why a checkpoint was not accepted.
public struct CheckpointProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The public half of the signing key, as C2SP writes a verifier key: `<name>+<hex key hash>+<base64(0x01 ‖ key)>`.
public struct AuditVerifierKey: Sendable, Equatable {
    public var name: String
    public var publicKey: [UInt8]

    public init(name: String, publicKey: [UInt8]) {
        self.name = name
        self.publicKey = publicKey
    }

    /// The first four bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key), big-endian (C2SP signed-note, Ed25519).
    public var keyHash: UInt32 { AuditSigningKey.keyHash(name: name, publicKey: publicKey) }

    public var encoded: String {
        name + "+" + String(format: "%08x", keyHash) + "+" + Data([0x01] + publicKey).base64EncodedString()
    }

    /// Reads `<name>+<hex key hash>+<base64(0x01 ‖ key)>`; nil when malformed or the hash does not match.
    public init?(encoded: String) {
        // The base64 key may hold '+' itself: split off the name and the hash only.
        let parts = encoded.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "+", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, AuditSigningKey.isValidName(String(parts[0])), parts[1].count == 8,
              let hash = UInt32(parts[1], radix: 16), let blob = Data(base64Encoded: String(parts[2])),
              blob.count == 33, blob.first == 0x01 else { return nil }
        self.init(name: String(parts[0]), publicKey: Array(blob.dropFirst()))
        guard keyHash == hash else { return nil }
    }

    /// The checkpoint a signed note carries, when this key signed it.
    public func verify(note: String) throws(CheckpointProblem) -> AuditCheckpoint {
        guard let signed = SignedNote(note) else {
            throw CheckpointProblem("not a signed note (a checkpoint, a blank line, then signature lines starting with \u{2014})")
        }
        guard let signature = signed.signatures.first(where: { $0.name == name && $0.keyHash == keyHash }) else {
            let names = signed.signatures.map(\.name).joined(separator: ", ")
            throw CheckpointProblem("the checkpoint is not signed by the key \(name) (signed by: \(names.isEmpty ? "nobody" : names))")
        }
        guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: publicKey),
              key.isValidSignature(signature.signature, for: Array(signed.text.utf8)) else {
            throw CheckpointProblem("the signature of \(name) on the checkpoint is not valid: the checkpoint was altered or signed by another key")
        }
        guard let checkpoint = AuditCheckpoint(body: signed.text) else {
            throw CheckpointProblem("the signed text is not a checkpoint (origin, size, base64 root hash)")
        }
        guard checkpoint.origin == name else {
            throw CheckpointProblem("the checkpoint's origin \(checkpoint.origin) is not the log of the key \(name)")
        }
        return checkpoint
    }
}

/// The Ed25519 key that signs checkpoints. Its name is the log's origin. Stored as Go's note package writes a
/// signer key: `PRIVATE+KEY+<name>+<hex key hash>+<base64(0x01 ‖ 32-byte seed)>`.
public struct AuditSigningKey: Sendable {
    public let name: String
    /// The 32-byte Ed25519 seed (the key type itself is not Sendable).
    private let seed: [UInt8]
    private var key: Curve25519.Signing.PrivateKey { try! Curve25519.Signing.PrivateKey(rawRepresentation: seed) }

    public init(name: String, key: Curve25519.Signing.PrivateKey = Curve25519.Signing.PrivateKey()) {
        precondition(Self.isValidName(name), "a key name is non-empty, without spaces or '+'")
        self.name = name
        self.seed = Array(key.rawRepresentation)
    }

    public var verifier: AuditVerifierKey {
        AuditVerifierKey(name: name, publicKey: Array(key.publicKey.rawRepresentation))
    }

    public var encoded: String {
        "PRIVATE+KEY+" + name + "+" + String(format: "%08x", verifier.keyHash) + "+"
            + Data([0x01] + Array(key.rawRepresentation)).base64EncodedString()
    }

    public init?(encoded: String) {
        let parts = encoded.trimmingCharacters(in: .whitespacesAndNewlines)
            .split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0] == "PRIVATE", parts[1] == "KEY", Self.isValidName(String(parts[2])),
              let hash = UInt32(parts[3], radix: 16), let blob = Data(base64Encoded: String(parts[4])),
              blob.count == 33, blob.first == 0x01,
              let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: blob.dropFirst()) else { return nil }
        self.init(name: String(parts[2]), key: key)
        guard verifier.keyHash == hash else { return nil }
    }

    /// The checkpoint as a signed note.
    public func sign(_ checkpoint: AuditCheckpoint) throws -> String {
        precondition(checkpoint.origin == name, "a checkpoint is signed by the key of its log")
        let signature = try key.signature(for: Array(checkpoint.body.utf8))
        return SignedNote(text: checkpoint.body, signatures: [
            .init(name: name, keyHash: verifier.keyHash, signature: Array(signature)),
        ]).serialized
    }

    static func keyHash(name: String, publicKey: [UInt8]) -> UInt32 {
        var hasher = SHA256()
        hasher.update(data: Array((name + "\n").utf8) + [0x01] + publicKey)
        return Array(hasher.finalize()).prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// Key names (origins): printable ASCII without spaces and without '+'.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "+") }
    }
}
