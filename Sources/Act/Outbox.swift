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

/// What a message's actions add up to after the outbox ran: the state the message is in because of them, and
/// the reason an operator reads (current: computed from the rows as they are now).
public struct OutboxSettlement: Sendable, Hashable {
    /// `acted` when every action is final and none was given up; `dead_letter` when one was given up;
    /// otherwise what the rest waits for: `blocked` (configuration), `approval` or `waiting` (a retry).
    public var state: MessageState
    /// Why it waits, or what went wrong with the finished actions; nil when all were done.
    public var reason: String?
    /// Counts and ids of the message's rows, for the audit event.
    public var summary: [String: JSONValue]
    /// One sentence per action that was not done (dead, rejected, dropped, skipped).
    public var problems: [String]

    public init(state: MessageState, reason: String?, summary: [String: JSONValue], problems: [String]) {
        self.state = state
        self.reason = reason
        self.summary = summary
        self.problems = problems
    }

    /// Every action is final and none waits for someone.
    public var isFinished: Bool { state == .acted }

    /// The audit event's details.
    public var details: [String: JSONValue] {
        var d = summary
        d["problems"] = .array(problems.map { .string($0) })
        if let reason { d["reason"] = .string(reason) }
        return d
    }
}

/// The outbox: intended actions stored with their idempotency key before anything is sent, then carried
/// out at most once by connectors, with retries, backoff, dead letters and approvals.
///
/// Exactly-once: a row is marked `sending` (committed) before the connector is called and `done` after.
/// A row found `sending` (the process stopped between the two) or being retried is first resolved with the
/// connector's `earlierResult(of:)`; only when that finds nothing is the action performed again.
///
/// One owner per row: marking it `sending` is an atomic claim that also records this outbox's lease token and a
/// lease expiry (`leaseSeconds`, renewed while the connector works). No other process takes the row while the
/// lease holds; a stopped owner's rows are taken again once their lease has run out, or at once by a daemon
/// that starts holding the store lock (``releaseLeasesOfStoppedProcesses()``).
public final class Outbox: Sendable {
    public let store: any ActStore
    /// The connectors actions are carried out with; replaced whole by ``replaceConnectors(_:)`` when the running
    /// daemon reloads its rule files (an action reads the catalogue once, when it is carried out).
    public var connectors: ConnectorCatalogue { catalogue.value }
    private let catalogue: LockedBox<ConnectorCatalogue>
    public let policy: RetryPolicy
    /// Where the raw mails are, so connectors can reply to, forward or attach the original.
    public let spool: Spool?
    package let clock: @Sendable () -> Date
    package let random: @Sendable () -> Double
    package let logger: Logger
    /// Rows this process is carrying out right now: one inside this set is never touched by a second worker of
    /// this process. Between processes the row's lease decides (a `sending` row is taken again only when its
    /// owner's lease has run out or was released).
    package let inFlight = LockedBox<Set<Int64>>([])
    /// This outbox's lease token: the owner recorded on the rows it carries out.
    public let leaseOwner: String
    /// How long a claim holds without renewal; renewed every third of it while the connector works.
    public let leaseSeconds: Double
    public static let actor = "mailroom:outbox"
    public static let defaultLeaseSeconds: Double = 120

    public init(store: any ActStore, connectors: ConnectorCatalogue, policy: RetryPolicy = RetryPolicy(), spool: Spool? = nil,
                clock: @escaping @Sendable () -> Date = { Date() },
                random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
                logger: Logger = Logger(label: "mailroom.outbox"),
                leaseOwner: String = "pid \(ProcessInfo.processInfo.processIdentifier) \(UUID().uuidString)",
                leaseSeconds: Double = Outbox.defaultLeaseSeconds) {
        self.leaseOwner = leaseOwner
        self.leaseSeconds = max(1, leaseSeconds)
        self.store = store
        catalogue = LockedBox(connectors.using(store: store))  // connectors that keep state (helpdesk threads, sent mail) get the store
        self.policy = policy
        self.spool = spool
        self.clock = clock
        self.random = random
        self.logger = logger
    }

    /// Uses `connectors` for every action carried out from now on (a reload of the rule files); an action being
    /// carried out finishes with the connector it started with.
    public func replaceConnectors(_ connectors: ConnectorCatalogue) {
        catalogue.value = connectors.using(store: store)
    }

    /// Carries out every row of the message that may run now, in order (actions of one rule run one after
    /// the other; a later action waits for the earlier ones and is skipped when one of them will not happen).
    public func run(messageID: Int64) async throws {
        var progressed = true
        while progressed {
            progressed = false
            let entries = try store.outboxEntries(messageID: messageID)
            for entry in entries {
                let earlier = entries.filter { $0.action.rule == entry.action.rule && $0.id < entry.id && $0.state != .cancelled }
                if [.queued, .retryWait, .sending, .awaitingApproval, .blocked].contains(entry.state),
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
        try releaseBlocked()
        let ids = try store.outboxMessagesWithWork(now: clock())
        for id in ids { try await run(messageID: id) }
        return ids.count
    }

    /// Ends the leases other processes hold. Only for a process that holds the store lock (`mailroom run`): every
    /// other process that carries out actions holds it too, so their leases belong to processes that stopped.
    @discardableResult
    public func releaseLeasesOfStoppedProcesses() throws -> Int {
        let released = try store.releaseOutboxLeases(notHeldBy: leaseOwner, actor: Outbox.actor,
                                                     reason: "the process that held it has stopped (this one holds the store lock)")
        if released > 0 { logger.notice("\(released) outbox row(s) left by a stopped process are carried out again (after asking their connectors)") }
        return released
    }

    /// Why a row's connector cannot work now (a secret's variable is not set), or nil.
    package func blockedReason(_ entry: OutboxEntry) -> String? {
        connectors.connector(named: entry.action.connector)?.blockedReason
    }

    /// Rows blocked on configuration whose connector works now (the daemon was restarted with the secret set)
    /// go back to `queued`; returns how many.
    @discardableResult
    public func releaseBlocked() throws -> Int {
        var released = 0
        for entry in try store.outboxEntries(states: [.blocked]) where blockedReason(entry) == nil {
            guard connectors.connector(named: entry.action.connector) != nil else { continue }
            do {
                try store.decideOutboxEntry(entry.id, from: [.blocked], to: .queued, by: Outbox.actor,
                                            reason: "connector '\(entry.action.connector)' is configured now", eventType: "action_unblocked")
                logger.notice("outbox row \(entry.id) (\(entry.action.connector) \(entry.action.action)) of message \(entry.messageID): its connector is configured now; carrying it out")
                released += 1
            } catch is OperatorInputError {
                continue  // moved meanwhile
            }
        }
        return released
    }

    /// One attempt at one row, exactly-once safe. Returns false when the row was not this worker's to take
    /// (another worker of this process is sending it, or its state changed meanwhile).
    @discardableResult
    package func carryOut(_ entry: OutboxEntry) async throws -> Bool {
        guard inFlight.withLock({ $0.insert(entry.id).inserted }) else { return false }
        defer { _ = inFlight.withLock { $0.remove(entry.id) } }
        if let reason = blockedReason(entry), entry.state != .sending {
            // Configuration is missing (a secret's variable is not set): park the row without using an attempt.
            // (A row left `sending` is claimed first: another process may still hold it.)
            do {
                try store.decideOutboxEntry(entry.id, from: [.queued, .retryWait], to: .blocked, by: Outbox.actor,
                                            reason: reason + "; set it and restart the daemon", eventType: "action_blocked")
            } catch is OperatorInputError {
                return false
            }
            logger.warning("outbox row \(entry.id) (\(entry.action.connector) \(entry.action.action)) of message \(entry.messageID) is blocked on configuration: \(reason); set it and restart the daemon")
            return true
        }
        guard let claimed = try store.claimOutboxEntry(entry.id, from: [.queued, .retryWait, .sending], actor: Outbox.actor,
                                                       owner: leaseOwner, leaseSeconds: leaseSeconds) else { return false }
        if let reason = blockedReason(claimed) {
            try store.decideOutboxEntry(claimed.id, from: [.sending], to: .blocked, by: Outbox.actor,
                                        reason: reason + "; set it and restart the daemon", eventType: "action_blocked")
            logger.warning("outbox row \(claimed.id) (\(claimed.action.connector) \(claimed.action.action)) of message \(claimed.messageID) is blocked on configuration: \(reason); set it and restart the daemon")
            return true
        }
        // The claim holds while the connector works: renewed every third of the lease.
        let renewal = Task { [store, leaseOwner, leaseSeconds, logger] in
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(leaseSeconds / 3))
                if Task.isCancelled { break }
                if (try? store.renewOutboxLease(claimed.id, owner: leaseOwner, leaseSeconds: leaseSeconds)) != true {
                    logger.warning("outbox row \(claimed.id): the lease could not be renewed")
                }
            }
        }
        defer { renewal.cancel() }
        guard let connector = connectors.connector(named: claimed.action.connector) else {
            try giveUp(claimed, error: "there is no connector '\(claimed.action.connector)' in connectors/; "
                + "add it, then `mailroom outbox retry \(claimed.id)`")
            return true
        }
        let captured = try store.capturedValues(messageID: claimed.messageID)
        var action = claimed.action
        do throws(ExpressionError) {
            action.parameters = try Decider.fillCaptured(action, captured: captured)
        } catch {
            try giveUp(claimed, error: "a parameter could not be filled in from captured values: \(error.message)")
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

    /// The row becomes a dead letter, said at error level in the log.
    private func giveUp(_ entry: OutboxEntry, error: String) throws {
        try store.failOutboxEntry(entry.id, error: error, retryAt: nil, actor: Outbox.actor)
        logger.error("outbox row \(entry.id) (\(entry.action.connector) \(entry.action.action)) of message \(entry.messageID) is a dead letter: \(error); fix the cause, then `mailroom outbox retry \(entry.id)`")
    }

    private func fail(_ entry: OutboxEntry, _ error: ConnectorError) throws {
        switch error {
        case .permanent(let message):
            try giveUp(entry, error: message)
        case .transient(let message, let retryAfter):
            if entry.attempts >= policy.maxAttempts {
                try giveUp(entry, error: "\(message) (gave up after \(entry.attempts) attempts)")
            } else {
                let wait = policy.delay(afterAttempt: entry.attempts, retryAfter: retryAfter, random: random())
                try store.failOutboxEntry(entry.id, error: message, retryAt: clock().addingTimeInterval(wait), actor: Outbox.actor)
            }
        }
    }

    /// Where the message's actions stand, from its rows as they are now.
    public func settlement(messageID: Int64) throws -> OutboxSettlement {
        let entries = try store.outboxEntries(messageID: messageID)
        func label(_ e: OutboxEntry) -> String { "action #\(e.id) (\(e.action.connector) \(e.action.action), rule '\(e.action.rule)')" }
        var dead: [String] = [], blocked: [String] = [], approvals: [String] = [], retries: [String] = [], problems: [String] = []
        var counts: [String: Int] = [:]
        for e in entries {
            counts[e.state.rawValue, default: 0] += 1
            switch e.state {
            case .dead:
                let text = "\(label(e)) is a dead letter after \(e.attempts) attempt(s): \(e.lastError ?? "no reason recorded"); "
                    + "fix the cause, then `mailroom outbox retry \(e.id)`"
                dead.append(text)
                problems.append(text)
            case .blocked:
                blocked.append("\(label(e)) is blocked on configuration: \(e.decisionReason ?? "its connector cannot work yet") "
                    + "(no attempt is used while it waits)")
            case .awaitingApproval:
                if let blocker = entries.first(where: { $0.action.rule == e.action.rule && $0.id < e.id && $0.state != .done && $0.state != .cancelled }) {
                    approvals.append("\(label(e)) will wait for approval once the earlier action #\(blocker.id) is done")
                } else {
                    approvals.append("\(label(e)) waits for approval by \(e.action.approval ?? "someone"): "
                        + "`mailroom approve \(e.approvalReference ?? String(e.id))` or `mailroom reject \(e.approvalReference ?? String(e.id)) --reason …`")
                }
            case .queued, .sending, .retryWait:
                if let blocker = entries.first(where: { $0.action.rule == e.action.rule && $0.id < e.id && $0.state != .done && $0.state != .cancelled }) {
                    retries.append("\(label(e)) waits for the earlier action #\(blocker.id)")
                } else if e.state == .retryWait {
                    let when = e.nextAttemptAt.map { " at \(ISO8601.utcString($0))" } ?? ""
                    retries.append("\(label(e)) failed \(e.attempts) time(s) and will be tried again\(when) "
                        + "(attempt \(e.attempts + 1) of \(policy.maxAttempts))" + (e.lastError.map { "; last error: \($0)" } ?? ""))
                } else if e.state == .sending {
                    retries.append("\(label(e)) is being carried out (attempt \(e.attempts) of \(policy.maxAttempts))")
                } else {
                    retries.append("\(label(e)) is queued to be carried out" + (e.attempts > 0 ? " (attempt \(e.attempts + 1) of \(policy.maxAttempts))" : ""))
                }
            case .rejected: problems.append("action #\(e.id) was rejected by \(e.decidedBy ?? "?"): \(e.decisionReason ?? "")")
            case .dropped: problems.append("action #\(e.id) was dropped by \(e.decidedBy ?? "?")")
            case .skipped: problems.append("action #\(e.id) was skipped: \(e.decisionReason ?? "")")
            case .done, .cancelled: break
            }
        }
        let summary: [String: JSONValue] = [
            "actions": .integer(entries.count),
            "states": .object(counts.mapValues { .integer($0) }),
            "outbox_ids": .array(entries.map { .int($0.id) }),
        ]
        let state: MessageState
        if !dead.isEmpty { state = .deadLetter }
        else if !blocked.isEmpty { state = .blocked }
        else if !approvals.isEmpty { state = .approval }
        else if !retries.isEmpty { state = .waiting }
        else { state = .acted }
        let waiting = dead + blocked + approvals + retries
        let others = problems.filter { !dead.contains($0) }
        let reason = (waiting + others).isEmpty ? nil : (waiting + others).joined(separator: "; ")
        return OutboxSettlement(state: state, reason: reason, summary: summary, problems: problems)
    }

    /// Keeps every message whose state follows its actions (waiting, approval, blocked, dead_letter) in the
    /// state and with the reason its rows say now: moves it (audited) when the state changes — to `acted` once
    /// every action is final — and refreshes the reason when only that changed. Returns the messages moved.
    @discardableResult
    public func settleWaitingMessages() throws -> [Int64] {
        var moved: [Int64] = []
        for id in try store.messagesAwaitingOutbox() {
            guard let message = try store.message(id: id) else { continue }
            let settled = try settlement(messageID: id)
            if settled.state == message.state {
                try store.updateFlagReason(id, state: message.state, reason: settled.reason)
                continue
            }
            do {
                try store.transition(id, from: message.state, to: settled.state, update: MessageUpdate(flagReason: settled.reason),
                                     audit: AuditDraft(messageID: id, stage: "act", actor: Outbox.actor,
                                                       eventType: settled.state.rawValue, details: settled.details))
                moved.append(id)
            } catch StoreError.stateConflict {
                continue
            }
            let line: Logger.Message = "message \(id) → \(settled.state.rawValue)\(settled.reason.map { ": \($0)" } ?? "")"
            switch settled.state {
            case .deadLetter: logger.error(line)
            case .blocked: logger.warning(line)
            default: logger.info(line)
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
