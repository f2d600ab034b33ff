import Foundation

/// decided → acted. Puts the intended actions into the outbox and lets connectors carry them out.
///
/// Decide produces no actions yet, so there is nothing to carry out; the audit event records that zero
/// actions were taken. The outbox and connectors come in a later issue.
public struct ActStage: PipelineStage {
    public var name: String { "act" }
    public var input: MessageState { .decided }

    public init() {}

    public func process(_ message: StoredMessage) async throws -> StageOutcome {
        StageOutcome(next: .acted, details: [
            "actions_carried_out": 0,
            "reason": "no actions were decided",
        ])
    }
}
