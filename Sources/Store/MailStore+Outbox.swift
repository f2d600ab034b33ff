import Crypto
import Foundation
import GRDB
import Vocabulary

/// Decisions, the outbox and captured values. Every change of an outbox row is committed together with its
/// audit event.
extension MailStore {
    // MARK: - Plumbing

    package func outboxWrite<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try groupCommit.write(pool, body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }

    package func outboxRead<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }

    package static func encodeAction(_ action: IntendedAction) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(action)) ?? Data("{}".utf8), as: UTF8.self)
    }

    // MARK: - Decisions

    /// Records (or replaces) the decision for a message. Decide is pure, so deciding again after a crash
    /// writes the same row.
    public func recordDecision(messageID: Int64, rulesSHA256: String, details: [String: JSONValue], actions: [IntendedAction]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let actionsJSON = String(decoding: try encoder.encode(actions), as: UTF8.self)
        try outboxWrite("record the decision for message \(messageID)") { db in
            try db.execute(sql: """
                INSERT INTO decisions (message_id, decided_at, rules_sha256, details_json, actions_json) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (message_id) DO UPDATE SET decided_at = excluded.decided_at, rules_sha256 = excluded.rules_sha256,
                    details_json = excluded.details_json, actions_json = excluded.actions_json
                """, arguments: [messageID, MillisecondTime.string(clock()), rulesSHA256, JSONValue.canonicalJSON(details), actionsJSON])
        }
    }

    public func decision(messageID: Int64) throws -> StoredDecision? {
        try outboxRead("read the decision for message \(messageID)") { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM decisions WHERE message_id = ?", arguments: [messageID]) else { return nil }
            return try MailStore.storedDecision(row)
        }
    }

    public func decisions(messageIDs: [Int64]) throws -> [Int64: StoredDecision] {
        guard !messageIDs.isEmpty else { return [:] }
        return try outboxRead("read decisions") { db in
            var out: [Int64: StoredDecision] = [:]
            for chunk in stride(from: 0, to: messageIDs.count, by: 500) {
                let part = Array(messageIDs[chunk..<min(chunk + 500, messageIDs.count)])
                let marks = part.map { _ in "?" }.joined(separator: ",")
                for row in try Row.fetchAll(db, sql: "SELECT * FROM decisions WHERE message_id IN (\(marks))", arguments: StatementArguments(part)) {
                    let d = try MailStore.storedDecision(row)
                    out[d.messageID] = d
                }
            }
            return out
        }
    }

    private static func storedDecision(_ row: Row) throws -> StoredDecision {
        let id: Int64 = row["message_id"]
        let actionsText: String = row["actions_json"]
        let detailsText: String = row["details_json"]
        let actions = try JSONDecoder().decode([IntendedAction].self, from: Data(actionsText.utf8))
        return StoredDecision(messageID: id, decidedAt: MillisecondTime.date(row["decided_at"]) ?? Date(timeIntervalSince1970: 0),
                              rulesSHA256: row["rules_sha256"], details: (try? JSONValue(parsing: detailsText))?.objectValue ?? [:],
                              actions: actions)
    }

    // MARK: - Outbox rows

    package static let outboxColumns = """
        id, message_id, idempotency_key, action_json, state, attempts, next_attempt_at, last_error, approval_reference,
        decided_by, decided_at, decision_reason, result_json, created_at, updated_at, lease_owner, lease_until
        """

    private static func entry(_ row: Row) throws -> OutboxEntry {
        let id: Int64 = row["id"]
        let actionText: String = row["action_json"]
        let action: IntendedAction
        do {
            action = try JSONDecoder().decode(IntendedAction.self, from: Data(actionText.utf8))
        } catch {
            throw StoreError.corruptRow(table: "outbox", id: id, reason: "the stored action does not decode: \(error)")
        }
        let stateName: String = row["state"]
        guard let state = OutboxState(rawValue: stateName) else {
            throw StoreError.corruptRow(table: "outbox", id: id, reason: "unknown state '\(stateName)'")
        }
        let resultText: String? = row["result_json"]
        return OutboxEntry(
            id: id, messageID: row["message_id"], idempotencyKey: row["idempotency_key"], action: action, state: state,
            attempts: row["attempts"], nextAttemptAt: (row["next_attempt_at"] as String?).flatMap(MillisecondTime.date),
            lastError: row["last_error"], approvalReference: row["approval_reference"], decidedBy: row["decided_by"],
            decidedAt: (row["decided_at"] as String?).flatMap(MillisecondTime.date), decisionReason: row["decision_reason"],
            result: resultText.flatMap { try? JSONValue(parsing: $0) },
            createdAt: MillisecondTime.date(row["created_at"]) ?? Date(timeIntervalSince1970: 0),
            updatedAt: MillisecondTime.date(row["updated_at"]) ?? Date(timeIntervalSince1970: 0),
            leaseOwner: row["lease_owner"], leaseUntil: (row["lease_until"] as String?).flatMap(MillisecondTime.date))
    }

    // MARK: - Keyed tokens

    /// The store's own secret (32 random bytes), made in the transaction `db` at first use.
    package func tokenKey(_ db: Database) throws -> SymmetricKey {
        if let data = try Data.fetchOne(db, sql: "SELECT value FROM store_secrets WHERE name = 'token_key'"), data.count >= 32 {
            return SymmetricKey(data: data)
        }
        let fresh = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        try db.execute(sql: "INSERT OR IGNORE INTO store_secrets (name, value, created_at) VALUES ('token_key', ?, ?)",
                       arguments: [fresh, MillisecondTime.string(clock())])
        guard let data = try Data.fetchOne(db, sql: "SELECT value FROM store_secrets WHERE name = 'token_key'") else {
            throw StoreError.corruptRow(table: "store_secrets", id: 0, reason: "the token key could not be stored")
        }
        return SymmetricKey(data: data)
    }

    package static func hmac(_ material: String, key: SymmetricKey) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(material.utf8), using: key).map { String(format: "%02x", $0) }.joined()
    }

    public func keyedToken(_ material: String) throws -> String {
        if let data = try outboxRead("read the token key", { db in
            try Data.fetchOne(db, sql: "SELECT value FROM store_secrets WHERE name = 'token_key'")
        }), data.count >= 32 {
            return MailStore.hmac(material, key: SymmetricKey(data: data))
        }
        return try outboxWrite("make the token key") { db in MailStore.hmac(material, key: try tokenKey(db)) }
    }

    /// "APR-<id>-<4 characters>": short, and not computable without the store's secret; `salt` makes a fresh
    /// reference for a fresh row of the same action.
    package static func approvalReference(id: Int64, key: String, salt: String, secret: SymmetricKey) -> String {
        let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        let digest = Array(HMAC<SHA256>.authenticationCode(for: Data("approval\u{1F}\(key)\u{1F}\(salt)".utf8), using: secret))
        let suffix = String((0..<4).map { alphabet[Int(digest[$0]) % alphabet.count] })
        return "APR-\(id)-\(suffix)"
    }

    /// The idempotency key the outbox stores for an action: its intent (``IntendedAction/idempotencyKey(messageID:)``)
    /// keyed with the store's secret, so nobody outside can compute it.
    package static func keyedIdempotencyKey(_ action: IntendedAction, messageID: Int64, secret: SymmetricKey) -> String {
        "mr-\(messageID)-" + hmac("idempotency\u{1F}" + action.idempotencyKey(messageID: messageID), key: secret).prefix(32)
    }

    /// The idempotency key `enqueue` gives `action` in this store.
    public func idempotencyKey(_ action: IntendedAction, messageID: Int64) throws -> String {
        "mr-\(messageID)-" + (try keyedToken("idempotency\u{1F}" + action.idempotencyKey(messageID: messageID))).prefix(32)
    }

    /// Stores intended actions in the outbox (one transaction). An action whose idempotency key is already
    /// there is not stored again (also one stored under the unkeyed key of an earlier Mailroom). An action whose
    /// earlier row was cancelled (a person corrected the message) is stored as a fresh row with a fresh approval
    /// reference; it keeps the earlier row's attempt count, so a row that may have reached its target asks the
    /// connector for the earlier result before acting. Returns every row of the message, oldest first.
    @discardableResult
    public func enqueue(messageID: Int64, actions: [IntendedAction], actor: String) throws -> [OutboxEntry] {
        try outboxWrite("put the actions of message \(messageID) into the outbox") { db in
            let now = MillisecondTime.string(clock())
            let secret = try tokenKey(db)
            for action in actions {
                let key = MailStore.keyedIdempotencyKey(action, messageID: messageID, secret: secret)
                let legacy = action.idempotencyKey(messageID: messageID)
                if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM outbox WHERE idempotency_key IN (?, ?))", arguments: [key, legacy]) == true {
                    continue
                }
                let cancelled = try Row.fetchOne(db, sql: """
                    SELECT id, attempts FROM outbox WHERE message_id = ? AND state = 'cancelled'
                        AND (idempotency_key LIKE 'cancelled:%:' || ? OR idempotency_key LIKE 'cancelled:%:' || ?)
                    ORDER BY id DESC LIMIT 1
                    """, arguments: [messageID, key, legacy])
                let attempts: Int = cancelled?["attempts"] ?? 0
                let state: OutboxState = action.approval == nil ? .queued : .awaitingApproval
                try db.execute(sql: """
                    INSERT INTO outbox (message_id, idempotency_key, rule, action_index, connector, action, action_json, state,
                                        approval_role, attempts, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [messageID, key, action.rule, action.index, action.connector, action.action,
                                     MailStore.encodeAction(action), state.rawValue, action.approval, attempts, now, now])
                let id = db.lastInsertedRowID
                var reference: String?
                if action.approval != nil {
                    reference = MailStore.approvalReference(id: id, key: key, salt: now, secret: secret)
                    try db.execute(sql: "UPDATE outbox SET approval_reference = ? WHERE id = ?", arguments: [reference, id])
                }
                var details: [String: JSONValue] = [
                    "outbox_id": .int(id), "idempotency_key": .string(key), "state": .string(state.rawValue),
                    "action": action.auditJSON, "approval_reference": .optional(reference),
                ]
                if let cancelled {
                    details["replaces_cancelled_row"] = .int(cancelled["id"])
                    details["attempts_carried_over"] = .integer(attempts)
                }
                try appendAuditEvent(AuditDraft(messageID: messageID, stage: "act", actor: actor, eventType: "action_enqueued", details: details), in: db)
            }
            return try Row.fetchAll(db, sql: "SELECT \(MailStore.outboxColumns) FROM outbox WHERE message_id = ? ORDER BY id",
                                    arguments: [messageID]).map(MailStore.entry)
        }
    }

    /// A cancelled row's key ("cancelled:<row>:<key>"): the action's key frees up for a fresh row, and stays readable.
    package static func cancelledKey(_ key: String, id: Int64) -> String { "cancelled:\(id):" + key }

    /// The rows a review decision makes obsolete: not carried out, not being sent.
    package static let cancellableStates: [OutboxState] = [.awaitingApproval, .queued, .retryWait, .blocked, .dead, .skipped]

    @discardableResult
    public func cancelUnsentOutboxEntries(messageID: Int64, by actor: String, reason: String) throws -> [OutboxEntry] {
        try outboxWrite("cancel the unsent actions of message \(messageID)") { db in
            let states = MailStore.cancellableStates.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            let rows = try Row.fetchAll(db, sql: "SELECT \(MailStore.outboxColumns) FROM outbox WHERE message_id = ? AND state IN (\(states)) ORDER BY id",
                                        arguments: [messageID]).map(MailStore.entry)
            let now = MillisecondTime.string(clock())
            var out: [OutboxEntry] = []
            for before in rows {
                // A key is unique: the cancelled row's goes aside, so the same action decided again is a fresh row.
                let renamed = MailStore.cancelledKey(before.idempotencyKey, id: before.id)
                try db.execute(sql: """
                    UPDATE outbox SET state = 'cancelled', idempotency_key = ?, decided_by = ?, decided_at = ?, decision_reason = ?,
                        updated_at = ?, next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL WHERE id = ?
                    """, arguments: [renamed, actor, now, reason, now, before.id])
                try appendAuditEvent(AuditDraft(messageID: messageID, stage: "act", actor: actor, eventType: "action_cancelled", details: [
                    "outbox_id": .int(before.id), "from_state": .string(before.state.rawValue), "to_state": "cancelled",
                    "by": .string(actor), "reason": .string(reason), "approval_reference": .optional(before.approvalReference),
                    "connector": .string(before.action.connector), "action": .string(before.action.action),
                    "idempotency_key": .string(before.idempotencyKey), "attempts": .integer(before.attempts),
                ]), in: db)
                var after = before
                after.state = .cancelled
                after.idempotencyKey = renamed
                after.decidedBy = actor
                after.decisionReason = reason
                out.append(after)
            }
            return out
        }
    }

    public func outboxEntries(messageID: Int64) throws -> [OutboxEntry] {
        try outboxRead("read the outbox of message \(messageID)") { db in
            try Row.fetchAll(db, sql: "SELECT \(MailStore.outboxColumns) FROM outbox WHERE message_id = ? ORDER BY id",
                             arguments: [messageID]).map(MailStore.entry)
        }
    }

    /// Rows in the given states (all when empty), oldest first.
    public func outboxEntries(states: [OutboxState], limit: Int?) throws -> [OutboxEntry] {
        try outboxRead("list the outbox") { db in
            var sql = "SELECT \(MailStore.outboxColumns) FROM outbox"
            var args: [(any DatabaseValueConvertible)?] = []
            if !states.isEmpty {
                sql += " WHERE state IN (\(states.map { _ in "?" }.joined(separator: ",")))"
                args += states.map(\.rawValue)
            }
            sql += " ORDER BY id LIMIT ?"
            args.append(limit ?? -1)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map(MailStore.entry)
        }
    }

    /// A row by its id or its approval reference ("APR-12-K3QX", case-insensitive).
    public func outboxEntry(_ idOrReference: String) throws -> OutboxEntry? {
        try outboxRead("read an outbox row") { db in
            if let id = Int64(idOrReference) {
                return try Row.fetchOne(db, sql: "SELECT \(MailStore.outboxColumns) FROM outbox WHERE id = ?", arguments: [id]).map(MailStore.entry)
            }
            return try Row.fetchOne(db, sql: "SELECT \(MailStore.outboxColumns) FROM outbox WHERE approval_reference = ?",
                                    arguments: [idOrReference.uppercased()]).map(MailStore.entry)
        }
    }

    /// Ids of messages with rows that may need work now (queued, due retries, rows left `sending`).
    public func outboxMessagesWithWork(now: Date) throws -> [Int64] {
        try outboxRead("find outbox work") { db in
            try Int64.fetchAll(db, sql: """
                SELECT DISTINCT message_id FROM outbox
                WHERE state IN ('queued', 'sending') OR (state = 'retry_wait' AND next_attempt_at <= ?)
                ORDER BY message_id
                """, arguments: [MillisecondTime.string(now)])
        }
    }

    /// Messages whose state follows their outbox rows (waiting, approval, blocked, dead_letter), and messages an
    /// earlier Mailroom left in `review` while their actions waited (the act stage's move into review is their
    /// latest; one a person reopened, or Decide sent to review, waits for a person and is not listed).
    public func messagesAwaitingOutbox() throws -> [Int64] {
        try outboxRead("find messages waiting on their actions") { db in
            let states = MessageState.outboxStates.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            return try Int64.fetchAll(db, sql: """
                SELECT m.id FROM messages m WHERE m.state IN (\(states))
                OR (m.state = 'review'
                    AND EXISTS (SELECT 1 FROM outbox o WHERE o.message_id = m.id)
                    AND coalesce((SELECT a.stage FROM audit_events a
                                   WHERE a.message_id = m.id
                                     AND (CASE WHEN json_valid(a.details) THEN json_extract(a.details, '$.to') END) = 'review'
                                   ORDER BY a.sequence DESC LIMIT 1), '') = 'act')
                ORDER BY m.id
                """)
        }
    }

    // MARK: - Carrying out

    /// Marks a row `sending`, counts the attempt and makes `owner` its only owner until `leaseSeconds` from now,
    /// committed before the connector is called: one UPDATE that changes the row only when it is in one of `from`
    /// and no other owner's lease still holds. Returns nil when it changed nothing (another worker or process has
    /// it, or a person dropped it).
    public func claimOutboxEntry(_ id: Int64, from: [OutboxState], actor: String, owner: String, leaseSeconds: Double) throws -> OutboxEntry? {
        try outboxWrite("mark outbox row \(id) as sending") { db in
            let marks = from.map { _ in "?" }.joined(separator: ",")
            let now = clock()
            var args: [(any DatabaseValueConvertible)?] = [owner, MillisecondTime.string(now.addingTimeInterval(leaseSeconds)),
                                                          MillisecondTime.string(now), id]
            args += from.map(\.rawValue)
            args += [MillisecondTime.string(now)]
            try db.execute(sql: """
                UPDATE outbox SET state = 'sending', attempts = attempts + 1, lease_owner = ?, lease_until = ?, updated_at = ?
                WHERE id = ? AND state IN (\(marks)) AND (lease_until IS NULL OR lease_until < ?)
                """, arguments: StatementArguments(args))
            guard db.changesCount > 0 else { return nil }
            guard let entry = try Row.fetchOne(db, sql: "SELECT \(MailStore.outboxColumns) FROM outbox WHERE id = ?", arguments: [id]).map(MailStore.entry) else { return nil }
            try appendAuditEvent(AuditDraft(messageID: entry.messageID, stage: "act", actor: actor, eventType: "action_attempt", details: [
                "outbox_id": .int(id), "attempt": .integer(entry.attempts), "connector": .string(entry.action.connector),
                "action": .string(entry.action.action), "idempotency_key": .string(entry.idempotencyKey),
                "lease_owner": .string(owner), "lease_until": .optional(entry.leaseUntil.map(ISO8601.utcString)),
            ]), in: db)
            return entry
        }
    }

    @discardableResult
    public func renewOutboxLease(_ id: Int64, owner: String, leaseSeconds: Double) throws -> Bool {
        try outboxWrite("renew the lease on outbox row \(id)") { db in
            try db.execute(sql: "UPDATE outbox SET lease_until = ? WHERE id = ? AND lease_owner = ? AND state = 'sending'",
                           arguments: [MillisecondTime.string(clock().addingTimeInterval(leaseSeconds)), id, owner])
            return db.changesCount > 0
        }
    }

    @discardableResult
    public func releaseOutboxLeases(notHeldBy owner: String, actor: String, reason: String) throws -> Int {
        try outboxWrite("release outbox leases of stopped processes") { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(MailStore.outboxColumns) FROM outbox WHERE lease_until IS NOT NULL AND (lease_owner IS NULL OR lease_owner != ?)
                """, arguments: [owner]).map(MailStore.entry)
            for entry in rows {
                try db.execute(sql: "UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE id = ?", arguments: [entry.id])
                try appendAuditEvent(AuditDraft(messageID: entry.messageID, stage: "act", actor: actor, eventType: "action_lease_released", details: [
                    "outbox_id": .int(entry.id), "state": .string(entry.state.rawValue), "previous_owner": .optional(entry.leaseOwner),
                    "lease_until": .optional(entry.leaseUntil.map(ISO8601.utcString)), "reason": .string(reason),
                ]), in: db)
            }
            return rows.count
        }
    }

    /// Records a successful attempt (or an earlier result the connector found): the row becomes `done`, the
    /// captured values are kept for later actions of the message.
    public func completeOutboxEntry(_ id: Int64, result: ConnectorResult, actor: String) throws {
        try outboxWrite("record the result of outbox row \(id)") { db in
            guard let entry = try Row.fetchOne(db, sql: "SELECT \(MailStore.outboxColumns) FROM outbox WHERE id = ?", arguments: [id]).map(MailStore.entry) else {
                throw StoreError.corruptRow(table: "outbox", id: id, reason: "the row is gone")
            }
            let resultJSON: JSONValue = .object([
                "captured": .object(result.captured), "request": result.request, "response": result.response,
                "found_earlier_result": .bool(result.foundEarlierResult),
            ])
            try db.execute(sql: """
                UPDATE outbox SET state = 'done', result_json = ?, last_error = NULL, next_attempt_at = NULL, updated_at = ?,
                    lease_owner = NULL, lease_until = NULL WHERE id = ?
                """,
                           arguments: [resultJSON.canonicalJSON, MillisecondTime.string(clock()), id])
            for (name, value) in result.captured {
                let key = "\(entry.action.connector).\(name)"
                try db.execute(sql: """
                    INSERT INTO captured_values (message_id, name, value_json, outbox_id) VALUES (?, ?, ?, ?)
                    ON CONFLICT (message_id, name) DO UPDATE SET value_json = excluded.value_json, outbox_id = excluded.outbox_id
                    """, arguments: [entry.messageID, key, value.canonicalJSON, id])
            }
            try appendAuditEvent(AuditDraft(messageID: entry.messageID, stage: "act", actor: actor, eventType: "action_done", details: [
                "outbox_id": .int(id), "attempt": .integer(entry.attempts), "connector": .string(entry.action.connector),
                "action": .string(entry.action.action), "rule": .string(entry.action.rule),
                "rule_file": .string(entry.action.ruleFile), "rule_file_sha256": .string(entry.action.ruleFileSHA256),
                "idempotency_key": .string(entry.idempotencyKey), "request": result.request, "response": result.response,
                "captured": .object(result.captured), "found_earlier_result": .bool(result.foundEarlierResult),
            ]), in: db)
        }
    }

    /// Records a failed attempt: `retry_wait` until `retryAt`, or `dead` when `retryAt` is nil.
    public func failOutboxEntry(_ id: Int64, error: String, retryAt: Date?, actor: String) throws {
        try outboxWrite("record the failure of outbox row \(id)") { db in
            guard let entry = try Row.fetchOne(db, sql: "SELECT \(MailStore.outboxColumns) FROM outbox WHERE id = ?", arguments: [id]).map(MailStore.entry) else {
                throw StoreError.corruptRow(table: "outbox", id: id, reason: "the row is gone")
            }
            let state: OutboxState = retryAt == nil ? .dead : .retryWait
            try db.execute(sql: "UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = ?, updated_at = ?, lease_owner = NULL, lease_until = NULL WHERE id = ?",
                           arguments: [state.rawValue, error, retryAt.map(MillisecondTime.string), MillisecondTime.string(clock()), id])
            try appendAuditEvent(AuditDraft(messageID: entry.messageID, stage: "act", actor: actor,
                                            eventType: retryAt == nil ? "action_dead" : "action_retry_scheduled", details: [
                "outbox_id": .int(id), "attempt": .integer(entry.attempts), "connector": .string(entry.action.connector),
                "action": .string(entry.action.action), "error": .string(error),
                "retry_at": .optional(retryAt.map(ISO8601.utcString)),
            ]), in: db)
        }
    }

    /// Moves a row from one of `from` to `to`, recording who and why (approve, reject, retry, drop, skip).
    /// Returns the row as it is afterwards; throws `OperatorInputError` when it is in another state.
    @discardableResult
    public func decideOutboxEntry(_ id: Int64, from: [OutboxState], to: OutboxState, by actor: String, reason: String?,
                                  eventType: String, resetAttempts: Bool) throws -> OutboxEntry {
        try outboxWrite("change outbox row \(id)") { db in
            guard let before = try Row.fetchOne(db, sql: "SELECT \(MailStore.outboxColumns) FROM outbox WHERE id = ?", arguments: [id]).map(MailStore.entry) else {
                throw OperatorInputError(message: "there is no outbox row \(id)")
            }
            guard from.contains(before.state) else {
                throw OperatorInputError(message: "outbox row \(id) is \(before.state.rawValue); it must be \(from.map(\.rawValue).joined(separator: " or ")) for this")
            }
            let now = MillisecondTime.string(clock())
            try db.execute(sql: """
                UPDATE outbox SET state = ?, decided_by = ?, decided_at = ?, decision_reason = ?, updated_at = ?,
                    next_attempt_at = NULL, lease_owner = NULL, lease_until = NULL \(resetAttempts ? ", attempts = 0" : "") WHERE id = ?
                """, arguments: [to.rawValue, actor, now, reason, now, id])
            try appendAuditEvent(AuditDraft(messageID: before.messageID, stage: "act", actor: actor, eventType: eventType, details: [
                "outbox_id": .int(id), "from_state": .string(before.state.rawValue), "to_state": .string(to.rawValue),
                "by": .string(actor), "reason": .optional(reason), "approval_reference": .optional(before.approvalReference),
                "connector": .string(before.action.connector), "action": .string(before.action.action),
            ]), in: db)
            var after = before
            after.state = to
            after.decidedBy = actor
            after.decisionReason = reason
            return after
        }
    }

    /// Values captured by the message's earlier actions, keyed "<connector>.<name>".
    public func capturedValues(messageID: Int64) throws -> [String: JSONValue] {
        try outboxRead("read captured values of message \(messageID)") { db in
            var out: [String: JSONValue] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT name, value_json FROM captured_values WHERE message_id = ?", arguments: [messageID]) {
                let name: String = row["name"]
                let text: String = row["value_json"]
                out[name] = (try? JSONValue(parsing: text)) ?? .string(text)
            }
            return out
        }
    }
}
