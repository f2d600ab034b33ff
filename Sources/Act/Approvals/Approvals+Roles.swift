import Foundation
import Vocabulary

/// Approval roles enforced (rules/approvers.yaml): who may approve or reject an action that waits for a role.
extension Approvals {
    /// The login name of the person running the command (`AuditActor.currentLogin`).
    public static func localUser() -> String { AuditActor.currentLogin() }

    /// Approves on the command line: with approvers defined, only a user listed for the action's role may,
    /// and `--by` may only name that user; every refusal is audited.
    @discardableResult
    public static func approve(_ idOrReference: String, localUser user: String, claimedName: String?, approvers: ApproverDirectory?,
                               store: any ActStore) throws -> OutboxEntry {
        let actor = try localActor(idOrReference, user: user, claimedName: claimedName, approvers: approvers, store: store, decision: "approve")
        return try approve(idOrReference, by: actor, store: store)
    }

    @discardableResult
    public static func reject(_ idOrReference: String, reason: String, localUser user: String, claimedName: String?,
                              approvers: ApproverDirectory?, store: any ActStore) throws -> OutboxEntry {
        let actor = try localActor(idOrReference, user: user, claimedName: claimedName, approvers: approvers, store: store, decision: "reject")
        return try reject(idOrReference, reason: reason, by: actor, store: store)
    }

    package static func localActor(_ idOrReference: String, user: String, claimedName: String?, approvers: ApproverDirectory?,
                           store: any ActStore, decision: String) throws -> String {
        guard let approvers else {
            // No approvers file: as before, whoever can open the store decides (and may name themselves).
            return AuditActor.commandLine(by: claimedName, login: user)
        }
        let entry = try find(idOrReference, store: store)
        let role = entry.action.approval ?? ""
        var refusal: String?
        if let claimedName, claimedName != user {
            refusal = "--by \(claimedName) is not the login running the command (\(user)); approvals are recorded under the login"
        } else if !approvers.mayApproveLocally(role: role, user: user) {
            let allowed = approvers.roles[role]?.users ?? []
            refusal = "\(user) may not \(decision) for role '\(role)'"
                + (allowed.isEmpty ? " (\(approvers.file) lists no users for it)" : "; \(approvers.file) allows: \(allowed.joined(separator: ", "))")
        }
        if let refusal {
            _ = try store.appendAudit(AuditDraft(messageID: entry.messageID, stage: "act", actor: AuditActor.operator(user), eventType: "approval_refused", details: [
                "outbox_id": .int(entry.id), "approval_reference": .optional(entry.approvalReference), "role": .string(role),
                "decision": .string(decision), "by": .string(AuditActor.operator(user)), "channel": "command line", "reason": .string(refusal),
            ]))
            throw OperatorInputError(message: "refused: " + refusal)
        }
        return AuditActor.operator(user)
    }
}
