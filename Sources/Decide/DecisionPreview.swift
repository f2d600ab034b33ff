import Foundation
import Vocabulary

/// What the rules would do with one message: every rule's outcome in priority order and the actions as they
/// would be enqueued, their parameters filled as they would be sent (a value only an earlier action captures
/// shown as `pending`'s placeholder). The same evaluation as `Decider.decide`; nothing is executed or stored.
/// Used by `mailroom rules try` and the review station's preview of a correction.
public struct DecisionPreview: Sendable {
    public var decision: Decision
    public var rules: [RuleTrace]
    public var actions: [(action: IntendedAction, parameters: [String: JSONValue])]

    /// The matched rule whose `stop:` ended the evaluation, if any.
    public var stoppedBy: RuleTrace? { rules.first { $0.stop && $0.outcome == .matched } }
}

extension Decider {
    public func preview(_ input: DecisionInput,
                        pending: (String) -> String = { "<captured by \($0)>" }) -> DecisionPreview {
        let (decision, traces) = trace(input)
        let actions = decision.actions.enumerated().map { i, action in
            (action: action, parameters: Decider.previewCaptured(action, captured: [:], earlier: Array(decision.actions[..<i]),
                                                                 pending: pending))
        }
        return DecisionPreview(decision: decision, rules: traces, actions: actions)
    }
}
