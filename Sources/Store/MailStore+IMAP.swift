import Foundation
import GRDB
import Vocabulary

/// IMAP checkpoints and source trigger health (tables from migration "2026-11 imap checkpoints, source health").
extension MailStore {
    public func imapCheckpoint(source: String) throws -> IMAPCheckpoint? {
        try readingIMAP("read the checkpoint of \(source)") { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT uidvalidity, highest_uid, highest_modseq, updated_at FROM imap_checkpoints WHERE source = ?
                """, arguments: [source]) else { return nil }
            let validity: Int64 = row[0]
            let uid: Int64 = row[1]
            let modseq: Int64? = row[2]
            let updated: String = row[3]
            return IMAPCheckpoint(source: source, uidValidity: UInt32(truncatingIfNeeded: validity),
                                  highestUID: UInt32(truncatingIfNeeded: uid),
                                  highestModSeq: modseq.map { UInt64(bitPattern: $0) },
                                  updatedAt: MillisecondTime.date(updated))
        }
    }

    /// Moves the checkpoint forward (never back) under the same UIDVALIDITY.
    public func advanceIMAPCheckpoint(source: String, uidValidity: UInt32, highestUID: UInt32, highestModSeq: UInt64?) throws {
        let now = MillisecondTime.string(clock())
        try writingIMAP("advance the checkpoint of \(source)") { db in
            try db.execute(sql: """
                INSERT INTO imap_checkpoints (source, uidvalidity, highest_uid, highest_modseq, updated_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (source) DO UPDATE SET
                    highest_uid = max(highest_uid, excluded.highest_uid),
                    highest_modseq = coalesce(excluded.highest_modseq, highest_modseq),
                    updated_at = excluded.updated_at
                WHERE uidvalidity = excluded.uidvalidity
                """, arguments: [source, Int64(uidValidity), Int64(highestUID), highestModSeq.map { Int64(bitPattern: $0) }, now])
        }
    }

    /// Starts a folder over under a new UIDVALIDITY (first sight, or the server renumbered the folder),
    /// with an audit event when it replaces an earlier one. Mail already stored is found again by its
    /// content hash, so nothing is stored twice.
    public func resetIMAPCheckpoint(source: String, uidValidity: UInt32, previous: IMAPCheckpoint?, actor: String) throws {
        let now = MillisecondTime.string(clock())
        try writingIMAP("reset the checkpoint of \(source)") { db in
            try db.execute(sql: """
                INSERT INTO imap_checkpoints (source, uidvalidity, highest_uid, highest_modseq, updated_at)
                VALUES (?, ?, 0, NULL, ?)
                ON CONFLICT (source) DO UPDATE SET uidvalidity = excluded.uidvalidity, highest_uid = 0,
                    highest_modseq = NULL, updated_at = excluded.updated_at
                """, arguments: [source, Int64(uidValidity), now])
            if let previous {
                _ = try appendAuditEvent(AuditDraft(
                    messageID: nil, stage: "ingest", actor: actor, eventType: "uidvalidity_changed",
                    details: ["source": .string(source), "previous_uidvalidity": .integer(Int(previous.uidValidity)),
                              "previous_highest_uid": .integer(Int(previous.highestUID)),
                              "uidvalidity": .integer(Int(uidValidity)),
                              "note": "the server renumbered the folder; its mail is taken again and recognised by content hash"]),
                    in: db)
            }
        }
    }

    public func recordSourceHealth(_ h: SourceHealth) throws {
        try writingIMAP("record the health of \(h.source)") { db in
            try db.execute(sql: """
                INSERT INTO source_health (source, state, detail, connected_since, last_contact, last_new_mail, lag,
                                           fresh_until, silence_window_seconds, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (source) DO UPDATE SET state = excluded.state, detail = excluded.detail,
                    connected_since = excluded.connected_since, last_contact = excluded.last_contact,
                    last_new_mail = excluded.last_new_mail, lag = excluded.lag, fresh_until = excluded.fresh_until,
                    silence_window_seconds = excluded.silence_window_seconds, updated_at = excluded.updated_at
                """, arguments: [h.source, h.state.rawValue, h.detail, h.connectedSince.map(MillisecondTime.string),
                                 h.lastContact.map(MillisecondTime.string), h.lastNewMail.map(MillisecondTime.string),
                                 h.lag, h.freshUntil.map(MillisecondTime.string), h.silenceWindowSeconds,
                                 MillisecondTime.string(h.updatedAt)])
        }
    }

    public func sourceHealth() throws -> [SourceHealth] {
        try readingIMAP("read source health") { db in
            try Row.fetchAll(db, sql: """
                SELECT source, state, detail, connected_since, last_contact, last_new_mail, lag, fresh_until,
                       silence_window_seconds, updated_at FROM source_health ORDER BY source
                """).map { row in
                func date(_ i: Int) -> Date? { (row[i] as String?).flatMap(MillisecondTime.date) }
                return SourceHealth(source: row[0], state: TriggerState(rawValue: row[1]) ?? .stopped, detail: row[2],
                                    connectedSince: date(3), lastContact: date(4), lastNewMail: date(5), lag: row[6],
                                    freshUntil: date(7), silenceWindowSeconds: row[8], updatedAt: date(9) ?? Date.distantPast)
            }
        }
    }

    private func writingIMAP<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try groupCommit.write(pool, body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }

    private func readingIMAP<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }
}
