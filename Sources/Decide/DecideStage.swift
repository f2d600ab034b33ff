import Foundation
import Vocabulary

/// understood → decided. Evaluates the rule files against the understood message (`Decider`, a pure
/// function of message, understanding and rules), records the decision, and audits the rule files with
/// their SHA-256, the rules matched and the intended actions.
///
/// A rule that cannot be evaluated on this message (a type mismatch) sends the message to review with the
/// rule's file and line: acting on a half-evaluated rule set would be guessing. So does a rule with
/// `review:` that holds, and a quote whose lines do not all match the catalogue (the reason names the line).
public struct DecideStage: PipelineStage {
    public var name: String { "decide" }
    public var input: MessageState { .understood }

    public let store: any DecisionStore
    public let decider: Decider
    package let understandingOf: @Sendable (StoredMessage) throws -> Understanding?
    package let clock: @Sendable () -> Date

    public init(store: any DecisionStore, decider: Decider,
                understandingOf: (@Sendable (StoredMessage) throws -> Understanding?)? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.decider = decider
        self.understandingOf = understandingOf ?? { message in try StoredUnderstanding.read(message, store: store) }
        self.clock = clock
    }

    public func process(_ message: StoredMessage) async throws -> StageOutcome {
        guard let normalised = message.normalised else {
            return .flag(.review, reason: "the message has no parsed content to decide on; `mailroom messages show \(message.id)`")
        }
        guard let understanding = try understandingOf(message) else {
            return .flag(.review, reason: "no understanding is recorded for this message; it cannot be decided")
        }
        let input = DecisionInput(messageID: message.id, message: normalised, understanding: understanding,
                                  source: message.source, receivedAt: message.receivedAt, now: clock())
        let decision = decider.decide(input)
        var details = decision.auditDetails
        details["rules_sha256"] = .string(decider.rules.combinedSHA256)
        details["inputs"] = .object(["kind": .string(understanding.kind), "confidence": .number(understanding.confidence),
                                     "fields": .object(understanding.fields.mapValues(\.json)), "source": .string(message.source)])
        if !decision.problems.isEmpty {
            let reason = decision.problems.map { "\($0.file):\($0.line): rule '\($0.rule)': \($0.message)" }.joined(separator: "; ")
            return .flag(.review, reason: "a rule could not be evaluated on this message: \(reason); fix the rule, then decide again",
                         details: details)
        }
        if !decision.review.isEmpty {
            // Nothing is intended: a person resolves the reason (e.g. `mailroom review correct ID lines[1].sku=…`,
            // or an alias added to rules/catalogue.csv), then `mailroom review accept ID` decides again.
            return .flag(.review, reason: decision.review.joined(separator: "; ")
                            + "; resolve it, then `mailroom review accept \(message.id)` (or `review correct \(message.id) …`) decides again",
                         details: details)
        }
        try store.recordDecision(messageID: message.id, rulesSHA256: decider.rules.combinedSHA256, details: details,
                                 actions: decision.actions)
        return StageOutcome(next: .decided, details: details)
    }
}

/// What Decide reads and records: the message with its understanding, and the decision beside it.
public typealias DecisionStore = MessageStore & OutboxStore & AuditLogStore
