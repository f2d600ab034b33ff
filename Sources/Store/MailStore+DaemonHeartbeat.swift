import Foundation
import GRDB
import Vocabulary

/// The daemon's heartbeat (table from migration "2026-12 daemon heartbeat: …"): one row, the latest daemon's.
extension MailStore {
    public func recordDaemonStart(_ h: DaemonHeartbeat) throws {
        try writingHeartbeat("record the daemon's start") { db in
            try db.execute(sql: """
                INSERT INTO daemon_heartbeat (id, pid, host, version, started_at, heartbeat_at, interval_seconds, stopped_at)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET pid = excluded.pid, host = excluded.host, version = excluded.version,
                    started_at = excluded.started_at, heartbeat_at = excluded.heartbeat_at,
                    interval_seconds = excluded.interval_seconds, stopped_at = excluded.stopped_at
                """, arguments: [Int64(h.pid), h.host, h.version, MillisecondTime.string(h.startedAt),
                                 MillisecondTime.string(h.lastHeartbeat), h.intervalSeconds,
                                 h.stoppedAt.map(MillisecondTime.string)])
        }
    }

    public func recordDaemonHeartbeat(pid: Int32, at time: Date) throws {
        try writingHeartbeat("record the daemon's heartbeat") { db in
            try db.execute(sql: "UPDATE daemon_heartbeat SET heartbeat_at = ? WHERE id = 1 AND pid = ?",
                           arguments: [MillisecondTime.string(time), Int64(pid)])
        }
    }

    public func recordDaemonStop(pid: Int32, at time: Date) throws {
        try writingHeartbeat("record the daemon's stop") { db in
            try db.execute(sql: "UPDATE daemon_heartbeat SET heartbeat_at = ?, stopped_at = ? WHERE id = 1 AND pid = ?",
                           arguments: [MillisecondTime.string(time), MillisecondTime.string(time), Int64(pid)])
        }
    }

    public func daemonHeartbeat() throws -> DaemonHeartbeat? {
        do {
            return try pool.read { db in
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT pid, host, version, started_at, heartbeat_at, interval_seconds, stopped_at
                    FROM daemon_heartbeat WHERE id = 1
                    """) else { return nil }
                let pid: Int64 = row[0]
                func date(_ i: Int) -> Date? { (row[i] as String?).flatMap(MillisecondTime.date) }
                return DaemonHeartbeat(pid: Int32(truncatingIfNeeded: pid), host: row[1], version: row[2],
                                       startedAt: date(3) ?? .distantPast, lastHeartbeat: date(4) ?? .distantPast,
                                       intervalSeconds: row[5], stoppedAt: date(6))
            }
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: "read the daemon's heartbeat", reason: MailStore.explain(error))
        }
    }

    private func writingHeartbeat(_ operation: String, _ body: (Database) throws -> Void) throws {
        do {
            try groupCommit.write(pool, body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }
}
