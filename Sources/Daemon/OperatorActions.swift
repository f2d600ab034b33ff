import Foundation
import Vocabulary
import Store

/// What an operator does to a message by hand, each step recorded in the audit trail with who did it.
public enum OperatorActions {
    /// "operator:<login>": the person at the terminal (the one behind sudo when there is one).
    public static func currentOperator() -> String { AuditActor.currentOperator() }

    /// Sends a failed message back to `received`, so the pipeline takes it again from the start (after the
    /// operator fixed what its flag reason named). Only failed messages can be retried.
    public static func retry(_ id: Int64, store: MailStore, actor: String = currentOperator()) throws {
        guard let message = try store.message(id: id) else {
            throw OperatorInputError(message: "there is no message \(id) in the store")
        }
        guard message.state == .failed else {
            let why = message.state == .review
                ? "it is in review, waiting for a person's decision, not failed"
                : "it is \(message.state.rawValue), not failed"
            throw OperatorInputError(message: "message \(id) cannot be retried: \(why)")
        }
        try store.transition(id, from: .failed, to: .received, update: MessageUpdate(),
                             audit: AuditDraft(messageID: id, stage: "operator", actor: actor, eventType: "retry",
                                               details: ["previous_flag_reason": .optional(message.flagReason)]))
    }
}
