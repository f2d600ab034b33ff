import Foundation

/// Where an IMAP folder's sync stands: UIDs are only comparable under the same UIDVALIDITY.
public struct IMAPCheckpoint: Sendable, Equatable, Codable {
    public var source: String
    public var uidValidity: UInt32
    /// The highest UID whose mail is stored and whose on-stored action was done.
    public var highestUID: UInt32
    public var highestModSeq: UInt64?
    public var updatedAt: Date?

    public init(source: String, uidValidity: UInt32, highestUID: UInt32, highestModSeq: UInt64? = nil, updatedAt: Date? = nil) {
        self.source = source
        self.uidValidity = uidValidity
        self.highestUID = highestUID
        self.highestModSeq = highestModSeq
        self.updatedAt = updatedAt
    }
}

/// A source trigger's state as the daemon reports it.
public enum TriggerState: String, Sendable, Codable, CaseIterable {
    case connecting
    /// Connected, waiting in IDLE for the server to push.
    case idle
    /// Connected, checking every poll interval (no IDLE).
    case polling
    /// Taking new mail right now.
    case syncing
    /// Lost the connection (or never got one); waiting to try again.
    case reconnecting
    /// The server refused the credentials; retrying rarely.
    case authFailed = "auth-failed"
    /// The server's certificate was refused.
    case tlsRefused = "tls-refused"
    /// The daemon stopped it (shutdown).
    case stopped
}

/// One source's trigger health, as stored by the daemon and read by `mailroom status`.
public struct SourceHealth: Sendable, Equatable, Codable {
    public var source: String
    public var state: TriggerState
    /// The last error or a note ("IDLE not offered: polling every 60 s").
    public var detail: String?
    public var connectedSince: Date?
    public var lastContact: Date?
    public var lastNewMail: Date?
    /// Messages on the server not yet stored, at the last look.
    public var lag: Int?
    /// The daemon will report again before this time while it runs; after it, the row is stale.
    public var freshUntil: Date?
    public var silenceWindowSeconds: Double?
    public var updatedAt: Date

    public init(source: String, state: TriggerState, detail: String? = nil, connectedSince: Date? = nil,
                lastContact: Date? = nil, lastNewMail: Date? = nil, lag: Int? = nil, freshUntil: Date? = nil,
                silenceWindowSeconds: Double? = nil, updatedAt: Date = Date()) {
        self.source = source
        self.state = state
        self.detail = detail
        self.connectedSince = connectedSince
        self.lastContact = lastContact
        self.lastNewMail = lastNewMail
        self.lag = lag
        self.freshUntil = freshUntil
        self.silenceWindowSeconds = silenceWindowSeconds
        self.updatedAt = updatedAt
    }

    /// What an operator should read: the stored state, unless it is stale or silent too long.
    public enum Verdict: String, Sendable, Codable {
        case healthy
        /// Connected, but no new mail for longer than the silence window.
        case suspicious
        /// The daemon has not reported within its promise: stopped, hung, or the connection is dead.
        case noContact = "no-contact"
        /// Reconnecting, auth-failed, tls-refused, stopped.
        case failing
    }

    public func verdict(now: Date = Date()) -> Verdict {
        if state == .stopped { return .noContact }
        if let freshUntil, now > freshUntil { return .noContact }
        if freshUntil == nil { return .noContact }
        switch state {
        case .reconnecting, .authFailed, .tlsRefused, .stopped: return .failing
        case .connecting: return .failing
        case .idle, .polling, .syncing:
            if let window = silenceWindowSeconds {
                let quietSince = lastNewMail ?? connectedSince ?? updatedAt
                if now.timeIntervalSince(quietSince) > window { return .suspicious }
            }
            return .healthy
        }
    }
}
