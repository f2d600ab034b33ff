import Foundation
import Logging
import Vocabulary
import Store
import Ingest
import Parse
import Understand
import Decide
import Act

/// Drives each message from its last committed state through parse → understand → decide → act, committing
/// every transition with its audit event before the next stage starts.
///
/// On start, every message that is not in a terminal state is picked up, oldest first: that is the whole of
/// crash recovery, because nothing but committed states is ever relied on. A bounded number of workers
/// (`pipeline.workers`) drive messages at the same time; no message is driven by two workers of one process
/// at once, and the store's compare-and-set transition keeps two processes from committing the same step
/// twice (the loser stops and leaves the message to the winner).
///
/// A stage that throws (trouble around the message, not in it: a locked store, a full disk) commits nothing;
/// the message rests for `retryDelay` and is tried again (in `drain`, once per drain).
public final class Pipeline: Sendable {
    public let store: MailStore
    public let workers: Int
    public let actor: String
    public let retryDelay: Duration
    /// Pick-ups of one message in one state without a committed step before it is sent to `failed`.
    public let maxAttempts: Int
    /// How often idle workers look into the store even when nobody rang.
    public let idlePoll: Duration
    package let stages: [MessageState: any PipelineStage]
    package let logger: Logger
    /// Counts every committed transition (`mailroom_messages_total`) and times every stage.
    public let metrics: MailroomMetrics
    /// When a worker last looked for work or finished a message (the systemd watchdog pings only while it beats).
    public let pulse = PipelinePulse()

    public static let workStates: [MessageState] = MessageState.allCases.filter { !$0.isTerminal }

    public init(store: MailStore, stages: [any PipelineStage], workers: Int, logger: Logger,
                actor: String = AuditActor.mailroom, retryDelay: Duration = .seconds(60),
                idlePoll: Duration = .seconds(5), maxAttempts: Int = 5, metrics: MailroomMetrics = MailroomMetrics()) {
        self.store = store
        self.metrics = metrics
        var byState: [MessageState: any PipelineStage] = [:]
        for stage in stages { byState[stage.input] = stage }
        self.stages = byState
        self.workers = max(1, workers)
        self.logger = logger
        self.actor = actor
        self.retryDelay = retryDelay
        self.idlePoll = idlePoll
        self.maxAttempts = maxAttempts
    }

    /// Parse, Understand, Decide, Act, both of the first two within `budget` per mail. Without `understand`, Understand records every message as `unknown`;
    /// without `rules` no action is decided; without `outbox` decided actions go to an outbox without
    /// connectors (they become dead letters naming the missing connector). `mailSources` are the configured IMAP
    /// folders and Maildirs: only their mail may answer an approval request.
    public static func standardStages(spool: Spool, store: MailStore, understand: UnderstandStage? = nil,
                                      rules: RuleSet = RuleSet(rules: [], files: []),
                                      kinds: KindCatalogue? = nil, outbox: Outbox? = nil,
                                      approvers: ApproverDirectory? = nil, mailSources: Set<String> = [],
                                      budget: MessageBudget = .standard) -> [any PipelineStage] {
        let decide = DecideStage(store: store, decider: Decider(rules: rules, kinds: kinds), kinds: kinds)
        var understand = understand ?? UnderstandStage(store: store)
        understand.budget = budget
        return [ParseStage(spool: spool, budget: budget), understand,
         approvers.map { ApprovalAwareDecideStage(decide: decide, approvals: MailApprovals(store: store, approvers: $0, mailSources: mailSources)) } ?? decide,
         ActStage(outbox: outbox ?? Outbox(store: store, connectors: ConnectorCatalogue(connectors: [])))]
    }

    /// Drives one message from its committed state until it is terminal. Returns the state it ended in
    /// (which may be non-terminal when another process moved it meanwhile). Throws when a stage or the
    /// store fails; what was committed before stays committed.
    @discardableResult
    public func drive(_ id: Int64) async throws -> MessageState {
        let store = self.store
        guard var message = try await BlockingIO.run({ try store.message(id: id) }) else {
            throw PipelineError(message: "there is no message \(id) in the store")
        }
        if message.state.isTerminal { return message.state }
        // A message that brings the process down in some stage would otherwise be picked up, and bring it
        // down, on every start. Each pick-up counts; a committed transition resets the count.
        let attempts = try await BlockingIO.run { try store.recordAttempt(id) }
        if attempts > maxAttempts, let stage = stages[message.state] {
            let reason = "Mailroom started the \(stage.name) stage \(attempts - 1) times for this message without "
                + "finishing it (the process stopped each time); look at the message (`mailroom messages show \(id)`), "
                + "then `mailroom messages retry \(id)`"
            let draft = AuditDraft(messageID: id, stage: stage.name, actor: actor, eventType: MessageState.failed.rawValue,
                                   details: ["reason": .string(reason), "attempts": .int(Int64(attempts - 1))])
            let from = message.state
            try await BlockingIO.run {
                try store.transition(id, from: from, to: .failed, update: MessageUpdate(flagReason: reason), audit: draft)
            }
            logger.error("message \(id) → failed: \(reason)")
            metrics.messageMoved(stage: stage.name, to: .failed, kind: message.kind)
            return .failed
        }
        while !message.state.isTerminal {
            // Cancellation (a graceful shutdown that ran out of time) stops between stages: what is
            // committed stays committed, the rest waits for the next start.
            if Task.isCancelled { break }
            guard let stage = stages[message.state] else {
                throw PipelineError(message: "no stage takes messages in state \(message.state.rawValue)")
            }
            let started = ContinuousClock.now
            let outcome = try await stage.process(message)
            metrics.stageTook(stage.name, ContinuousClock.now - started)
            let from = message.state
            let draft = AuditDraft(messageID: id, stage: stage.name, actor: actor, eventType: outcome.eventType,
                                   details: outcome.details)
            do {
                try await BlockingIO.run {
                    try store.transition(id, from: from, to: outcome.next, update: outcome.update, audit: draft)
                }
            } catch StoreError.stateConflict(_, _, let actual) {
                logger.notice("message \(id) was moved to \(actual.rawValue) by another worker; leaving it there")
                return actual
            }
            message.state = outcome.next
            if let v = outcome.update.subject { message.subject = v }
            if let v = outcome.update.sender { message.sender = v }
            if let v = outcome.update.kind { message.kind = v }
            if let v = outcome.update.normalised { message.normalised = v }
            // Decide reads the understanding from the message it is handed: without this line it fell back to
            // the audit event's flat field values, which do not decode, and every rule saw `fields` empty.
            if let v = outcome.update.understanding { message.understanding = v }
            message.flagReason = outcome.update.flagReason
            metrics.messageMoved(stage: stage.name, to: outcome.next, kind: message.kind)
            if outcome.next == .deadLetter {
                logger.error("message \(id) → \(outcome.next.rawValue): \(outcome.update.flagReason ?? "")",
                             metadata: ["stage": "\(stage.name)"])
            } else if outcome.next.needsSomeone {
                logger.warning("message \(id) → \(outcome.next.rawValue): \(outcome.update.flagReason ?? "")",
                               metadata: ["stage": "\(stage.name)"])
            } else {
                logger.debug("message \(id) → \(outcome.next.rawValue)", metadata: ["stage": "\(stage.name)"])
            }
        }
        return message.state
    }

    /// What a drain did.
    public struct DrainReport: Sendable {
        /// Messages driven, in the order they were picked up, with the state each ended in.
        public var driven: [(id: Int64, state: MessageState)] = []
        /// Messages a stage or the store failed on; they stay in their last committed state.
        public var errors: [Int64: String] = [:]
    }

    /// Drives every message that is not terminal until none is left (each message that throws is tried once).
    /// Returns early, with in-flight messages finished, when `stop` is set.
    public func drain(stop: StopFlag = StopFlag()) async -> DrainReport {
        let queue = WorkQueue(store: store, logger: logger, once: true, retryDelay: retryDelay, pulse: pulse)
        return await work(queue: queue, stop: stop, bell: Doorbell())
    }

    /// Runs until `stop` is set and `bell` rang (graceful shutdown: every message already started is
    /// finished, no new one is started) or the task is cancelled. Sources ring `bell` when mail arrives.
    public func run(stop: StopFlag, bell: Doorbell) async {
        let queue = WorkQueue(store: store, logger: logger, once: false, retryDelay: retryDelay, pulse: pulse)
        _ = await work(queue: queue, stop: stop, bell: bell)
    }

    private func work(queue: WorkQueue, stop: StopFlag, bell: Doorbell) async -> DrainReport {
        let report = LockedBox(DrainReport())
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<workers {
                group.addTask {
                    while let id = await queue.next(stop: stop, bell: bell, idle: self.idlePoll) {
                        do {
                            let state = try await self.drive(id)
                            report.withLock { $0.driven.append((id, state)) }
                            await queue.finished(id, failed: false)
                        } catch {
                            self.logger.error("message \(id) stays in its last committed state: \(error)")
                            report.withLock { $0.errors[id] = "\(error)" }
                            await queue.finished(id, failed: true)
                        }
                    }
                }
            }
        }
        return report.value
    }
}

/// Hands out message ids to the workers: oldest first, never one that is in flight, and not one that just
/// failed before its rest is over.
package actor WorkQueue {
    package let store: MailStore
    package let logger: Logger
    package let once: Bool
    package let retryDelay: Duration
    package let pulse: PipelinePulse?
    private var inFlight: Set<Int64> = []
    private var buffer: [Int64] = []
    private var resting: [Int64: ContinuousClock.Instant] = [:]

    package init(store: MailStore, logger: Logger, once: Bool, retryDelay: Duration, pulse: PipelinePulse? = nil) {
        self.pulse = pulse
        self.store = store
        self.logger = logger
        self.once = once
        self.retryDelay = retryDelay
    }

    package func next(stop: StopFlag, bell: Doorbell, idle: Duration) async -> Int64? {
        while true {
            pulse?.beat()
            if stop.isSet || Task.isCancelled { return nil }
            if let id = take() { return id }
            refill()
            if let id = take() { return id }
            if once { return nil }
            await bell.wait(timeout: idle, unless: stop)
        }
    }

    package func finished(_ id: Int64, failed: Bool) {
        pulse?.beat()
        inFlight.remove(id)
        if failed {
            resting[id] = once ? .now + .seconds(365 * 86400) : .now + retryDelay
        }
    }

    private func take() -> Int64? {
        while !buffer.isEmpty {
            let id = buffer.removeFirst()
            if inFlight.contains(id) { continue }
            inFlight.insert(id)
            return id
        }
        return nil
    }

    private func refill() {
        let now = ContinuousClock.now
        resting = resting.filter { $0.value > now }
        do {
            let limit = inFlight.count + resting.count + 32
            let candidates = try store.messages(inStates: Pipeline.workStates, limit: limit)
            buffer = candidates.map(\.id).filter { !inFlight.contains($0) && resting[$0] == nil }
        } catch {
            logger.error("cannot read the messages waiting for work: \(error)")
            buffer = []
        }
    }
}

public struct PipelineError: Error, CustomStringConvertible, LocalizedError, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
    public var errorDescription: String? { message }
}
