import Foundation
import Vocabulary

/// decided → acted (or review while actions wait). Puts the decided actions into the outbox (each with its
/// idempotency key, before anything is sent), carries out what may run now, and settles the message:
/// `acted` when every action is final (done, or dead/rejected/dropped with the reason in the flag), `review`
/// while an action waits for approval or a retry — the outbox worker moves it on to `acted` later.
public struct ActStage: PipelineStage {
    public var name: String { "act" }
    public var input: MessageState { .decided }

    public let outbox: Outbox

    public init(outbox: Outbox) { self.outbox = outbox }

    public func process(_ message: StoredMessage) async throws -> StageOutcome {
        let store = outbox.store
        let actions = try store.decision(messageID: message.id)?.actions ?? []
        if actions.isEmpty {
            return StageOutcome(next: .acted, details: ["actions_carried_out": 0, "reason": "no rule asked for an action"])
        }
        try store.enqueue(messageID: message.id, actions: actions, actor: Outbox.actor)
        try await outbox.run(messageID: message.id)
        switch try outbox.settlement(messageID: message.id) {
        case .finished(let summary, let problems):
            var details = summary
            details["problems"] = .array(problems.map { .string($0) })
            var update = MessageUpdate()
            if !problems.isEmpty { update.flagReason = problems.joined(separator: "; ") }
            return StageOutcome(next: .acted, update: update, details: details)
        case .waiting(let reason):
            return .flag(.review, reason: reason, details: ["waiting": true])
        }
    }
}
