import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Act
@testable import Audit
import MailroomTesting

final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { current = start }
    func now() -> Date { lock.withLock { current } }
    func advance(_ seconds: Double) { lock.withLock { current = current.addingTimeInterval(seconds) } }
}

@Suite struct OutboxTests {
    struct Setup {
        let dir: URL
        let store: MailStore
        let clock: TestClock
        let messageID: Int64

        func outbox(_ connectors: [any Connector], policy: RetryPolicy = RetryPolicy(maxAttempts: 4, firstDelay: 10, maximumDelay: 100, jitter: 0.5)) -> Outbox {
            let clock = self.clock
            return Outbox(store: store, connectors: ConnectorCatalogue(connectors: connectors), policy: policy,
                          clock: { clock.now() }, random: { 0.5 })
        }
    }

    func setup(_ label: String) throws -> Setup {
        let dir = try StoreScratch.directory(label)
        let clock = TestClock()
        let store = try MailStore(path: dir.appendingPathComponent("store.sqlite").path, clock: { clock.now() })
        let id = try store.recordReceived(StoreScratch.received(label), actor: "test").messageID
        return Setup(dir: dir, store: store, clock: clock, messageID: id)
    }

    static func action(_ name: String = "create_supplier_invoice", index: Int = 0, rule: String = "invoices",
                       approval: String? = nil, parameters: [String: JSONValue] = ["invoice": "INV-1"],
                       capturedTemplates: [String] = []) -> IntendedAction {
        OutboxFixtures.action(name, index: index, rule: rule, approval: approval, parameters: parameters,
                              capturedTemplates: capturedTemplates)
    }

    @Test func anActionIsStoredOnceAndCarriedOutOnce() async throws {
        let s = try setup("outbox-once")
        defer { StoreScratch.remove(s.dir) }
        let erp = RecordingConnector.erp()
        let outbox = s.outbox([erp])
        let rows = try s.store.enqueue(messageID: s.messageID, actions: [Self.action()], actor: "test")
        #expect(rows.count == 1 && rows[0].state == .queued)
        #expect(rows[0].idempotencyKey == (try s.store.idempotencyKey(Self.action(), messageID: s.messageID)))
        // Deciding again (after a crash before the transition) enqueues the same key: nothing new.
        #expect(try s.store.enqueue(messageID: s.messageID, actions: [Self.action()], actor: "test").count == 1)
        try await outbox.run(messageID: s.messageID)
        try await outbox.run(messageID: s.messageID)
        try await outbox.runDue()
        #expect(erp.performed.count == 1)
        #expect(erp.performed.first?.idempotencyKey == rows[0].idempotencyKey)
        #expect(erp.earlierAsked.isEmpty)  // a first attempt has nothing earlier to look for
        let done = try #require(try s.store.outboxEntries(messageID: s.messageID).first)
        #expect(done.state == .done && done.attempts == 1)
        #expect(try s.store.capturedValues(messageID: s.messageID)["erp.record_id"] == .int(1))
        #expect(try outbox.settlement(messageID: s.messageID) == OutboxSettlement(state: .acted, reason: nil, summary: [
            "actions": 1, "states": ["done": 1], "outbox_ids": [.int(done.id)]], problems: []))
    }

    @Test func killedBetweenSentAndRecordedTheRestartFindsTheEarlierResult() async throws {
        let s = try setup("outbox-crash")
        defer { StoreScratch.remove(s.dir) }
        let erp = RecordingConnector.erp()
        let rows = try s.store.enqueue(messageID: s.messageID, actions: [Self.action()], actor: "test")
        // The first process: marks the row sending (committed), the target acts, and the process dies
        // before it records the result.
        let claimed = try #require(try s.store.claimOutboxEntry(rows[0].id, from: [.queued], actor: "test", owner: "first process", leaseSeconds: 120))
        _ = try await erp.perform(OutboxAction(id: claimed.id, messageID: s.messageID, idempotencyKey: claimed.idempotencyKey,
                                               action: claimed.action, attempt: claimed.attempts))
        #expect(try s.store.outboxEntries(messageID: s.messageID).first?.state == .sending)
        #expect(erp.performed.count == 1)

        // The restarted process, started by `mailroom run` (which holds the store lock, so the first process is
        // gone): it releases the stopped process's lease, finds the row sending and asks the connector first.
        let restarted = s.outbox([erp])
        #expect(try restarted.releaseLeasesOfStoppedProcesses() == 1)
        try await restarted.runDue()
        #expect(erp.performed.count == 1, "the action must not be performed a second time")
        #expect(erp.earlierAsked.count == 1)
        let row = try #require(try s.store.outboxEntries(messageID: s.messageID).first)
        #expect(row.state == .done)
        #expect(row.result?.objectValue?["found_earlier_result"] == .bool(true))
        let events = try s.store.auditEvents(matching: AuditFilter(messageID: s.messageID, eventType: "action_done"))
        #expect(events.count == 1)
        #expect(events.first?.detailsValue?["found_earlier_result"] == .bool(true))
        #expect(AuditVerifier.verify(store: s.store).isIntact)
    }

    @Test func aRowBeingSentIsNotTakenBySecondWorkerOfTheSameProcess() async throws {
        let s = try setup("outbox-inflight")
        defer { StoreScratch.remove(s.dir) }
        let erp = RecordingConnector.erp()
        let outbox = s.outbox([erp])
        try s.store.enqueue(messageID: s.messageID, actions: [Self.action()], actor: "test")
        async let a: Void = outbox.run(messageID: s.messageID)
        async let b = outbox.runDue()
        _ = try await (a, b)
        #expect(erp.performed.count == 1)
    }

    @Test func twoClaimersOfOneRowExactlyOneWins() async throws {
        let s = try setup("outbox-two-claimers")
        defer { StoreScratch.remove(s.dir) }
        let rows = try s.store.enqueue(messageID: s.messageID, actions: [Self.action()], actor: "test")
        // Two processes: two connections to the same file, claiming at the same time.
        let clock = s.clock
        let other = try MailStore(path: s.store.path, clock: { clock.now() })
        async let a = Task.detached { try s.store.claimOutboxEntry(rows[0].id, from: [.queued, .sending], actor: "test", owner: "A", leaseSeconds: 60) }.value
        async let b = Task.detached { try other.claimOutboxEntry(rows[0].id, from: [.queued, .sending], actor: "test", owner: "B", leaseSeconds: 60) }.value
        let (first, second) = try await (a, b)
        #expect([first, second].compactMap { $0 }.count == 1, "exactly one claimer holds the row")
        let holder = try #require(first ?? second)
        #expect(holder.leaseOwner == (first != nil ? "A" : "B"))
        #expect(holder.attempts == 1)
        // A `sending` row whose lease holds is nobody else's, also not a third process's.
        #expect(try other.claimOutboxEntry(rows[0].id, from: [.queued, .sending], actor: "test", owner: "C", leaseSeconds: 60) == nil)

        // Two outboxes (a daemon and `run --once`) on one row: the action is carried out once.
        let erp = RecordingConnector.erp()
        let rows2 = try s.store.enqueue(messageID: s.messageID, actions: [Self.action("confirm_quotation", index: 1, rule: "other", parameters: ["quotation": 1])], actor: "test")
        let daemon = s.outbox([erp])
        let once = Outbox(store: other, connectors: ConnectorCatalogue(connectors: [erp]), clock: { clock.now() }, random: { 0.5 })
        #expect(daemon.leaseOwner != once.leaseOwner)
        async let x: Void = daemon.run(messageID: s.messageID)
        async let y: Void = once.run(messageID: s.messageID)
        _ = try await (x, y)
        #expect(erp.performed.filter { $0.id == rows2.last?.id }.count == 1)
    }

    @Test func anExpiredLeaseIsTakenAgainAndAnUnexpiredOneIsNot() async throws {
        let s = try setup("outbox-lease-expiry")
        defer { StoreScratch.remove(s.dir) }
        let erp = RecordingConnector.erp()
        let rows = try s.store.enqueue(messageID: s.messageID, actions: [Self.action()], actor: "test")
        // A process claims the row, the target acts, the process dies: its lease still holds for 60 s.
        let claimed = try #require(try s.store.claimOutboxEntry(rows[0].id, from: [.queued], actor: "test", owner: "crashed", leaseSeconds: 60))
        _ = try await erp.perform(OutboxAction(id: claimed.id, messageID: s.messageID, idempotencyKey: claimed.idempotencyKey,
                                               action: claimed.action, attempt: claimed.attempts))
        let other = s.outbox([erp])
        try await other.runDue()
        #expect(erp.earlierAsked.isEmpty, "a row another owner holds is not touched")
        #expect(try s.store.outboxEntries(messageID: s.messageID).first?.state == .sending)
        #expect(try s.store.renewOutboxLease(claimed.id, owner: "someone else", leaseSeconds: 60) == false)
        s.clock.advance(59)
        try await other.runDue()
        #expect(erp.earlierAsked.isEmpty)
        s.clock.advance(2)  // the lease has run out
        try await other.runDue()
        #expect(erp.performed.count == 1, "taken again after expiry, and the earlier result found")
        #expect(erp.earlierAsked.count == 1)
        let row = try #require(try s.store.outboxEntries(messageID: s.messageID).first)
        #expect(row.state == .done && row.leaseOwner == nil && row.leaseUntil == nil)
        let attempts = try s.store.auditEvents(matching: AuditFilter(messageID: s.messageID, eventType: "action_attempt"))
        #expect(attempts.map { $0.detailsValue?["lease_owner"] } == [.string("crashed"), .string(other.leaseOwner)])
    }

    @Test func transientFailuresBackOffHonourRetryAfterAndFindEarlierResults() async throws {
        let s = try setup("outbox-backoff")
        defer { StoreScratch.remove(s.dir) }
        let erp = RecordingConnector.erp()
        erp.failures = [.transient("502 from the ERP"), .transient("429 slow down", retryAfter: 600)]
        let outbox = s.outbox([erp])
        try s.store.enqueue(messageID: s.messageID, actions: [Self.action()], actor: "test")
        let start = s.clock.now()
        try await outbox.run(messageID: s.messageID)
        var row = try #require(try s.store.outboxEntries(messageID: s.messageID).first)
        #expect(row.state == .retryWait && row.attempts == 1)
        #expect(row.nextAttemptAt == start.addingTimeInterval(12.5))  // 10 s + 25 % jitter (half of 0.5)
        let waiting = try outbox.settlement(messageID: s.messageID)
        #expect(waiting.state == .waiting, "a row waiting for a retry keeps the message waiting")
        let reason = try #require(waiting.reason)
        #expect(reason.contains("502 from the ERP"))
        #expect(reason.contains("attempt 2 of"))

        s.clock.advance(5)
        try await outbox.runDue()
        #expect(erp.earlierAsked.isEmpty, "not due yet")
        s.clock.advance(10)
        try await outbox.runDue()
        row = try #require(try s.store.outboxEntries(messageID: s.messageID).first)
        #expect(row.state == .retryWait && row.attempts == 2)
        // Backoff would be 20 s + jitter; the target's Retry-After (600 s) wins.
        #expect(row.nextAttemptAt == s.clock.now().addingTimeInterval(600))
        #expect(erp.earlierAsked.count == 1)

        s.clock.advance(600)
        try await outbox.runDue()
        row = try #require(try s.store.outboxEntries(messageID: s.messageID).first)
        #expect(row.state == .done && row.attempts == 3)
        #expect(erp.performed.count == 1)
        #expect(erp.earlierAsked.count == 2)
        let retries = try s.store.auditEvents(matching: AuditFilter(messageID: s.messageID, eventType: "action_retry_scheduled"))
        #expect(retries.count == 2)
    }

    @Test func afterTheLastAttemptAnActionIsADeadLetterThatCanBeRetried() async throws {
        let s = try setup("outbox-dead")
        defer { StoreScratch.remove(s.dir) }
        let erp = RecordingConnector.erp()
        erp.failures = Array(repeating: .transient("timeout"), count: 3)
        let outbox = s.outbox([erp], policy: RetryPolicy(maxAttempts: 3, firstDelay: 1, maximumDelay: 4, jitter: 0))
        try s.store.enqueue(messageID: s.messageID, actions: [Self.action()], actor: "test")
        for _ in 0..<3 {
            try await outbox.runDue()
            s.clock.advance(10)
        }
        var row = try #require(try s.store.outboxEntries(messageID: s.messageID).first)
        #expect(row.state == .dead && row.attempts == 3)
        #expect(row.lastError?.contains("gave up after 3 attempts") == true)
        let given = try outbox.settlement(messageID: s.messageID)
        #expect(given.state == .deadLetter, "a dead letter is its own state")
        #expect(given.problems.first?.contains("dead letter") == true)
        #expect(given.reason?.contains("mailroom outbox retry \(row.id)") == true)

        try Approvals.retry(String(row.id), by: "person:olga", store: s.store)
        row = try #require(try s.store.outboxEntries(messageID: s.messageID).first)
        #expect(row.state == .queued && row.attempts == 0)
        try await outbox.runDue()
        #expect(try s.store.outboxEntries(messageID: s.messageID).first?.state == .done)
        #expect(erp.performed.count == 1)

        // A permanent error is a dead letter at once.
        let other = try s.store.recordReceived(StoreScratch.received("second"), actor: "test").messageID
        erp.failures = [.permanent("422: the supplier is unknown")]
        try s.store.enqueue(messageID: other, actions: [Self.action(parameters: ["invoice": "INV-2"])], actor: "test")
        try await outbox.run(messageID: other)
        let dead = try #require(try s.store.outboxEntries(messageID: other).first)
        #expect(dead.state == .dead && dead.attempts == 1)
    }

    @Test func approvalsWaitAreAuditedWithWhoAndReleaseLaterActionsInOrder() async throws {
        let s = try setup("outbox-approval")
        defer { StoreScratch.remove(s.dir) }
        let erp = RecordingConnector.erp()
        erp.captures = ["find_or_create_party": ["party_id": 7], "create_quotation": ["quotation_id": 42]]
        let outbox = s.outbox([erp])
        let actions = [
            Self.action("find_or_create_party", index: 0, rule: "quotes", parameters: ["name": "ACME"]),
            Self.action("create_quotation", index: 1, rule: "quotes", parameters: ["party": "{{ captured.erp.party_id }}", "lines": []],
                        capturedTemplates: ["party"]),
            Self.action("confirm_quotation", index: 2, rule: "quotes", approval: "sales",
                        parameters: ["quotation": "{{ captured.erp.quotation_id }}"], capturedTemplates: ["quotation"]),
        ]
        let rows = try s.store.enqueue(messageID: s.messageID, actions: actions, actor: "test")
        #expect(rows.map(\.state) == [.queued, .queued, .awaitingApproval])
        let reference = try #require(rows[2].approvalReference)
        #expect(reference.wholeMatch(of: /APR-\d+-[A-Z2-9]{4}/) != nil)
        try await outbox.run(messageID: s.messageID)
        #expect(erp.performed.map(\.action.action) == ["find_or_create_party", "create_quotation"])
        #expect(erp.performed[1].action.parameters["party"] == .int(7))  // captured value filled in when it ran
        #expect(try Approvals.pending(store: s.store).map(\.id) == [rows[2].id])
        let approval = try outbox.settlement(messageID: s.messageID)
        #expect(approval.state == .approval, "an action awaiting approval keeps the message waiting for it")
        #expect(approval.reason?.contains(reference) == true)

        #expect(throws: OperatorInputError.self) { try Approvals.approve("APR-999-XXXX", by: "person:anna", store: s.store) }
        try Approvals.approve(reference.lowercased(), by: "person:anna", store: s.store)
        #expect(throws: OperatorInputError.self) { try Approvals.approve(reference, by: "person:bob", store: s.store) }
        try await outbox.runDue()
        #expect(erp.performed.last?.action.action == "confirm_quotation")
        #expect(erp.performed.last?.action.parameters["quotation"] == .int(42))
        let approved = try s.store.auditEvents(matching: AuditFilter(messageID: s.messageID, eventType: "action_approved"))
        #expect(approved.first?.actor == "person:anna")
        #expect(approved.first?.detailsValue?["approval_reference"] == .string(reference))
        #expect(AuditVerifier.verify(store: s.store).isIntact)
    }

    @Test func aRejectedActionIsFinalWithItsReasonAndSkipsTheRestOfItsRule() async throws {
        let s = try setup("outbox-reject")
        defer { StoreScratch.remove(s.dir) }
        let erp = RecordingConnector.erp()
        let outbox = s.outbox([erp])
        let rows = try s.store.enqueue(messageID: s.messageID, actions: [
            Self.action("create_quotation", index: 0, rule: "quotes", approval: "sales", parameters: ["party": 1, "lines": []]),
            Self.action("confirm_quotation", index: 1, rule: "quotes", parameters: ["quotation": 1]),
        ], actor: "test")
        #expect(throws: OperatorInputError.self) { try Approvals.reject(String(rows[0].id), reason: "  ", by: "person:anna", store: s.store) }
        try Approvals.reject(String(rows[0].id), reason: "customer is blocked", by: "person:anna", store: s.store)
        try await outbox.run(messageID: s.messageID)
        let after = try s.store.outboxEntries(messageID: s.messageID)
        #expect(after.map(\.state) == [.rejected, .skipped])
        #expect(erp.performed.isEmpty)
        let settled = try outbox.settlement(messageID: s.messageID)
        #expect(settled.isFinished, "rejected and skipped rows are final")
        #expect(settled.problems.contains { $0.contains("rejected by person:anna: customer is blocked") })
        let event = try #require(try s.store.auditEvents(matching: AuditFilter(messageID: s.messageID, eventType: "action_rejected")).first)
        #expect(event.actor == "person:anna")
        #expect(event.detailsValue?["reason"] == .string("customer is blocked"))
    }

    @Test func backoffGrowsAndIsCapped() {
        let p = RetryPolicy(maxAttempts: 10, firstDelay: 30, maximumDelay: 3600, jitter: 0.25)
        #expect(p.delay(afterAttempt: 1, retryAfter: nil, random: 0) == 30)
        #expect(p.delay(afterAttempt: 2, retryAfter: nil, random: 0) == 60)
        #expect(p.delay(afterAttempt: 4, retryAfter: nil, random: 0) == 240)
        #expect(p.delay(afterAttempt: 20, retryAfter: nil, random: 0) == 3600)
        #expect(p.delay(afterAttempt: 1, retryAfter: nil, random: 0.999) < 37.5)
        #expect(p.delay(afterAttempt: 1, retryAfter: nil, random: 0.5) > 30)
        #expect(p.delay(afterAttempt: 1, retryAfter: 120, random: 0) == 120)
    }
}
