import Foundation
import GRDB
import Vocabulary

extension MailStore {
    package func sentMailWrite<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do { return try groupCommit.write(pool, body) } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }

    package func sentMailRead<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do { return try pool.read(body) } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }

    private static func sentMail(_ row: Row) -> SentMailRecord {
        let recipientsText: String = row["recipients_json"]
        let recipients = (try? JSONDecoder().decode([String].self, from: Data(recipientsText.utf8))) ?? []
        return SentMailRecord(messageID: row["message_id"], connector: row["connector"], idempotencyKey: row["idempotency_key"],
                              purpose: row["purpose"], state: SentMailRecord.State(rawValue: row["state"]) ?? .sending,
                              recipients: recipients, outboxID: row["outbox_id"], approvalReference: row["approval_reference"],
                              approver: row["approver"], serverReply: row["server_reply"],
                              startedAt: MillisecondTime.date(row["started_at"]) ?? Date(timeIntervalSince1970: 0),
                              sentAt: (row["sent_at"] as String?).flatMap(MillisecondTime.date))
    }

    public func sentMail(messageID: String) throws -> SentMailRecord? {
        try sentMailRead("read sent mail \(messageID)") { db in
            try Row.fetchOne(db, sql: "SELECT * FROM sent_mail WHERE message_id = ?", arguments: [messageID]).map(MailStore.sentMail)
        }
    }

    /// Approval notices sent (or being sent) for a reference.
    public func approvalNotices(reference: String) throws -> [SentMailRecord] {
        try sentMailRead("read approval notices of \(reference)") { db in
            try Row.fetchAll(db, sql: "SELECT * FROM sent_mail WHERE purpose = 'approval_request' AND approval_reference = ? ORDER BY started_at",
                             arguments: [reference.uppercased()]).map(MailStore.sentMail)
        }
    }

    /// How many automatic mails went to `recipient` since `since`.
    public func automaticMailCount(to recipient: String, since: Date) throws -> Int {
        try sentMailRead("count mail to \(recipient)") { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sent_mail_recipients WHERE recipient = ? AND sent_at >= ?",
                             arguments: [recipient.lowercased(), MillisecondTime.string(since)]) ?? 0
        }
    }

    /// Checks the Message-ID and the recipients' daily limit, then records the mail as `sending` — in one
    /// transaction, so two workers cannot both pass the limit. `limit` nil = no limit for this mail.
    public func beginSending(_ record: SentMailRecord, limitPerRecipientPerDay limit: Int?, now: Date) throws -> SendingStart {
        try sentMailWrite("record mail \(record.messageID) as sending") { db in
            if let earlier = try Row.fetchOne(db, sql: "SELECT * FROM sent_mail WHERE message_id = ?", arguments: [record.messageID])
                .map(MailStore.sentMail) {
                return earlier.state == .sent ? .alreadySent(earlier) : .uncertain(earlier)
            }
            if let limit {
                let since = MillisecondTime.string(now.addingTimeInterval(-86_400))
                for recipient in record.recipients {
                    let times = try String.fetchAll(db, sql: """
                        SELECT sent_at FROM sent_mail_recipients WHERE recipient = ? AND sent_at >= ? ORDER BY sent_at
                        """, arguments: [recipient.lowercased(), since])
                    if times.count >= limit {
                        let oldest = times.first.flatMap(MillisecondTime.date) ?? now
                        return .limited(recipient: recipient, until: oldest.addingTimeInterval(86_400))
                    }
                }
            }
            try MailStore.insertSending(record, now: now, in: db)
            return .go
        }
    }

    /// Records as `sending` again after an operator chose to send a mail whose earlier attempt is uncertain.
    public func restartSending(_ record: SentMailRecord, now: Date) throws {
        try sentMailWrite("record mail \(record.messageID) as sending again") { db in
            try db.execute(sql: "DELETE FROM sent_mail WHERE message_id = ?", arguments: [record.messageID])
            try MailStore.insertSending(record, now: now, in: db)
        }
    }

    private static func insertSending(_ record: SentMailRecord, now: Date, in db: Database) throws {
        let recipients = String(decoding: (try? JSONEncoder().encode(record.recipients.map { $0.lowercased() })) ?? Data("[]".utf8), as: UTF8.self)
        try db.execute(sql: """
            INSERT INTO sent_mail (message_id, connector, idempotency_key, purpose, state, recipients_json, outbox_id,
                                   approval_reference, approver, started_at)
            VALUES (?, ?, ?, ?, 'sending', ?, ?, ?, ?, ?)
            """, arguments: [record.messageID, record.connector, record.idempotencyKey, record.purpose, recipients,
                             record.outboxID, record.approvalReference?.uppercased(), record.approver?.lowercased(),
                             MillisecondTime.string(now)])
    }

    /// The server took the mail: `sent`, and (for automatic mail) each recipient counted for the daily limit.
    /// `audit` is appended in the same transaction (approval notices, which are not outbox rows).
    public func finishSending(messageID: String, serverReply: String, countRecipients: Bool, now: Date, audit: AuditDraft?) throws {
        try sentMailWrite("record mail \(messageID) as sent") { db in
            let stamp = MillisecondTime.string(now)
            try db.execute(sql: "UPDATE sent_mail SET state = 'sent', server_reply = ?, sent_at = ? WHERE message_id = ?",
                           arguments: [serverReply, stamp, messageID])
            if countRecipients, let text = try String.fetchOne(db, sql: "SELECT recipients_json FROM sent_mail WHERE message_id = ?", arguments: [messageID]) {
                for r in (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? [] {
                    try db.execute(sql: "INSERT OR IGNORE INTO sent_mail_recipients (message_id, recipient, sent_at) VALUES (?, ?, ?)",
                                   arguments: [messageID, r, stamp])
                }
            }
            if let audit { _ = try appendAuditEvent(audit, in: db) }
        }
    }

    /// The attempt certainly failed (nothing was accepted): forget it, so a retry is not mistaken for a duplicate.
    public func abandonSending(messageID: String) throws {
        try sentMailWrite("forget mail \(messageID)") { db in
            try db.execute(sql: "DELETE FROM sent_mail WHERE message_id = ? AND state = 'sending'", arguments: [messageID])
        }
    }
}
