import Foundation
import GRDB
import Testing
@testable import Vocabulary
@testable import Store
import MailroomTesting

/// Full-text search (FTS5) and the search filters, in the store.
@Suite struct MessageSearchStoreTests {
    /// A store with parsed messages: (tag, subject, sender, body, document text, received offset in hours).
    static func store(_ dir: URL, _ mails: [(String, String, String, String, String?)], clock: SteppingClock = SteppingClock())
        throws -> (MailStore, [Int64]) {
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path, clock: clock.now)
        var ids: [Int64] = []
        for (i, mail) in mails.enumerated() {
            let received = StoreScratch.received(mail.0, at: Date(timeIntervalSince1970: 1_790_000_000 + Double(i) * 3600))
            let id = try store.recordReceived(received, actor: "test").messageID
            var n = NormalisedMessage(subject: mail.1)
            n.from = [MailAddress(name: nil, address: mail.2)]
            n.text = mail.3
            var documents: [DocumentText] = []
            if let doc = mail.4 {
                n.attachments = [AttachmentInfo(filename: "doc.pdf", contentType: "application/pdf", size: doc.utf8.count,
                                                sha256: StoreScratch.sha256Hex(Data(doc.utf8)), disposition: "attachment", part: "2")]
                documents = [DocumentText(filename: "doc.pdf", contentType: "application/pdf", text: doc, method: "pdftotext")]
            }
            try store.transition(id, from: .received, to: .parsed,
                                 update: MessageUpdate(subject: mail.1, sender: mail.2, normalised: n, documents: documents),
                                 audit: AuditDraft(messageID: id, stage: "parse", actor: "test", eventType: "parsed"))
            ids.append(id)
        }
        return (store, ids)
    }

    static let mails: [(String, String, String, String, String?)] = [
        ("a", "Rechnung R-2026-0042", "buchhaltung@alster.de", "Anbei unsere Rechnung für März. Grüße aus dem Café", "Rechnungsnummer R-2026-0042 Betrag 1.190,00 EUR"),
        ("b", "Angebot Stühle", "jana@example.de", "Bitte ein Angebot über 40 Stühle or chairs", nil),
        ("c", "请查收发票", "li@example.cn", "您好，附件是三月份的发票和订单，请确认。", nil),
        ("d", "見積もりのお願い", "tanaka@example.jp", "椅子を四十脚、見積もりをお願いします。", nil),
        ("e", "Support: printer NEAR the door", "bob@example.com", "The printer near the door is broken - again. \"quoted\" text", nil),
    ]

    func ids(_ page: MessageSearchPage) -> Set<Int64> { Set(page.messages.map(\.id)) }

    @Test func findsWordsInSubjectBodyAndDocumentsWithoutCaringForAccents() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let (store, id) = try Self.store(dir, Self.mails)
        #expect(ids(try store.searchMessages(MessageSearch(text: "rechnung"))) == [id[0]])
        #expect(ids(try store.searchMessages(MessageSearch(text: "Rechnungsnummer"))) == [id[0]])   // document text only
        #expect(ids(try store.searchMessages(MessageSearch(text: "cafe"))) == [id[0]])              // "Café"
        #expect(ids(try store.searchMessages(MessageSearch(text: "stuhle"))) == [id[1]])            // subject "Stühle"
        #expect(ids(try store.searchMessages(MessageSearch(text: "angebot 40"))) == [id[1]])
        #expect(ids(try store.searchMessages(MessageSearch(text: "angebot rechnung"))).isEmpty)     // every word must occur
        #expect(try store.searchMessages(MessageSearch(text: "   ")).total == 5)                      // blank: no text filter
    }

    /// Chinese and Japanese have no spaces: 2 and 3 character queries find their mail in running text.
    @Test func findsChineseAndJapaneseByTwoOrThreeCharacters() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let (store, id) = try Self.store(dir, Self.mails)
        #expect(ids(try store.searchMessages(MessageSearch(text: "发票"))) == [id[2]])
        #expect(ids(try store.searchMessages(MessageSearch(text: "三月份"))) == [id[2]])
        #expect(ids(try store.searchMessages(MessageSearch(text: "订单"))) == [id[2]])
        #expect(ids(try store.searchMessages(MessageSearch(text: "見積"))) == [id[3]])
        #expect(ids(try store.searchMessages(MessageSearch(text: "四十脚"))) == [id[3]])
        #expect(ids(try store.searchMessages(MessageSearch(text: "单订"))).isEmpty)   // the characters in another order
        #expect(ids(try store.searchMessages(MessageSearch(subject: "发票"))) == [id[2]])
    }

    /// What a person types is searched literally: FTS5 operators and quotes are text, never syntax, never an error.
    @Test func hostileQueryStringsAreLiteralSearches() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let (store, id) = try Self.store(dir, Self.mails)
        for hostile in ["\"", "*", "NEAR", "OR", "-", "\"\"\"", "a\" OR \"b", "NEAR(printer door)", "printer*", "-door",
                        "subject:rechnung", "^printer", "(", ")", "{subject}: x", "AND", "NOT", "' OR 1=1 --", "%", "_", "\\"] {
            _ = try store.searchMessages(MessageSearch(text: hostile))
            _ = try store.searchMessages(MessageSearch(sender: hostile, subject: hostile, rule: hostile, connector: hostile))
        }
        // Only the mail that really contains "or" matches "OR"; "NEAR" is the word near.
        #expect(ids(try store.searchMessages(MessageSearch(text: "OR"))) == [id[1]])
        #expect(ids(try store.searchMessages(MessageSearch(text: "NEAR"))) == [id[4]])
        // "rechnung OR stühle" needs all three words: nothing has them all.
        #expect(ids(try store.searchMessages(MessageSearch(text: "rechnung OR stühle"))).isEmpty)
        // A minus is no negation, a star no prefix: "-door" is the word door, "print*" is the word print.
        #expect(ids(try store.searchMessages(MessageSearch(text: "-door"))) == [id[4]])
        #expect(ids(try store.searchMessages(MessageSearch(text: "print*"))).isEmpty)
        #expect(ids(try store.searchMessages(MessageSearch(text: "\"quoted\""))) == [id[4]])
        // A column filter is no filter: "subject:rechnung" is the two words subject and rechnung.
        #expect(ids(try store.searchMessages(MessageSearch(text: "subject:rechnung"))).isEmpty)
        // Punctuation alone can match no indexed word: nothing, and no error.
        #expect(try store.searchMessages(MessageSearch(text: "\" * -")).total == 0)
        // LIKE wildcards in the sender filter are literal.
        #expect(try store.searchMessages(MessageSearch(sender: "%")).total == 0)
        #expect(ids(try store.searchMessages(MessageSearch(sender: "example.c"))) == [id[2], id[4]])
        #expect(SearchText.ftsQuery("a\" OR \"b") == "\"a\"\"\" AND \"OR\" AND \"\"\"b\"")
    }

    @Test func filtersPagesAndCounts() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let (store, id) = try Self.store(dir, Self.mails)
        try store.transition(id[0], from: .parsed, to: .understood, update: MessageUpdate(kind: "invoice"),
                             audit: AuditDraft(messageID: id[0], stage: "understand", actor: "test", eventType: "understood"))
        try store.transition(id[0], from: .understood, to: .decided, update: MessageUpdate(),
                             audit: AuditDraft(messageID: id[0], stage: "decide", actor: "test", eventType: "decided"))
        try store.enqueue(messageID: id[0], actions: [OutboxFixtures.action(rule: "invoices", approval: "finance")], actor: "test")
        try store.transition(id[1], from: .parsed, to: .understood, update: MessageUpdate(kind: "quote_request"),
                             audit: AuditDraft(messageID: id[1], stage: "understand", actor: "test", eventType: "understood"))
        try store.transition(id[1], from: .understood, to: .decided, update: MessageUpdate(),
                             audit: AuditDraft(messageID: id[1], stage: "decide", actor: "test", eventType: "decided"))
        let queued = try store.enqueue(messageID: id[1], actions: [OutboxFixtures.action("create_quote", rule: "quotes")], actor: "test")

        #expect(ids(try store.searchMessages(MessageSearch(kind: "invoice"))) == [id[0]])
        #expect(ids(try store.searchMessages(MessageSearch(states: [.decided]))) == [id[0], id[1]])
        #expect(ids(try store.searchMessages(MessageSearch(rule: "quotes"))) == [id[1]])
        #expect(ids(try store.searchMessages(MessageSearch(connector: "erp"))) == [id[0], id[1]])
        #expect(ids(try store.searchMessages(MessageSearch(approval: .pending))) == [id[0]])
        #expect(try store.searchMessages(MessageSearch(approval: .approved)).total == 0)
        let pending = try #require(try store.outboxEntries(messageID: id[0]).first)
        try store.decideOutboxEntry(pending.id, from: [.awaitingApproval], to: .rejected, by: "user:anna", reason: "no",
                                    eventType: "approval_rejected")
        #expect(ids(try store.searchMessages(MessageSearch(approval: .rejected))) == [id[0]])
        #expect(queued.count == 1)
        // Dates: received one hour apart from 1_790_000_000 on.
        let t0 = Date(timeIntervalSince1970: 1_790_000_000)
        #expect(ids(try store.searchMessages(MessageSearch(since: t0.addingTimeInterval(3600), until: t0.addingTimeInterval(3 * 3600))))
                == [id[1], id[2]])

        // Paging: newest first, the total over all pages.
        let p1 = try store.searchMessages(MessageSearch(pageSize: 2, page: 1))
        let p3 = try store.searchMessages(MessageSearch(pageSize: 2, page: 3))
        #expect(p1.total == 5 && p1.pageCount == 3 && p1.hasNext && !p1.hasPrevious)
        #expect(p1.messages.map(\.id) == [id[4], id[3]])
        #expect(p3.messages.map(\.id) == [id[0]] && !p3.hasNext)
        var all: [Int64] = []
        let handed = try store.forEachSearchResult(MessageSearch(pageSize: 1), batch: 2) { all.append($0.id); return true }
        #expect(handed == 5 && all == id.reversed())
    }

    /// Messages parsed before the index existed are found after the migration.
    @Test func theMigrationIndexesMessagesParsedBeforeIt() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let path = dir.appendingPathComponent("s.sqlite").path
        let id: [Int64]
        id = try Self.store(dir, Self.mails).1
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP TABLE message_search")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE '2027-04 full-text search%'")
        }
        let reopened = try MailStore(path: path)
        #expect(ids(try reopened.searchMessages(MessageSearch(text: "发票"))) == [id[2]])
        #expect(ids(try reopened.searchMessages(MessageSearch(text: "Rechnungsnummer"))) == [id[0]])
    }

    /// One reviewer at a time: the second sees who holds the mail until the claim runs out.
    @Test func reviewClaimsHoldOneOwnerUntilTheyExpire() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let clock = SteppingClock()
        let (store, id) = try Self.store(dir, Array(Self.mails.prefix(1)), clock: clock)
        let anna = try store.claimForReview(id[0], owner: "user:anna", seconds: 60)
        #expect(anna.owner == "user:anna")
        let bob = try store.claimForReview(id[0], owner: "user:bob", seconds: 60)
        #expect(bob.owner == "user:anna")
        #expect(try store.reviewClaims(id)[id[0]]?.owner == "user:anna")
        try store.releaseReviewClaim(id[0], owner: "user:bob")   // not bob's: nothing happens
        #expect(try store.reviewClaim(id[0])?.owner == "user:anna")
        try store.releaseReviewClaim(id[0], owner: "user:anna")
        #expect(try store.reviewClaim(id[0]) == nil)
        // A claim of 2 seconds has run out after three readings of the stepping clock.
        _ = try store.claimForReview(id[0], owner: "user:anna", seconds: 2)
        _ = clock.now(); _ = clock.now()
        #expect(try store.claimForReview(id[0], owner: "user:bob", seconds: 60).owner == "user:bob")
    }
}
