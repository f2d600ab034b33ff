import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Ingest
@testable import Parse
@testable import Understand
@testable import Daemon
import MailroomTesting

/// Issue 14, finding 3: a mail Parse read over its budget goes to a person with the reason; Understand stops
/// taking more when the budget's time is spent. Deadlines here are already past when checked: nothing waits.
@Suite struct MessageBudgetUnderstandTests {
    static func manyAttachments(_ count: Int) -> Data {
        var mail = "From: Jane Buyer <jane@customer.example>\r\nTo: sales@example.com\r\nSubject: Anfrage Angebot\r\n"
            + "Date: Mon, 7 Dec 2026 10:00:00 +0000\r\nMessage-ID: <budget@customer.example>\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
            + "Bitte senden Sie uns ein Angebot.\r\n"
        for i in 0..<count {
            mail += "--b\r\nContent-Type: text/plain; name=\"note-\(i).txt\"\r\nContent-Disposition: attachment; filename=\"note-\(i).txt\"\r\n\r\nnote \(i)\r\n"
        }
        return Data((mail + "--b--\r\n").utf8)
    }

    @Test func aMailOverBudgetIsUnderstoodFromWhatWasReadAndGoesToReviewWithTheReason() async throws {
        let scratch = try IngestScratch("budget-understand")
        defer { scratch.remove() }
        let store = try scratch.makeStore()
        let spool = try scratch.makeSpool()
        let intake = Intake(store: store, spool: spool)
        let understander = Understander(catalogue: try RepositoryFiles.catalogue(), classifier: TestMail.classifier)
        let stage = UnderstandStage(store: store, understander: understander)
        let budget = MessageBudget(attachments: 5)
        let pipeline = Pipeline(store: store, stages: Pipeline.standardStages(spool: spool, store: store, understand: stage, budget: budget),
                                workers: 1, logger: TestLog.logger, retryDelay: .milliseconds(100), idlePoll: .milliseconds(50))
        let over = try #require(try intake.receive(Self.manyAttachments(30), source: "test", location: "over").messageID)
        let within = try #require(try intake.receive(Self.manyAttachments(2), source: "test", location: "within").messageID)
        let report = await pipeline.drain()
        #expect(report.errors.isEmpty)

        let m = try #require(try store.message(id: over))
        #expect(m.state == .review)
        #expect(m.flagReason?.contains("over budget: 30 attachments, limit 5 — the first 5 were read") == true, "\(m.flagReason ?? "")")
        #expect(m.normalised?.attachments.count == 5)
        #expect(m.understanding?.review.first == "over budget: 30 attachments, limit 5 — the first 5 were read")
        let parsed = try #require(try store.events(of: over).first { $0.eventType == "parsed" })
        #expect(parsed.details.contains("over_budget"))

        // The mail after it is read in full and is not held back by the budget.
        let next = try #require(try store.message(id: within))
        #expect(next.normalised?.overBudget.isEmpty == true)
        #expect(next.flagReason?.contains("over budget") != true)
    }

    @Test func understandingStopsAtThePassedDeadlineAndSaysWhere() throws {
        var understander = Understander(catalogue: try RepositoryFiles.catalogue(), classifier: TestMail.classifier)
        understander.deadline = Deadline(seconds: 0)
        understander.deadlineSeconds = 120
        let content = MessageContent.read(raw: Self.manyAttachments(1))
        let u = understander.understandNow(content)
        #expect(u.kind == "unknown")
        #expect(u.review == ["over budget: understanding the mail took longer than 120 s — stopped before the kind was told"])

        // Field extraction checks it before each field.
        let kind = try #require(try RepositoryFiles.catalogue().kinds.first { !$0.fields.isEmpty })
        #expect(FieldExtraction.extract(kind: kind, from: content, deadline: Deadline(seconds: 0)).isEmpty)
    }
}
