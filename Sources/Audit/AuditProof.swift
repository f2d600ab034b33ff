import Foundation
import Vocabulary

/// What an auditor is handed instead of the whole trail: one message's events with their inclusion proofs
/// against a signed checkpoint (`audit prove`), and/or a consistency proof that the log of an older checkpoint
/// is a prefix of the checkpoint's log (`audit consistency`). One JSON object:
///
///     {"format": "mailroom-audit-proof/1",
///      "checkpoint": "<signed note>",
///      "events": [{"sequence", "time", "message_id", "stage", "actor", "event_type", "details" (the exact
///                  string the chain hashed), "previous_hash", "hash", "leaf_index", "inclusion_proof": [base64…]}],
///      "consistency": {"old_size", "old_root" (base64), "old_checkpoint" (signed note or null), "proof": [base64…]}}
///
/// `AuditProofCheck` checks one with nothing but the public key.
public enum AuditProof {
    public static let format = "mailroom-audit-proof/1"

    /// The events of `messageID` up to the checkpoint's size, each with its inclusion proof.
    public static func prove(messageID: Int64, store: any AuditLogStore, checkpointNote: String,
                             key: AuditVerifierKey) throws -> String {
        let checkpoint = try key.verify(note: checkpointNote)
        let tree = try checkpointTree(store: store, checkpoint: checkpoint)
        let events = try store.auditEvents(matching: AuditFilter(messageID: messageID))
            .filter { $0.sequence >= 1 && UInt64($0.sequence) <= checkpoint.size }
        let proved: [JSONValue] = events.map { event in
            var object = eventObject(event)
            let index = Int(event.sequence - 1)
            object["leaf_index"] = .int(Int64(index))
            object["inclusion_proof"] = base64Array(tree.inclusionProof(index: index, size: tree.count))
            return .object(object)
        }
        return JSONValue.object(["format": .string(format), "checkpoint": .string(checkpointNote),
                                 "events": .array(proved)]).canonicalJSON + "\n"
    }

    /// A consistency proof from the tree of `oldSize` to the checkpoint's tree. The old root is the logged
    /// checkpoint's of that size when there is one (checked against the tree), else the tree's own.
    public static func consistency(oldSize: UInt64, store: any AuditLogStore, checkpointNote: String,
                                   key: AuditVerifierKey, anchor: AuditAnchor) throws -> String {
        let checkpoint = try key.verify(note: checkpointNote)
        guard oldSize <= checkpoint.size else {
            throw CheckpointProblem("the old size \(oldSize) is larger than the checkpoint's size \(checkpoint.size)")
        }
        let tree = try checkpointTree(store: store, checkpoint: checkpoint)
        let oldRoot = tree.root(size: Int(oldSize))
        var oldNote: JSONValue = .null
        if let logged = anchor.loggedCheckpoint(size: oldSize, key: key) {
            guard logged.checkpoint.root == oldRoot else {
                throw CheckpointProblem("the first \(oldSize) event(s) no longer have the root of the checkpoint "
                    + "logged for that size (\(logged.checkpoint.summary)): the trail was rewritten")
            }
            oldNote = .string(logged.note)
        }
        let proof = tree.consistencyProof(oldSize: Int(oldSize), size: tree.count)
        return JSONValue.object([
            "format": .string(format), "checkpoint": .string(checkpointNote), "events": .array([]),
            "consistency": .object(["old_size": .int(Int64(oldSize)), "old_root": .string(Data(oldRoot).base64EncodedString()),
                                    "old_checkpoint": oldNote, "proof": base64Array(proof)]),
        ]).canonicalJSON + "\n"
    }

    /// The checkpoint's tree from the stored leaves; throws when they do not have its root.
    private static func checkpointTree(store: any AuditLogStore, checkpoint: AuditCheckpoint) throws -> MerkleTreeLevels {
        let leaves = try store.auditLeafHashes(count: Int64(checkpoint.size))
        guard UInt64(leaves.count) == checkpoint.size else {
            throw CheckpointProblem("the audit trail holds \(leaves.count) event(s), fewer than the checkpoint's "
                + "\(checkpoint.size): events were removed")
        }
        let tree = MerkleTreeLevels(leaves: leaves)
        guard tree.root(size: tree.count) == checkpoint.root else {
            throw CheckpointProblem("the audit trail's first \(checkpoint.size) event(s) no longer have the "
                + "checkpoint's root (\(checkpoint.summary)): the trail was rewritten; `audit verify` names where")
        }
        return tree
    }

    private static func eventObject(_ e: AuditEvent) -> [String: JSONValue] {
        ["sequence": .int(e.sequence), "time": .string(e.time), "message_id": e.messageID.map(JSONValue.int) ?? .null,
         "stage": .string(e.stage), "actor": .string(e.actor), "event_type": .string(e.eventType),
         "details": .string(e.details), "previous_hash": .string(e.previousHash), "hash": .string(e.hash)]
    }

    private static func base64Array(_ hashes: [[UInt8]]) -> JSONValue {
        .array(hashes.map { .string(Data($0).base64EncodedString()) })
    }
}

/// The standalone checker of proof bundles (`mailroom audit check-proof`): needs only the bundle, the public key
/// and a state file of the checkpoints it has seen. Refuses two different roots for one size — a log that was
/// rewritten shows a second history — and only advances its state when a newer checkpoint is proven to extend
/// the one seen before.
public enum AuditProofCheck {
    public struct Outcome: Sendable {
        /// What was verified, one line each.
        public var verified: [String] = []
        /// What could not be verified (the check failed when not empty).
        public var failures: [String] = []
        /// Notes that do not fail the check (the state was not advanced, and why).
        public var notes: [String] = []
        public var checkpoint: AuditCheckpoint?
        public var ok: Bool { failures.isEmpty }
    }

    public static func check(bundle text: String, key: AuditVerifierKey, statePath: String?) -> Outcome {
        var outcome = Outcome()
        guard let bundle = try? JSONValue(parsing: text), bundle["format"]?.stringValue == AuditProof.format,
              let note = bundle["checkpoint"]?.stringValue else {
            outcome.failures.append("not a Mailroom audit proof (\(AuditProof.format))")
            return outcome
        }
        let checkpoint: AuditCheckpoint
        do {
            checkpoint = try key.verify(note: note)
        } catch {
            outcome.failures.append("checkpoint: \(error)")
            return outcome
        }
        outcome.checkpoint = checkpoint
        outcome.verified.append("checkpoint signed by \(key.name): \(checkpoint.summary)")

        for event in bundle["events"]?.arrayValue ?? [] {
            checkEvent(event, checkpoint: checkpoint, into: &outcome)
        }

        var proven: (oldSize: UInt64, oldRoot: [UInt8])?
        if let c = bundle["consistency"], c != .null {
            if let p = checkConsistency(c, checkpoint: checkpoint, key: key, into: &outcome) { proven = p }
        }

        if let statePath { checkState(statePath, note: note, checkpoint: checkpoint, proven: proven, key: key, into: &outcome) }
        return outcome
    }

    private static func checkEvent(_ e: JSONValue, checkpoint: AuditCheckpoint, into outcome: inout Outcome) {
        guard let sequence = e["sequence"]?.intValue, sequence >= 1, let time = e["time"]?.stringValue,
              let stage = e["stage"]?.stringValue, let actor = e["actor"]?.stringValue,
              let type = e["event_type"]?.stringValue, let details = e["details"]?.stringValue,
              let previous = e["previous_hash"]?.stringValue, let hash = e["hash"]?.stringValue,
              let proof = e["inclusion_proof"]?.arrayValue?.compactMap({ $0.stringValue.flatMap { Data(base64Encoded: $0) }.map(Array.init) })
        else {
            outcome.failures.append("an event of the proof is incomplete")
            return
        }
        let messageID = e["message_id"]?.intValue
        let recomputed = AuditChain.hash(sequence: sequence, time: time, messageID: messageID, stage: stage, actor: actor,
                                         eventType: type, details: details, previousHash: previous)
        guard recomputed == hash else {
            outcome.failures.append("event \(sequence): its fields do not hash to its hash: altered")
            return
        }
        let leaf = AuditChain.leafHash(eventHash: hash)
        if MerkleTree.verifyInclusion(index: UInt64(sequence - 1), size: checkpoint.size, leafHash: leaf, proof: proof,
                                      root: checkpoint.root) {
            outcome.verified.append("event \(sequence) (\(stage) \(type)) is in the log at size \(checkpoint.size)")
        } else {
            outcome.failures.append("event \(sequence): its inclusion proof does not lead to the checkpoint's root")
        }
    }

    private static func checkConsistency(_ c: JSONValue, checkpoint: AuditCheckpoint, key: AuditVerifierKey,
                                         into outcome: inout Outcome) -> (UInt64, [UInt8])? {
        guard let oldSizeValue = c["old_size"]?.intValue, oldSizeValue >= 0,
              let oldRoot = c["old_root"]?.stringValue.flatMap({ Data(base64Encoded: $0) }).map(Array.init),
              let proof = c["proof"]?.arrayValue?.compactMap({ $0.stringValue.flatMap { Data(base64Encoded: $0) }.map(Array.init) })
        else {
            outcome.failures.append("the consistency proof is incomplete")
            return nil
        }
        let oldSize = UInt64(oldSizeValue)
        if let oldNote = c["old_checkpoint"]?.stringValue {
            do {
                let old = try key.verify(note: oldNote)
                guard old.size == oldSize, old.root == oldRoot else {
                    outcome.failures.append("the old checkpoint (\(old.summary)) is not the old tree of the proof")
                    return nil
                }
            } catch {
                outcome.failures.append("old checkpoint: \(error)")
                return nil
            }
        }
        guard MerkleTree.verifyConsistency(oldSize: oldSize, newSize: checkpoint.size, oldRoot: oldRoot,
                                           newRoot: checkpoint.root, proof: proof) else {
            outcome.failures.append("the consistency proof from size \(oldSize) to \(checkpoint.size) does not hold: "
                + "the log did not only grow")
            return nil
        }
        outcome.verified.append("the log of size \(oldSize) (root \(Data(oldRoot).base64EncodedString())) only grew to size \(checkpoint.size)")
        return (oldSize, oldRoot)
    }

    /// The state: every checkpoint this checker accepted, oldest first (the checkpoint log format).
    private static func checkState(_ path: String, note: String, checkpoint: AuditCheckpoint,
                                   proven: (oldSize: UInt64, oldRoot: [UInt8])?, key: AuditVerifierKey,
                                   into outcome: inout Outcome) {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var seen: [AuditCheckpoint] = []
        for stored in AuditAnchor.splitNotes(text) {
            guard let c = try? key.verify(note: stored) else {
                outcome.failures.append("the state file \(path) holds a checkpoint that does not verify with \(key.name)")
                return
            }
            seen.append(c)
        }
        // Two roots for one size: the log that produced them forked, whichever is the true one.
        for c in seen where c.size == checkpoint.size && c.root != checkpoint.root {
            outcome.failures.append("REFUSED: the checkpoint has root \(Data(checkpoint.root).base64EncodedString()) for size "
                + "\(checkpoint.size), but the state file holds a checkpoint with root \(Data(c.root).base64EncodedString()) "
                + "for the same size: the log was rewritten")
        }
        if let proven {
            for c in seen where c.size == proven.oldSize && c.root != proven.oldRoot {
                outcome.failures.append("REFUSED: the consistency proof starts from root "
                    + "\(Data(proven.oldRoot).base64EncodedString()) at size \(proven.oldSize), but the state file holds "
                    + "root \(Data(c.root).base64EncodedString()) for that size: the log was rewritten")
            }
        }
        guard outcome.ok else { return }
        let last = seen.max { $0.size < $1.size }
        if let last, last.size == checkpoint.size {
            outcome.notes.append("the state already holds this checkpoint")
            return
        }
        if let last, last.size > checkpoint.size {
            outcome.notes.append("the state holds a newer checkpoint (size \(last.size)); kept")
            return
        }
        if let last, proven?.oldSize != last.size {
            outcome.notes.append("not advanced: nothing shows that size \(checkpoint.size) extends the checkpoint seen "
                + "before (size \(last.size)); ask for `mailroom audit consistency \(last.size) \(checkpoint.size)`")
            return
        }
        do {
            let fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
            guard fd >= 0 else { throw CheckpointProblem(String(cString: strerror(errno))) }
            defer { close(fd) }
            let bytes = Array((note + "\n").utf8)
            guard write(fd, bytes, bytes.count) == bytes.count else { throw CheckpointProblem(String(cString: strerror(errno))) }
            outcome.notes.append("state advanced to size \(checkpoint.size)")
        } catch {
            outcome.failures.append("cannot write the state file \(path): \(error)")
        }
    }
}
