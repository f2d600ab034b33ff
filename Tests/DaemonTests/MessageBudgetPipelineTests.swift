import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Ingest
@testable import Parse
@testable import Understand
@testable import Daemon
import MailroomTesting

/// Issue 14, finding 3: a mail over its budget is kept, flagged and explained, and the pipeline goes on.
@Suite struct MessageBudgetPipelineTests {
    @Test func aMailOverBudgetGoesToReviewAndTheNextOneMovesOn() async throws {
        let scratch = try IngestScratch("budget-pipeline")
        defer { scratch.remove() }
        let store = try scratch.makeStore()
        let spool = try scratch.makeSpool()
        let intake = Intake(store: store, spool: spool)
        // Headers beyond the budget, and a raw size over it: both said, the mail kept.
        var mail = "From: a@example.com\r\nTo: b@example.com\r\nSubject: headers\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n"
        for i in 0..<5_000 { mail += "X-Filler-\(i): value \(i)\r\n" }
        mail += "\r\n" + String(repeating: "body line\r\n", count: 20_000)
        let over = try #require(try intake.receive(Data(mail.utf8), source: "test", location: "over").messageID)
        let fine = try #require(try intake.receive(Data(SampleMail.text(1).utf8), source: "test", location: "fine").messageID)

        let budget = MessageBudget(rawBytes: 200_000, headerCount: 100)
        let pipeline = Pipeline(store: store, stages: Pipeline.standardStages(spool: spool, store: store, budget: budget),
                                workers: 1, logger: TestLog.logger, retryDelay: .milliseconds(100), idlePoll: .milliseconds(50))
        let report = await pipeline.drain()
        #expect(report.errors.isEmpty)

        let m = try #require(try store.message(id: over))
        #expect(m.state == .review)
        let reason = try #require(m.flagReason)
        #expect(reason.contains("over budget: the mail is"), "\(reason)")
        #expect(reason.contains("only the first 195.3 KiB were read"), "\(reason)")
        #expect(reason.contains("over budget: 5,004 header fields, limit 100 — the first 100 were read"), "\(reason)")
        #expect(m.normalised?.headers.count == 100)
        #expect(m.subject == "headers")
        #expect(try spool.read(sha256: m.contentSHA256).count == mail.utf8.count)  // kept whole in the spool

        #expect(try store.message(id: fine)?.state == .noAction)
    }
}
