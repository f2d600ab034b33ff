import Foundation
import GRDB
import Vocabulary

/// For `mailroom bench audit` only: fills a scratch store with the history of many made-up messages, fast, through
/// the same audit writer the pipeline uses (`appendAuditEvent`: the hash chain and the Merkle leaves are real), in
/// large transactions. Never called on an operator's store (the command refuses a store that holds real messages).
extension MailStore {
    /// What one made-up message looks like in the filled store.
    public struct SyntheticMessage: Sendable {
        public var sender: String
        public var kind: String
        public var subject: String
        /// The final state: `acted`, `no_action` or `dead_letter`.
        public var finalState: MessageState
        public init(sender: String, kind: String, subject: String, finalState: MessageState) {
            self.sender = sender
            self.kind = kind
            self.subject = subject
            self.finalState = finalState
        }
    }

    /// Records each message as received, parsed, understood, decided and finished (five audit events, with the
    /// "from"/"to", sender and kind details the store writes for a real transition), all in one transaction.
    /// Returns the number of audit events appended.
    @discardableResult
    public func recordSyntheticHistory(_ messages: [SyntheticMessage], actor: String) throws -> Int {
        try writing("record \(messages.count) made-up message histories") { db in
            let insertMessage = try db.cachedStatement(sql: """
                INSERT INTO messages (content_sha256, size, state, received_at, updated_at, subject, sender, kind, attempts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
                """)
            let insertSource = try db.cachedStatement(sql: """
                INSERT INTO message_sources (source, location, message_id, first_seen) VALUES (?, ?, ?, ?)
                """)
            var appended = 0
            var next = (try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM messages") ?? 0) + 1
            for m in messages {
                let now = MillisecondTime.string(clock())
                // A unique content "hash": the row number in hex (the rows are made up; only uniqueness matters).
                let hex = String(next, radix: 16)
                let sha = String(repeating: "0", count: 64 - hex.count) + hex
                next += 1
                try insertMessage.execute(arguments: [sha, 2048, m.finalState.rawValue, now, now, m.subject, m.sender, m.kind])
                let id = db.lastInsertedRowID
                let location = "bench-\(id).eml"
                try insertSource.execute(arguments: ["maildir:bench", location, id, now])
                let steps: [(stage: String, type: String, from: String?, to: MessageState, extra: [String: JSONValue])] = [
                    ("ingest", "received", nil, .received,
                     ["source": "maildir:bench", "location": .string(location), "sha256": .string(sha), "size": .int(2048)]),
                    ("parse", "parsed", "received", .parsed, ["sender": .string(m.sender), "subject": .string(m.subject)]),
                    ("understand", "understood", "parsed", .understood, ["kind": .string(m.kind), "confidence": .number(0.97)]),
                    ("decide", "decided", "understood", .decided, ["rules": .array([.string("bench rule")]), "actions": .int(1)]),
                    ("act", m.finalState.rawValue, "decided", m.finalState, ["connector": "erp", "action": "create_order"]),
                ]
                for step in steps {
                    var details = step.extra
                    if let from = step.from { details["from"] = .string(from) }
                    details["to"] = .string(step.to.rawValue)
                    try appendAuditEvent(AuditDraft(messageID: id, stage: step.stage, actor: actor, eventType: step.type,
                                                    details: details), in: db)
                    appended += 1
                }
            }
            return appended
        }
    }

    /// How many audit events and messages the store holds.
    public func auditAndMessageCounts() throws -> (events: Int64, messages: Int64) {
        try reading("count audit events and messages") { db in
            let events = try Int64.fetchOne(db, sql: "SELECT count(*) FROM audit_events") ?? 0
            let messages = try Int64.fetchOne(db, sql: "SELECT count(*) FROM messages") ?? 0
            return (events: events, messages: messages)
        }
    }

    /// The distinct source names of the recorded messages.
    public func sourceNames() throws -> Set<String> {
        try reading("list the message sources") { db in Set(try String.fetchAll(db, sql: "SELECT DISTINCT source FROM message_sources")) }
    }
}
