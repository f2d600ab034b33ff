import Foundation
import Vocabulary

/// `rules:` — where the rule files and connector definitions are, and how the outbox retries.
public struct RulesSettings: Sendable, Equatable, Codable {
    /// The rules folder (rule files `*.yaml`, with kinds/, examples/ and tests/ inside).
    public var path: String
    /// The connectors folder (`*.yaml`, one connector each).
    public var connectors: String
    /// Attempts per action before it becomes a dead letter.
    public var maxAttempts: Int
    /// Seconds to wait after the first failure; doubles each time up to `maxRetrySeconds`.
    public var firstRetrySeconds: Double
    public var maxRetrySeconds: Double
    /// How often the outbox looks for due retries and approved actions.
    public var outboxPollSeconds: Double
    /// How often the daemon looks whether `examples/` changed (then it retrains the classifier in the
    /// background and uses the new model without a restart); 0 = never.
    public var examplesCheckSeconds: Double

    public init(path: String = "rules", connectors: String = "connectors", maxAttempts: Int = 6,
                firstRetrySeconds: Double = 30, maxRetrySeconds: Double = 3600, outboxPollSeconds: Double = 5,
                examplesCheckSeconds: Double = 60) {
        self.path = path
        self.connectors = connectors
        self.maxAttempts = maxAttempts
        self.firstRetrySeconds = firstRetrySeconds
        self.maxRetrySeconds = maxRetrySeconds
        self.outboxPollSeconds = outboxPollSeconds
        self.examplesCheckSeconds = examplesCheckSeconds
    }

    /// `kinds/`: the kinds and their fields.
    public var kindsDirectory: URL { URL(fileURLWithPath: path).appendingPathComponent("kinds") }
    /// `examples/`: the offline classifier's training mail.
    public var examplesDirectory: URL { URL(fileURLWithPath: path).appendingPathComponent("examples") }

    public var retryPolicy: RetryPolicy {
        RetryPolicy(maxAttempts: maxAttempts, firstDelay: firstRetrySeconds, maximumDelay: maxRetrySeconds)
    }
}

extension RulesSettings {
    package enum CodingKeys: String, CodingKey, CaseIterable {
        case path, connectors, maxAttempts = "max_attempts", firstRetrySeconds = "first_retry_seconds"
        case maxRetrySeconds = "max_retry_seconds", outboxPollSeconds = "outbox_poll_seconds"
        case examplesCheckSeconds = "examples_check_seconds"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        path = try c.decodeIfPresent(String.self, forKey: .path) ?? "rules"
        try c.requireNonEmpty(path, .path)
        connectors = try c.decodeIfPresent(String.self, forKey: .connectors) ?? "connectors"
        try c.requireNonEmpty(connectors, .connectors)
        maxAttempts = try c.decodeIfPresent(Int.self, forKey: .maxAttempts) ?? 6
        guard (1...100).contains(maxAttempts) else { throw c.problem(.maxAttempts, "must be between 1 and 100, not \(maxAttempts)") }
        firstRetrySeconds = try c.decodeIfPresent(Double.self, forKey: .firstRetrySeconds) ?? 30
        guard firstRetrySeconds > 0 else { throw c.problem(.firstRetrySeconds, "must be more than 0") }
        maxRetrySeconds = try c.decodeIfPresent(Double.self, forKey: .maxRetrySeconds) ?? 3600
        guard maxRetrySeconds >= firstRetrySeconds else { throw c.problem(.maxRetrySeconds, "must be at least first_retry_seconds") }
        outboxPollSeconds = try c.decodeIfPresent(Double.self, forKey: .outboxPollSeconds) ?? 5
        guard outboxPollSeconds > 0 else { throw c.problem(.outboxPollSeconds, "must be more than 0") }
        examplesCheckSeconds = try c.decodeIfPresent(Double.self, forKey: .examplesCheckSeconds) ?? 60
        guard examplesCheckSeconds >= 0 else { throw c.problem(.examplesCheckSeconds, "must be 0 (never) or more") }
    }
}
