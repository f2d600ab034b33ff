import Foundation
import GRDB

/// Group commit: write transactions that arrive while another one is committing are coalesced into one SQLite
/// transaction, so many of them share one fsync of the WAL instead of paying one each.
///
/// Durability is exactly as before: every caller returns only after the transaction holding its writes has been
/// committed (with `synchronous = FULL`, after the fsync), and a caller whose writes failed gets its error and
/// nothing of its writes is kept. Each caller's body runs inside its own savepoint of the shared transaction: a
/// body that throws (a compare-and-set that lost, a constraint) is rolled back to its savepoint alone and its
/// caller gets the error, while the others' writes stand. Should the shared transaction itself fail (the commit
/// or the begin: a full disk, the lock held too long by another process, or SQLite rolling the whole transaction
/// back after an I/O error inside a body), every caller of that group gets the error: none of them was told
/// otherwise before.
///
/// How groups form: the first caller leads; it takes every request queued at that moment (its own included) and
/// runs them in one transaction. Callers arriving meanwhile queue; when the leader is done it hands the lead to
/// the first of them, which takes all the queued requests, and so on. Nobody waits for a group to fill: a lone
/// caller commits at once, exactly as before.
package final class GroupCommit: @unchecked Sendable {
    private final class Request {
        /// Dropped (under the lock) once run or given up: the caller's closure must not outlive its call.
        var body: ((Database) throws -> Void)?
        var error: (any Error)?
        /// Set under the lock: finished (error or not), or asked to lead the next group.
        var finished = false
        var leads = false
        let wake = DispatchSemaphore(value: 0)
        init(_ body: @escaping (Database) throws -> Void) { self.body = body }
    }

    /// `MAILROOM_STORE_GROUP_COMMIT=off` in the environment: one transaction per caller, as before group commit
    /// (for measuring the difference: scripts/bench.py runs the end-to-end row both ways).
    package let enabled: Bool

    package init(enabled: Bool = ProcessInfo.processInfo.environment["MAILROOM_STORE_GROUP_COMMIT"] != "off") {
        self.enabled = enabled
    }

    private let lock = NSLock()
    private var queue: [Request] = []
    private var leaderActive = false
    private var largestGroup = 0
    private var groups = 0

    /// Requests waiting for the next group (the tests wait for a group to form).
    package var waiting: Int {
        lock.lock()
        defer { lock.unlock() }
        return queue.count
    }

    /// Groups committed so far and the largest (how much coalescing happened; the tests look).
    package var statistics: (groups: Int, largest: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (groups, largestGroup)
    }

    /// Runs `body` in a write transaction shared with whatever other bodies are waiting, and returns once that
    /// transaction is committed. Must not be called from inside another body (GRDB's writes are not reentrant).
    package func write<T>(_ pool: DatabasePool, _ body: (Database) throws -> T) throws -> T {
        if !enabled { return try pool.write(body) }
        return try withoutActuallyEscaping(body) { (body) throws -> T in
            var result: T?
            // The closure escapes into the queue only until this call returns: the request is finished (by this
            // thread or the leader) before then.
            let request = Request { db in result = try body(db) }
            lock.lock()
            queue.append(request)
            if leaderActive {
                lock.unlock()
                request.wake.wait()
                lock.lock()
                let finished = request.finished
                lock.unlock()
                if finished {
                    if let error = request.error { throw error }
                    return result!
                }
                // Else: asked to lead; the request is still queued and runs in the group this thread commits.
            } else {
                leaderActive = true
                lock.unlock()
            }
            lead(pool)
            if let error = request.error { throw error }
            return result!
        }
    }

    /// Commits one group (every queued request), then hands the lead on or gives it up.
    private func lead(_ pool: DatabasePool) {
        lock.lock()
        let group = queue
        queue.removeAll()
        groups += 1
        largestGroup = max(largestGroup, group.count)
        lock.unlock()

        do {
            try pool.write { db in
                for request in group {
                    do {
                        try db.inSavepoint {
                            try request.body?(db)
                            return .commit
                        }
                    } catch {
                        request.error = error
                        // SQLite may have rolled the whole transaction back (an I/O error, a full disk): then the
                        // writes of the group so far are gone and later bodies would run outside a transaction.
                        if !db.isInsideTransaction { throw GroupRolledBack(cause: error) }
                    }
                }
            }
        } catch let rolledBack as GroupRolledBack {
            for request in group where request.error == nil { request.error = rolledBack.cause }
        } catch {
            for request in group where request.error == nil { request.error = error }
        }

        lock.lock()
        for request in group {
            request.finished = true
            request.body = nil
        }
        let next = queue.first
        if let next {
            next.leads = true
        } else {
            leaderActive = false
        }
        lock.unlock()
        // Every waiting caller of the group wakes to its result (the leader's own request is signalled too; nobody
        // waits on it any more, which is harmless), then the next leader.
        for request in group { request.wake.signal() }
        next?.wake.signal()
    }

    private struct GroupRolledBack: Error { var cause: any Error }
}
