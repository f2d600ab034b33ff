import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Ingest
@testable import Parse
@testable import Understand
@testable import Decide
@testable import Act
@testable import Audit
@testable import Daemon
import MailroomTesting

@Suite struct PipelineTests {
    struct Setup {
        let scratch: IngestScratch
        let store: MailStore
        let spool: Spool
        let intake: Intake
        func pipeline(workers: Int = 2, stages: [any PipelineStage]? = nil) -> Pipeline {
            Pipeline(store: store, stages: stages ?? Pipeline.standardStages(spool: spool, store: store), workers: workers,
                     logger: TestLog.logger, retryDelay: .milliseconds(100), idlePoll: .milliseconds(50))
        }
        func receive(_ raw: String, location: String) throws -> Int64 {
            try #require(try intake.receive(Data(raw.utf8), source: "test", location: location).messageID)
        }
    }

    func setup(_ label: String) throws -> Setup {
        let scratch = try IngestScratch(label)
        let store = try scratch.makeStore()
        let spool = try scratch.makeSpool()
        return Setup(scratch: scratch, store: store, spool: spool, intake: Intake(store: store, spool: spool))
    }

    /// The transitions the audit trail recorded for a message, in order.
    func path(_ store: MailStore, _ id: Int64) throws -> [String] {
        try store.events(of: id).map { "\($0.stage):\($0.eventType)" }
    }

    @Test func aMailMovesThroughEveryStageWithOneAuditEventEach() async throws {
        let s = try setup("pipeline")
        defer { s.scratch.remove() }
        let id = try s.receive(SampleMail.text(1, subject: "Angebot bitte"), location: "a")
        let state = try await s.pipeline().drive(id)
        #expect(state == .noAction)
        #expect(try path(s.store, id) == ["ingest:received", "parse:parsed", "understand:understood",
                                          "decide:decided", "act:no_action"])
        let m = try #require(try s.store.message(id: id))
        #expect(m.state == .noAction)
        #expect(m.subject == "Angebot bitte")
        #expect(m.sender == "customer1@example.com")
        #expect(m.kind == "unknown")
        #expect(m.flagReason == nil)
        #expect(m.normalised?.messageID == "sample-1@example.com")

        let events = try s.store.events(of: id)
        #expect(events.allSatisfy { $0.actor == "mailroom/\(MailroomVersion.string)" })
        let parsed = try #require(events.first { $0.eventType == "parsed" })
        #expect(parsed.details.contains("\"attachments\":0"))
        #expect(parsed.details.contains("\"warnings\":"))
        let understood = try #require(events.first { $0.eventType == "understood" })
        #expect(understood.details.contains("\"kind\":\"unknown\""))
        #expect(understood.details.contains("\"method\":\"none\""))
        let decided = try #require(events.first { $0.eventType == "decided" })
        #expect(decided.details.contains("\"actions\":[]"))
        #expect(AuditVerifier.verify(store: s.store).isIntact)
    }

    @Test func drivingResumesFromTheLastCommittedState() async throws {
        let s = try setup("pipeline-resume")
        defer { s.scratch.remove() }
        let id = try s.receive(SampleMail.text(2), location: "b")
        // A previous run committed parse and understand, then died.
        let partial = s.pipeline(stages: [ParseStage(spool: s.spool), UnderstandStage()])
        await #expect(throws: PipelineError.self) { try await partial.drive(id) }
        #expect(try s.store.message(id: id)?.state == .understood)

        let report = await s.pipeline().drain()
        #expect(report.driven.map(\.id) == [id])
        #expect(report.driven.first?.state == .noAction)
        #expect(try path(s.store, id) == ["ingest:received", "parse:parsed", "understand:understood",
                                          "decide:decided", "act:no_action"])
        // Nothing is left to do, and driving again changes nothing.
        #expect(await s.pipeline().drain().driven.isEmpty)
        #expect(try await s.pipeline().drive(id) == .noAction)
        #expect(try s.store.events(of: id).count == 5)
    }

    @Test func bytesThatAreNotAMailGoToReviewWithAReason() async throws {
        let s = try setup("pipeline-review")
        defer { s.scratch.remove() }
        let binary = try s.receive("%PDF-1.4 just a document, no headers at all\n", location: "pdf")
        let notes = try s.receive("Note: buy milk\nTodo: call Bob\n\nthanks\n", location: "notes")
        let empty = try #require(try s.intake.receive(Data(), source: "test", location: "empty").messageID)
        let report = await s.pipeline().drain()
        #expect(Set(report.driven.map(\.state)) == [.review])
        for id in [binary, notes, empty] {
            let m = try #require(try s.store.message(id: id))
            #expect(m.state == .review)
            #expect(m.flagReason?.isEmpty == false)
            #expect(try path(s.store, id) == ["ingest:received", "parse:review"])
        }
        #expect(try s.store.message(id: binary)?.flagReason?.contains("no header fields") == true)
        #expect(try s.store.message(id: notes)?.flagReason?.contains("does not look like an e-mail") == true)
        #expect(try s.store.message(id: empty)?.flagReason?.contains("empty") == true)
        let event = try #require(try s.store.events(of: binary).last)
        #expect(event.details.contains("flag_reason") || event.details.contains("reason"))
    }

    @Test func aMissingOrDamagedSpoolFileFailsTheMessageAndSaysWhy() async throws {
        let s = try setup("pipeline-spool")
        defer { s.scratch.remove() }
        let missing = try s.receive(SampleMail.text(3), location: "m")
        let damaged = try s.receive(SampleMail.text(4), location: "d")
        let missingPath = s.spool.path(sha256: try #require(try s.store.message(id: missing)).contentSHA256)
        let damagedPath = s.spool.path(sha256: try #require(try s.store.message(id: damaged)).contentSHA256)
        try FileManager.default.removeItem(atPath: missingPath)
        try FileManager.default.removeItem(atPath: damagedPath)  // the spool may keep files read-only
        try Data("tampered".utf8).write(to: URL(fileURLWithPath: damagedPath))

        _ = await s.pipeline().drain()
        let m1 = try #require(try s.store.message(id: missing))
        #expect(m1.state == .failed)
        #expect(m1.flagReason?.contains("missing from the spool") == true)
        #expect(m1.flagReason?.contains(missingPath) == true)
        let m2 = try #require(try s.store.message(id: damaged))
        #expect(m2.state == .failed)
        #expect(m2.flagReason?.contains("is damaged") == true)
        #expect(try path(s.store, damaged) == ["ingest:received", "parse:failed"])

        // The operator restores the file and retries: the message goes through, the trail shows who did it.
        _ = try s.spool.store(Data(SampleMail.text(3).utf8))
        try OperatorActions.retry(missing, store: s.store, actor: "operator:anna")
        #expect(throws: OperatorInputError.self) { try OperatorActions.retry(missing, store: s.store) }
        _ = await s.pipeline().drain()
        #expect(try s.store.message(id: missing)?.state == .noAction)
        #expect(try s.store.message(id: missing)?.flagReason == nil)
        #expect(try path(s.store, missing) == ["ingest:received", "parse:failed", "operator:retry", "parse:parsed",
                                               "understand:understood", "decide:decided", "act:no_action"])
        #expect(try s.store.events(of: missing).first { $0.eventType == "retry" }?.actor == "operator:anna")
    }

    struct FlakyStage: PipelineStage {
        let failures: LockedBox<Int>
        var name: String { "understand" }
        var input: MessageState { .parsed }
        func process(_ message: StoredMessage) async throws -> StageOutcome {
            if failures.withLock({ n -> Bool in n -= 1; return n >= 0 }) {
                throw PipelineError(message: "the classifier is not reachable")
            }
            return try await UnderstandStage().process(message)
        }
    }

    @Test func aStageThatThrowsCommitsNothingAndTheMessageIsTriedAgain() async throws {
        let s = try setup("pipeline-throw")
        defer { s.scratch.remove() }
        let id = try s.receive(SampleMail.text(5), location: "e")
        let stages: [any PipelineStage] = [ParseStage(spool: s.spool), FlakyStage(failures: LockedBox(1)),
                                           DecideStage(store: s.store, decider: Decider(rules: RuleSet(rules: [], files: []))),
                                           ActStage(outbox: Outbox(store: s.store, connectors: ConnectorCatalogue(connectors: [])))]
        let pipeline = s.pipeline(stages: stages)
        let first = await pipeline.drain()
        #expect(first.errors[id]?.contains("not reachable") == true)
        #expect(try s.store.message(id: id)?.state == .parsed)
        let second = await pipeline.drain()
        #expect(second.errors.isEmpty)
        #expect(try s.store.message(id: id)?.state == .noAction)
        #expect(try path(s.store, id) == ["ingest:received", "parse:parsed", "understand:understood",
                                          "decide:decided", "act:no_action"])
    }

    @Test func aMessageThatKeepsStoppingTheProcessIsSentToFailed() async throws {
        let s = try setup("pipeline-poison")
        defer { s.scratch.remove() }
        let id = try s.receive(SampleMail.text(6), location: "p")
        // Five earlier starts picked it up and died before committing anything.
        for _ in 0..<5 { try s.store.recordAttempt(id) }
        let report = await s.pipeline().drain()
        #expect(report.driven.first?.state == .failed)
        let m = try #require(try s.store.message(id: id))
        #expect(m.state == .failed)
        #expect(m.flagReason?.contains("started the parse stage 5 times") == true)
        #expect(try path(s.store, id) == ["ingest:received", "parse:failed"])

        // Fewer pick-ups are normal after a crash: the message goes on.
        let other = try s.receive(SampleMail.text(7), location: "q")
        for _ in 0..<3 { try s.store.recordAttempt(other) }
        #expect(try await s.pipeline().drive(other) == .noAction)
    }

    @Test func manyWorkersDriveEachMessageExactlyOnceOldestFirst() async throws {
        let s = try setup("pipeline-workers")
        defer { s.scratch.remove() }
        var ids: [Int64] = []
        for n in 0..<40 { ids.append(try s.receive(SampleMail.text(n), location: "w\(n)")) }
        let report = await s.pipeline(workers: 4).drain()
        #expect(report.errors.isEmpty)
        #expect(report.driven.count == 40)
        #expect(Set(report.driven.map(\.id)) == Set(ids))
        #expect(report.driven.prefix(4).map(\.id).allSatisfy { $0 <= 8 })
        for id in ids {
            #expect(try path(s.store, id).count == 5)
        }
        #expect(AuditVerifier.verify(store: s.store).isIntact)
    }

    @Test func twoPipelinesOnOneStoreNeverCommitAStepTwice() async throws {
        let s = try setup("pipeline-race")
        defer { s.scratch.remove() }
        for n in 0..<20 { _ = try s.receive(SampleMail.text(n), location: "r\(n)") }
        async let a = s.pipeline(workers: 2).drain()
        async let b = s.pipeline(workers: 2).drain()
        _ = await (a, b)
        for m in try s.store.allMessages() {
            #expect(m.state == .noAction)
            let types = try s.store.events(of: m.id).map(\.eventType)
            #expect(types == ["received", "parsed", "understood", "decided", "no_action"])
        }
    }

    @Test func runPicksUpMailWhenTheBellRingsAndStopsWhenAsked() async throws {
        let s = try setup("pipeline-run")
        defer { s.scratch.remove() }
        let pipeline = Pipeline(store: s.store, stages: Pipeline.standardStages(spool: s.spool, store: s.store), workers: 2,
                                logger: TestLog.logger, idlePoll: .seconds(30))
        let stop = StopFlag()
        let bell = Doorbell()
        let running = Task { await pipeline.run(stop: stop, bell: bell) }
        try await Task.sleep(for: .milliseconds(100))
        let id = try s.receive(SampleMail.text(9), location: "bell")
        bell.ring()
        let deadline = ContinuousClock.now + .seconds(10)
        while try s.store.message(id: id)?.state != .noAction, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(try s.store.message(id: id)?.state == .noAction)
        let stopping = ContinuousClock.now
        stop.set()
        bell.ring()
        await running.value
        #expect(ContinuousClock.now - stopping < .seconds(20))  // not the 30 s idle poll
    }
}

@Suite struct DoorbellTests {
    @Test func aRingWakesEveryWaiter() async {
        let bell = Doorbell()
        let start = ContinuousClock.now
        async let a: Void = bell.wait(timeout: .seconds(120))
        async let b: Void = bell.wait(timeout: .seconds(120))
        try? await Task.sleep(for: .milliseconds(100))
        bell.ring()
        _ = await (a, b)
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test func aRingWithNobodyWaitingIsKeptForTheNextWait() async {
        let bell = Doorbell()
        bell.ring()
        let start = ContinuousClock.now
        await bell.wait(timeout: .seconds(120))
        #expect(ContinuousClock.now - start < .seconds(60))
    }

    @Test func theTimeoutEndsAWaitWithoutRing() async {
        let start = ContinuousClock.now
        await Doorbell().wait(timeout: .milliseconds(100))
        #expect(ContinuousClock.now - start >= .milliseconds(100))
    }

    @Test func aWaitBegunAfterStopReturnsAtOnce() async {
        let bell = Doorbell()
        let stop = StopFlag()
        let waiting = Task { await bell.wait(timeout: .seconds(120)) }  // one wait already begun
        try? await Task.sleep(for: .milliseconds(50))
        stop.set()
        bell.ring()
        let start = ContinuousClock.now
        await bell.wait(timeout: .seconds(120), unless: stop)  // begun after the ring: would sleep without `unless`
        #expect(ContinuousClock.now - start < .seconds(60))
        await waiting.value
    }

    @Test func cancellationEndsAWait() async {
        let bell = Doorbell()
        let start = ContinuousClock.now
        let task = Task { await bell.wait(timeout: .seconds(120)) }
        try? await Task.sleep(for: .milliseconds(50))
        task.cancel()
        await task.value
        #expect(ContinuousClock.now - start < .seconds(60))
    }
}
