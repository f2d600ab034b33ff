import Foundation

/// Where an outbox row stands.
///
/// ```
/// awaiting_approval → queued (approved) | rejected
/// queued | retry_wait → sending → done | retry_wait | dead
/// sending (found after a crash) → done (the connector's earlier result) | sending again
/// queued | retry_wait | sending → blocked (the connector lacks configuration: a secret is not set; no attempt used)
/// blocked → queued (the daemon starts with the configuration complete)
/// dead → queued (`outbox retry`);  any but done → dropped (`outbox drop`)
/// awaiting_approval | queued | retry_wait | blocked | dead | skipped → cancelled (a person corrected, rejected or
///     reopened the message in review: the row is obsolete; deciding again enqueues fresh rows)
/// ```
///
/// A row being carried out has one owner (a process's lease token, `lease_until`): no second process takes it
/// while the lease holds.
public enum OutboxState: String, Codable, Sendable, CaseIterable {
    case awaitingApproval = "awaiting_approval", queued, sending, retryWait = "retry_wait", blocked
    case done, dead, rejected, dropped, skipped, cancelled

    /// Nothing more happens to the row by itself.
    public var isFinal: Bool {
        switch self {
        case .done, .dead, .rejected, .dropped, .skipped, .cancelled: return true
        case .awaitingApproval, .queued, .sending, .retryWait, .blocked: return false
        }
    }
}

/// One row of the outbox.
public struct OutboxEntry: Sendable, Hashable {
    public var id: Int64
    public var messageID: Int64
    public var idempotencyKey: String
    public var action: IntendedAction
    public var state: OutboxState
    /// Attempts started (each marked `sending` before the connector is called).
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastError: String?
    /// "APR-<id>-<4 characters>": the stable short reference of a pending approval (also for replies by mail).
    public var approvalReference: String?
    public var decidedBy: String?
    public var decidedAt: Date?
    public var decisionReason: String?
    /// The connector's report of the successful attempt (request, response, captured values).
    public var result: JSONValue?
    public var createdAt: Date
    public var updatedAt: Date
    /// The process carrying the row out (its lease token) and until when its claim holds; nil when nobody holds it.
    public var leaseOwner: String?
    public var leaseUntil: Date?

    public init(id: Int64, messageID: Int64, idempotencyKey: String, action: IntendedAction, state: OutboxState,
                attempts: Int, nextAttemptAt: Date?, lastError: String?, approvalReference: String?,
                decidedBy: String?, decidedAt: Date?, decisionReason: String?, result: JSONValue?,
                createdAt: Date, updatedAt: Date, leaseOwner: String? = nil, leaseUntil: Date? = nil) {
        self.id = id
        self.messageID = messageID
        self.idempotencyKey = idempotencyKey
        self.action = action
        self.state = state
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
        self.approvalReference = approvalReference
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
        self.decisionReason = decisionReason
        self.result = result
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.leaseOwner = leaseOwner
        self.leaseUntil = leaseUntil
    }

    public var json: JSONValue {
        .object([
            "id": .int(id), "message_id": .int(messageID), "idempotency_key": .string(idempotencyKey),
            "rule": .string(action.rule), "rule_file": .string(action.ruleFile), "index": .integer(action.index),
            "connector": .string(action.connector), "action": .string(action.action),
            "parameters": .object(action.parameters), "approval": .optional(action.approval),
            "state": .string(state.rawValue), "attempts": .integer(attempts),
            "next_attempt_at": .optional(nextAttemptAt.map(ISO8601.utcString)), "last_error": .optional(lastError),
            "approval_reference": .optional(approvalReference), "decided_by": .optional(decidedBy),
            "decision_reason": .optional(decisionReason), "result": result ?? .null,
        ])
    }
}

/// The decision recorded for a message (what `replay` compares against).
public struct StoredDecision: Sendable, Hashable {
    public var messageID: Int64
    public var decidedAt: Date
    public var rulesSHA256: String
    public var details: [String: JSONValue]
    public var actions: [IntendedAction]

    public init(messageID: Int64, decidedAt: Date, rulesSHA256: String, details: [String: JSONValue], actions: [IntendedAction]) {
        self.messageID = messageID
        self.decidedAt = decidedAt
        self.rulesSHA256 = rulesSHA256
        self.details = details
        self.actions = actions
    }
}

/// What a connector reports after carrying out an action.
public struct ConnectorResult: Sendable, Hashable {
    /// Values to keep for later actions and the message's record ("quotation_id": 42).
    public var captured: [String: JSONValue]
    /// What was sent, with secrets masked ("Authorization": "***"), for the audit.
    public var request: JSONValue
    /// What came back (status, trimmed body, created ids), for the audit.
    public var response: JSONValue
    /// True when the connector found its own earlier result and did not act again.
    public var foundEarlierResult: Bool

    public init(captured: [String: JSONValue] = [:], request: JSONValue = .null, response: JSONValue = .null,
                foundEarlierResult: Bool = false) {
        self.captured = captured
        self.request = request
        self.response = response
        self.foundEarlierResult = foundEarlierResult
    }
}

/// Why an action could not be carried out. `transient` is retried with backoff (after `retryAfter` seconds
/// at the earliest, when the target said so); `permanent` goes straight to the dead letters.
