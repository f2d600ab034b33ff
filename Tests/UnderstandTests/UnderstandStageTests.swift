import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Ingest
@testable import Understand
@testable import Audit
@testable import Daemon
import MailroomTesting

@Suite struct UnderstandStageTests {
    struct Setup {
        let scratch: IngestScratch
        let store: MailStore
        let spool: Spool
        let intake: Intake
        let stage: UnderstandStage

        func pipeline() -> Pipeline {
            Pipeline(store: store, stages: Pipeline.standardStages(spool: spool, store: store, understand: stage), workers: 1,
                     logger: TestLog.logger, retryDelay: .milliseconds(100), idlePoll: .milliseconds(50))
        }

        func receive(_ raw: Data, _ location: String) throws -> Int64 {
            try #require(try intake.receive(raw, source: "test", location: location).messageID)
        }
    }

    func setup(_ label: String) throws -> Setup {
        let scratch = try IngestScratch(label)
        let store = try scratch.makeStore()
        let spool = try scratch.makeSpool()
        let understander = Understander(catalogue: try RepositoryFiles.catalogue(), classifier: TestMail.classifier)
        return Setup(scratch: scratch, store: store, spool: spool, intake: Intake(store: store, spool: spool),
                     stage: UnderstandStage(store: store, understander: understander))
    }

    @Test func anUnderstoodMessageKeepsItsUnderstandingAndTheAuditSaysHow() async throws {
        let s = try setup("understand-ok")
        defer { s.scratch.remove() }
        let id = try s.receive(try RepositoryFiles.demo(5), "approval")
        #expect(try await s.pipeline().drive(id) == .noAction)
        let m = try #require(try s.store.message(id: id))
        #expect(m.kind == "approval")
        let u = try #require(m.understanding)
        #expect(u.fields["decision"] == .text("approve"))
        #expect(u.fields["reference"] == .text("APR-2026-0041"))
        let event = try #require(try s.store.events(of: id).first { $0.stage == "understand" })
        #expect(event.eventType == "understood")
        let details = try #require(event.detailsValue)
        #expect(details["method"] == .string("rule"))
        #expect(details["kind"] == .string("approval"))
        #expect(details["field_names"]?.arrayValue?.contains(.string("decision")) == true)
        #expect(details["fields"]?["reference"] == .string("APR-2026-0041"))
        #expect((details["steps"]?.arrayValue?.count ?? 0) >= 2)
        #expect(details["confidence"]?.doubleValue ?? 0 > 0.9)
        // Which kind files understood it: their hash, as the catalogue read them.
        let kindsSHA256 = try #require(try RepositoryFiles.catalogue().filesSHA256)
        #expect(details["kinds_sha256"] == .string(kindsSHA256))
        #expect(kindsSHA256.count == 64)
        #expect(AuditVerifier.verify(store: s.store).isIntact)
    }

    @Test func aMessageWithReasonsGoesToReviewWithThemInPlainWords() async throws {
        let s = try setup("understand-review")
        defer { s.scratch.remove() }
        let id = try s.receive(try RepositoryFiles.demo(7), "invoice")
        #expect(try await s.pipeline().drive(id) == .review)
        let m = try #require(try s.store.message(id: id))
        #expect(m.flagReason?.hasPrefix("understood as \(m.kind ?? "") by classifier, but: ") == true, "\(m.flagReason ?? "")")
        #expect(m.understanding?.review.isEmpty == false)
        let event = try #require(try s.store.events(of: id).first { $0.stage == "understand" })
        #expect(event.eventType == "review")
        #expect(event.detailsValue?["review"]?.arrayValue?.isEmpty == false)
    }

    @Test func withoutKindsEveryMessageIsUnknownAndMovesOn() async throws {
        let scratch = try IngestScratch("understand-none")
        defer { scratch.remove() }
        let stage = try UnderstandStage.load(store: try scratch.makeStore(),
                                             rulesDirectory: scratch.path("no-rules"),
                                             cacheDirectory: URL(fileURLWithPath: scratch.path("cache")), logger: TestLog.logger)
        #expect(stage.understander == nil)
        let outcome = try await stage.process(StoredMessage(id: 1, contentSHA256: String(repeating: "0", count: 64), size: 0,
                                                            state: .parsed, source: "t", location: "t", receivedAt: Date(), updatedAt: Date()))
        #expect(outcome.next == .understood)
        #expect(outcome.update.kind == "unknown")
        #expect(outcome.details["reason"]?.stringValue?.contains("no-rules/kinds does not exist") == true)
    }

    @Test func brokenKindFilesStopTheStageFromLoading() throws {
        let scratch = try IngestScratch("understand-broken")
        defer { scratch.remove() }
        try scratch.write("kind: other\nbusines: false\n", to: "rules/kinds/other.yaml")
        #expect(throws: RuleFileProblems.self) {
            try UnderstandStage.load(store: try scratch.makeStore(), rulesDirectory: scratch.path("rules"),
                                     cacheDirectory: URL(fileURLWithPath: scratch.path("cache")), logger: TestLog.logger)
        }
    }

    @Test func theReviewQueueAcceptsCorrectsAndRejectsWithWhoDidIt() async throws {
        let s = try setup("review-queue")
        defer { s.scratch.remove() }
        let invoice = try s.receive(try RepositoryFiles.demo(7), "invoice")
        let second = try s.receive(try RepositoryFiles.demo(9), "quote")
        let third = try s.receive(TestMail.make(subject: "Rechnung 4711", body: "Rechnung Nr. 4711, bitte zahlen"), "x")
        _ = await s.pipeline().drain()
        let queue = ReviewQueue(store: s.store, catalogue: try RepositoryFiles.catalogue(), spool: s.spool)
        #expect(try queue.pending().map(\.id).contains(invoice))

        // A correction is checked against the kind's fields and types.
        #expect(throws: OperatorInputError.self) {
            try queue.correct(invoice, [try .init(parsing: "grosstotal=1")], by: "operator:anna")
        }
        #expect(throws: OperatorInputError.self) {
            try queue.correct(invoice, [try .init(parsing: "issue_date=tomorrow")], by: "operator:anna")
        }
        let (u, notes) = try queue.correct(invoice, [try .init(parsing: "gross_total=4.482,30 EUR"),
                                                     try .init(parsing: "buyer=Nowhere Trading AG")], by: "operator:anna")
        #expect(u.method == "person")
        #expect(u.fields["gross_total"] == .money(Decimal(string: "4482.30")!, currency: "EUR"))
        #expect(u.groundings["gross_total"]?.excerpt.hasPrefix("4.482,30") == true)
        #expect(notes.contains { $0.contains("buyer") && $0.contains("not grounded") })
        let m = try #require(try s.store.message(id: invoice))
        #expect(m.state == .understood)
        let event = try #require(try s.store.events(of: invoice).last { $0.stage == "review" })
        #expect(event.actor == "operator:anna")
        #expect(event.eventType == "review_corrected")
        #expect(event.details.contains("gross_total=4.482,30 EUR"))

        // Adding the corrected mail to the examples writes the mail and its expected fields.
        let examples = URL(fileURLWithPath: s.scratch.path("rules/examples"))
        let file = try queue.addExample(invoice, examplesDirectory: examples)
        #expect(FileManager.default.fileExists(atPath: file.path))
        let expected = try String(contentsOf: file.deletingPathExtension().appendingPathExtension("expected.json"), encoding: .utf8)
        #expect(expected.contains("\"gross_total\": \"4482.30\""))

        if try s.store.message(id: second)?.state == .review {
            try queue.accept(second, by: "operator:ben", note: "fine")
            #expect(try s.store.message(id: second)?.state == .understood)
            #expect(try s.store.events(of: second).last { $0.stage == "review" }?.actor == "operator:ben")
        }
        if try s.store.message(id: third)?.state == .review {
            try queue.reject(third, by: "operator:carla", reason: "spam")
            let rejected = try #require(try s.store.message(id: third))
            #expect(rejected.state == .noAction)
            #expect(rejected.kind == "other")
            #expect(try s.store.events(of: third).last?.eventType == "review_rejected")
        }
        // Nothing to decide twice.
        #expect(throws: OperatorInputError.self) { try queue.accept(invoice, by: "operator:anna") }
        #expect(AuditVerifier.verify(store: s.store).isIntact)
    }
}
