import Foundation

// The store, as the stages see it: one protocol per concern, in the vocabulary's types and never in SQL.
// `Store.MailStore` (SQLite through GRDB) implements all of them; a stage asks only for the protocols it
// needs, so a second backend (PostgreSQL, for several daemons sharing one mailbox) or a test fake implements
// those and no stage changes. Every method commits what it writes before it returns (durability first), and
// every change of a message's state or an outbox row is committed together with its audit event.

/// Messages and their states: what Ingest received, and the one-way state machine the stages move them through.
public protocol MessageStore: Sendable {
    /// Records a received message (deduplicated by source location and by content hash) with its `received`
    /// audit event, in one transaction.
    func recordReceived(_ message: ReceivedMessage, actor: String) throws -> ReceiveOutcome
    /// The same for several messages in one transaction.
    func recordReceived(_ messages: [ReceivedMessage], actor: String) throws -> [ReceiveOutcome]
    /// Whether a source location (Maildir file, IMAP UID, dropped file) was already taken.
    func isKnown(source: String, location: String) throws -> Bool
    func messageID(contentSHA256: String) throws -> Int64?
    func message(id: Int64) throws -> StoredMessage?
    /// What Parse read out of each attachment, parallel to the normalised message's attachments; nil before Parse.
    func documents(ofMessage id: Int64) throws -> [DocumentText]?
    func messages(inStates states: [MessageState], limit: Int) throws -> [StoredMessage]
    func messages(matching filter: MessageFilter) throws -> [StoredMessage]
    func countMessages(matching filter: MessageFilter) throws -> Int
    /// Every source and location the message was seen at.
    func sources(ofMessage id: Int64) throws -> [MessageSourceRecord]
    func stateCounts() throws -> [MessageState: Int]
    /// Moves a message from `from` to `to` with the stage's results and its audit event, in one transaction;
    /// throws `StoreError.stateChanged` when the message is no longer in `from`.
    func transition(_ id: Int64, from: MessageState, to: MessageState, update: MessageUpdate, audit: AuditDraft) throws
    /// Replaces the flag reason of a message that is still in `state` (the reason of a waiting message as its
    /// actions move on; the state itself is unchanged, so no audit event). False when it is in another state.
    @discardableResult
    func updateFlagReason(_ id: Int64, state: MessageState, reason: String?) throws -> Bool
    /// Counts one more attempt of a worker on the message in its current state; returns the count.
    @discardableResult
    func recordAttempt(_ id: Int64) throws -> Int
}

/// The append-only, hash-chained audit trail.
public protocol AuditLogStore: Sendable {
    @discardableResult func appendAudit(_ draft: AuditDraft) throws -> AuditEvent
    @discardableResult func appendAudit(_ drafts: [AuditDraft]) throws -> [AuditEvent]
    func auditHead() throws -> AuditHead?
    func auditEvent(sequence: Int64) throws -> AuditEvent?
    func auditEvents(matching filter: AuditFilter) throws -> [AuditEvent]
    /// Every event in sequence order.
    func forEachAuditEvent(_ body: (AuditEvent) throws -> Void) throws
    /// Every stored event in sequence order, with a description of what is malformed about a row that cannot
    /// be read as an event (for `audit verify`).
    func forEachStoredAuditEvent(_ body: (AuditEvent, _ malformed: String?) throws -> Void) throws
    /// Messages whose state differs from the state their last audit event recorded.
    func auditStateDisagreements() throws -> [(messageID: Int64, state: String, recorded: String?, lastSequence: Int64?)]
    /// The highest sequence number ever handed out, and the highest present (a gap at the end is a removal).
    func auditSequenceMarks() throws -> (highWater: Int64?, maxPresent: Int64?)
    /// The store-level protections of the trail (triggers against update and delete) that are missing.
    func missingAuditProtections() throws -> [String]
    /// The Merkle leaf hashes of the first `count` events (all when nil), in sequence order (RFC 6962 leaves,
    /// `AuditChain.leafHash(eventHash:)`), as the store wrote them when it appended each event.
    func auditLeafHashes(count: Int64?) throws -> [[UInt8]]
    func forEachAuditLeafHash(count: Int64?, _ body: ([UInt8]) throws -> Void) throws
}

/// Decisions, the outbox of intended actions, and the values connectors captured.
public protocol OutboxStore: Sendable {
    func recordDecision(messageID: Int64, rulesSHA256: String, details: [String: JSONValue], actions: [IntendedAction]) throws
    func decision(messageID: Int64) throws -> StoredDecision?
    func decisions(messageIDs: [Int64]) throws -> [Int64: StoredDecision]
    /// Puts intended actions into the outbox (one row each, keyed for exactly-once delivery).
    @discardableResult
    func enqueue(messageID: Int64, actions: [IntendedAction], actor: String) throws -> [OutboxEntry]
    func outboxEntries(messageID: Int64) throws -> [OutboxEntry]
    func outboxEntries(states: [OutboxState], limit: Int?) throws -> [OutboxEntry]
    /// A row by number or by approval reference.
    func outboxEntry(_ idOrReference: String) throws -> OutboxEntry?
    func outboxMessagesWithWork(now: Date) throws -> [Int64]
    /// Messages whose state depends on their outbox rows (``MessageState/outboxStates``), and messages an
    /// earlier Mailroom left in `review` while their actions waited; the outbox worker keeps their state current.
    func messagesAwaitingOutbox() throws -> [Int64]
    /// Marks a row `sending` and makes `owner` its only owner until `leaseSeconds` from now, if it is in one of
    /// `from` and no other owner's lease on it still holds; nil when another worker or process was first.
    @discardableResult
    func claimOutboxEntry(_ id: Int64, from: [OutboxState], actor: String, owner: String, leaseSeconds: Double) throws -> OutboxEntry?
    /// Extends `owner`'s lease on a row it holds; false when it no longer holds it.
    @discardableResult
    func renewOutboxLease(_ id: Int64, owner: String, leaseSeconds: Double) throws -> Bool
    /// Ends every lease not held by `owner` (called by the process that holds the store lock, so no other process
    /// that carries out actions is alive); each is audited. Returns how many.
    @discardableResult
    func releaseOutboxLeases(notHeldBy owner: String, actor: String, reason: String) throws -> Int
    /// The message's rows not carried out yet (awaiting approval, queued, waiting for a retry, blocked, dead,
    /// skipped) → `cancelled`, each audited with who and why; a row being sent is left alone. Returns them.
    @discardableResult
    func cancelUnsentOutboxEntries(messageID: Int64, by actor: String, reason: String) throws -> [OutboxEntry]
    /// HMAC-SHA256 (hex) of `material` under the store's own secret, made at first use: tokens nobody without
    /// the store can compute (approval references, idempotency keys, approval-request Message-IDs).
    func keyedToken(_ material: String) throws -> String
    func completeOutboxEntry(_ id: Int64, result: ConnectorResult, actor: String) throws
    func failOutboxEntry(_ id: Int64, error: String, retryAt: Date?, actor: String) throws
    /// A person's or the daemon's decision about a row (approve, reject, drop, retry).
    @discardableResult
    func decideOutboxEntry(_ id: Int64, from: [OutboxState], to: OutboxState, by actor: String, reason: String?,
                           eventType: String, resetAttempts: Bool) throws -> OutboxEntry
    func capturedValues(messageID: Int64) throws -> [String: JSONValue]
}

extension OutboxStore {
    public func outboxEntries(states: [OutboxState]) throws -> [OutboxEntry] {
        try outboxEntries(states: states, limit: nil)
    }

    @discardableResult
    public func decideOutboxEntry(_ id: Int64, from: [OutboxState], to: OutboxState, by actor: String, reason: String?,
                                  eventType: String) throws -> OutboxEntry {
        try decideOutboxEntry(id, from: from, to: to, by: actor, reason: reason, eventType: eventType, resetAttempts: false)
    }
}

/// Business documents already acted on (`identity:` in a kind file, and each document's SHA-256), so the same
/// invoice that arrives twice is acted on once.
///
/// A key belongs to the first message that was decided with it. It counts against a later message while that
/// message still has the kind it was decided as (a person who rejects it, or corrects its kind, frees the key).
/// A document's hash does not count when both messages have business keys and share none (the seller's terms
/// and conditions attached to two different invoices).
public protocol DocumentIdentityStore: Sendable {
    /// The earlier messages (other than `messageID` and those in `accepting`) that hold one of `identity`'s keys.
    func documentIdentityConflicts(_ identity: DocumentIdentity, messageID: Int64,
                                   accepting: Set<Int64>) throws -> [DocumentIdentityConflict]
    /// In one transaction: the conflicts as above, and when there are none, records every key that no message
    /// holds (or whose holder no longer counts) for `messageID`. Claiming again for the same message is harmless.
    func claimDocumentIdentity(_ identity: DocumentIdentity, messageID: Int64,
                               accepting: Set<Int64>) throws -> [DocumentIdentityConflict]
    /// The keys a message holds.
    func documentIdentities(ofMessage id: Int64) throws -> [DocumentIdentityRecord]
}

/// Where each mail source stands: IMAP checkpoints (UIDVALIDITY, highest UID and MODSEQ) and trigger health.
public protocol SourceCheckpointStore: Sendable {
    func imapCheckpoint(source: String) throws -> IMAPCheckpoint?
    func advanceIMAPCheckpoint(source: String, uidValidity: UInt32, highestUID: UInt32, highestModSeq: UInt64?) throws
    /// Starts a folder over after its UIDVALIDITY changed, with an audit event naming the old and new values.
    func resetIMAPCheckpoint(source: String, uidValidity: UInt32, previous: IMAPCheckpoint?, actor: String) throws
    func recordSourceHealth(_ health: SourceHealth) throws
    func sourceHealth() throws -> [SourceHealth]
}

/// The model gateway's answer cache and its ledger of calls, tokens and money.
public protocol ModelCallStore: Sendable {
    func cachedModelAnswer(key: String) throws -> CachedModelAnswer?
    func storeModelAnswer(key: String, provider: String, model: String, template: String, inputSHA256: String,
                          answer: CachedModelAnswer) throws
    /// Records one call and, when given, its audit event in the same transaction.
    @discardableResult
    func recordModelCall(_ call: ModelCallRecord, audit: AuditDraft?) throws -> AuditEvent?
    func modelSpending(provider: String?, since start: Date) throws -> ModelSpending
    func modelCalls(since: Date?, messageID: Int64?) throws -> [ModelCallRecord]
    func modelCosts(since: Date?, by grouping: ModelCostGrouping) throws -> [ModelCostLine]
}

extension ModelCallStore {
    public func modelCalls(since: Date?) throws -> [ModelCallRecord] { try modelCalls(since: since, messageID: nil) }
}

/// Which mail belongs to which helpdesk ticket (follow-ups go to the ticket of their thread).
public protocol HelpdeskThreadStore: Sendable {
    func recordHelpdeskThread(_ entry: HelpdeskThreadEntry) throws
    func helpdeskThreads(connector: String, mailMessageIDs: [String]) throws -> [HelpdeskThreadEntry]
    func helpdeskThreads(connector: String, ticketID: String) throws -> [HelpdeskThreadEntry]
}

/// Mail Mailroom sends itself: exactly once per Message-ID, and at most so many automatic mails per recipient a day.
public protocol SentMailStore: Sendable {
    func sentMail(messageID: String) throws -> SentMailRecord?
    func approvalNotices(reference: String) throws -> [SentMailRecord]
    func automaticMailCount(to recipient: String, since: Date) throws -> Int
    func beginSending(_ record: SentMailRecord, limitPerRecipientPerDay limit: Int?, now: Date) throws -> SendingStart
    func restartSending(_ record: SentMailRecord, now: Date) throws
    func finishSending(messageID: String, serverReply: String, countRecipients: Bool, now: Date, audit: AuditDraft?) throws
    func abandonSending(messageID: String) throws
}

extension SentMailStore {
    public func finishSending(messageID: String, serverReply: String, countRecipients: Bool, now: Date) throws {
        try finishSending(messageID: messageID, serverReply: serverReply, countRecipients: countRecipients, now: now, audit: nil)
    }
}

/// The running daemon's heartbeat: one record, the latest daemon's (the store's lock file makes sure there is
/// only one at a time).
public protocol DaemonHeartbeatStore: Sendable {
    /// Records that a daemon started, replacing the record of the one before.
    func recordDaemonStart(_ heartbeat: DaemonHeartbeat) throws
    /// The daemon `pid` is alive at `time`.
    func recordDaemonHeartbeat(pid: Int32, at time: Date) throws
    /// The daemon `pid` stopped cleanly at `time`.
    func recordDaemonStop(pid: Int32, at time: Date) throws
    /// The latest daemon's record; nil when no daemon ever ran on this store.
    func daemonHeartbeat() throws -> DaemonHeartbeat?
}

/// Where the running daemon records the rule set in use and its reload attempts.
public protocol RuleSetStateStore: Sendable {
    /// The daemon `pid` decides mail with `version` from `time` on (start or successful reload).
    func recordRuleSetLoaded(pid: Int32, version: String, at time: Date) throws
    /// The daemon `pid` tried to reload at `time` and kept its rule set: `error` says why.
    func recordRuleSetReloadFailed(pid: Int32, error: String, at time: Date) throws
    /// The latest record; nil when no daemon recorded one.
    func ruleSetState() throws -> RuleSetState?
}
