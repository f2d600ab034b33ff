import Foundation

/// The rule set a running daemon decides mail with (rules, kinds, connectors, approvers, catalogue), as it
/// records it in the store for `mailroom status` and `mailroom reload`.
public struct RuleSetState: Sendable, Equatable, Codable {
    /// The daemon that loaded it.
    public var pid: Int32
    /// The rule-set version (SHA-256 over the files' paths and contents) in use.
    public var version: String
    /// When that version was loaded (at start, or by the last successful reload).
    public var loadedAt: Date
    /// The last load or reload attempt, successful or not.
    public var attemptedAt: Date
    /// Why the last reload attempt was refused (the old set stayed in use); nil when it succeeded.
    public var error: String?

    public init(pid: Int32, version: String, loadedAt: Date, attemptedAt: Date, error: String? = nil) {
        self.pid = pid
        self.version = version
        self.loadedAt = loadedAt
        self.attemptedAt = attemptedAt
        self.error = error
    }
}
