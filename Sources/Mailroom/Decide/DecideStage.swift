import Foundation

/// understood → decided. Evaluates the rule files against the understood message and produces the list of
/// intended actions — a pure function of (message, understanding, rules).
///
/// There are no rules yet, so the list is empty, and the audit event says so. Rule evaluation comes in a
/// later issue.
public struct DecideStage: PipelineStage {
    public var name: String { "decide" }
    public var input: MessageState { .understood }

    public init() {}

    public func process(_ message: StoredMessage) async throws -> StageOutcome {
        StageOutcome(next: .decided, details: [
            "rules_evaluated": 0,
            "actions": .array([]),
            "reason": "no rules are configured",
        ])
    }
}
