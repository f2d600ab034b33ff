import Foundation
import Testing
import GRDB
@testable import Vocabulary
@testable import Store
@testable import Audit
import MailroomTesting

@Suite struct AuditQueryTests {
    /// Three messages from different senders and kinds, with a clock stepping one second per reading.
    private func makeStore(_ dir: URL) throws -> (MailStore, [Int64]) {
        let clock = SteppingClock(start: Date(timeIntervalSince1970: 1_790_000_000))
        let store = try MailStore(path: dir.appendingPathComponent("q.sqlite").path, clock: { clock.now() })
        var ids: [Int64] = []
        let people = [("jana@example.de", "quote_request"), ("li.wei@example.cn", "invoice"),
                      ("ops@example.com", "support_ticket")]
        for (i, (sender, kind)) in people.enumerated() {
            let id = try store.recordReceived(StoreScratch.received("q\(i)"), actor: "intake/maildir").messageID
            ids.append(id)
            try store.transition(id, from: .received, to: .parsed, update: MessageUpdate(sender: sender),
                                 audit: AuditDraft(messageID: id, stage: "parse", actor: "parser", eventType: "parsed"))
            try store.transition(id, from: .parsed, to: .understood, update: MessageUpdate(kind: kind),
                                 audit: AuditDraft(messageID: id, stage: "understand", actor: "classifier",
                                                   eventType: "classified", details: ["kind": .string(kind)]))
        }
        try store.appendAudit(AuditDraft(messageID: nil, stage: "daemon", actor: "mailroom/0.1.0",
                                         eventType: "started", details: ["config": "/etc/mailroom/mailroom.yaml"]))
        return (store, ids)
    }

    @Test func filtersByEveryCriterionInSequenceOrder() throws {
        let dir = try StoreScratch.directory("query")
        defer { StoreScratch.remove(dir) }
        let (store, ids) = try makeStore(dir)
        func seqs(_ f: AuditFilter) throws -> [Int64] { try store.auditEvents(matching: f).map(\.sequence) }

        #expect(try seqs(AuditFilter()) == Array(1...10))
        #expect(try seqs(AuditFilter(messageID: ids[1])) == [4, 5, 6])
        #expect(try seqs(AuditFilter(sender: "LI.WEI@")) == [4, 5, 6])
        #expect(try seqs(AuditFilter(kind: "support_ticket")) == [7, 8, 9])
        #expect(try seqs(AuditFilter(stage: "understand")) == [3, 6, 9])
        #expect(try seqs(AuditFilter(actor: "mailroom/0.1.0")) == [10])
        #expect(try seqs(AuditFilter(eventType: "parsed")) == [2, 5, 8])
        #expect(try seqs(AuditFilter(kind: "invoice", stage: "understand")) == [6])
        #expect(try seqs(AuditFilter(text: "quote_req")) == [3])
        #expect(try seqs(AuditFilter(text: "/etc/mailroom")) == [10])
        #expect(try seqs(AuditFilter(afterSequence: 7, limit: 2)) == [8, 9])
        #expect(try seqs(AuditFilter(messageID: 999)).isEmpty)

        let all = try store.auditEvents(matching: AuditFilter())
        let since = try #require(MillisecondTime.date(all[3].time))
        let until = try #require(MillisecondTime.date(all[6].time))
        #expect(try seqs(AuditFilter(since: since, until: until)) == [4, 5, 6])
    }

    /// --sender and --kind answer from what the chain recorded, not from the message rows, which anyone with
    /// write access to the file can edit without a trace.
    @Test func senderAndKindComeFromTheChainNotFromTheMessageRows() throws {
        let dir = try StoreScratch.directory("query")
        defer { StoreScratch.remove(dir) }
        let (store, ids) = try makeStore(dir)
        func seqs(_ f: AuditFilter) throws -> [Int64] { try store.auditEvents(matching: f).map(\.sequence) }
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "UPDATE messages SET sender = 'mallory@evil.example', kind = 'invoice' WHERE id = ?",
                           arguments: [ids[0]])
        }
        #expect(try seqs(AuditFilter(sender: "mallory")).isEmpty)
        #expect(try seqs(AuditFilter(sender: "jana@")) == [1, 2, 3])
        #expect(try seqs(AuditFilter(kind: "invoice")) == [4, 5, 6])
        #expect(try seqs(AuditFilter(kind: "quote_request")) == [1, 2, 3])
        // A later state event that records another kind (a review correction) is the one that counts.
        try store.transition(ids[0], from: .understood, to: .review, update: MessageUpdate(kind: "invoice"),
                             audit: AuditDraft(messageID: ids[0], stage: "review", actor: "operator:anna", eventType: "review"))
        #expect(try seqs(AuditFilter(kind: "invoice")) == [1, 2, 3, 4, 5, 6, 11])
        #expect(try seqs(AuditFilter(kind: "quote_request")).isEmpty)
    }

    @Test func aTimelineShowsOneMessageWithItsSummary() throws {
        let dir = try StoreScratch.directory("query")
        defer { StoreScratch.remove(dir) }
        let (store, ids) = try makeStore(dir)
        _ = try store.recordReceived(StoreScratch.received("q1", source: "drop:scans", location: "copy.eml"), actor: "intake/drop")

        let timeline = try #require(try AuditTimeline.load(store: store, messageID: ids[1]))
        #expect(timeline.message.sender == "li.wei@example.cn")
        #expect(timeline.sources.map(\.source) == ["maildir:inbox", "drop:scans"])
        #expect(timeline.events.map(\.eventType) == ["received", "parsed", "classified", "duplicate"])
        #expect(timeline.statePath == ["received", "parsed", "understood"])
        #expect(try AuditTimeline.load(store: store, messageID: 404) == nil)

        let text = AuditReport.timeline(timeline)
        #expect(text.hasPrefix("Message \(ids[1]): understood\n"))
        #expect(text.contains("  sender:    li.wei@example.cn\n"))
        #expect(text.contains("  also at:   drop:scans copy.eml"))
        #expect(text.contains("  path:      received → parsed → understood\n"))
        #expect(text.contains("classified"))

        let json = try JSONValue(parsing: AuditReport.timelineJSON(timeline))
        #expect(json["message"]?["kind"] == "invoice")
        #expect(json["events"]?.arrayValue?.count == 4)
        #expect(json["sources"]?.arrayValue?.last?["source"] == "drop:scans")
    }
}
