import Foundation
import Vocabulary
import Understand

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
    /// The kinds, for their `identity:`; without them no message is checked for being a duplicate.
    public let kinds: KindCatalogue?
    package let understandingOf: @Sendable (StoredMessage) throws -> Understanding?
    package let clock: @Sendable () -> Date

    public init(store: any DecisionStore, decider: Decider, kinds: KindCatalogue? = nil,
                understandingOf: (@Sendable (StoredMessage) throws -> Understanding?)? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.decider = decider
        self.kinds = kinds
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
        // The same business document decided before (by mail and through the drop folder, resent, forwarded):
        // a person says whether it is to be acted on again. Checked before deciding, so the reason comes first.
        let identity = kinds?.kind(named: understanding.kind).flatMap {
            DocumentIdentification.identity(kind: $0, understanding: understanding, attachments: normalised.attachments)
        }.flatMap { $0.isEmpty ? nil : $0 }
        let accepted = Self.acceptedDuplicates(understanding)
        if let identity {
            let conflicts = try store.documentIdentityConflicts(identity, messageID: message.id, accepting: accepted)
            if !conflicts.isEmpty { return duplicate(message, understanding, identity, conflicts) }
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
        if let identity {
            // Taken in one transaction with the check, so of two copies decided at once only one goes on.
            let conflicts = try store.claimDocumentIdentity(identity, messageID: message.id, accepting: accepted)
            if !conflicts.isEmpty { return duplicate(message, understanding, identity, conflicts) }
            details["document_identity"] = .object([
                "label": .string(identity.label), "keys": .array(identity.keys.map { .string($0) }),
                "documents_sha256": .array(identity.documentSHA256.map { .string($0) }),
            ])
            if !accepted.isEmpty { details["duplicate_accepted_of"] = .array(accepted.sorted().map { .int($0) }) }
        }
        try store.recordDecision(messageID: message.id, rulesSHA256: decider.rules.combinedSHA256, details: details,
                                 actions: decision.actions)
        return StageOutcome(next: .decided, details: details)
    }

    /// The step method that records a duplicate ("duplicate:17": the same document as message 17).
    public static let duplicateStepPrefix = "duplicate:"

    /// The earlier messages a person accepted this message as a duplicate of: a `duplicate:<id>` step
    /// followed by a person's step (`review accept` or `review correct`).
    public static func acceptedDuplicates(_ understanding: Understanding) -> Set<Int64> {
        var accepted: Set<Int64> = []
        for (i, step) in understanding.steps.enumerated() where step.method.hasPrefix(duplicateStepPrefix) {
            guard let id = Int64(step.method.dropFirst(duplicateStepPrefix.count)) else { continue }
            if understanding.steps[(i + 1)...].contains(where: { $0.method == "person" }) { accepted.insert(id) }
        }
        return accepted
    }

    /// review, with the earlier message named; the reason goes into the understanding too, so that a person's
    /// `review accept` records it among the reasons accepted (and Decide then lets the message act).
    func duplicate(_ message: StoredMessage, _ understanding: Understanding, _ identity: DocumentIdentity,
                   _ conflicts: [DocumentIdentityConflict]) -> StageOutcome {
        let first = conflicts.first { !$0.isDocument } ?? conflicts[0]
        let day = String(MillisecondTime.string(first.earlierReceivedAt).prefix(10))
        let now: String
        switch first.earlierState {
        case .acted, .noAction: now = ""
        case .review: now = " (it now waits in review)"
        case .failed: now = " (it has now failed)"
        case .waiting, .approval, .blocked, .deadLetter: now = " (it is \(first.earlierState.rawValue): \(first.earlierState.meaning))"
        case .received, .parsed, .understood, .decided: now = " (it is being acted on)"
        }
        let what: String
        if first.isDocument {
            let sha = String(first.key.dropFirst("sha256:".count))
            let name = identity.documentNames[sha].map { "\"\($0)\" " } ?? ""
            what = "the same document \(name)(SHA-256 \(sha.prefix(12))…) arrived as message \(first.earlierMessageID) (\(first.earlierLabel))"
        } else {
            what = "the same \(identity.label) arrived as message \(first.earlierMessageID)"
        }
        let reason = "\(what) on \(day)\(now); not acted on twice. If it is to be acted on again, "
            + "`mailroom review accept \(message.id)`; else `mailroom review reject \(message.id)`"
        var after = understanding
        after.review.append(reason)
        after.steps.append(UnderstandingStep(method: Self.duplicateStepPrefix + String(first.earlierMessageID), kind: understanding.kind,
                                             confidence: nil, note: reason))
        let earlier = Set(conflicts.map(\.earlierMessageID)).sorted()
        var outcome = StageOutcome.flag(.review, reason: reason, update: MessageUpdate(understanding: after), details: [
            "earlier_message_id": .int(first.earlierMessageID),
            "earlier_message_ids": .array(earlier.map { .int($0) }),
            "matched": .array(conflicts.map { .string($0.key) }),
            "label": .string(identity.label),
        ])
        outcome.eventType = "duplicate_detected"
        return outcome
    }
}

/// What Decide reads and records: the message with its understanding, the decision beside it, and the
/// business documents already decided on.
public typealias DecisionStore = MessageStore & OutboxStore & AuditLogStore & DocumentIdentityStore
