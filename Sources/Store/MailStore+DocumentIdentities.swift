import Foundation
import GRDB
import Vocabulary

extension MailStore: DocumentIdentityStore {
    public func documentIdentityConflicts(_ identity: DocumentIdentity, messageID: Int64,
                                          accepting: Set<Int64>) throws -> [DocumentIdentityConflict] {
        try outboxRead("look up the document identities of message \(messageID)") { db in
            try Self.examine(db, identity, messageID: messageID, accepting: accepting).conflicts
        }
    }

    public func claimDocumentIdentity(_ identity: DocumentIdentity, messageID: Int64,
                                      accepting: Set<Int64>) throws -> [DocumentIdentityConflict] {
        let now = MillisecondTime.string(clock())
        return try outboxWrite("record the document identities of message \(messageID)") { db in
            let found = try Self.examine(db, identity, messageID: messageID, accepting: accepting)
            guard found.conflicts.isEmpty else { return found.conflicts }
            for key in found.free {
                try db.execute(sql: """
                    INSERT INTO document_identities (key, kind, label, message_id, recorded_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, label = excluded.label,
                        message_id = excluded.message_id, recorded_at = excluded.recorded_at
                    """, arguments: [key, identity.kind, identity.label, messageID, now])
            }
            return []
        }
    }

    public func documentIdentities(ofMessage id: Int64) throws -> [DocumentIdentityRecord] {
        try outboxRead("read the document identities of message \(id)") { db in
            try Row.fetchAll(db, sql: """
                SELECT key, kind, label, message_id, recorded_at FROM document_identities WHERE message_id = ? ORDER BY key
                """, arguments: [id]).map { row in
                let recorded: String = row["recorded_at"]
                return DocumentIdentityRecord(key: row["key"], kind: row["kind"], label: row["label"], messageID: row["message_id"],
                                              recordedAt: MillisecondTime.date(recorded) ?? Date(timeIntervalSince1970: 0))
            }
        }
    }

    /// The conflicts of `identity`, and the keys `messageID` may take (nobody holds them, or their holder no
    /// longer has the kind it was decided as).
    private static func examine(_ db: Database, _ identity: DocumentIdentity, messageID: Int64,
                                accepting: Set<Int64>) throws -> (conflicts: [DocumentIdentityConflict], free: [String]) {
        let business = Set(identity.keys)
        var conflicts: [DocumentIdentityConflict] = []
        var free: [String] = []
        var businessOf: [Int64: Set<String>] = [:]
        for key in identity.keys + identity.documentSHA256.map(DocumentIdentity.documentKey) {
            guard let row = try Row.fetchOne(db, sql: """
                SELECT d.kind, d.label, d.message_id, m.state, m.kind AS message_kind, m.received_at
                FROM document_identities d JOIN messages m ON m.id = d.message_id WHERE d.key = ?
                """, arguments: [key]) else {
                free.append(key)
                continue
            }
            let holder: Int64 = row["message_id"]
            let kind: String = row["kind"]
            if holder == messageID { continue }
            // Rejected by a person (kind `other`) or corrected to another kind: it was not acted on as this document.
            if (row["message_kind"] as String?) != kind {
                free.append(key)
                continue
            }
            if accepting.contains(holder) { continue }
            if key.hasPrefix("sha256:"), !business.isEmpty {
                if businessOf[holder] == nil {
                    businessOf[holder] = Set(try String.fetchAll(db, sql: """
                        SELECT key FROM document_identities WHERE message_id = ? AND key NOT LIKE 'sha256:%'
                        """, arguments: [holder]))
                }
                // Two different invoices that both carry the seller's terms and conditions.
                if let theirs = businessOf[holder], !theirs.isEmpty, theirs.isDisjoint(with: business) { continue }
            }
            let state = MessageState(rawValue: row["state"] as String) ?? .failed
            let received: String = row["received_at"]
            conflicts.append(DocumentIdentityConflict(key: key, earlierMessageID: holder, earlierLabel: row["label"],
                                                      earlierKind: kind, earlierState: state,
                                                      earlierReceivedAt: MillisecondTime.date(received) ?? Date(timeIntervalSince1970: 0)))
        }
        return (conflicts, free)
    }
}
