import Foundation
import Vocabulary

/// Whether a daemon runs on a store, as `mailroom status` shows it: the kernel is asked whether the store's
/// lock file is held (`StoreLock.probe`), and the heartbeat in the store says by whom, since when, and
/// whether it still beats. Neither alone is trusted: a pid file outlives its process, and a heartbeat
/// row outlives a crash.
public struct DaemonLiveness: Sendable, Codable, Equatable {
    public enum State: String, Sendable, Codable {
        /// The lock is held and the heartbeat is fresh.
        case running
        /// The lock is held but the heartbeat is overdue: the daemon seems stuck.
        case stuck
        /// The lock is held and the holder has not recorded a heartbeat yet.
        case starting
        /// The lock is held by a daemon that recorded its clean stop and is exiting.
        case stopping
        /// Nobody holds the lock.
        case stopped
        /// Nobody holds the lock and no daemon ever recorded a heartbeat in this store.
        case neverRan = "never_ran"
    }

    public var state: State
    public var summary: String
    public var lockFile: String
    public var lockHeld: Bool
    public var pid: Int32?
    public var host: String?
    public var version: String?
    /// Times as UTC ISO 8601 text (as in the JSON), so a report decodes without a date strategy.
    public var startedAt: String?
    public var lastHeartbeat: String?
    public var stoppedAt: String?
    public var uptimeSeconds: Double?
    public var heartbeatAgeSeconds: Double?

    package enum CodingKeys: String, CodingKey {
        case state, summary, lockFile = "lock_file", lockHeld = "lock_held", pid, host, version
        case startedAt = "started_at", lastHeartbeat = "last_heartbeat", stoppedAt = "stopped_at"
        case uptimeSeconds = "uptime_seconds", heartbeatAgeSeconds = "heartbeat_age_seconds"
    }

    public static func gather(storePath: String, store: any DaemonHeartbeatStore, now: Date = Date()) throws -> DaemonLiveness {
        let lock = StoreLock.probe(forStore: storePath)
        return judge(lockFile: StoreLock.path(forStore: storePath), lockHeld: lock.held, lockPID: lock.pid,
                     heartbeat: try store.daemonHeartbeat(), now: now, thisHost: LocalHost.name)
    }

    /// The verdict from what the kernel said about the lock and what the store holds.
    public static func judge(lockFile: String, lockHeld: Bool, lockPID: Int32?, heartbeat hb: DaemonHeartbeat?,
                             now: Date, thisHost: String) -> DaemonLiveness {
        var out = DaemonLiveness(state: .neverRan, summary: "never ran", lockFile: lockFile, lockHeld: lockHeld,
                                 pid: lockHeld ? lockPID : nil)
        // The heartbeat belongs to the lock's holder when the pids agree (or the file names none yet).
        let holderBeats = hb.map { lockHeld && (lockPID == nil || lockPID == $0.pid) } ?? false
        if let hb, holderBeats || !lockHeld {
            out.pid = hb.pid
            out.host = hb.host
            out.version = hb.version
            out.startedAt = ISO8601.utcString(hb.startedAt)
            out.lastHeartbeat = ISO8601.utcString(hb.lastHeartbeat)
            out.stoppedAt = hb.stoppedAt.map(ISO8601.utcString)
            out.heartbeatAgeSeconds = max(0, now.timeIntervalSince(hb.lastHeartbeat))
        }
        let age = OperatorTime.age
        switch (lockHeld, hb) {
        case (true, let hb?) where holderBeats && hb.stoppedAt == nil:
            out.uptimeSeconds = max(0, now.timeIntervalSince(hb.startedAt))
            if hb.isStale(now: now) {
                out.state = .stuck
                out.summary = "stuck? pid \(hb.pid) on \(hb.host) holds the lock, but its last heartbeat was "
                    + "\(age(now.timeIntervalSince(hb.lastHeartbeat))) ago (it beats every \(age(hb.intervalSeconds))): "
                    + "the daemon seems stuck; look at its log, or restart it"
            } else {
                out.state = .running
                out.summary = "running (pid \(hb.pid) on \(hb.host), up for \(age(now.timeIntervalSince(hb.startedAt))), "
                    + "version \(hb.version))"
            }
        case (true, let hb?) where holderBeats:
            out.state = .stopping
            out.summary = "stopping (pid \(hb.pid) on \(hb.host) stopped at \(ISO8601.utcString(hb.stoppedAt ?? now)) "
                + "and is exiting)"
        case (true, _):
            out.state = .starting
            out.summary = "starting (\(lockPID.map { "pid \($0)" } ?? "a process") holds the lock; no heartbeat from it yet)"
        case (false, .none):
            break
        case (false, let hb?):
            out.state = .stopped
            if let stopped = hb.stoppedAt {
                out.summary = "not running since \(ISO8601.utcString(stopped)) (stopped cleanly; was pid \(hb.pid) "
                    + "on \(hb.host), version \(hb.version))"
            } else {
                out.summary = "not running since \(ISO8601.utcString(hb.lastHeartbeat)) (its last heartbeat; it did not "
                    + "stop cleanly: was pid \(hb.pid) on \(hb.host), version \(hb.version))"
                if hb.host != thisHost && !hb.isStale(now: now) {
                    out.summary += "; its heartbeat is fresh but came from \(hb.host), not this machine, whose lock "
                        + "cannot be seen from here"
                }
            }
        }
        return out
    }
}
