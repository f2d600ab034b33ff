import Foundation
import GRDB
import Testing
@testable import Vocabulary
@testable import Store
@testable import Audit
import MailroomTesting

@Suite struct CanonicalEncodingTests {
    @Test func canonicalJSONIsSortedCompactAndDeterministic() throws {
        var a: [String: JSONValue] = [:]
        a["zeta"] = 1
        a["alpha"] = ["b": true, "a": nil]
        a["Ärger"] = "Grüße \"zitiert\"\n\t\u{01}"
        a["中文"] = [1.5, -0.0, .int(Int64.max), "x"]
        var b: [String: JSONValue] = [:]
        for key in a.keys.reversed() { b[key] = a[key] }

        let text = JSONValue.canonicalJSON(a)
        #expect(text == JSONValue.canonicalJSON(b))
        #expect(text == #"{"alpha":{"a":null,"b":true},"zeta":1,"Ärger":"Grüße \"zitiert\"\n\t\u0001","中文":[1.5,-0.0,9223372036854775807,"x"]}"#)
        #expect(try JSONValue(parsing: text) == .object(a))
        #expect(JSONValue.number(.nan).canonicalJSON == "null")
        #expect(JSONValue.number(1e300).canonicalJSON == "1e+300")
    }

    @Test func parsingCanonicalTextGivesTheSameTextBack() throws {
        let samples = [
            #"{"a":1,"b":1.0,"c":-0.0,"d":1e+300,"e":-12,"f":0.1,"g":[],"h":{},"i":"\u001f\"\\/"}"#,
            #"["😀","中文","Grüße",null,true,false,9223372036854775807]"#,
        ]
        for text in samples {
            #expect(try JSONValue(parsing: text).canonicalJSON == text)
        }
        #expect(try JSONValue(parsing: "9223372036854775808") == .number(9.223372036854775808e18))
        #expect(try JSONValue(parsing: #" { "x" : [ 1 , "\ud83d\ude00\u00e9/" ] } "#) == ["x": [1, "😀é/"]])
        for bad in ["", "{", "[1,]", "01", "1.", "-", "\"a", "{\"a\" 1}", "tru", "1 2", "\"\u{01}\"", "{'a':1}"] {
            #expect(throws: JSONValueError.self, "\(bad)") { try JSONValue(parsing: bad) }
        }
        #expect(throws: JSONValueError.self) { try JSONValue(parsing: String(repeating: "[", count: 10_000)) }
    }

    /// Pins the hash encoding: an independent implementation (Python's hashlib over the documented
    /// length-prefixed fields) gave these values. If this test fails, existing trails no longer verify.
    @Test func hashEncodingMatchesTheDocumentedFormat() {
        let details = #"{"from":"received","to":"parsed"}"#
        #expect(AuditChain.hash(sequence: 1, time: "2026-01-02T03:04:05.678Z", messageID: 42, stage: "parse",
                                actor: "parse-mime/0.1.0", eventType: "parsed", details: details,
                                previousHash: AuditChain.genesisHash)
            == "d108f4df50adf9aa2c82e11c442776424f6a82ecca0a0e2a930a2e12207c4ffc")
        #expect(AuditChain.hash(sequence: 1, time: "2026-01-02T03:04:05.678Z", messageID: nil, stage: "parse",
                                actor: "parse-mime/0.1.0", eventType: "parsed", details: details,
                                previousHash: AuditChain.genesisHash)
            == "bc710119eb3f5610e0049ee4a75740e415cc7add30064d35e569ea461645c2b3")
    }

    @Test func fieldBoundariesCannotBeShifted() {
        func h(_ stage: String, _ actor: String) -> String {
            AuditChain.hash(sequence: 1, time: "t", messageID: nil, stage: stage, actor: actor, eventType: "e",
                            details: "{}", previousHash: AuditChain.genesisHash)
        }
        #expect(h("ab", "c") != h("a", "bc"))
        #expect(h("a\u{0}", "b") != h("a", "\u{0}b"))
    }

    @Test func millisecondTimesAreFixedWidthAndRoundTrip() {
        let date = Date(timeIntervalSince1970: 1_790_000_000.235)
        #expect(MillisecondTime.string(date) == "2026-09-21T14:13:20.235Z")
        #expect(MillisecondTime.date("2026-09-21T14:13:20.235Z") == Date(timeIntervalSince1970: 1_790_000_000.235))
        #expect(MillisecondTime.date("2026-09-21T14:13:20Z") == Date(timeIntervalSince1970: 1_790_000_000))
        #expect(MillisecondTime.string(Date(timeIntervalSince1970: -1.5)) == "1969-12-31T23:59:58.500Z")
        #expect(MillisecondTime.string(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        #expect(MillisecondTime.date("2026-09-21 14:13:20Z") == nil)
        for ms in stride(from: Int64(0), to: 5000, by: 7) {
            let d = Date(timeIntervalSince1970: 1_790_000_000 + Double(ms) / 1000)
            #expect(MillisecondTime.string(MillisecondTime.date(MillisecondTime.string(d))!) == MillisecondTime.string(d))
        }
    }
}

/// A store whose trail mixes message transitions and free events, like a working daemon's.
struct AuditFixture {
    let store: MailStore
    let messageIDs: [Int64]

    /// `messages` messages each walked to `acted`, then `extraEvents` free events, all in few transactions.
    static func make(in dir: URL, messages: Int, extraEvents: Int = 0) throws -> AuditFixture {
        let clock = SteppingClock()
        let store = try MailStore(path: dir.appendingPathComponent("audit.sqlite").path, clock: { clock.now() })
        let outcomes = try store.recordReceived(
            (0..<messages).map { StoreScratch.received("fixture \($0)", location: "m\($0)") }, actor: "intake")
        let ids = outcomes.map(\.messageID)
        let steps: [(MessageState, MessageState, String)] = [
            (.received, .parsed, "parse"), (.parsed, .understood, "understand"),
            (.understood, .decided, "decide"), (.decided, .acted, "act"),
        ]
        for (from, to, stage) in steps {
            for id in ids {
                try store.transition(id, from: from, to: to, update: MessageUpdate(kind: "invoice"),
                                     audit: AuditDraft(messageID: id, stage: stage, actor: "\(stage)/1", eventType: to.rawValue))
            }
        }
        try store.appendAudit((0..<extraEvents).map { i in
            AuditDraft(messageID: ids.isEmpty ? nil : ids[i % ids.count], stage: "gateway", actor: "model/small",
                       eventType: "usage", details: ["tokens": .integer(100 + i), "note": "call \(i)"])
        })
        return AuditFixture(store: store, messageIDs: ids)
    }

    /// Runs SQL as someone with write access to the file, outside Mailroom (foreign keys off, as in a
    /// plain sqlite3 shell).
    func tamper(_ sql: String) throws {
        try DatabaseQueue(path: store.path).writeWithoutTransaction { db in  // the attacker: plain SQLite, no Mailroom between
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.inTransaction {
                try db.execute(sql: sql)
                return .commit
            }
        }
    }

    func event(_ sequence: Int64) throws -> AuditEvent {
        try #require(try store.auditEvent(sequence: sequence))
    }
}

@Suite struct AuditVerificationTests {
    @Test func anIntactChainOfAThousandEventsVerifies() throws {
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 40, extraEvents: 800)
        let head = try #require(try fixture.store.auditHead())
        #expect(head.sequence == 1000)

        let result = AuditVerifier.verify(store: fixture.store, expectedHead: head)
        #expect(result.isIntact, "\(result.problems)")
        #expect(result.eventsChecked == 1000)
        #expect(result.head == head)
        #expect(AuditReport.verification(result).hasPrefix("audit trail intact: 1000 event(s) verified; head 1000:"))

        // An anchor noted earlier in the trail is still valid later.
        #expect(AuditVerifier.verify(store: fixture.store,
                                     expectedHead: AuditHead(sequence: 10, hash: try fixture.event(10).hash)).isIntact)
        #expect(AuditHead(head.description) == head)
    }

    @Test func anEmptyTrailIsIntact() throws {
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("empty.sqlite").path)
        let result = AuditVerifier.verify(store: store)
        #expect(result.isIntact)
        #expect(result.head == nil)
        #expect(AuditReport.verification(result) == "audit trail intact: 0 event(s) verified; the trail is empty\n")
    }

    @Test func anEditIsRefusedThenDetectedOnceTheTriggerIsDropped() throws {
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 10, extraEvents: 30)
        let target = try fixture.event(25)

        #expect {
            try fixture.tamper("UPDATE audit_events SET details = '{\"to\":\"review\"}' WHERE sequence = 25")
        } throws: { error in
            (error as? DatabaseError)?.message?.contains("audit events are append-only") == true
        }
        #expect(try fixture.event(25) == target)

        try fixture.tamper("""
            DROP TRIGGER audit_events_refuse_update;
            UPDATE audit_events SET details = replace(details, 'parse/1', 'someone-else') WHERE sequence = 25;
            UPDATE audit_events SET actor = 'someone-else' WHERE sequence = 25;
            """)
        let result = AuditVerifier.verify(store: fixture.store)
        let first = try #require(result.firstProblem)
        #expect(first.kind == .edited)
        #expect(first.sequence == 25)
        #expect(result.eventsChecked == 24)
        #expect(result.problems.contains { $0.kind == .protectionRemoved })
        #expect(AuditReport.verification(result).hasPrefix("audit trail NOT intact: event 25: its contents no longer match its hash"))
    }

    @Test func anEditWithARecomputedHashBreaksTheNextLink() throws {
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 5, extraEvents: 20)
        var forged = try fixture.event(12)
        forged.actor = "nobody"
        forged.hash = AuditChain.expectedHash(of: forged)
        try fixture.tamper("""
            DROP TRIGGER audit_events_refuse_update;
            UPDATE audit_events SET actor = 'nobody', hash = '\(forged.hash)' WHERE sequence = 12;
            CREATE TRIGGER audit_events_refuse_update BEFORE UPDATE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only: UPDATE is refused; record a correcting event instead'); END;
            """)
        let result = AuditVerifier.verify(store: fixture.store)
        #expect(result.firstProblem?.kind == .chainBroken)
        #expect(result.firstProblem?.sequence == 13)
        #expect(result.firstProblem?.message.contains("event 12 was rewritten") == true)
        #expect(result.problems.count == 1)  // the triggers were put back; only the chain tells
    }

    @Test func aDeletedMiddleEventIsNamed() throws {
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 10, extraEvents: 30)
        #expect(throws: DatabaseError.self) { try fixture.tamper("DELETE FROM audit_events WHERE sequence = 37") }

        try fixture.tamper("DROP TRIGGER audit_events_refuse_delete; DELETE FROM audit_events WHERE sequence = 37")
        let result = AuditVerifier.verify(store: fixture.store)
        let first = try #require(result.firstProblem)
        #expect(first.kind == .missingEvents)
        #expect(first.sequence == 37)
        #expect(first.description == "event 37: event 37 is missing (event 36 is followed by event 38): deleted")
    }

    @Test func aDeletedFirstEventIsNamed() throws {
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 3)
        try fixture.tamper("DROP TRIGGER audit_events_refuse_delete; DELETE FROM audit_events WHERE sequence <= 2")
        let first = try #require(AuditVerifier.verify(store: fixture.store).firstProblem)
        #expect(first.kind == .missingEvents)
        #expect(first.sequence == 1)
        #expect(first.message.contains("the trail starts at event 3"))
    }

    @Test(arguments: [(Int64(30), Int64(31)), (Int64(18), Int64(44))])
    func swappedEventsAreDetectedAtTheFirstOfThem(_ pair: (Int64, Int64)) throws {
        let (i, j) = pair
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 10, extraEvents: 20)
        try fixture.tamper("""
            DROP TRIGGER audit_events_refuse_update;
            UPDATE audit_events SET sequence = -1 WHERE sequence = \(i);
            UPDATE audit_events SET sequence = \(i) WHERE sequence = \(j);
            UPDATE audit_events SET sequence = \(j) WHERE sequence = -1;
            """)
        let result = AuditVerifier.verify(store: fixture.store)
        let first = try #require(result.firstProblem)
        #expect(first.kind == .chainBroken)
        #expect(first.sequence == i)
        #expect(first.message.contains("removed or reordered"))
        #expect(result.eventsChecked == Int(i) - 1)
    }

    @Test func aSwapOfContentsKeepingSequenceNumbersIsDetected() throws {
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 10)
        let columns = ["time", "message_id", "stage", "actor", "event_type", "details", "previous_hash", "hash"]
        let assignFrom = { (other: Int) in
            columns.map { "\($0) = (SELECT \($0) FROM saved WHERE sequence = \(other))" }.joined(separator: ", ")
        }
        try fixture.tamper("""
            DROP TRIGGER audit_events_refuse_update;
            CREATE TEMP TABLE saved AS SELECT * FROM audit_events WHERE sequence IN (20, 26);
            UPDATE audit_events SET \(assignFrom(26)) WHERE sequence = 20;
            UPDATE audit_events SET \(assignFrom(20)) WHERE sequence = 26;
            """)
        let first = try #require(AuditVerifier.verify(store: fixture.store).firstProblem)
        #expect(first.sequence == 20)
        #expect(first.kind == .chainBroken)
    }

    @Test func aTruncatedTailIsDetectedByStatesHighWaterMarkAndAnchor() throws {
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 10)  // last 10 events: the "acted" steps
        let anchor = try #require(try fixture.store.auditHead())
        #expect(anchor.sequence == 50)

        // A careless attacker: deletes the last three events.
        try fixture.tamper("DROP TRIGGER audit_events_refuse_delete; DELETE FROM audit_events WHERE sequence > 47")
        var result = AuditVerifier.verify(store: fixture.store)
        #expect(result.eventsChecked == 47)  // the remaining chain itself is consistent
        #expect(result.firstProblem?.kind == .truncated)
        #expect(result.firstProblem?.sequence == 48)
        #expect(result.firstProblem?.message.contains("events 48…50 were removed") == true)
        let mismatched = result.problems.filter { $0.kind == .stateMismatch }.compactMap(\.messageID)
        #expect(mismatched == Array(fixture.messageIDs.suffix(3)))

        // A careful one also lowers SQLite's high-water mark; message states still disagree.
        try fixture.tamper("UPDATE sqlite_sequence SET seq = 47 WHERE name = 'audit_events'")
        result = AuditVerifier.verify(store: fixture.store)
        #expect(!result.isIntact)
        #expect(!result.problems.contains { $0.kind == .truncated })
        #expect(result.firstProblem?.kind == .stateMismatch)
        #expect(result.firstProblem?.message.contains("is 'acted' but the audit trail records 'decided'") == true)

        // With the head an auditor noted before, the cut is named exactly.
        result = AuditVerifier.verify(store: fixture.store, expectedHead: anchor)
        #expect(result.firstProblem?.kind == .truncated)
        #expect(result.firstProblem?.sequence == 48)
        #expect(result.firstProblem?.message.contains("the noted head \(anchor) is gone") == true)
    }

    @Test func aTruncatedTailOfFreeEventsIsCaughtByTheAnchor() throws {
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 2, extraEvents: 10)
        let anchor = try #require(try fixture.store.auditHead())
        try fixture.tamper("""
            DROP TRIGGER audit_events_refuse_delete; DELETE FROM audit_events WHERE sequence > 15;
            UPDATE sqlite_sequence SET seq = 15 WHERE name = 'audit_events';
            CREATE TRIGGER audit_events_refuse_delete BEFORE DELETE ON audit_events
            BEGIN SELECT RAISE(ABORT, 'audit events are append-only: DELETE is refused'); END;
            """)
        #expect(AuditVerifier.verify(store: fixture.store).isIntact)  // nothing inside the file betrays it
        let result = AuditVerifier.verify(store: fixture.store, expectedHead: anchor)
        #expect(result.firstProblem?.kind == .truncated)
        #expect(result.firstProblem?.sequence == 16)
    }

    @Test func aRewrittenTailIsCaughtByTheAnchorHash() throws {
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 2, extraEvents: 5)
        let anchor = try #require(try fixture.store.auditHead())
        var forged = try fixture.event(anchor.sequence)
        forged.details = #"{"note":"nothing to see"}"#
        forged.hash = AuditChain.expectedHash(of: forged)
        try fixture.tamper("""
            DROP TRIGGER audit_events_refuse_update;
            UPDATE audit_events SET details = '\(forged.details)', hash = '\(forged.hash)' WHERE sequence = \(anchor.sequence);
            """)
        let result = AuditVerifier.verify(store: fixture.store, expectedHead: anchor)
        #expect(result.firstProblem?.kind == .anchorMismatch)
        #expect(result.firstProblem?.sequence == anchor.sequence)
    }

    @Test func valuesMailroomNeverWritesCountAsEdits() throws {
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let fixture = try AuditFixture.make(in: dir, messages: 0, extraEvents: 5)
        // Event 3 has no message; a text message id would hash like "no message" if read leniently.
        try fixture.tamper("""
            DROP TRIGGER audit_events_refuse_update;
            UPDATE audit_events SET message_id = 'abc' WHERE sequence = 3;
            """)
        let first = try #require(AuditVerifier.verify(store: fixture.store).firstProblem)
        #expect(first.kind == .edited)
        #expect(first.sequence == 3)
        #expect(first.message.contains("message_id"))
    }

    @Test func concurrentAppendsFormOneValidChain() async throws {
        let dir = try StoreScratch.directory("audit")
        defer { StoreScratch.remove(dir) }
        let path = dir.appendingPathComponent("concurrent.sqlite").path
        // Two stores on one file stand for two processes (daemon and a CLI command).
        let stores = [try MailStore(path: path), try MailStore(path: path)]
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                let store = stores[worker % 2]
                group.addTask {
                    for i in 0..<25 {
                        try store.appendAudit(AuditDraft(messageID: nil, stage: "test", actor: "worker \(worker)",
                                                         eventType: "tick", details: ["i": .integer(i)]))
                    }
                }
            }
            try await group.waitForAll()
        }
        let result = AuditVerifier.verify(store: stores[0])
        #expect(result.isIntact, "\(result.problems)")
        #expect(result.eventsChecked == 200)
        for worker in 0..<8 {
            let mine = try stores[1].auditEvents(matching: AuditFilter(actor: "worker \(worker)"))
            #expect(mine.compactMap { $0.detailsValue?["i"]?.intValue } == Array(0..<25))
        }
    }
}
