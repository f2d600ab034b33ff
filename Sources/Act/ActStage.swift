import Foundation
import Vocabulary

/// decided → acted | no_action | waiting | approval | blocked | dead_letter. Puts the decided actions into the
/// outbox (each with its idempotency key, before anything is sent), carries out what may run now, and settles
/// the message: `no_action` when no rule asked for one, `acted` when every action is final (dead/rejected/
/// dropped ones named in the flag), otherwise the state that says what the rest waits for (``OutboxSettlement``)
/// — the outbox worker moves it on later.
public struct ActStage: PipelineStage {
    public var name: String { "act" }
    public var input: MessageState { .decided }

    public let outbox: Outbox

    public init(outbox: Outbox) { self.outbox = outbox }

    public func process(_ message: StoredMessage) async throws -> StageOutcome {
        let store = outbox.store
        let actions = try store.decision(messageID: message.id)?.actions ?? []
        if actions.isEmpty {
            return StageOutcome(next: .noAction, details: ["actions_carried_out": 0, "reason": "no rule asked for an action"])
        }
        try store.enqueue(messageID: message.id, actions: actions, actor: Outbox.actor)
        try await outbox.run(messageID: message.id)
        let settled = try outbox.settlement(messageID: message.id)
        return StageOutcome(next: settled.state, update: MessageUpdate(flagReason: settled.reason), details: settled.details)
    }
}
