import Foundation
import GRDB
import Vocabulary

/// The rule set in use (table from migration "2027-03 rule reload: …"): one row, the latest daemon's.
extension MailStore {
    public func recordRuleSetLoaded(pid: Int32, version: String, at time: Date) throws {
        try writingRuleSetState("record the rule set in use") { db in
            let t = MillisecondTime.string(time)
            try db.execute(sql: """
                INSERT INTO rule_set_state (id, pid, version, loaded_at, attempted_at, error)
                VALUES (1, ?, ?, ?, ?, NULL)
                ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, version = excluded.version,
                    loaded_at = excluded.loaded_at, attempted_at = excluded.attempted_at, error = NULL
                """, arguments: [Int64(pid), version, t, t])
        }
    }

    public func recordRuleSetReloadFailed(pid: Int32, error: String, at time: Date) throws {
        try writingRuleSetState("record a refused rule reload") { db in
            try db.execute(sql: "UPDATE rule_set_state SET attempted_at = ?, error = ? WHERE id = 1 AND pid = ?",
                           arguments: [MillisecondTime.string(time), error, Int64(pid)])
        }
    }

    public func ruleSetState() throws -> RuleSetState? {
        do {
            return try pool.read { db in
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT pid, version, loaded_at, attempted_at, error FROM rule_set_state WHERE id = 1
                    """) else { return nil }
                let pid: Int64 = row[0]
                func date(_ i: Int) -> Date { (row[i] as String?).flatMap(MillisecondTime.date) ?? .distantPast }
                return RuleSetState(pid: Int32(truncatingIfNeeded: pid), version: row[1], loadedAt: date(2),
                                    attemptedAt: date(3), error: row[4])
            }
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: "read the rule set in use", reason: MailStore.explain(error))
        }
    }

    private func writingRuleSetState(_ operation: String, _ body: (Database) throws -> Void) throws {
        do {
            try groupCommit.write(pool, body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }
}
