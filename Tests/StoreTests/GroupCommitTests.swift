import Foundation
import GRDB
import Testing
@testable import Vocabulary
@testable import Store
@testable import Audit
import MailroomTesting

/// Group commit (`GroupCommit`): transactions that arrive while one is committing share the next commit; each
/// caller still gets exactly its own outcome, and nothing of a failed caller's writes is kept.
@Suite("group commit", .serialized)
struct GroupCommitTests {
    /// Runs `body` on its own thread; the returned semaphore is signalled when it has returned.
    static func onThread(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            body()
            done.signal()
        }
        return done
    }

    /// Waits until `condition` holds (a synchronisation on state, with a generous deadline; no timing is asserted).
    static func waitUntil(_ condition: () -> Bool) {
        let deadline = Date().addingTimeInterval(60)
        while !condition() && Date() < deadline { Thread.sleep(forTimeInterval: 0.002) }
    }

    @Test func writesArrivingDuringACommitShareTheNextOneAndAFailingOneLosesOnlyItsOwnWrites() throws {
        let dir = try StoreScratch.directory("group-commit")
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("mailroom.sqlite").path)
        let ids = try store.recordReceived((0..<10).map { StoreScratch.received("m\($0)") }, actor: "test").map(\.messageID)
        let before = store.groupCommit.statistics

        // A first write holds the commit until nine other callers are queued behind it.
        let release = DispatchSemaphore(value: 0)
        let first = Self.onThread {
            _ = try? store.writing("hold the writer") { _ in release.wait() }
        }
        Self.waitUntil { store.groupCommit.statistics.groups > before.groups || store.groupCommit.waiting > 0 }
        let outcomes = LockedBox<[Int: String]>([:])
        var finished: [DispatchSemaphore] = []
        for i in 1..<10 {
            let id = ids[i]
            finished.append(Self.onThread {
                do {
                    if i == 5 {
                        // The attacking caller: appends an audit event, then fails (as a lost compare-and-set does).
                        try store.writing("append, then fail") { db in
                            try store.appendAuditEvent(AuditDraft(messageID: id, stage: "test", actor: "test",
                                                                  eventType: "must_not_stay"), in: db)
                            throw StoreError.stateConflict(messageID: id, expected: .received, actual: .parsed)
                        }
                    } else if i == 7 {
                        // A move the message is not in: the store's own compare-and-set refuses it.
                        try store.transition(id, from: .parsed, to: .understood, update: MessageUpdate(),
                                             audit: AuditDraft(messageID: id, stage: "understand", actor: "test", eventType: "understood"))
                    } else {
                        try store.transition(id, from: .received, to: .parsed, update: MessageUpdate(subject: "s\(i)"),
                                             audit: AuditDraft(messageID: id, stage: "parse", actor: "test", eventType: "parsed"))
                    }
                    outcomes.withLock { $0[i] = "ok" }
                } catch {
                    outcomes.withLock { $0[i] = "\(error)" }
                }
            })
        }
        Self.waitUntil { store.groupCommit.waiting == 9 }
        #expect(store.groupCommit.waiting == 9)
        release.signal()
        first.wait()
        for f in finished { f.wait() }

        // The nine queued callers were committed together, in one transaction.
        #expect(store.groupCommit.statistics.largest >= 9)
        let result = outcomes.value
        for i in 1..<10 where i != 5 && i != 7 { #expect(result[i] == "ok", "caller \(i): \(result[i] ?? "no answer")") }
        #expect(result[5] != nil && result[5] != "ok")
        #expect(result[7] != nil && result[7] != "ok")
        for i in 1..<10 {
            let state = try #require(try store.message(id: ids[i])).state
            #expect(state == (i == 5 || i == 7 ? .received : .parsed), "message \(i) is \(state)")
        }
        // Nothing of the failing caller's writes is kept, and the chain is whole.
        #expect(try store.auditEvents(matching: AuditFilter(eventType: "must_not_stay")).isEmpty)
        let report = try AuditVerifier.verify(store: store)
        #expect(report.problems.isEmpty, "\(report.problems)")
    }

    @Test func aLoneWriteCommitsAtOnceAndIsDurableWhenItReturns() throws {
        let dir = try StoreScratch.directory("group-commit")
        defer { StoreScratch.remove(dir) }
        let path = dir.appendingPathComponent("mailroom.sqlite").path
        do {
            let store = try MailStore(path: path)
            let id = try store.recordReceived(StoreScratch.received("lone"), actor: "test").messageID
            try store.transition(id, from: .received, to: .parsed, update: MessageUpdate(),
                                 audit: AuditDraft(messageID: id, stage: "parse", actor: "test", eventType: "parsed"))
        }
        let reopened = try MailStore(path: path)
        #expect(try reopened.messages(inStates: [.parsed], limit: 10).count == 1)
    }
}
