import Foundation
import Vocabulary

/// One thing wrong with the audit trail.
public struct AuditProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        /// The event's fields no longer hash to its stored hash: it was edited.
        case edited
        /// The event does not point at the hash of the event before it: events were removed or reordered
        /// (or the one before was edited and its hash recomputed).
        case chainBroken = "chain-broken"
        /// Sequence numbers skip: the missing events were deleted.
        case missingEvents = "missing-events"
        /// Events at the end were removed: found by the noted head, the high-water mark, or message states.
        case truncated
        /// A message's state disagrees with the latest state the audit trail recorded for it.
        case stateMismatch = "state-mismatch"
        /// The noted head is present but with another hash: the trail was rewritten from there.
        case anchorMismatch = "anchor-mismatch"
        /// The triggers that refuse UPDATE and DELETE are gone: someone dropped them.
        case protectionRemoved = "protection-removed"
        /// The signed checkpoint's tree does not match the trail: the first events were rewritten (even when the
        /// whole chain was re-hashed to look intact), or the trail is shorter than the checkpoint.
        case checkpointMismatch = "checkpoint-mismatch"
        /// The checkpoint given cannot be trusted: not a checkpoint, or not validly signed by the key.
        case checkpointInvalid = "checkpoint-invalid"
        /// The Merkle leaf the store wrote with an event no longer matches the event (or is missing): the event
        /// or the leaves were rewritten outside Mailroom. Proofs and later checkpoints would not hold.
        case leafMismatch = "leaf-mismatch"
        /// The store could not be read.
        case unreadable
    }

    public var kind: Kind
    /// The first event concerned (for a removal: the first missing sequence number); nil when none applies.
    public var sequence: Int64?
    public var messageID: Int64?
    /// What is wrong, in words an auditor understands.
    public var message: String

    public init(kind: Kind, sequence: Int64?, messageID: Int64? = nil, message: String) {
        self.kind = kind
        self.sequence = sequence
        self.messageID = messageID
        self.message = message
    }

    public var description: String {
        (sequence.map { "event \($0): " } ?? "") + message
    }
}

/// The result of `AuditVerifier.verify`.
public struct AuditVerification: Sendable {
    /// Events read and checked in sequence order (the walk stops at the first break in the chain).
    public var eventsChecked: Int
    /// The last event of the trail as found.
    public var head: AuditHead?
    /// Every problem, ordered by sequence (problems without one last). Empty when the trail is intact.
    public var problems: [AuditProblem]
    /// The signed checkpoint the trail was checked against, when one was given and its signature holds.
    public var checkpoint: AuditCheckpoint?

    public var isIntact: Bool { problems.isEmpty }
    /// The first broken event: what `audit verify` names.
    public var firstProblem: AuditProblem? { problems.first }
}

/// Proves that the audit trail was not edited, cut short, or reordered.
///
/// 1. The chain: every event in sequence order. Sequence numbers must run 1, 2, 3, … without gaps; each
///    event's previous hash must equal the hash of the event before it (genesis: 64 zeros); each event's
///    fields must hash to its stored hash. The first failure is reported and the walk stops there.
///    Checking the link before the event's own hash names the right cause: a moved or swapped event
///    usually still hashes to itself but points at the wrong predecessor.
/// 2. The tail, which a chain alone cannot protect (cutting events off the end leaves a valid chain):
///    - an external anchor: the `(sequence, hash)` an auditor noted earlier (`any AuditStore.auditHead()`) must
///      still be in the trail with the same hash;
///    - SQLite's high-water mark for the table (AUTOINCREMENT) must not exceed the last sequence present;
///    - each message's current state must equal the "to" of its latest state event in the trail.
/// 3. The append-only triggers must still exist.
/// 4. The Merkle leaves the store wrote with the events must still be the events' leaves.
/// 5. With a signed checkpoint (`AuditCheckpoint`): its signature must hold, and the Merkle tree over the first
///    `size` events as they are now must have its root. This catches what the chain cannot: someone with write
///    access who rewrote events and re-hashed the whole chain after them cannot produce the signed root.
public enum AuditVerifier {
    public static func verify(store: any AuditStore, expectedHead: AuditHead? = nil,
                              checkpoint: (note: String, key: AuditVerifierKey)? = nil) -> AuditVerification {
        var result = AuditVerification(eventsChecked: 0, head: nil, problems: [])
        var signed: AuditCheckpoint?
        if let checkpoint {
            do {
                signed = try checkpoint.key.verify(note: checkpoint.note)
                result.checkpoint = signed
            } catch {
                result.problems.append(AuditProblem(kind: .checkpointInvalid, sequence: nil,
                                                    message: "the checkpoint cannot be trusted: \(error)"))
                return result
            }
        }
        // The Merkle tree over the events as they are now (leaf = the event's chain hash), up to the
        // checkpoint's size: a trail rewritten and re-hashed from end to end has a valid chain but another root.
        var tree = MerkleTreeBuilder()
        // The leaves the events call for, 32 bytes each, while the chain holds: compared with the stored ones.
        var eventLeaves: [UInt8] = []
        var rootAtCheckpoint: [UInt8]? = signed?.size == 0 ? tree.root : nil
        var chainProblem: AuditProblem?
        var previous: AuditEvent?
        var anchorSeen = false
        var lastSequence: Int64 = 0

        do {
            try store.forEachStoredAuditEvent { event, malformed in
                lastSequence = event.sequence
                let leaf = AuditChain.leafHash(eventHash: event.hash)
                if chainProblem == nil { eventLeaves += leaf }
                if let signed, tree.size < signed.size {
                    tree.append(leaf)
                    if tree.size == signed.size { rootAtCheckpoint = tree.root }
                }
                result.head = AuditHead(sequence: event.sequence, hash: event.hash)
                guard chainProblem == nil else { return }
                if let problem = check(event, after: previous, malformed: malformed) {
                    chainProblem = problem
                    return
                }
                if let anchor = expectedHead, anchor.sequence == event.sequence {
                    anchorSeen = true
                    if anchor.hash.lowercased() != event.hash {
                        chainProblem = AuditProblem(
                            kind: .anchorMismatch, sequence: event.sequence, messageID: event.messageID,
                            message: "the noted head \(anchor) is present with another hash (\(event.hash)): "
                                + "the trail was rewritten up to this event")
                        return
                    }
                }
                previous = event
                result.eventsChecked += 1
            }
        } catch {
            result.problems.append(AuditProblem(kind: .unreadable, sequence: nil,
                                                message: "could not read the audit trail: \(error)"))
            return result
        }

        var problems: [AuditProblem] = []
        if let chainProblem { problems.append(chainProblem) }
        if chainProblem == nil, let problem = leafProblem(store: store, eventLeaves: eventLeaves) { problems.append(problem) }
        if let signed {
            if let rootAtCheckpoint {
                if rootAtCheckpoint != signed.root {
                    problems.append(AuditProblem(
                        kind: .checkpointMismatch, sequence: nil,
                        message: "the first \(signed.size) event(s) do not have the root the signed checkpoint records "
                            + "(\(signed.summary)): events up to \(signed.size) were rewritten after it was signed, "
                            + "even if the chain looks intact"))
                }
            } else {
                problems.append(AuditProblem(
                    kind: .checkpointMismatch, sequence: Int64(tree.size) + 1,
                    message: "the signed checkpoint covers \(signed.size) event(s) but the trail holds \(tree.size): "
                        + "events \(tree.size + 1)…\(signed.size) were removed"))
            }
        }

        // When the chain broke before the anchor, the walk never got there; the break is the finding.
        if let anchor = expectedHead, !anchorSeen, chainProblem == nil {
            problems.append(AuditProblem(
                kind: .truncated, sequence: lastSequence + 1,
                message: "the noted head \(anchor) is gone: the trail ends at event \(lastSequence), so events "
                    + "\(lastSequence + 1)…\(anchor.sequence) were removed"))
        }

        do {
            let marks = try store.auditSequenceMarks()
            if let high = marks.highWater, high > (marks.maxPresent ?? 0) {
                let last = marks.maxPresent ?? 0
                problems.append(AuditProblem(
                    kind: .truncated, sequence: last + 1,
                    message: "event numbers up to \(high) were handed out but the trail ends at \(last): "
                        + "events \(last + 1)…\(high) were removed"))
            }
            for row in try store.auditStateDisagreements() {
                let recorded = row.recorded.map { "'\($0)'" } ?? "no state at all"
                let where_ = row.lastSequence.map { "its last event is \($0)" } ?? "it has no events"
                // No sequence: which events are gone cannot be known, only that the message's are.
                problems.append(AuditProblem(
                    kind: .stateMismatch, sequence: nil, messageID: row.messageID,
                    message: "message \(row.messageID) is '\(row.state)' but the audit trail records \(recorded) "
                        + "for it (\(where_)): the events of its later steps were removed, or its state was edited"))
            }
            let missing = try store.missingAuditProtections()
            if !missing.isEmpty {
                problems.append(AuditProblem(
                    kind: .protectionRemoved, sequence: nil,
                    message: "append-only protection removed: trigger(s) \(missing.joined(separator: ", ")) were "
                        + "dropped from the store file by someone with file access"))
            }
        } catch {
            problems.append(AuditProblem(kind: .unreadable, sequence: nil,
                                         message: "could not cross-check the audit trail: \(error)"))
        }

        // Stable: problems at the same sequence keep the order above (chain, anchor, high-water, states).
        result.problems = problems.enumerated().sorted { a, b in
            let sa = a.element.sequence ?? .max, sb = b.element.sequence ?? .max
            return sa != sb ? sa < sb : a.offset < b.offset
        }.map(\.element)
        return result
    }

    /// The first stored leaf that differs from its event's (only the events present are compared: a cut-off
    /// tail is reported by the checks of the tail).
    static func leafProblem(store: any AuditStore, eventLeaves: [UInt8]) -> AuditProblem? {
        let count = eventLeaves.count / 32
        var index = 0
        var mismatch: Int?
        do {
            try store.forEachAuditLeafHash(count: Int64(count)) { stored in
                if mismatch == nil, stored != Array(eventLeaves[index * 32 ..< index * 32 + 32]) { mismatch = index }
                index += 1
            }
        } catch {
            return AuditProblem(kind: .unreadable, sequence: nil, message: "could not read the Merkle leaves: \(error)")
        }
        if let mismatch {
            return AuditProblem(kind: .leafMismatch, sequence: Int64(mismatch) + 1,
                                message: "its Merkle leaf in the store is not the leaf of the event: the event (with the "
                                    + "whole chain after it) or the leaves were rewritten outside Mailroom")
        }
        if index < count {
            return AuditProblem(kind: .leafMismatch, sequence: Int64(index) + 1,
                                message: "events \(index + 1)…\(count) have no Merkle leaf in the store: written outside Mailroom")
        }
        return nil
    }

    /// The first thing wrong with `event` given the event before it, or nil.
    package static func check(_ event: AuditEvent, after previous: AuditEvent?, malformed: String?) -> AuditProblem? {
        let expectedSequence = (previous?.sequence ?? 0) + 1
        if event.sequence != expectedSequence {
            let gap = expectedSequence == event.sequence - 1
                ? "event \(expectedSequence) is missing"
                : "events \(expectedSequence)…\(event.sequence - 1) are missing"
            let after = previous.map { "event \($0.sequence) is followed by event \(event.sequence)" }
                ?? "the trail starts at event \(event.sequence)"
            // No message id: the one of the event after the gap says nothing about the missing ones.
            return AuditProblem(kind: .missingEvents, sequence: expectedSequence,
                                message: "\(gap) (\(after)): deleted")
        }
        let expectedPrevious = previous?.hash ?? AuditChain.genesisHash
        if event.previousHash != expectedPrevious {
            let before = previous.map { "event \($0.sequence)'s hash" } ?? "the genesis hash"
            return AuditProblem(
                kind: .chainBroken, sequence: event.sequence, messageID: event.messageID,
                message: "does not point at \(before): events were removed or reordered here, or event "
                    + "\(event.sequence - 1) was rewritten")
        }
        if let malformed {
            return AuditProblem(kind: .edited, sequence: event.sequence, messageID: event.messageID,
                                message: "holds values Mailroom never writes in \(malformed): edited")
        }
        if AuditChain.expectedHash(of: event) != event.hash {
            return AuditProblem(kind: .edited, sequence: event.sequence, messageID: event.messageID,
                                message: "its contents no longer match its hash: edited after it was written")
        }
        return nil
    }
}
