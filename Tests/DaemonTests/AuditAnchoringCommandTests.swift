import Foundation
import GRDB
import Testing
@testable import Vocabulary
@testable import Store
@testable import Audit
@testable import Daemon
import MailroomTesting

/// Signed checkpoints, proofs and the standalone checker, as an operator and an auditor use them: the binary.
@Suite(.serialized) struct AuditAnchoringCommandTests {
    @Test func checkpointsProofsAndTheCheckerThroughTheCommandLine() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("cli-anchor")
        defer { scratch.remove() }
        _ = try scratch.makeMaildir()
        try scratch.write("""
            store:
              path: mailroom.sqlite
            spool:
              path: spool
            sources:
              maildir:
                - name: inbox
                  path: Maildir
            audit:
              checkpoint_minutes: 5
              checkpoints: anchors
            """, to: "mailroom.yaml")
        let config = scratch.path("mailroom.yaml")
        try scratch.write(SampleMail.text(1), to: "import/one.eml")
        try scratch.write(SampleMail.text(2), to: "import/two.eml")
        func cli(_ args: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
            try await MailroomProcess.run(args + ["--config", config], in: scratch.root)
        }

        #expect(try await cli(["ingest", scratch.path("import")]).status == 0)
        let once = try await cli(["run", "--once"])
        #expect(once.status == 0, "\(once.stderr)")
        // run --once ends with a checkpoint in the configured folder; the key is beside the store, 0600.
        let latest = scratch.path("anchors/latest")
        #expect(FileManager.default.fileExists(atPath: latest))
        let mode = try FileManager.default.attributesOfItem(atPath: scratch.path("audit-signing-key"))[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let keyRun = try await cli(["audit", "key"])
        let key = keyRun.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let verifier = try #require(AuditVerifierKey(encoded: key), "\(keyRun.stdout) \(keyRun.stderr)")
        let first = try verifier.verify(note: try String(contentsOfFile: latest, encoding: .utf8))

        let verify = try await cli(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        #expect(verify.stdout.contains("match the signed checkpoint"))

        // An auditor gets message 1's events with their inclusion proofs and checks them with the key alone.
        let prove = try await cli(["audit", "prove", "1"])
        #expect(prove.status == 0, "\(prove.stderr)")
        try scratch.write(prove.stdout, to: "proof.json")
        let state = scratch.path("auditor.state")
        let check = try await MailroomProcess.run(["audit", "check-proof", scratch.path("proof.json"), "--key", key,
                                                   "--state", state], in: scratch.root)
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.stdout.contains("ok: checkpoint signed by"))
        #expect(check.stdout.contains("ok: event 1 (ingest received) is in the log at size \(first.size)"))

        // The trail grows, a new checkpoint; the consistency proof advances the auditor's state.
        let store = try MailStore(path: scratch.path("mailroom.sqlite"))
        try store.appendAudit(AuditDraft(messageID: nil, stage: "daemon", actor: "mailroom/test", eventType: "note"))
        #expect(try await cli(["audit", "checkpoint"]).status == 0)
        let consistency = try await cli(["audit", "consistency", "\(first.size)"])
        #expect(consistency.status == 0, "\(consistency.stderr)")
        try scratch.write(consistency.stdout, to: "consistency.json")
        let grown = try await MailroomProcess.run(["audit", "check-proof", scratch.path("consistency.json"), "--key", key,
                                                   "--state", state], in: scratch.root)
        #expect(grown.status == 0, "\(grown.stdout) \(grown.stderr)")
        #expect(grown.stdout.contains("only grew to size \(first.size + 1)"))
        #expect(grown.stdout.contains("state advanced to size \(first.size + 1)"))

        // Someone rewrites event 2 and re-hashes the whole chain with sqlite: verify fails on the checkpoint.
        var events: [AuditEvent] = []
        try store.forEachAuditEvent { events.append($0) }
        var statements = ["DROP TRIGGER audit_events_refuse_update;"]
        var previous = events[0].hash
        for i in 1..<events.count {
            var e = events[i]
            if i == 1 { e.actor = "someone-else" }
            e.previousHash = previous
            e.hash = AuditChain.expectedHash(of: e)
            previous = e.hash
            statements.append("UPDATE audit_events SET actor = '\(e.actor)', previous_hash = '\(e.previousHash)', hash = '\(e.hash)' WHERE sequence = \(e.sequence);")
        }
        // The leaves too, so that chain and leaves agree.
        statements.append("DROP TRIGGER audit_leaves_refuse_update;")
        previous = events[0].hash
        for i in 1..<events.count {
            var e = events[i]
            if i == 1 { e.actor = "someone-else" }
            e.previousHash = previous
            e.hash = AuditChain.expectedHash(of: e)
            previous = e.hash
            statements.append("UPDATE audit_leaves SET hash = x'\(AuditChain.hex(AuditChain.leafHash(eventHash: e.hash)))' WHERE leaf_index = \(e.sequence - 1);")
        }
        statements.append("""
            CREATE TRIGGER audit_events_refuse_update BEFORE UPDATE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE is refused; record a correcting event instead'); END;
            """)
        let rewrite = statements.joined(separator: "\n")
        try await DatabaseQueue(path: store.path).write { db in try db.execute(sql: rewrite) }
        let noAnchor = try await cli(["audit", "verify", "--checkpoint", "none"])
        #expect(noAnchor.status == 0, "the chain and the leaves alone cannot tell: \(noAnchor.stdout)")
        let caught = try await cli(["audit", "verify"])
        #expect(caught.status == 1)
        #expect(caught.stdout.contains("checkpoint-mismatch"), "\(caught.stdout)")
        // And a checkpoint with the key passed explicitly (as an auditor who kept it would).
        let explicit = try await cli(["audit", "verify", "--checkpoint", latest, "--key", key])
        #expect(explicit.status == 1)
    }
}
