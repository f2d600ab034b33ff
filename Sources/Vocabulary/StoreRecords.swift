import Foundation

// The records the store keeps for connectors (helpdesk threads, sent mail) and the model gateway (calls,
// cached answers, spending). The store protocols in StoreInterfaces.swift speak in these types.

/// One mail that created or updated a helpdesk ticket (table from migration "2026-12 helpdesk threads …").
public struct HelpdeskThreadEntry: Sendable, Hashable {
    public var connector: String
    /// The mail's Message-ID, without angle brackets.
    public var mailMessageID: String
    public var ticketID: String
    /// The mail's sender, lower-case.
    public var sender: String?
    public var messageID: Int64?
    public var outboxID: Int64?
    public var recordedAt: Date

    public init(connector: String, mailMessageID: String, ticketID: String, sender: String?, messageID: Int64?,
                outboxID: Int64?, recordedAt: Date = Date()) {
        self.connector = connector
        self.mailMessageID = mailMessageID
        self.ticketID = ticketID
        self.sender = sender
        self.messageID = messageID
        self.outboxID = outboxID
        self.recordedAt = recordedAt
    }
}

/// The helpdesk thread mapping: Message-ID → ticket, per connector.

/// One mail the smtp connector submitted (or began to submit).
public struct SentMailRecord: Sendable, Hashable {
    public enum State: String, Sendable { case sending, sent }
    public var messageID: String
    public var connector: String
    public var idempotencyKey: String
    public var purpose: String
    public var state: State
    public var recipients: [String]
    public var outboxID: Int64?
    public var approvalReference: String?
    public var approver: String?
    public var serverReply: String?
    public var startedAt: Date
    public var sentAt: Date?

    package init(messageID: String, connector: String, idempotencyKey: String, purpose: String, state: State, recipients: [String], outboxID: Int64? = nil, approvalReference: String? = nil, approver: String? = nil, serverReply: String? = nil, startedAt: Date, sentAt: Date? = nil) {
        self.messageID = messageID
        self.connector = connector
        self.idempotencyKey = idempotencyKey
        self.purpose = purpose
        self.state = state
        self.recipients = recipients
        self.outboxID = outboxID
        self.approvalReference = approvalReference
        self.approver = approver
        self.serverReply = serverReply
        self.startedAt = startedAt
        self.sentAt = sentAt
    }
}

/// What `beginSending` found.
public enum SendingStart: Sendable, Hashable {
    /// Recorded as `sending`; go ahead.
    case go
    /// This Message-ID was sent before.
    case alreadySent(SentMailRecord)
    /// An earlier attempt handed the whole mail over and then lost the connection (or the process stopped):
    /// it may have been delivered.
    case uncertain(SentMailRecord)
    /// A recipient reached the daily limit of automatic mail; the earliest time another may go.
    case limited(recipient: String, until: Date)
}

/// Sent mail for exactly-once SMTP, the per-recipient rate limit and approval notices.

/// One call to a model (or a cache hit standing in for one), as the gateway accounts for it.
public struct ModelCallRecord: Sendable, Hashable, Codable {
    public var time: Date
    public var messageID: Int64?
    /// The kind the call was about ("" when the kind was not known yet).
    public var kind: String
    public var provider: String
    public var model: String
    /// 1 for the cheapest model of the cascade, 2 for the next, …
    public var cascadeStep: Int
    public var inputTokens: Int
    public var outputTokens: Int
    public var cost: Double
    public var latencyMilliseconds: Int
    public var cacheHit: Bool
    /// Personal-data values replaced before the call (the values themselves are never recorded).
    public var redactions: Int
    /// "accepted", "escalated: …", "invalid: …", "failed: …", "budget: …".
    public var outcome: String

    public init(time: Date, messageID: Int64?, kind: String, provider: String, model: String, cascadeStep: Int,
                inputTokens: Int, outputTokens: Int, cost: Double, latencyMilliseconds: Int, cacheHit: Bool,
                redactions: Int, outcome: String) {
        self.time = time
        self.messageID = messageID
        self.kind = kind
        self.provider = provider
        self.model = model
        self.cascadeStep = cascadeStep
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cost = cost
        self.latencyMilliseconds = latencyMilliseconds
        self.cacheHit = cacheHit
        self.redactions = redactions
        self.outcome = outcome
    }

    public var totalTokens: Int { inputTokens + outputTokens }
}

/// A stored answer: what the provider said for exactly this prompt.
public struct CachedModelAnswer: Sendable, Hashable {
    public var content: String
    public var inputTokens: Int
    public var outputTokens: Int

    package init(content: String, inputTokens: Int, outputTokens: Int) {
        self.content = content
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }
}

/// Tokens and money spent in a period.
public struct ModelSpending: Sendable, Hashable {
    public var tokens: Int
    public var cost: Double
    public init(tokens: Int, cost: Double) {
        self.tokens = tokens
        self.cost = cost
    }
}

/// One row of `mailroom costs`.
public struct ModelCostLine: Sendable, Hashable, Codable {
    public var key: String
    public var calls: Int
    public var cacheHits: Int
    public var inputTokens: Int
    public var outputTokens: Int
    public var cost: Double

    package init(key: String, calls: Int, cacheHits: Int, inputTokens: Int, outputTokens: Int, cost: Double) {
        self.key = key
        self.calls = calls
        self.cacheHits = cacheHits
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.cost = cost
    }
}

public enum ModelCostGrouping: String, Sendable, CaseIterable {
    case kind, provider, day
}

