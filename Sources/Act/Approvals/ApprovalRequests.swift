import Foundation
import Logging
import Vocabulary
import Decide

/// Mails each approver of a role when an action starts waiting for that role: what would be done, for
/// which mail, the APR- reference, and how to answer. Each approver gets a mail of their own whose
/// Message-ID is recorded; only a reply to that very mail, from that approver, can approve by mail.
///
/// Sent through the smtp connector named by `notify_via` in rules/approvers.yaml, exactly once per
/// (reference, approver) like the connector's other mail; an interrupted send is sent again with the same
/// Message-ID on the next round (a duplicate notice is harmless; a lost one would leave the action waiting
/// unseen).
public struct ApprovalRequests: Sendable {
    public let store: any ActStore
    public let approvers: ApproverDirectory
    public let connector: SMTPConnector
    package let logger: Logger
    public static let actor = "mailroom:approvals"

    public init?(store: any ActStore, approvers: ApproverDirectory?, connectors: ConnectorCatalogue, logger: Logger = Logger(label: "mailroom.approvals")) {
        guard let approvers, let name = approvers.notifyVia else { return nil }
        guard let smtp = connectors.using(store: store).connector(named: name) as? SMTPConnector else {
            // Unavailable (its password variable is not set) or not an smtp connector: say so, every start.
            let reason = connectors.connector(named: name).map { $0.type == "smtp" ? "it cannot work yet (see `mailroom rules check`)" : "it is a \($0.type) connector" }
                ?? "there is no such connector"
            logger.warning("approval requests are not mailed: notify_via names '\(name)', but \(reason); approvers use `mailroom approvals list`")
            return nil
        }
        self.store = store
        self.approvers = approvers
        self.connector = smtp
        self.logger = logger
    }

    /// Sends the notices not sent yet; returns how many went out.
    @discardableResult
    public func notifyPending() async -> Int {
        var sent = 0
        let pending: [OutboxEntry]
        do { pending = try Approvals.pending(store: store) } catch {
            logger.error("approval requests: \(error)")
            return 0
        }
        for entry in pending {
            guard let reference = entry.approvalReference, let role = entry.action.approval else { continue }
            // Ask only once the earlier actions of the same rule are done: before that there is nothing to
            // approve yet (the quotation is not created) and the parameters are not filled in.
            guard let siblings = try? store.outboxEntries(messageID: entry.messageID),
                  siblings.filter({ $0.action.rule == entry.action.rule && $0.id < entry.id && $0.state != .cancelled }).allSatisfy({ $0.state == .done }) else { continue }
            let addresses = approvers.roles[role]?.mail ?? []
            if addresses.isEmpty { continue }
            let done: Set<String>
            do { done = Set(try store.approvalNotices(reference: reference).filter { $0.state == .sent }.compactMap(\.approver)) } catch {
                logger.error("approval requests: \(error)")
                continue
            }
            for address in addresses where !done.contains(address) {
                do {
                    try await send(entry, reference: reference, role: role, to: address)
                    sent += 1
                } catch {
                    logger.warning("approval request \(reference) to \(address) not sent (tried again on the next round): \(error)")
                }
            }
        }
        return sent
    }

    /// The notice's Message-ID: fixed per (reference, approver, action), so a second attempt has the same one, and
    /// keyed with the store's secret, so nobody can compute it to forge a reply "to" it.
    package func noticeMessageID(_ entry: OutboxEntry, reference: String, approver: String) throws -> String {
        let token = try store.keyedToken("approval-request\u{1F}\(reference)\u{1F}\(approver)\u{1F}\(entry.idempotencyKey)")
        return OutgoingMail.messageID(forKey: token, domain: connector.messageIDDomain)
    }

    package func send(_ entry: OutboxEntry, reference: String, role: String, to approver: String) async throws {
        let original = try store.message(id: entry.messageID)
        let about = original.map { m in
            let from = m.normalised?.from.first?.address ?? "an unknown sender"
            return "the mail from \(from), \"\(m.subject ?? "(no subject)")\", received \(ISO8601.utcString(m.receivedAt)) (message \(m.id))"
        } ?? "message \(entry.messageID)"
        let subject = "[\(reference)] Approval needed: \(entry.action.connector) \(entry.action.action) - \(original?.subject ?? "message \(entry.messageID)")"
        // The parameters as they will be sent: values captured by earlier actions filled in (never a raw template).
        let parameters = JSONValue.object(Approvals.parametersAsSent(entry, store: store)).canonicalJSON
        let body = """
            Mailroom waits for your approval (role \(role)) before it carries out this action:

              Action:     \(entry.action.connector) \(entry.action.action) (rule '\(entry.action.rule)', \(entry.action.ruleFile))
              Parameters: \(parameters.count > 1500 ? String(parameters.prefix(1500)) + " …" : parameters)
              For:        \(about)
              Reference:  \(reference)

            To answer, reply to this mail (keep \(reference) in the subject) and write on the first line:
              APPROVE  (or: genehmigt / 同意)
              REJECT   and the reason (or: abgelehnt / 拒绝)
            Only a reply from \(approver) to this very mail counts.

            Or on the Mailroom host: mailroom approve \(reference)  /  mailroom reject \(reference) --reason "…"
            """
        var mail = OutgoingMail(from: connector.from, to: [MailAddress(name: nil, address: approver)], subject: subject, text: body,
                                messageID: try noticeMessageID(entry, reference: reference, approver: approver), date: Date(),
                                autoSubmitted: "auto-generated", origin: "\(connector.name) approval request \(reference)")
        mail.extraHeaders = [("X-Mailroom-Approval", reference)]
        let audit = AuditDraft(messageID: entry.messageID, stage: "act", actor: ApprovalRequests.actor, eventType: "approval_requested", details: [
            "outbox_id": .int(entry.id), "approval_reference": .string(reference), "role": .string(role), "approver": .string(approver),
            "notice_message_id": .string(mail.messageID), "connector": .string(connector.name),
        ])
        _ = try await connector.deliver(mail, key: "approval-request:\(reference):\(approver)", purpose: "approval_request",
                                        outboxID: entry.id, overLimit: nil, approvalReference: reference, approver: approver, audit: audit)
    }
}
