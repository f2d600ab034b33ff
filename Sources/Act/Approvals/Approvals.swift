import Foundation
import Vocabulary
import Decide

/// What people do with the outbox: approve or reject a pending action, retry a dead letter, drop an action.
/// Every step is committed with an audit event naming who did it. The daemon's outbox worker carries out
/// what was approved or retried; a message whose actions are all final moves on to `acted`.
///
/// A pending approval has a stable short reference ("APR-12-K3QX") besides its row id, so that approval by
/// mail reply (an `approval` kind mail whose `reference` field names it) can later call `approve` too.
public enum Approvals {
    /// Actions waiting for a person, oldest first.
    public static func pending(store: any ActStore) throws -> [OutboxEntry] {
        try store.outboxEntries(states: [.awaitingApproval])
    }

    /// The action's parameters as they will be sent, for an approver: values earlier actions captured filled in,
    /// and one not captured yet named by the action that will capture it ("<filled from erp
    /// find_or_create_party when it runs>"), never raw `{{ … }}` text.
    public static func parametersAsSent(_ entry: OutboxEntry, store: any ActStore) -> [String: JSONValue] {
        guard !entry.action.capturedTemplates.isEmpty else { return entry.action.parameters }
        let captured = (try? store.capturedValues(messageID: entry.messageID)) ?? [:]
        let earlier = ((try? store.outboxEntries(messageID: entry.messageID)) ?? [])
            .filter { $0.id < entry.id && $0.state != .cancelled }.map(\.action)
        return Decider.previewCaptured(entry.action, captured: captured, earlier: earlier,
                                       pending: { "<filled from \($0) when it runs>" })
    }

    package static func find(_ idOrReference: String, store: any ActStore) throws -> OutboxEntry {
        guard let entry = try store.outboxEntry(idOrReference.trimmingCharacters(in: .whitespaces)) else {
            throw OperatorInputError(message: "there is no outbox action '\(idOrReference)'; `mailroom approvals list` shows the pending ones")
        }
        return entry
    }

    /// awaiting_approval → queued.
    @discardableResult
    public static func approve(_ idOrReference: String, by person: String, store: any ActStore) throws -> OutboxEntry {
        let entry = try find(idOrReference, store: store)
        guard entry.state == .awaitingApproval else {
            if entry.state == .cancelled {
                throw OperatorInputError(message: "action #\(entry.id) was cancelled by \(entry.decidedBy ?? "?")"
                    + (entry.decisionReason.map { " (\($0))" } ?? "") + "; it will never be carried out. "
                    + "If the message was decided again, its new request is in `mailroom approvals list`")
            }
            throw OperatorInputError(message: "action #\(entry.id) is \(entry.state.rawValue), not waiting for approval"
                + (entry.decidedBy.map { " (decided by \($0))" } ?? ""))
        }
        return try store.decideOutboxEntry(entry.id, from: [.awaitingApproval], to: .queued, by: person, reason: nil,
                                           eventType: "action_approved")
    }

    /// awaiting_approval → rejected (final); the reason is required.
    @discardableResult
    public static func reject(_ idOrReference: String, reason: String, by person: String, store: any ActStore) throws -> OutboxEntry {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw OperatorInputError(message: "say why the action is rejected: --reason \"…\"") }
        let entry = try find(idOrReference, store: store)
        guard entry.state == .awaitingApproval else {
            throw OperatorInputError(message: "action #\(entry.id) is \(entry.state.rawValue), not waiting for approval")
        }
        let after = try store.decideOutboxEntry(entry.id, from: [.awaitingApproval], to: .rejected, by: person, reason: reason,
                                                eventType: "action_rejected")
        try settle(store)
        return after
    }

    /// dead → queued with its attempts reset; actions after it (same message and rule) that were skipped
    /// because of it are queued again too.
    @discardableResult
    public static func retry(_ id: String, by person: String, store: any ActStore) throws -> OutboxEntry {
        let entry = try find(id, store: store)
        let after = try store.decideOutboxEntry(entry.id, from: [.dead], to: .queued, by: person, reason: nil,
                                                eventType: "action_retry_requested", resetAttempts: true)
        for later in try store.outboxEntries(messageID: entry.messageID)
        where later.id > entry.id && later.action.rule == entry.action.rule && later.state == .skipped {
            let target: OutboxState = later.action.approval != nil ? .awaitingApproval : .queued
            try store.decideOutboxEntry(later.id, from: [.skipped], to: target, by: person,
                                        reason: "the earlier action #\(entry.id) is retried", eventType: "action_retry_requested",
                                        resetAttempts: true)
        }
        try settle(store)  // the message says at once that its action waits to be carried out again
        return after
    }

    /// Any action not yet done → dropped (final): it will never be carried out.
    @discardableResult
    public static func drop(_ id: String, reason: String?, by person: String, store: any ActStore) throws -> OutboxEntry {
        let entry = try find(id, store: store)
        guard entry.state != .sending else {
            throw OperatorInputError(message: "action #\(entry.id) is being sent right now (or the process stopped while sending it); "
                + "let the daemon resolve it first")
        }
        let after = try store.decideOutboxEntry(entry.id, from: [.awaitingApproval, .queued, .retryWait, .blocked, .dead, .skipped],
                                                to: .dropped, by: person, reason: reason, eventType: "action_dropped")
        try settle(store)
        return after
    }

    package static func settle(_ store: any ActStore) throws {
        try Outbox(store: store, connectors: ConnectorCatalogue(connectors: [])).settleWaitingMessages()
    }
}
