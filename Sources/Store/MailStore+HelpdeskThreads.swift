import Foundation
import GRDB
import Vocabulary

extension MailStore {
    /// Remembers that a mail created or updated a ticket. Recording the same mail again changes nothing
    /// (the first ticket stays), so a retry after a crash is harmless.
    public func recordHelpdeskThread(_ entry: HelpdeskThreadEntry) throws {
        try outboxWrite("record the helpdesk thread of <\(entry.mailMessageID)>") { db in
            try db.execute(sql: """
                INSERT INTO helpdesk_threads (connector, mail_message_id, ticket_id, sender, message_id, outbox_id, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (connector, mail_message_id) DO NOTHING
                """, arguments: [entry.connector, entry.mailMessageID, entry.ticketID, entry.sender?.lowercased(),
                                 entry.messageID, entry.outboxID, MillisecondTime.string(clock())])
        }
    }

    /// The recorded mails among `mailMessageIDs` (e.g. a reply's In-Reply-To and References).
    public func helpdeskThreads(connector: String, mailMessageIDs: [String]) throws -> [HelpdeskThreadEntry] {
        let ids = Array(Set(mailMessageIDs.filter { !$0.isEmpty }))
        guard !ids.isEmpty else { return [] }
        return try outboxRead("read helpdesk threads") { db in
            var out: [HelpdeskThreadEntry] = []
            for chunk in stride(from: 0, to: ids.count, by: 400) {
                let part = Array(ids[chunk..<min(chunk + 400, ids.count)])
                let marks = part.map { _ in "?" }.joined(separator: ", ")
                let rows = try Row.fetchAll(db, sql: """
                    SELECT connector, mail_message_id, ticket_id, sender, message_id, outbox_id, recorded_at
                    FROM helpdesk_threads WHERE connector = ? AND mail_message_id IN (\(marks))
                    """, arguments: StatementArguments([connector] + part))
                out += rows.map(MailStore.helpdeskThreadEntry)
            }
            return out
        }
    }

    /// Every recorded mail of one ticket, oldest first.
    public func helpdeskThreads(connector: String, ticketID: String) throws -> [HelpdeskThreadEntry] {
        try outboxRead("read the thread of ticket \(ticketID)") { db in
            try Row.fetchAll(db, sql: """
                SELECT connector, mail_message_id, ticket_id, sender, message_id, outbox_id, recorded_at
                FROM helpdesk_threads WHERE connector = ? AND ticket_id = ? ORDER BY recorded_at, rowid
                """, arguments: [connector, ticketID]).map(MailStore.helpdeskThreadEntry)
        }
    }

    private static func helpdeskThreadEntry(_ row: Row) -> HelpdeskThreadEntry {
        let recorded: String = row["recorded_at"]
        return HelpdeskThreadEntry(connector: row["connector"], mailMessageID: row["mail_message_id"], ticketID: row["ticket_id"],
                                   sender: row["sender"], messageID: row["message_id"], outboxID: row["outbox_id"],
                                   recordedAt: MillisecondTime.date(recorded) ?? Date(timeIntervalSince1970: 0))
    }
}
