import Foundation
import Logging
import Vocabulary
import Ingest
import Decide

/// How often and how long the outbox retries an action.
public struct RetryPolicy: Sendable, Hashable {
    /// Attempts in all; after the last failed one the row is a dead letter.
    public var maxAttempts: Int
    /// Wait after the first failure; doubles with every further failure, up to `maximumDelay`.
    public var firstDelay: Double
    public var maximumDelay: Double
    /// Up to this fraction of the delay is added at random, so retries of many actions spread out.
    public var jitter: Double

    public init(maxAttempts: Int = 6, firstDelay: Double = 30, maximumDelay: Double = 3600, jitter: Double = 0.25) {
        self.maxAttempts = max(1, maxAttempts)
        self.firstDelay = firstDelay
        self.maximumDelay = maximumDelay
        self.jitter = jitter
    }

    /// Seconds to wait after failed attempt `attempt` (1-based). `random` is in 0..<1; the target's
    /// Retry-After is honoured as a minimum.
    public func delay(afterAttempt attempt: Int, retryAfter: Double?, random: Double) -> Double {
        let exponent = Double(max(0, attempt - 1))
        let base = min(maximumDelay, firstDelay * pow(2, exponent))
        let withJitter = base + base * jitter * min(max(random, 0), 1)
        return max(withJitter, retryAfter ?? 0)
    }
}

/// What a message's actions add up to after the outbox ran.
public enum OutboxSettlement: Sendable, Hashable {
    /// Every action is final (done, dead, rejected, dropped or skipped); the summary lists each.
    case finished(summary: [String: JSONValue], problems: [String])
    /// Something still waits: for a person's approval, or for a retry.
    case waiting(reason: String)
}

/// The outbox: intended actions stored with their idempotency key before anything is sent, then carried
/// out at most once by connectors, with retries, backoff, dead letters and approvals.
///
/// Exactly-once: a row is marked `sending` (committed) before the connector is called and `done` after.
/// A row found `sending` (the process stopped between the two) or being retried is first resolved with the
/// connector's `earlierResult(of:)`; only when that finds nothing is the action performed again.
public final class Outbox: Sendable {
    public let store: any ActStore
    public let connectors: ConnectorCatalogue
    public let policy: RetryPolicy
    /// Where the raw mails are, so connectors can reply to, forward or attach the original.
    public let spool: Spool?
    package let clock: @Sendable () -> Date
    package let random: @Sendable () -> Double
    package let logger: Logger
    /// Rows this process is carrying out right now: a `sending` row outside this set was left by a process
    /// that stopped, and is resolved; one inside it is never touched by a second worker.
    package let inFlight = LockedBox<Set<Int64>>([])
    public static let actor = "mailroom:outbox"

    public init(store: any ActStore, connectors: ConnectorCatalogue, policy: RetryPolicy = RetryPolicy(), spool: Spool? = nil,
                clock: @escaping @Sendable () -> Date = { Date() },
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                logger: Logger = Logger(label: "mailroom.outbox")) {
        self.store = store
        self.connectors = connectors.using(store: store)  // connectors that keep state (helpdesk threads, sent mail) get the store
        self.policy = policy
        self.spool = spool
        self.clock = clock
        self.random = random
        self.logger = logger
    }

    /// Carries out every row of the message that may run now, in order (actions of one rule run one after
    /// the other; a later action waits for the earlier ones and is skipped when one of them will not happen).
    public func run(messageID: Int64) async throws {
        var progressed = true
        while progressed {
            progressed = false
            let entries = try store.outboxEntries(messageID: messageID)
            for entry in entries {
                let earlier = entries.filter { $0.action.rule == entry.action.rule && $0.id < entry.id }
                if [.queued, .retryWait, .sending, .awaitingApproval].contains(entry.state),
                   let blocker = earlier.first(where: { [.dead, .rejected, .dropped, .skipped].contains($0.state) }) {
                    try store.decideOutboxEntry(entry.id, from: [entry.state], to: .skipped, by: Outbox.actor,
                                                reason: "the earlier action #\(blocker.id) of rule '\(entry.action.rule)' is \(blocker.state.rawValue)",
                                                eventType: "action_skipped")
                    progressed = true
                    continue
                }
                guard earlier.allSatisfy({ $0.state == .done }) else { continue }
                switch entry.state {
                case .queued, .sending:
                    if try await carryOut(entry) { progressed = true }
                case .retryWait:
                    if let due = entry.nextAttemptAt, due <= clock(), try await carryOut(entry) {
                        progressed = true
                    }
                default: continue
                }
            }
        }
    }

    /// Works on every message with due rows; returns how many messages it looked at.
    @discardableResult
    public func runDue() async throws -> Int {
        let ids = try store.outboxMessagesWithWork(now: clock())
        for id in ids { try await run(messageID: id) }
        return ids.count
    }

    /// One attempt at one row, exactly-once safe. Returns false when the row was not this worker's to take
    /// (another worker of this process is sending it, or its state changed meanwhile).
    @discardableResult
    package func carryOut(_ entry: OutboxEntry) async throws -> Bool {
        guard inFlight.withLock({ $0.insert(entry.id).inserted }) else { return false }
        defer { _ = inFlight.withLock { $0.remove(entry.id) } }
        guard let claimed = try store.claimOutboxEntry(entry.id, from: [.queued, .retryWait, .sending], actor: Outbox.actor) else { return false }
        guard let connector = connectors.connector(named: claimed.action.connector) else {
            try store.failOutboxEntry(claimed.id, error: "there is no connector '\(claimed.action.connector)' in connectors/; "
                + "add it, then `mailroom outbox retry \(claimed.id)`", retryAt: nil, actor: Outbox.actor)
            return true
        }
        let captured = try store.capturedValues(messageID: claimed.messageID)
        var action = claimed.action
        do throws(ExpressionError) {
            action.parameters = try Decider.fillCaptured(action, captured: captured)
        } catch {
            try store.failOutboxEntry(claimed.id, error: "a parameter could not be filled in from captured values: \(error.message)",
                                      retryAt: nil, actor: Outbox.actor)
            return true
        }
        let outboxAction = OutboxAction(id: claimed.id, messageID: claimed.messageID, idempotencyKey: claimed.idempotencyKey,
                                        action: action, attempt: claimed.attempts, captured: captured,
                                        original: try original(of: claimed.messageID))
        do {
            // Any attempt after the first may follow one that reached the target: ask before acting again.
            if claimed.attempts > 1 {
                if var earlier = try await connector.earlierResult(of: outboxAction) {
                    earlier.foundEarlierResult = true
                    try store.completeOutboxEntry(claimed.id, result: earlier, actor: Outbox.actor)
                    logger.info("outbox row \(claimed.id): found the earlier result, not sent again")
                    return true
                }
            }
            let result = try await connector.perform(outboxAction)
            OutboxFailPoint.afterSend(connector: connector.name)
            try store.completeOutboxEntry(claimed.id, result: result, actor: Outbox.actor)
        } catch let error as ConnectorError {
            try fail(claimed, error)
        } catch let error as StoreError {
            throw error
        } catch {
            try fail(claimed, .transient("\(error)"))
        }
        return true
    }

    /// The mail behind a message id, as connectors see it.
    package func original(of messageID: Int64) throws -> OriginalMessage? {
        guard let stored = try store.message(id: messageID) else { return nil }
        return OriginalMessage(source: stored.source, location: stored.location, normalised: stored.normalised,
                               kind: stored.understanding?.kind ?? stored.kind,
                               rawPath: spool?.path(sha256: stored.contentSHA256))
    }

    private func fail(_ entry: OutboxEntry, _ error: ConnectorError) throws {
        switch error {
        case .permanent(let message):
            try store.failOutboxEntry(entry.id, error: message, retryAt: nil, actor: Outbox.actor)
        case .transient(let message, let retryAfter):
            if entry.attempts >= policy.maxAttempts {
                try store.failOutboxEntry(entry.id, error: "\(message) (gave up after \(entry.attempts) attempts)", retryAt: nil, actor: Outbox.actor)
            } else {
                let wait = policy.delay(afterAttempt: entry.attempts, retryAfter: retryAfter, random: random())
                try store.failOutboxEntry(entry.id, error: message, retryAt: clock().addingTimeInterval(wait), actor: Outbox.actor)
            }
        }
    }

    /// Where the message's actions stand.
    public func settlement(messageID: Int64) throws -> OutboxSettlement {
        let entries = try store.outboxEntries(messageID: messageID)
        let approvals = entries.filter { $0.state == .awaitingApproval }
        let retries = entries.filter { $0.state == .retryWait || $0.state == .queued || $0.state == .sending }
        if !approvals.isEmpty || !retries.isEmpty {
            var parts: [String] = []
            for a in approvals {
                parts.append("action #\(a.id) (\(a.action.connector) \(a.action.action), rule '\(a.action.rule)') waits for approval by "
                    + "\(a.action.approval ?? "someone"): `mailroom approve \(a.approvalReference ?? String(a.id))` or `mailroom reject \(a.approvalReference ?? String(a.id)) --reason …`")
            }
            for r in retries {
                if let blocker = entries.first(where: { $0.action.rule == r.action.rule && $0.id < r.id && $0.state != .done }) {
                    parts.append("action #\(r.id) (\(r.action.connector) \(r.action.action)) waits for the earlier action #\(blocker.id)")
                    continue
                }
                let when = r.nextAttemptAt.map { " at \(ISO8601.utcString($0))" } ?? ""
                parts.append("action #\(r.id) (\(r.action.connector) \(r.action.action)) will be tried again\(when) (attempt \(r.attempts + 1) of \(policy.maxAttempts))"
                    + (r.lastError.map { "; last error: \($0)" } ?? ""))
            }
            return .waiting(reason: parts.joined(separator: "; "))
        }
        var problems: [String] = []
        var counts: [String: Int] = [:]
        for e in entries {
            counts[e.state.rawValue, default: 0] += 1
            switch e.state {
            case .dead: problems.append("action #\(e.id) (\(e.action.connector) \(e.action.action)) is a dead letter: \(e.lastError ?? "no reason recorded")")
            case .rejected: problems.append("action #\(e.id) was rejected by \(e.decidedBy ?? "?"): \(e.decisionReason ?? "")")
            case .dropped: problems.append("action #\(e.id) was dropped by \(e.decidedBy ?? "?")")
            case .skipped: problems.append("action #\(e.id) was skipped: \(e.decisionReason ?? "")")
            default: break
            }
        }
        return .finished(summary: [
            "actions": .integer(entries.count),
            "states": .object(counts.mapValues { .integer($0) }),
            "outbox_ids": .array(entries.map { .int($0.id) }),
        ], problems: problems)
    }

    /// Moves messages that waited in review for their actions to `acted` once every action is final.
    @discardableResult
    public func settleWaitingMessages() throws -> [Int64] {
        var moved: [Int64] = []
        for id in try store.messagesWithSettledOutbox() {
            guard case .finished(let summary, let problems) = try settlement(messageID: id) else { continue }
            var details = summary
            details["problems"] = .array(problems.map { .string($0) })
            do {
                try store.transition(id, from: .review, to: .acted,
                                     update: MessageUpdate(flagReason: problems.isEmpty ? nil : problems.joined(separator: "; ")),
                                     audit: AuditDraft(messageID: id, stage: "act", actor: Outbox.actor, eventType: "acted", details: details))
                moved.append(id)
            } catch StoreError.stateConflict {
                continue
            }
        }
        return moved
    }
}

/// A fail point for the exactly-once tests: with `MAILROOM_FAILPOINT=after-send:<connector name>` (or
/// `after-send:*`) in its environment, the process ends abruptly right after that connector carried an action
/// out and before the outcome is recorded, as a power cut at the worst moment would. Unset in normal runs.
package enum OutboxFailPoint {
    package static let target: String? = {
        guard let value = ProcessInfo.processInfo.environment["MAILROOM_FAILPOINT"], value.hasPrefix("after-send:") else { return nil }
        return String(value.dropFirst("after-send:".count))
    }()

    package static func afterSend(connector: String) {
        guard let target, target == "*" || target == connector else { return }
        FileHandle.standardError.write(Data("mailroom: fail point after-send:\(connector) reached, stopping now\n".utf8))
        _exit(86)
    }
}
