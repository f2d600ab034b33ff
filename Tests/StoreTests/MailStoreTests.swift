import Foundation
import GRDB
import Testing
@testable import Vocabulary
@testable import Store
@testable import Audit
import MailroomTesting

@Suite struct MailStoreOpeningTests {
    /// Every mail's text and the audit trail are in the store: only its owner may read it, -wal and -shm too.
    @Test func aNewStoreIsReadableByItsOwnerOnly() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let path = dir.appendingPathComponent("mailroom.sqlite").path
        let store = try MailStore(path: path)
        _ = try store.recordReceived(StoreScratch.received("a"), actor: "test")
        for file in [path, path + "-wal", path + "-shm"] where FileManager.default.fileExists(atPath: file) {
            let mode = try #require(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int)
            #expect(mode & 0o077 == 0, "\(file) has mode \(String(mode, radix: 8))")
        }
    }

    @Test func migratesAFreshFileAndReopensIt() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let path = dir.appendingPathComponent("nested/dir/mailroom.sqlite").path

        var id: Int64 = 0
        do {
            let store = try MailStore(path: path)
            #expect(try store.appliedMigrations() == StoreSchema.migrator.migrations)
            id = try store.recordReceived(StoreScratch.received("a"), actor: "test").messageID
            let settings = try store.pool.barrierWriteWithoutTransaction { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
                 try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                 try Int.fetchOne(db, sql: "PRAGMA foreign_keys"))
            }
            #expect(settings.0 == "wal")
            #expect(settings.1 == 2)  // FULL
            #expect(settings.2 == 1)
        }

        let reopened = try MailStore(path: path)
        #expect(try reopened.appliedMigrations() == StoreSchema.migrator.migrations)
        let message = try #require(try reopened.message(id: id))
        #expect(message.state == .received)
        #expect(message.source == "maildir:inbox")
        #expect(AuditVerifier.verify(store: reopened).isIntact)
    }

    /// Found by the crash harness: a daemon starting on a new store while another process opened it failed with
    /// "could not open the store: table daemon_heartbeat already exists" (both migrated it at once).
    @Test func severalProcessesOpeningANewStoreAtOnceAllSucceed() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        for round in 0..<10 {
            let path = dir.appendingPathComponent("race-\(round).sqlite").path
            let failures = LockedFailures()
            // Each MailStore has its own connection pool, as a second process would.
            DispatchQueue.concurrentPerform(iterations: 4) { _ in
                do { _ = try MailStore(path: path) } catch { failures.add("\(error)") }
            }
            #expect(failures.all.isEmpty, "round \(round): \(failures.all)")
            #expect(try MailStore(path: path).appliedMigrations() == StoreSchema.migrator.migrations)
        }
    }

    final class LockedFailures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []
        func add(_ text: String) { lock.withLock { items.append(text) } }
        var all: [String] { lock.withLock { items } }
    }

    @Test func refusesAFileMigratedByANewerMailroom() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let path = dir.appendingPathComponent("m.sqlite").path
        _ = try MailStore(path: path)
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('2099-12 from the future')")
        }
        #expect {
            _ = try MailStore(path: path)
        } throws: { error in
            guard let error = error as? StoreError, case .newerSchema(_, let unknown) = error else { return false }
            return unknown == ["2099-12 from the future"] && error.description.contains("upgrade mailroom")
        }
    }

    @Test func explainsAFileThatIsNotAStore() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let path = dir.appendingPathComponent("not-a-db.sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try MailStore(path: path)
        } throws: { error in
            "\(error)".contains(path) && "\(error)".contains("not a Mailroom store")
        }
    }
}

@Suite struct StateMachineTests {
    @Test func allowsExactlyTheDocumentedMoves() {
        var legal: Set<String> = [
            "received>parsed", "parsed>understood", "understood>decided", "decided>acted", "decided>no_action",
            "received>review", "parsed>review", "understood>review", "decided>review",
            "received>failed", "parsed>failed", "understood>failed", "decided>failed",
            "review>understood", "review>decided", "review>acted", "review>no_action", "review>failed",
            "failed>received", "acted>review", "no_action>review",
        ]
        // The states that follow a message's actions: reached from decided (and from review, where an earlier
        // Mailroom left such messages), moving among one another, to acted once done, to review when reopened.
        let outbox = ["waiting", "approval", "blocked", "dead_letter"]
        for state in outbox {
            legal.insert("decided>\(state)")
            legal.insert("review>\(state)")
            legal.insert("\(state)>acted")
            legal.insert("\(state)>review")
            legal.insert("\(state)>failed")
            for other in outbox where other != state { legal.insert("\(state)>\(other)") }
        }
        for from in MessageState.allCases {
            for to in MessageState.allCases {
                #expect(from.canMove(to: to) == legal.contains("\(from.rawValue)>\(to.rawValue)"),
                        "\(from) → \(to)")
            }
        }
        #expect(MessageState.allCases.filter(\.isTerminal) == [.acted, .noAction, .waiting, .approval, .blocked, .deadLetter, .review, .failed])
    }

    @Test func walksThePipelineAndRecordsEachStep() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let id = try store.recordReceived(StoreScratch.received("pipeline"), actor: "intake").messageID

        var normalised = NormalisedMessage(subject: "Angebot für 40 Stühle")
        normalised.from = [MailAddress(name: "Jana Müller", address: "jana@example.de")]
        try store.transition(id, from: .received, to: .parsed,
                             update: MessageUpdate(subject: "Angebot für 40 Stühle", sender: "jana@example.de",
                                                   normalised: normalised),
                             audit: AuditDraft(messageID: nil, stage: "parse", actor: "parser", eventType: "parsed"))
        try store.transition(id, from: .parsed, to: .understood, update: MessageUpdate(kind: "quote_request"),
                             audit: AuditDraft(messageID: id, stage: "understand", actor: "rules", eventType: "classified",
                                               details: ["confidence": 0.97]))
        try store.transition(id, from: .understood, to: .decided, update: MessageUpdate(),
                             audit: AuditDraft(messageID: id, stage: "decide", actor: "rules/quotes.yaml", eventType: "decided"))
        try store.transition(id, from: .decided, to: .acted, update: MessageUpdate(),
                             audit: AuditDraft(messageID: id, stage: "act", actor: "tryton", eventType: "acted"))

        let m = try #require(try store.message(id: id))
        #expect(m.state == .acted)
        #expect(m.subject == "Angebot für 40 Stühle")
        #expect(m.sender == "jana@example.de")
        #expect(m.kind == "quote_request")
        #expect(m.normalised == normalised)

        let events = try store.auditEvents(matching: AuditFilter(messageID: id))
        #expect(events.map(\.eventType) == ["received", "parsed", "classified", "decided", "acted"])
        #expect(events.allSatisfy { $0.messageID == id })
        let classified = try #require(events[2].detailsValue)
        #expect(classified["from"] == "parsed")
        #expect(classified["to"] == "understood")
        #expect(classified["confidence"] == .number(0.97))
        #expect(try AuditTimeline.load(store: store, messageID: id)?.statePath
            == ["received", "parsed", "understood", "decided", "acted"])
    }

    @Test func refusesIllegalMovesWithoutTouchingAnything() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let id = try store.recordReceived(StoreScratch.received("illegal"), actor: "intake").messageID
        let headBefore = try store.auditHead()

        for (from, to) in [(MessageState.received, MessageState.decided), (.received, .acted), (.received, .received)] {
            #expect(throws: StoreError.illegalTransition(messageID: id, from: from, to: to)) {
                try store.transition(id, from: from, to: to, update: MessageUpdate(subject: "x"),
                                     audit: AuditDraft(messageID: id, stage: "t", actor: "t", eventType: "t"))
            }
        }
        let error = StoreError.illegalTransition(messageID: id, from: .received, to: .decided)
        #expect(error.description == "message \(id) cannot go from received to decided: from received it may only go to parsed, review, failed")
        #expect(StoreError.illegalTransition(messageID: 9, from: .acted, to: .parsed).description.hasSuffix("from acted it may only go to review"))

        #expect(try store.message(id: id)?.state == .received)
        #expect(try store.message(id: id)?.subject == nil)
        #expect(try store.auditHead() == headBefore)
    }

    @Test func compareAndSetRefusesAStaleWorker() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let id = try store.recordReceived(StoreScratch.received("cas"), actor: "intake").messageID
        let draft = AuditDraft(messageID: id, stage: "parse", actor: "worker", eventType: "parsed")

        try store.transition(id, from: .received, to: .parsed, update: MessageUpdate(), audit: draft)
        let head = try store.auditHead()
        #expect(throws: StoreError.stateConflict(messageID: id, expected: .received, actual: .parsed)) {
            try store.transition(id, from: .received, to: .parsed, update: MessageUpdate(subject: "late"), audit: draft)
        }
        #expect(try store.auditHead() == head)  // the loser wrote no audit event
        #expect(try store.message(id: id)?.subject == nil)
        #expect(StoreError.stateConflict(messageID: id, expected: .received, actual: .parsed).description
            .contains("another worker moved it first"))

        #expect(throws: StoreError.messageNotFound(messageID: 999)) {
            try store.transition(999, from: .received, to: .parsed, update: MessageUpdate(), audit: draft)
        }
    }

    @Test func concurrentWorkersOnOneMessageExactlyOneWins() async throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let id = try store.recordReceived(StoreScratch.received("race"), actor: "intake").messageID
        let wins = try await withThrowingTaskGroup(of: Bool.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    do {
                        try store.transition(id, from: .received, to: .parsed, update: MessageUpdate(),
                                             audit: AuditDraft(messageID: id, stage: "parse", actor: "w\(worker)",
                                                               eventType: "parsed"))
                        return true
                    } catch StoreError.stateConflict {
                        return false
                    }
                }
            }
            return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(wins == 1)
        #expect(try store.auditEvents(matching: AuditFilter(messageID: id, eventType: "parsed")).count == 1)
    }

    @Test func reviewFailedAndRetryCarryAndClearTheReason() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let a = try store.recordReceived(StoreScratch.received("review"), actor: "intake").messageID
        let b = try store.recordReceived(StoreScratch.received("fail"), actor: "intake").messageID
        func draft(_ id: Int64, _ type: String) -> AuditDraft {
            AuditDraft(messageID: id, stage: "operator", actor: "jana", eventType: type)
        }

        try store.transition(a, from: .received, to: .review,
                             update: MessageUpdate(flagReason: "total does not add up"), audit: draft(a, "flagged"))
        #expect(try store.message(id: a)?.flagReason == "total does not add up")
        #expect(try store.auditEvents(matching: AuditFilter(messageID: a)).last?.detailsValue?["flag_reason"]
            == "total does not add up")
        try store.transition(a, from: .review, to: .decided, update: MessageUpdate(), audit: draft(a, "approved"))
        #expect(try store.message(id: a)?.flagReason == nil)

        try store.transition(b, from: .received, to: .failed,
                             update: MessageUpdate(flagReason: "parser crashed 3 times"), audit: draft(b, "failed"))
        try store.transition(b, from: .failed, to: .received, update: MessageUpdate(), audit: draft(b, "retry"))
        let retried = try #require(try store.message(id: b))
        #expect(retried.state == .received)
        #expect(retried.flagReason == nil)
        #expect(AuditVerifier.verify(store: store).isIntact)
    }

    @Test func attemptsCountUpAndResetOnTransition() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let id = try store.recordReceived(StoreScratch.received("attempts"), actor: "intake").messageID
        #expect(try store.recordAttempt(id) == 1)
        #expect(try store.recordAttempt(id) == 2)
        #expect(try store.message(id: id)?.attempts == 2)
        try store.transition(id, from: .received, to: .parsed, update: MessageUpdate(),
                             audit: AuditDraft(messageID: id, stage: "parse", actor: "p", eventType: "parsed"))
        #expect(try store.message(id: id)?.attempts == 0)
        #expect(throws: StoreError.messageNotFound(messageID: 77)) { try store.recordAttempt(77) }
    }
}

@Suite struct ReceivingTests {
    @Test func sameLocationTwiceIsOneMessage() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let mail = StoreScratch.received("once")

        #expect(try store.isKnown(source: mail.source, location: mail.location) == false)
        let first = try store.recordReceived(mail, actor: "intake")
        let second = try store.recordReceived(mail, actor: "intake")
        guard case .stored(let id) = first else { Issue.record("first was \(first)"); return }
        #expect(second == .duplicate(messageID: id))
        #expect(try store.isKnown(source: mail.source, location: mail.location))
        #expect(try store.sources(ofMessage: id).count == 1)
        #expect(try store.stateCounts()[.received] == 1)

        let events = try store.auditEvents(matching: AuditFilter(messageID: id))
        #expect(events.map(\.eventType) == ["received", "duplicate"])
        #expect(events[1].detailsValue?["reason"] == "location already recorded")
    }

    @Test func sameContentFromTwoLocationsRecordsBothLocations() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let inMaildir = StoreScratch.received("same bytes", source: "maildir:inbox", location: "1.host:2,")
        let inDrop = StoreScratch.received("same bytes", source: "drop:scans", location: "scan.eml@1790000000")

        let id = try store.recordReceived(inMaildir, actor: "intake").messageID
        #expect(try store.recordReceived(inDrop, actor: "intake") == .duplicate(messageID: id))
        #expect(try store.recordReceived(inDrop, actor: "intake") == .duplicate(messageID: id))
        #expect(try store.messageID(contentSHA256: inMaildir.contentSHA256) == id)
        #expect(try store.sources(ofMessage: id).map(\.source) == ["maildir:inbox", "drop:scans"])
        #expect(try store.isKnown(source: "drop:scans", location: "scan.eml@1790000000"))
        #expect(try store.countMessages(matching: MessageFilter()) == 1)
        #expect(try store.message(id: id)?.source == "maildir:inbox")  // the first place it was seen
        let reasons = try store.auditEvents(matching: AuditFilter(messageID: id, eventType: "duplicate"))
            .compactMap { $0.detailsValue?["reason"]?.stringValue }
        #expect(reasons == ["same content already recorded", "location already recorded"])
    }

    @Test func aBatchIsOneTransactionWithPerMessageOutcomes() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let batch = (0..<50).map { StoreScratch.received("mbox \($0)", source: "file", location: "box.mbox#\($0)") }
            + [StoreScratch.received("mbox 3", source: "file", location: "copy.mbox#0")]
        let outcomes = try store.recordReceived(batch, actor: "import")
        #expect(outcomes.filter(\.isDuplicate).count == 1)
        #expect(outcomes.last == .duplicate(messageID: outcomes[3].messageID))
        #expect(try store.stateCounts()[.received] == 50)

        // A bad entry refuses the whole batch before anything is written.
        var bad = StoreScratch.received("bad")
        bad.contentSHA256 = "not-a-hash"
        #expect(throws: StoreError.self) {
            try store.recordReceived([StoreScratch.received("new one"), bad], actor: "import")
        }
        #expect(try store.stateCounts()[.received] == 50)
    }

    @Test func resumeListsUnfinishedMessagesOldestFirst() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let base = Date(timeIntervalSince1970: 1_790_000_000)
        // Recorded out of time order on purpose.
        let late = try store.recordReceived(StoreScratch.received("late", at: base.addingTimeInterval(300)), actor: "i").messageID
        let early = try store.recordReceived(StoreScratch.received("early", at: base), actor: "i").messageID
        let middle = try store.recordReceived(StoreScratch.received("middle", at: base.addingTimeInterval(60)), actor: "i").messageID
        let done = try store.recordReceived(StoreScratch.received("done", at: base.addingTimeInterval(-60)), actor: "i").messageID
        try store.transition(middle, from: .received, to: .parsed, update: MessageUpdate(),
                             audit: AuditDraft(messageID: middle, stage: "parse", actor: "p", eventType: "parsed"))
        try store.transition(done, from: .received, to: .failed, update: MessageUpdate(flagReason: "x"),
                             audit: AuditDraft(messageID: done, stage: "parse", actor: "p", eventType: "failed"))

        let pending = try store.messages(inStates: [.received, .parsed, .understood, .decided], limit: 10)
        #expect(pending.map(\.id) == [early, middle, late])
        #expect(try store.messages(inStates: [.received], limit: 1).map(\.id) == [early])
        #expect(try store.messages(inStates: [], limit: 10).isEmpty)
        #expect(pending[0].receivedAt == base)
    }

    @Test func filtersMessagesForTheCommandLine() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let base = Date(timeIntervalSince1970: 1_790_000_000)
        var ids: [Int64] = []
        for i in 0..<6 {
            let source = i.isMultiple(of: 2) ? "maildir:inbox" : "drop:scans"
            let id = try store.recordReceived(StoreScratch.received("f\(i)", source: source,
                                                                   at: base.addingTimeInterval(Double(i) * 3600)),
                                              actor: "i").messageID
            ids.append(id)
            try store.transition(id, from: .received, to: .parsed,
                                 update: MessageUpdate(subject: i == 4 ? "100% discount_offer" : "Order \(i)",
                                                       sender: i == 1 ? "li.wei@example.cn" : "sales@example.com"),
                                 audit: AuditDraft(messageID: id, stage: "parse", actor: "p", eventType: "parsed"))
        }
        try store.transition(ids[5], from: .parsed, to: .understood, update: MessageUpdate(kind: "invoice"),
                             audit: AuditDraft(messageID: ids[5], stage: "understand", actor: "u", eventType: "understood"))

        #expect(try store.messages(matching: MessageFilter(source: "drop:scans")).map(\.id) == [ids[1], ids[3], ids[5]])
        #expect(try store.messages(matching: MessageFilter(states: [.understood])).map(\.id) == [ids[5]])
        #expect(try store.messages(matching: MessageFilter(since: base.addingTimeInterval(2 * 3600),
                                                           until: base.addingTimeInterval(4 * 3600))).map(\.id)
            == [ids[2], ids[3]])
        #expect(try store.messages(matching: MessageFilter(text: "LI.WEI")).map(\.id) == [ids[1]])
        // % and _ are literal in a search, not wildcards.
        #expect(try store.messages(matching: MessageFilter(text: "100%")).map(\.id) == [ids[4]])
        #expect(try store.messages(matching: MessageFilter(text: "r_1")).isEmpty)  // "Order 1" would match a wildcard
        #expect(try store.messages(matching: MessageFilter(kind: "invoice")).map(\.id) == [ids[5]])
        #expect(try store.messages(matching: MessageFilter(limit: 2, offset: 1)).map(\.id) == [ids[1], ids[2]])
        #expect(try store.messages(matching: MessageFilter(limit: 2, newestFirst: true)).map(\.id) == [ids[5], ids[4]])
        #expect(try store.countMessages(matching: MessageFilter(source: "maildir:inbox", limit: 1)) == 3)

        let counts = try store.stateCounts()
        #expect(counts[.parsed] == 5)
        #expect(counts[.understood] == 1)
        #expect(counts[.acted] == 0)
        #expect(counts.count == MessageState.allCases.count)
    }

    /// The overview's "today by kind" and "today by state": one grouped query each, with the filter's day.
    @Test func countsMessagesByKindAndStateInOneQuery() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let base = Date(timeIntervalSince1970: 1_790_000_000)
        let kinds: [String?] = ["invoice", "invoice", "quote_request", nil, "invoice", "quote_request"]
        for (i, kind) in kinds.enumerated() {
            // The first is from the day before: the filter's `since` leaves it out.
            let at = i == 0 ? base.addingTimeInterval(-86_400) : base.addingTimeInterval(Double(i) * 60)
            let id = try store.recordReceived(StoreScratch.received("k\(i)", at: at), actor: "i").messageID
            try store.transition(id, from: .received, to: .parsed, update: MessageUpdate(subject: "s"),
                                 audit: AuditDraft(messageID: id, stage: "parse", actor: "p", eventType: "parsed"))
            if let kind {
                try store.transition(id, from: .parsed, to: .understood, update: MessageUpdate(kind: kind),
                                     audit: AuditDraft(messageID: id, stage: "understand", actor: "u", eventType: "understood"))
            }
        }
        let today = try store.countMessagesByKind(matching: MessageFilter(since: base))
        #expect(today.map(\.kind) == ["invoice", "quote_request", nil])
        #expect(today.map(\.count) == [2, 2, 1])
        #expect(try store.countMessagesByKind(matching: MessageFilter()).first?.count == 3)
        let states = try store.countMessagesByState(matching: MessageFilter(since: base))
        #expect(states == [.understood: 4, .parsed: 1])
        // A limit does not cut the counts short (the overview once loaded at most 20,000 messages to count them).
        #expect(try store.countMessagesByKind(matching: MessageFilter(since: base, limit: 1)).map(\.count).reduce(0, +) == 5)
    }
}

@Suite struct AuditTableProtectionTests {
    @Test func theDatabaseRefusesUpdateDeleteAndReplace() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        for i in 0..<3 { try store.appendAudit(AuditDraft(messageID: nil, stage: "test", actor: "t", eventType: "e\(i)")) }
        let raw = try DatabaseQueue(path: store.path)  // the attacker: plain SQLite, no Mailroom between

        func refused(_ sql: String) -> String? {
            do {
                try raw.write { db in try db.execute(sql: sql) }
                return nil
            } catch let error as DatabaseError {
                return error.message
            } catch {
                return "\(error)"
            }
        }
        #expect(refused("UPDATE audit_events SET details = '{}' WHERE sequence = 2")?.contains("append-only") == true)
        #expect(refused("DELETE FROM audit_events WHERE sequence = 3")?.contains("append-only") == true)
        #expect(refused("""
            INSERT OR REPLACE INTO audit_events (sequence, time, stage, actor, event_type, details, previous_hash, hash)
            VALUES (2, 't', 's', 'a', 'e', '{}', 'p', 'h')
            """)?.contains("append-only") == true)
        #expect(refused("""
            INSERT INTO audit_events (sequence, time, stage, actor, event_type, details, previous_hash, hash)
            VALUES (10, 't', 's', 'a', 'e', '{}', 'p', 'h')
            """)?.contains("next sequence number") == true)
        #expect(AuditVerifier.verify(store: store).isIntact)
        #expect(try store.auditHead()?.sequence == 3)
    }
}
