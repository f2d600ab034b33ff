import Foundation

/// What the running daemon records about itself in the store: who it is, since when, and when it last said so.
/// `mailroom status` reads it together with the store's lock file (`<store>.lock`) to tell a running daemon
/// from a stopped or a stuck one.
public struct DaemonHeartbeat: Sendable, Equatable, Codable {
    public var pid: Int32
    public var host: String
    public var version: String
    public var startedAt: Date
    /// The latest heartbeat (at start, every `intervalSeconds`, and at a clean stop).
    public var lastHeartbeat: Date
    /// How often the daemon promised to beat; a heartbeat much older than this is stale.
    public var intervalSeconds: Double
    /// Set at a clean stop; nil while it runs, and after a crash or SIGKILL.
    public var stoppedAt: Date?

    public init(pid: Int32, host: String, version: String, startedAt: Date, lastHeartbeat: Date,
                intervalSeconds: Double, stoppedAt: Date? = nil) {
        self.pid = pid
        self.host = host
        self.version = version
        self.startedAt = startedAt
        self.lastHeartbeat = lastHeartbeat
        self.intervalSeconds = intervalSeconds
        self.stoppedAt = stoppedAt
    }

    /// The heartbeat is overdue: the daemon beats every `intervalSeconds`, so three missed beats (at least
    /// 30 s) mean it is not getting round to it.
    public func isStale(now: Date) -> Bool {
        now.timeIntervalSince(lastHeartbeat) > max(30, 3 * intervalSeconds)
    }
}
