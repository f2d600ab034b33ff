import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Ingest
@testable import Understand
@testable import Audit
@testable import Daemon
import MailroomTesting

/// A person's correction becomes an example (`--add-example`), and the classifier in use is retrained when
/// the examples change (issue 13, "learning from people").
@Suite struct LearningFromPeopleTests {
    struct Setup {
        let scratch: IngestScratch
        let store: MailStore
        let spool: Spool
        let intake: Intake
        let queue: ReviewQueue

        func pipeline() throws -> Pipeline {
            let stage = UnderstandStage(store: store, understander: Understander(catalogue: try RepositoryFiles.catalogue(),
                                                                                 classifier: TestMail.classifier))
            return Pipeline(store: store, stages: Pipeline.standardStages(spool: spool, store: store, understand: stage), workers: 1,
                            logger: TestLog.logger, retryDelay: .milliseconds(100), idlePoll: .milliseconds(50))
        }
    }

    func setup(_ label: String) throws -> Setup {
        let scratch = try IngestScratch(label)
        let store = try scratch.makeStore()
        let spool = try scratch.makeSpool()
        return Setup(scratch: scratch, store: store, spool: spool, intake: Intake(store: store, spool: spool),
                     queue: ReviewQueue(store: store, catalogue: try RepositoryFiles.catalogue(), spool: spool))
    }

    @Test func addExampleWritesTheRawMailAndTheCorrectedFieldsUnderAStableNameAndAuditsWho() async throws {
        let s = try setup("learning-add-example")
        defer { s.scratch.remove() }
        let raw = try RepositoryFiles.demo(7)
        let id = try #require(try s.intake.receive(raw, source: "test", location: "invoice").messageID)
        _ = await try s.pipeline().drain()
        #expect(try s.store.message(id: id)?.state == .review)
        try s.queue.correct(id, [try .init(parsing: "gross_total=4.482,30 EUR")], by: "person:anna")
        let examples = URL(fileURLWithPath: s.scratch.path("rules/examples"))

        let file = try s.queue.addExample(id, examplesDirectory: examples, by: "person:anna")
        let message = try #require(try s.store.message(id: id))
        let name = ReviewQueue.exampleName(message)
        #expect(name.hasPrefix("review-") && name.count == "review-".count + 16)
        #expect(file.path == examples.appendingPathComponent("invoice/\(name).eml").path)
        #expect(try Data(contentsOf: file) == raw)  // the mail as it came, from the spool
        let expectedFile = examples.appendingPathComponent("invoice/\(name).expected.json")
        let expectedText = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(expectedText.hasPrefix("{\n  \"fields\": {\n    \""))
        #expect(expectedText.contains("\"gross_total\": \"4482.30\""))
        // Read back as the classifier's library reads every example: the corrected fields, as JSON.
        let loaded = try #require(try ExampleLibrary.load(directory: examples).first { $0.file.lastPathComponent == "\(name).eml" })
        #expect(loaded.kind == "invoice")
        #expect(loaded.expectedJSON == message.understanding?.fields.mapValues(\.json))
        let event = try #require(try s.store.auditEvents(matching: AuditFilter(messageID: id, eventType: "example_added")).last)
        #expect(event.actor == "person:anna")
        #expect(event.detailsValue?["file"] == .string(file.path))
        #expect(event.detailsValue?["fields"]?["gross_total"] == "4482.30")

        // Corrected again into another kind after it was acted on: the example moves, it is not labelled twice.
        _ = await try s.pipeline().drain()
        #expect(try s.store.message(id: id)?.state == .noAction)
        try s.queue.correct(id, [try .init(parsing: "kind=other")], by: "person:ben")
        let moved = try s.queue.addExample(id, examplesDirectory: examples, by: "person:ben")
        #expect(moved.path == examples.appendingPathComponent("other/\(name).eml").path)
        #expect(!FileManager.default.fileExists(atPath: file.path))
        #expect(!FileManager.default.fileExists(atPath: expectedFile.path))
        #expect(try ExampleLibrary.load(directory: examples).map(\.kind) == ["other"])
        let second = try #require(try s.store.auditEvents(matching: AuditFilter(messageID: id, eventType: "example_added")).last)
        #expect(second.actor == "person:ben")
        #expect(second.detailsValue?["replaced"] == .array([.string(file.path)]))
        #expect(AuditVerifier.verify(store: s.store).isIntact)
    }

    /// A trainer that counts its calls and can be told to fail.
    final class CountingTrainer: Sendable {
        let calls = LockedBox(0)
        let failing = LockedBox(false)
        var train: LiveClassifier.Trainer {
            { [self] _, _ in
                calls.withLock { $0 += 1 }
                if failing.value { throw ExampleLibraryError(message: "the examples cannot be read") }
                return TestMail.classifier
            }
        }
    }

    func writeExample(_ scratch: IngestScratch, _ path: String, _ text: String) throws {
        try scratch.write(TestMail.make(subject: text, body: text + " " + text), to: "rules/examples/" + path)
    }

    @Test func theLiveClassifierRetrainsOnlyWhenTheExamplesChangedAndSwapsTheModelAudited() async throws {
        let s = try setup("learning-live")
        defer { s.scratch.remove() }
        try writeExample(s.scratch, "invoice/a.eml", "Invoice attached, amount due")
        try writeExample(s.scratch, "other/b.eml", "Weekly newsletter")
        let examples = URL(fileURLWithPath: s.scratch.path("rules/examples"))
        let trainer = CountingTrainer()
        let live = LiveClassifier(examplesDirectory: examples, cacheDirectory: URL(fileURLWithPath: s.scratch.path("cache")),
                                  train: trainer.train, logger: TestLog.logger)
        let v1 = try ExampleLibrary.examplesHash(directory: examples)
        #expect(live.current.version == v1)
        #expect(trainer.calls.value == 1)

        // Nothing changed: no hash is needed, nothing is trained, nothing audited.
        #expect(await live.refresh(audit: s.store, logger: TestLog.logger) == .unchanged)
        // Touched but the same bytes: the hash says so, nothing is trained.
        let a = examples.appendingPathComponent("invoice/a.eml").path
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)], ofItemAtPath: a)
        #expect(await live.refresh(audit: s.store, logger: TestLog.logger) == .unchanged)
        #expect(trainer.calls.value == 1)

        // A new example: trained, swapped in, audited with old → new.
        try writeExample(s.scratch, "invoice/c.eml", "Rechnung anbei, zahlbar bis")
        let v2 = try ExampleLibrary.examplesHash(directory: examples)
        #expect(await live.refresh(audit: s.store, logger: TestLog.logger) == .retrained(from: v1, to: v2))
        #expect(trainer.calls.value == 2)
        #expect(live.current.version == v2)
        let event = try #require(try s.store.auditEvents(matching: AuditFilter(eventType: "classifier_retrained")).last)
        #expect(event.messageID == nil)
        #expect(event.detailsValue?["old_version"] == .string(v1))
        #expect(event.detailsValue?["new_version"] == .string(v2))
        #expect(event.detailsValue?["new_examples"]?.intValue == Int64(TestMail.classifier.exampleCounts.values.reduce(0, +)))

        // A training that fails keeps the model in use, says why, and is not tried again until the next change.
        trainer.failing.value = true
        try writeExample(s.scratch, "other/d.eml", "Webinar invitation")
        guard case .failed = await live.refresh(audit: s.store, logger: TestLog.logger) else {
            Issue.record("a failing training was not reported")
            return
        }
        #expect(live.current.version == v2)
        let failed = try #require(try s.store.auditEvents(matching: AuditFilter(eventType: "classifier_retrain_failed")).last)
        #expect(failed.detailsValue?["version_in_use"] == .string(v2))
        #expect(failed.detailsValue?["error"]?.stringValue?.contains("cannot be read") == true)
        #expect(await live.refresh(audit: s.store, logger: TestLog.logger) == .unchanged)
        #expect(trainer.calls.value == 3)
        #expect(AuditVerifier.verify(store: s.store).isIntact)
    }

    @Test func theUnderstandStageUsesTheModelInUseForEachMessageAndRecordsItsVersion() async throws {
        let s = try setup("learning-stage")
        defer { s.scratch.remove() }
        let examples = URL(fileURLWithPath: s.scratch.path("rules/examples"))
        let live = LiveClassifier(LoadedClassifier(classifier: nil, version: nil), examplesDirectory: examples,
                                  cacheDirectory: URL(fileURLWithPath: s.scratch.path("cache")), train: CountingTrainer().train)
        let stage = UnderstandStage(store: s.store, understander: Understander(catalogue: try RepositoryFiles.catalogue(), classifier: nil),
                                    liveClassifier: live)
        let pipeline = Pipeline(store: s.store, stages: Pipeline.standardStages(spool: s.spool, store: s.store, understand: stage),
                                workers: 1, logger: TestLog.logger)
        let text = "Please find attached our invoice. Amount due, payable by, IBAN, VAT"
        let first = try #require(try s.intake.receive(TestMail.make(subject: "Invoice", body: text), source: "t", location: "1").messageID)
        _ = await pipeline.drain()
        let before = try #require(try s.store.events(of: first).first { $0.stage == "understand" }?.detailsValue)
        #expect(before["classifier_version"] == .null)
        #expect(before["method"] == "none")

        // The examples appear while the stage is in use: the next message is understood by the new model.
        try writeExample(s.scratch, "invoice/a.eml", "Invoice attached, amount due")
        let version = try ExampleLibrary.examplesHash(directory: examples)
        #expect(await live.refresh(audit: s.store, logger: TestLog.logger) == .retrained(from: nil, to: version))
        let second = try #require(try s.intake.receive(TestMail.make(subject: "Invoice 2", body: text), source: "t", location: "2").messageID)
        _ = await pipeline.drain()
        let after = try #require(try s.store.events(of: second).first { $0.stage == "understand" }?.detailsValue)
        #expect(after["classifier_version"] == .string(version))
        #expect(after["kind"] == "invoice")
        #expect(after["steps"]?.arrayValue?.contains { $0["method"] == "classifier" && $0["kind"] == "invoice" } == true)
    }
}
