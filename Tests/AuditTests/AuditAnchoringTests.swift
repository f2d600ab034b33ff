import Crypto
import Foundation
import GRDB
import Testing
@testable import Vocabulary
@testable import Store
@testable import Audit
import MailroomTesting

/// Signed checkpoints of the trail's Merkle tree, kept outside the store, and the proofs handed to an auditor.
@Suite struct AuditAnchoringTests {
    @Test func aCheckpointIsASignedNoteAsC2SPWritesIt() throws {
        let key = AuditSigningKey(name: "example.com/mailroom-audit/1")
        let checkpoint = AuditCheckpoint(origin: key.name, size: 8, root: MerkleTreeTests.bytes(MerkleTreeTests.roots[8]))
        let note = try key.sign(checkpoint)
        let lines = note.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "example.com/mailroom-audit/1")
        #expect(lines[1] == "8")
        #expect(lines[2] == Substring(Data(checkpoint.root).base64EncodedString()))
        #expect(lines[3] == "")
        #expect(lines[4].hasPrefix("\u{2014} example.com/mailroom-audit/1 "))
        #expect(note.hasSuffix("\n"))

        // The key hash: the first four bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key).
        let verifier = key.verifier
        let digest = Array(SHA256.hash(data: Array("example.com/mailroom-audit/1\n".utf8) + [0x01] + verifier.publicKey))
        let parts = verifier.encoded.split(separator: "+", maxSplits: 2)
        #expect(parts.count == 3)
        #expect(parts[1] == digest.prefix(4).map { String(format: "%02x", $0) }.joined())
        #expect(Data(base64Encoded: String(parts[2]))?.first == 0x01)
        let signature = try #require(Data(base64Encoded: String(lines[4].split(separator: " ")[2])))
        #expect(Array(signature.prefix(4)) == Array(digest.prefix(4)))
        #expect(signature.count == 4 + 64)

        // Round trip: the verifier key as printed, the private key as stored.
        let parsed = try #require(AuditVerifierKey(encoded: verifier.encoded))
        #expect(try parsed.verify(note: note) == checkpoint)
        let reloaded = try #require(AuditSigningKey(encoded: key.encoded))
        #expect(reloaded.verifier == verifier)
        #expect(key.encoded.hasPrefix("PRIVATE+KEY+example.com/mailroom-audit/1+"))

        // An altered checkpoint, another key, another name: refused.
        let altered = note.replacingOccurrences(of: "\n8\n", with: "\n9\n")
        #expect(throws: CheckpointProblem.self) { try verifier.verify(note: altered) }
        let other = AuditSigningKey(name: "example.com/mailroom-audit/1")
        #expect(throws: CheckpointProblem.self) { try other.verifier.verify(note: note) }
        #expect(throws: CheckpointProblem.self) { try verifier.verify(note: "not a note\n") }
        var wrongHash = verifier.encoded
        wrongHash = wrongHash.replacingOccurrences(of: "+\(parts[1])+", with: "+00000000+")
        #expect(AuditVerifierKey(encoded: wrongHash) == nil)
    }

    @Test func theKeyIsMadeOnceWithMode0600BesideTheStore() throws {
        let dir = try StoreScratch.directory("anchor")
        defer { StoreScratch.remove(dir) }
        let anchor = AuditAnchor.beside(storePath: dir.appendingPathComponent("mailroom.sqlite").path)
        #expect(anchor.keyPath == dir.appendingPathComponent("audit-signing-key").path)
        #expect(try anchor.signingKey(create: false) == nil)
        let key = try #require(try anchor.signingKey(create: true))
        let mode = try FileManager.default.attributesOfItem(atPath: anchor.keyPath)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try anchor.signingKey(create: true)?.verifier == key.verifier)
        #expect(key.name.contains("/mailroom-audit/"))
    }

    @Test func checkpointsAreWrittenWhenTheTrailGrewAndVerifyAgainstTheTrail() throws {
        let dir = try StoreScratch.directory("anchor")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 5, extraEvents: 7)  // 5 × 5 + 7 = 32 events
        let anchor = AuditAnchor.beside(storePath: fixture.store.path)
        guard case .written(let first) = try anchor.writeCheckpoint(store: fixture.store) else {
            Issue.record("no checkpoint written")
            return
        }
        #expect(first.size == 32)
        #expect(first.root == MerkleTree.root(try fixture.store.auditLeafHashes(count: nil)))
        #expect(try anchor.writeCheckpoint(store: fixture.store) == .unchanged(first))
        try fixture.store.appendAudit(AuditDraft(messageID: nil, stage: "daemon", actor: "mailroom/test", eventType: "started"))
        guard case .written(let second) = try anchor.writeCheckpoint(store: fixture.store) else {
            Issue.record("no second checkpoint")
            return
        }
        #expect(second.size == 33)
        #expect(anchor.loggedNotes().count == 2)
        let key = try #require(try anchor.signingKey(create: false)).verifier
        #expect(try key.verify(note: try #require(anchor.latestNote())) == second)

        let result = AuditVerifier.verify(store: fixture.store, checkpoint: (try #require(anchor.latestNote()), key))
        #expect(result.isIntact, "\(result.problems)")
        #expect(result.checkpoint == second)
        #expect(AuditReport.verification(result).contains("the first 33 event(s) match the signed checkpoint"))
        // An older checkpoint still holds for the grown trail.
        #expect(AuditVerifier.verify(store: fixture.store, checkpoint: (anchor.loggedNotes()[0], key)).isIntact)
    }

    /// The acceptance test: an event rewritten and the whole chain re-hashed after it with plain SQLite — the
    /// chain verifies, the signed checkpoint does not; and the daemon refuses to sign the rewritten tree.
    @Test func aRewrittenAndRehashedChainIsCaughtByTheCheckpoint() throws {
        let dir = try StoreScratch.directory("anchor")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 4, extraEvents: 10)  // 30 events
        let anchor = AuditAnchor.beside(storePath: fixture.store.path)
        try anchor.writeCheckpoint(store: fixture.store)
        let note = try #require(anchor.latestNote())
        let key = try #require(try anchor.signingKey(create: false)).verifier

        // The attacker: change event 7's actor, recompute every hash from there on, put the triggers back.
        var events: [AuditEvent] = []
        try fixture.store.forEachAuditEvent { events.append($0) }
        var previous = events[5].hash
        var statements = ["DROP TRIGGER audit_events_refuse_update;"]
        for i in 6..<events.count {
            var e = events[i]
            if i == 6 { e.actor = "someone-else" }
            e.previousHash = previous
            e.hash = AuditChain.expectedHash(of: e)
            previous = e.hash
            statements.append("UPDATE audit_events SET actor = '\(e.actor)', previous_hash = '\(e.previousHash)', hash = '\(e.hash)' WHERE sequence = \(e.sequence);")
        }
        statements.append("""
            CREATE TRIGGER audit_events_refuse_update BEFORE UPDATE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE is refused; record a correcting event instead'); END;
            """)
        try fixture.tamper(statements.joined(separator: "\n"))

        // The leaves the store wrote with the events no longer match them.
        let unanchored = AuditVerifier.verify(store: fixture.store)
        #expect(unanchored.firstProblem?.kind == .leafMismatch)
        #expect(unanchored.firstProblem?.sequence == 7)
        #expect(AuditVerifier.verify(store: fixture.store, checkpoint: (note, key)).problems.contains { $0.kind == .checkpointMismatch })

        // The attacker rewrites the leaves too: chain and leaves agree, only the signed checkpoint tells.
        var leafUpdates = ["DROP TRIGGER audit_leaves_refuse_update;"]
        try fixture.store.forEachAuditEvent { e in
            leafUpdates.append("UPDATE audit_leaves SET hash = x'\(AuditChain.hex(AuditChain.leafHash(eventHash: e.hash)))' WHERE leaf_index = \(e.sequence - 1);")
        }
        try fixture.tamper(leafUpdates.joined(separator: "\n"))
        #expect(AuditVerifier.verify(store: fixture.store).isIntact, "the chain and the leaves alone do not see it")
        let result = AuditVerifier.verify(store: fixture.store, checkpoint: (note, key))
        #expect(result.firstProblem?.kind == .checkpointMismatch)
        #expect(AuditReport.verification(result).contains("do not have the root the signed checkpoint records"))

        // And the next checkpoint is refused instead of signed.
        try fixture.store.appendAudit(AuditDraft(messageID: nil, stage: "daemon", actor: "mailroom/test", eventType: "started"))
        #expect(throws: CheckpointProblem.self) { try anchor.writeCheckpoint(store: fixture.store) }
        #expect(anchor.loggedNotes().count == 1)
    }

    /// A store from before anchoring gets the leaves of its existing events from the migration.
    @Test func theMigrationGivesExistingEventsTheirLeaves() throws {
        let dir = try StoreScratch.directory("anchor")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 3, extraEvents: 4)
        let expected = try fixture.store.auditLeafHashes(count: nil)
        #expect(expected.count == 19)
        var events: [AuditEvent] = []
        try fixture.store.forEachAuditEvent { events.append($0) }
        #expect(expected == events.map { AuditChain.leafHash(eventHash: $0.hash) })
        // As an older Mailroom left it: no leaves table, the migration not applied.
        try fixture.tamper("""
            DROP TABLE audit_leaves;
            DELETE FROM grdb_migrations WHERE identifier LIKE '2027-02 audit anchoring%';
            """)
        let reopened = try MailStore(path: fixture.store.path)
        #expect(try reopened.auditLeafHashes(count: nil) == expected)
        #expect(try reopened.auditLeafHashes(count: 5) == Array(expected.prefix(5)))
        #expect(throws: DatabaseError.self) {
            try fixture.tamper("UPDATE audit_leaves SET hash = zeroblob(32) WHERE leaf_index = 0")
        }
    }

    @Test func aForeignOrAlteredCheckpointIsNotTrusted() throws {
        let dir = try StoreScratch.directory("anchor")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 2)
        let anchor = AuditAnchor.beside(storePath: fixture.store.path)
        try anchor.writeCheckpoint(store: fixture.store)
        let note = try #require(anchor.latestNote())
        let stranger = AuditSigningKey(name: "elsewhere/mailroom-audit/0").verifier
        #expect(AuditVerifier.verify(store: fixture.store, checkpoint: (note, stranger)).firstProblem?.kind == .checkpointInvalid)
        // Removed events: the checkpoint covers more than the trail holds.
        let key = try #require(try anchor.signingKey(create: false)).verifier
        try fixture.tamper("DROP TRIGGER audit_events_refuse_delete; DELETE FROM audit_events WHERE sequence > 8")
        let cut = AuditVerifier.verify(store: fixture.store, checkpoint: (note, key))
        #expect(cut.problems.contains { $0.kind == .checkpointMismatch && $0.sequence == 9 })
    }

    @Test func aMessagesEventsAreProvedAndCheckedWithoutTheRestOfTheLog() throws {
        let dir = try StoreScratch.directory("anchor")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 6, extraEvents: 13)
        let anchor = AuditAnchor.beside(storePath: fixture.store.path)
        try anchor.writeCheckpoint(store: fixture.store)
        let key = try #require(try anchor.signingKey(create: false)).verifier
        let older = try #require(anchor.latestNote())
        try fixture.store.appendAudit((0..<5).map { AuditDraft(messageID: nil, stage: "daemon", actor: "t", eventType: "e\($0)") })
        try anchor.writeCheckpoint(store: fixture.store)
        let newer = try #require(anchor.latestNote())

        let bundle = try AuditProof.prove(messageID: fixture.messageIDs[2], store: fixture.store, checkpointNote: newer, key: key)
        let state = dir.appendingPathComponent("auditor-state").path
        let outcome = AuditProofCheck.check(bundle: bundle, key: key, statePath: state)
        #expect(outcome.ok, "\(outcome.failures)")
        // received, parsed, understood, decided, acted, and its share of the extra events.
        #expect(outcome.verified.filter { $0.hasPrefix("event ") }.count >= 5)
        #expect(outcome.notes.contains("state advanced to size 48"))

        // A forged detail in the bundle is caught.
        let forged = bundle.replacingOccurrences(of: #"\"to\":\"acted\""#, with: #"\"to\":\"failed\""#)
        #expect(forged != bundle)
        #expect(!AuditProofCheck.check(bundle: forged, key: key, statePath: nil).ok)

        // Consistency from the older checkpoint.
        let consistency = try AuditProof.consistency(oldSize: 48 - 5, store: fixture.store, checkpointNote: newer, key: key,
                                                     anchor: anchor)
        let c = AuditProofCheck.check(bundle: consistency, key: key, statePath: nil)
        #expect(c.ok, "\(c.failures)")
        #expect(c.verified.contains { $0.contains("only grew to size 48") })
        _ = older
    }

    @Test func theCheckerRefusesTwoRootsForOneSize() throws {
        let dir = try StoreScratch.directory("anchor")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 3)
        let anchor = AuditAnchor.beside(storePath: fixture.store.path)
        try anchor.writeCheckpoint(store: fixture.store)
        let signer = try #require(try anchor.signingKey(create: false))
        let key = signer.verifier
        let honest = try #require(anchor.latestNote())
        let state = dir.appendingPathComponent("auditor-state").path
        let bundle = try AuditProof.prove(messageID: fixture.messageIDs[0], store: fixture.store, checkpointNote: honest, key: key)
        #expect(AuditProofCheck.check(bundle: bundle, key: key, statePath: state).ok)

        // Someone with the key signs another history of the same size (a fork).
        let checkpoint = try key.verify(note: honest)
        let forkNote = try signer.sign(AuditCheckpoint(origin: checkpoint.origin, size: checkpoint.size,
                                                       root: MerkleHashing.leafHash(Array("another history".utf8))))
        let forkBundle = JSONValue.object(["format": .string(AuditProof.format), "checkpoint": .string(forkNote),
                                           "events": .array([])]).canonicalJSON
        let refused = AuditProofCheck.check(bundle: forkBundle, key: key, statePath: state)
        #expect(!refused.ok)
        #expect(refused.failures.contains { $0.hasPrefix("REFUSED: the checkpoint has root") })
        // Without the state it is just a signed checkpoint: the state is what remembers.
        #expect(AuditProofCheck.check(bundle: forkBundle, key: key, statePath: nil).ok)
    }

    /// A second history signed with the same key, grown past the size the auditor saw: its consistency proof is
    /// valid for itself, and refused because it starts from another root than the one the auditor kept.
    @Test func theCheckerRefusesAGrownForkOfAHistoryItSaw() throws {
        let dirA = try StoreScratch.directory("anchor-a"), dirB = try StoreScratch.directory("anchor-b")
        defer { StoreScratch.remove(dirA); StoreScratch.remove(dirB) }
        let a = try AuditFixture.make(in: dirA, messages: 3)  // 15 events
        let b = try AuditFixture.make(in: dirB, messages: 4)  // 20 events, another first 15
        let anchorA = AuditAnchor.beside(storePath: a.store.path), anchorB = AuditAnchor.beside(storePath: b.store.path)
        try anchorA.writeCheckpoint(store: a.store)
        try FileManager.default.copyItem(atPath: anchorA.keyPath, toPath: anchorB.keyPath)
        try anchorB.writeCheckpoint(store: b.store)
        let key = try #require(try anchorA.signingKey(create: false)).verifier
        let state = dirA.appendingPathComponent("auditor-state").path

        let seen = try AuditProof.prove(messageID: a.messageIDs[0], store: a.store, checkpointNote: try #require(anchorA.latestNote()), key: key)
        #expect(AuditProofCheck.check(bundle: seen, key: key, statePath: state).ok)
        let fork = try AuditProof.consistency(oldSize: 15, store: b.store, checkpointNote: try #require(anchorB.latestNote()),
                                              key: key, anchor: anchorB)
        #expect(AuditProofCheck.check(bundle: fork, key: key, statePath: nil).ok, "valid on its own")
        let refused = AuditProofCheck.check(bundle: fork, key: key, statePath: state)
        #expect(refused.failures.contains { $0.hasPrefix("REFUSED: the consistency proof starts from root") })
        #expect(AuditAnchor.splitNotes(try String(contentsOfFile: state, encoding: .utf8)).count == 1, "the state did not move")
    }
}
