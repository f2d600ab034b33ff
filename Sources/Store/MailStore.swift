import Foundation
import GRDB
import Vocabulary

/// The store: one SQLite file holding messages, the places they were seen at, and the audit trail.
///
/// Durability: the file runs in WAL mode with `synchronous = FULL`. GRDB's WAL default is NORMAL, which
/// survives a crash of the process but may lose the last transactions on power loss or a kernel crash,
/// because the WAL is only fsynced at checkpoints. That is not acceptable here: the message row written by
/// `recordReceived` is the acknowledgement record — Ingest moves the Maildir file to `cur/` (or the dropped
/// file to `done/`) right after the commit, so a row lost after that move is a mail lost for good (the spool
/// file would exist, but nothing would point at it). The same holds for the audit tail: a lost tail is
/// indistinguishable from a truncated one. FULL fsyncs the WAL on every commit (≈ 3 ms on these machines,
/// ≈ 300 commits/s), which is far above a company mailbox's rate; bulk work commits many rows in one
/// transaction (`recordReceived(_: [ReceivedMessage], …)`) to pay for one fsync instead of many, and write
/// transactions that arrive while another commits share the next commit (`GroupCommit`): each caller still
/// returns only once its own writes are durable.
///
/// Concurrency: one writer connection per store (GRDB serialises writes) and `BEGIN IMMEDIATE`
/// transactions, so a read-then-write (the audit append reads the last hash) cannot race with another
/// process either; other processes wait up to `busyTimeout` for the write lock.
public final class MailStore: Sendable {
    public let path: String
    package let pool: DatabasePool
    package let clock: @Sendable () -> Date
    /// Coalesces concurrent write transactions into one commit (one fsync); see `GroupCommit`.
    package let groupCommit = GroupCommit()

    /// How long a write waits for another process holding the file's write lock.
    public static let busyTimeout: TimeInterval = 10

    public convenience init(path: String) throws {
        try self.init(path: path, clock: { Date() })
    }

    /// `clock` supplies event and update times (tests pass a fixed clock).
    public init(path: String, clock: @escaping @Sendable () -> Date) throws {
        self.path = path
        self.clock = clock
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty, !FileManager.default.fileExists(atPath: parent) {
            do {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            } catch {
                throw StoreError.database(path: path, operation: "create the directory \(parent)",
                                          reason: error.localizedDescription)
            }
        }

        // Opening (creating, switching to WAL, migrating) is one process at a time: two processes opening a new store
        // at once (a daemon starting while `mailroom status` looks) otherwise both create and migrate it, and one
        // fails ("table … already exists", "database disk image is malformed"). The lock is on the folder, not on
        // the database file: closing a descriptor of the database file would drop SQLite's own locks on it.
        let folderLock = open(parent.isEmpty ? "." : parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderLock >= 0 { while flock(folderLock, LOCK_EX) != 0 && errno == EINTR {} }
        defer { if folderLock >= 0 { flock(folderLock, LOCK_UN); close(folderLock) } }

        // The store holds every mail's text and the audit trail: only its owner may read it. SQLite gives the
        // -wal and -shm files the database file's permissions.
        // O_EXCL: never truncate a store another process created a moment ago (FileManager.createFile would).
        let created = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if created >= 0 { close(created) }

        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(MailStore.busyTimeout)
        configuration.label = "mailroom.store"
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            // After the pool exists: GRDB sets NORMAL when it switches the writer to WAL (see above).
            try pool.barrierWriteWithoutTransaction { db in
                try db.execute(sql: "PRAGMA synchronous = FULL")
            }
            let migrator = StoreSchema.migrator
            let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
            let unknown = applied.subtracting(migrator.migrations)
            if !unknown.isEmpty {
                throw StoreError.newerSchema(path: path, unknownMigrations: unknown.sorted())
            }
            if !Set(migrator.migrations).isSubset(of: applied) {  // nothing to write on most opens
                try Self.migrate(pool, with: migrator)
            }
            // Once, when the document-text column arrives: not on every open (`status` must not take the write lock).
            if !applied.contains(StoreSchema.documentsMigration) { try parseAgainWhatWasParsedWithoutDocuments() }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: "open the store", reason: MailStore.explain(error))
        }
    }

    /// Applies the pending migrations. Should another process migrate the same store at the same moment without the
    /// folder lock (an older Mailroom), this one's transaction fails ("table … already exists") and is rolled back;
    /// it tries again, skipping what the other applied, until every migration is applied (for a few seconds at
    /// most; then the error stands).
    static func migrate(_ pool: DatabasePool, with migrator: DatabaseMigrator) throws {
        let deadline = Date().addingTimeInterval(MailStore.busyTimeout)
        while true {
            do {
                try migrator.migrate(pool)
                return
            } catch let error as DatabaseError {
                // (Reading the schema during the other's migration can fail too: "malformed database schema".)
                if (try? pool.read({ db in try migrator.hasCompletedMigrations(db) })) == true { return }
                if Date() > deadline { throw error }
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    /// Names of the migrations applied to the file, in order.
    public func appliedMigrations() throws -> [String] {
        try reading("list migrations") { db in try StoreSchema.migrator.completedMigrations(db) }
    }

    // MARK: - Receiving

    /// One transaction: message row when the content hash is new (state `received`), source-location row,
    /// and an audit event ("received" or "duplicate"). Same (source, location) or same content hash =>
    /// duplicate; a duplicate seen at a new location still records that location.
    public func recordReceived(_ message: ReceivedMessage, actor: String) throws -> ReceiveOutcome {
        try recordReceived([message], actor: actor)[0]
    }

    /// Several received messages in one transaction (one fsync): for bulk imports such as an mbox file.
    public func recordReceived(_ messages: [ReceivedMessage], actor: String) throws -> [ReceiveOutcome] {
        for m in messages {
            guard ContentHash.isValid(m.contentSHA256) else {
                throw StoreError.invalidArgument("content hash '\(m.contentSHA256)' of \(m.source) \(m.location) "
                    + "is not a SHA-256 in hex")
            }
        }
        return try writing("record \(messages.count) received message(s)") { db in
            try messages.map { try self.recordReceived($0, actor: actor, in: db) }
        }
    }

    private func recordReceived(_ m: ReceivedMessage, actor: String, in db: Database) throws -> ReceiveOutcome {
        let sha = m.contentSHA256.lowercased()
        let now = MillisecondTime.string(clock())
        var details: [String: JSONValue] = [
            "source": .string(m.source), "location": .string(m.location), "sha256": .string(sha),
            "size": .integer(m.size),
        ]

        if let row = try Row.fetchOne(db, sql: """
            SELECT s.message_id, m.content_sha256 FROM message_sources s JOIN messages m ON m.id = s.message_id
            WHERE s.source = ? AND s.location = ?
            """, arguments: [m.source, m.location]) {
            let id: Int64 = try row.decode(atIndex: 0)
            let knownSHA: String = try row.decode(atIndex: 1)
            details["duplicate_of"] = .int(id)
            details["reason"] = "location already recorded"
            if knownSHA != sha {
                // Identity is the location; the differing content is kept on record for the auditor.
                details["content_differs"] = true
                details["recorded_sha256"] = .string(knownSHA)
            }
            try appendAuditEvent(AuditDraft(messageID: id, stage: "ingest", actor: actor, eventType: "duplicate",
                                            details: details), in: db)
            return .duplicate(messageID: id)
        }

        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM messages WHERE content_sha256 = ?",
                                       arguments: [sha]) {
            try insertSource(m, messageID: id, now: now, in: db)
            details["duplicate_of"] = .int(id)
            details["reason"] = "same content already recorded"
            try appendAuditEvent(AuditDraft(messageID: id, stage: "ingest", actor: actor, eventType: "duplicate",
                                            details: details), in: db)
            return .duplicate(messageID: id)
        }

        try db.execute(sql: """
            INSERT INTO messages (content_sha256, size, state, received_at, updated_at, attempts)
            VALUES (?, ?, ?, ?, ?, 0)
            """, arguments: [sha, m.size, MessageState.received.rawValue, MillisecondTime.string(m.receivedAt), now])
        let id = db.lastInsertedRowID
        try insertSource(m, messageID: id, now: now, in: db)
        details["to"] = .string(MessageState.received.rawValue)
        try appendAuditEvent(AuditDraft(messageID: id, stage: "ingest", actor: actor, eventType: "received",
                                        details: details), in: db)
        return .stored(messageID: id)
    }

    private func insertSource(_ m: ReceivedMessage, messageID: Int64, now: String, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO message_sources (source, location, message_id, first_seen) VALUES (?, ?, ?, ?)
            """, arguments: [m.source, m.location, messageID, now])
    }

    public func isKnown(source: String, location: String) throws -> Bool {
        try reading("look up \(source) \(location)") { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM message_sources WHERE source = ? AND location = ?)",
                              arguments: [source, location]) ?? false
        }
    }

    /// The message holding these raw bytes, if any.
    public func messageID(contentSHA256: String) throws -> Int64? {
        try reading("look up content \(contentSHA256)") { db in
            try Int64.fetchOne(db, sql: "SELECT id FROM messages WHERE content_sha256 = ?",
                               arguments: [contentSHA256.lowercased()])
        }
    }

    // MARK: - Reading messages

    package static let messageColumns = """
        m.id, m.content_sha256, m.size, m.state, m.received_at, m.updated_at, m.subject, m.sender, m.kind,
        m.flag_reason, m.normalised_json, m.attempts, m.understanding_json,
        (SELECT s.source FROM message_sources s WHERE s.message_id = m.id ORDER BY s.rowid LIMIT 1) AS source,
        (SELECT s.location FROM message_sources s WHERE s.message_id = m.id ORDER BY s.rowid LIMIT 1) AS location
        """

    public func message(id: Int64) throws -> StoredMessage? {
        try reading("read message \(id)") { db in
            try Row.fetchOne(db, sql: "SELECT \(MailStore.messageColumns) FROM messages m WHERE m.id = ?",
                             arguments: [id]).map(MailStore.storedMessage)
        }
    }

    /// Messages in the given states, oldest first: what the daemon resumes after a restart.
    /// What Parse read out of each attachment, parallel to the normalised message's attachments; nil when the
    /// message has not been parsed yet.
    public func documents(ofMessage id: Int64) throws -> [DocumentText]? {
        let json = try reading("read the documents of message \(id)") { db in
            try String.fetchOne(db, sql: "SELECT documents_json FROM messages WHERE id = ?", arguments: [id])
        }
        guard let json else { return nil }
        do {
            return try JSONDecoder().decode([DocumentText].self, from: Data(json.utf8))
        } catch {
            throw StoreError.corruptRow(table: "messages", id: id, reason: "the stored document texts do not decode: \(error)")
        }
    }

    public func messages(inStates states: [MessageState], limit: Int) throws -> [StoredMessage] {
        guard !states.isEmpty else { return [] }
        return try messages(matching: MessageFilter(states: states, limit: limit))
    }

    public func messages(matching filter: MessageFilter) throws -> [StoredMessage] {
        let (whereSQL, arguments) = MailStore.whereClause(filter)
        let order = filter.newestFirst ? "DESC" : "ASC"
        let sql = "SELECT \(MailStore.messageColumns) FROM messages m \(whereSQL) "
            + "ORDER BY m.received_at \(order), m.id \(order) LIMIT ? OFFSET ?"
        var args = arguments
        args += [filter.limit ?? -1, max(0, filter.offset)]
        return try reading("list messages") { db in
            try Row.fetchAll(db, sql: sql, arguments: args).map(MailStore.storedMessage)
        }
    }

    /// How many messages the filter matches, ignoring its limit and offset.
    public func countMessages(matching filter: MessageFilter) throws -> Int {
        let (whereSQL, arguments) = MailStore.whereClause(filter)
        return try reading("count messages") { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM messages m \(whereSQL)", arguments: arguments) ?? 0
        }
    }

    /// How many messages the filter matches per kind (nil: not understood yet), most first, then by kind;
    /// one grouped query, ignoring the filter's limit and offset.
    public func countMessagesByKind(matching filter: MessageFilter) throws -> [(kind: String?, count: Int)] {
        let (whereSQL, arguments) = MailStore.whereClause(filter)
        return try reading("count messages by kind") { db in
            try Row.fetchAll(db, sql: """
                SELECT m.kind, count(*) AS n FROM messages m \(whereSQL) GROUP BY m.kind ORDER BY n DESC, m.kind
                """, arguments: arguments).map { row in (kind: row[0] as String?, count: row[1] as Int) }
        }
    }

    /// How many messages the filter matches per state (states without any are left out); one grouped query.
    public func countMessagesByState(matching filter: MessageFilter) throws -> [MessageState: Int] {
        let (whereSQL, arguments) = MailStore.whereClause(filter)
        return try reading("count messages by state") { db in
            var counts: [MessageState: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT m.state, count(*) FROM messages m \(whereSQL) GROUP BY m.state",
                                        arguments: arguments) {
                let name: String = row[0]
                guard let state = MessageState(rawValue: name) else {
                    throw StoreError.corruptRow(table: "messages", id: 0, reason: "unknown state '\(name)'")
                }
                let count: Int = row[1]
                counts[state] = count
            }
            return counts
        }
    }

    private static func whereClause(_ filter: MessageFilter) -> (String, StatementArguments) {
        var clauses: [String] = []
        var args: StatementArguments = []
        if !filter.states.isEmpty {
            clauses.append("m.state IN (" + filter.states.map { _ in "?" }.joined(separator: ", ") + ")")
            args += StatementArguments(filter.states.map(\.rawValue))
        }
        if let source = filter.source {
            clauses.append("EXISTS (SELECT 1 FROM message_sources s WHERE s.message_id = m.id AND s.source = ?)")
            args += [source]
        }
        if let since = filter.since {
            clauses.append("m.received_at >= ?")
            args += [MillisecondTime.string(since)]
        }
        if let until = filter.until {
            clauses.append("m.received_at < ?")
            args += [MillisecondTime.string(until)]
        }
        if let text = filter.text, !text.isEmpty {
            clauses.append("(m.subject LIKE ? ESCAPE '\\' OR m.sender LIKE ? ESCAPE '\\')")
            let pattern = likePattern(text)
            args += [pattern, pattern]
        }
        if let kind = filter.kind {
            clauses.append("m.kind = ?")
            args += [kind]
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), args)
    }

    /// Every place the message was seen at, first one first.
    public func sources(ofMessage id: Int64) throws -> [MessageSourceRecord] {
        try reading("list the sources of message \(id)") { db in
            try Row.fetchAll(db, sql: """
                SELECT source, location, first_seen FROM message_sources WHERE message_id = ? ORDER BY rowid
                """, arguments: [id]).map { row in
                MessageSourceRecord(source: try row.decode(atIndex: 0), location: try row.decode(atIndex: 1),
                                    firstSeen: MillisecondTime.date(try row.decode(atIndex: 2)) ?? .distantPast)
            }
        }
    }

    /// Count per state; every state is present, with 0 when no message is in it.
    public func stateCounts() throws -> [MessageState: Int] {
        try reading("count messages by state") { db in
            var counts = Dictionary(uniqueKeysWithValues: MessageState.allCases.map { ($0, 0) })
            for row in try Row.fetchAll(db, sql: "SELECT state, count(*) FROM messages GROUP BY state") {
                let name: String = try row.decode(atIndex: 0)
                if let state = MessageState(rawValue: name) { counts[state] = try row.decode(atIndex: 1) }
            }
            return counts
        }
    }

    package static func storedMessage(_ row: Row) throws -> StoredMessage {
        let id: Int64 = try row.decode(forColumn: "id")
        let stateName: String = try row.decode(forColumn: "state")
        guard let state = MessageState(rawValue: stateName) else {
            throw StoreError.corruptRow(table: "messages", id: id, reason: "unknown state '\(stateName)'")
        }
        func date(_ column: String) throws -> Date {
            let text: String = try row.decode(forColumn: column)
            guard let d = MillisecondTime.date(text) else {
                throw StoreError.corruptRow(table: "messages", id: id, reason: "\(column) '\(text)' is not a time")
            }
            return d
        }
        var normalised: NormalisedMessage?
        if let json: String = try row.decode(forColumn: "normalised_json") {
            do {
                normalised = try JSONDecoder().decode(NormalisedMessage.self, from: Data(json.utf8))
            } catch {
                throw StoreError.corruptRow(table: "messages", id: id,
                                            reason: "the stored normalised message does not decode: \(error)")
            }
        }
        var understanding: Understanding?
        if let json: String = try row.decode(forColumn: "understanding_json") {
            do {
                understanding = try JSONDecoder().decode(Understanding.self, from: Data(json.utf8))
            } catch {
                throw StoreError.corruptRow(table: "messages", id: id,
                                            reason: "the stored understanding does not decode: \(error)")
            }
        }
        return StoredMessage(
            id: id, contentSHA256: try row.decode(forColumn: "content_sha256"), size: try row.decode(forColumn: "size"),
            state: state, source: try row.decode(forColumn: "source") ?? "",
            location: try row.decode(forColumn: "location") ?? "", receivedAt: try date("received_at"),
            updatedAt: try date("updated_at"), subject: try row.decode(forColumn: "subject"),
            sender: try row.decode(forColumn: "sender"), kind: try row.decode(forColumn: "kind"),
            flagReason: try row.decode(forColumn: "flag_reason"), normalised: normalised,
            attempts: try row.decode(forColumn: "attempts"), understanding: understanding)
    }

    // MARK: - State machine

    /// Compare-and-set state change plus its audit event in one transaction. Throws
    /// `StoreError.illegalTransition` for a move the state machine forbids, `StoreError.stateConflict` when
    /// the message is no longer in `from` (another worker moved it), `StoreError.messageNotFound`.
    ///
    /// The audit event gets the message id, and "from"/"to" in its details (the verifier cross-checks the
    /// latest "to" of each message against its state); a flag reason is copied into the details too.
    public func transition(_ id: Int64, from: MessageState, to: MessageState, update: MessageUpdate,
                           audit: AuditDraft) throws {
        guard from.canMove(to: to) else {
            throw StoreError.illegalTransition(messageID: id, from: from, to: to)
        }
        var normalisedJSON: String?
        if let normalised = update.normalised {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            normalisedJSON = String(decoding: try encoder.encode(normalised), as: UTF8.self)
        }
        var documentsJSON: String?
        if let documents = update.documents {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            documentsJSON = String(decoding: try encoder.encode(documents), as: UTF8.self)
        }
        var understandingJSON: String?
        if let understanding = update.understanding {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            understandingJSON = String(decoding: try encoder.encode(understanding), as: UTF8.self)
        }
        let flagged = to == .review || to == .failed
        try writing("move message \(id) from \(from.rawValue) to \(to.rawValue)") { db in
            try db.execute(sql: """
                UPDATE messages SET
                    state = ?, updated_at = ?, attempts = 0,
                    subject = coalesce(?, subject), sender = coalesce(?, sender), kind = coalesce(?, kind),
                    normalised_json = coalesce(?, normalised_json),
                    documents_json = coalesce(?, documents_json),
                    understanding_json = coalesce(?, understanding_json),
                    flag_reason = \(flagged ? "coalesce(?, flag_reason)" : "?")
                WHERE id = ? AND state = ?
                """, arguments: [to.rawValue, MillisecondTime.string(clock()), update.subject, update.sender,
                                 update.kind, normalisedJSON, documentsJSON, understandingJSON, update.flagReason, id,
                                 from.rawValue])
            if db.changesCount == 0 {
                guard let current = try String.fetchOne(db, sql: "SELECT state FROM messages WHERE id = ?",
                                                        arguments: [id]) else {
                    throw StoreError.messageNotFound(messageID: id)
                }
                guard let actual = MessageState(rawValue: current) else {
                    throw StoreError.corruptRow(table: "messages", id: id, reason: "unknown state '\(current)'")
                }
                throw StoreError.stateConflict(messageID: id, expected: from, actual: actual)
            }
            var draft = audit
            draft.messageID = id
            draft.details["from"] = .string(from.rawValue)
            draft.details["to"] = .string(to.rawValue)
            // The sender and the kind the message row takes are recorded in the chain too: `audit query
            // --sender/--kind` answers from these, not from the row.
            if let sender = update.sender, draft.details["sender"] == nil { draft.details["sender"] = .string(sender) }
            if let kind = update.kind, draft.details["kind"] == nil { draft.details["kind"] = .string(kind) }
            if let reason = update.flagReason, draft.details["flag_reason"] == nil {
                draft.details["flag_reason"] = .string(reason)
            }
            try self.appendAuditEvent(draft, in: db)
            // The full-text index follows what Parse stored (subject, body text, document texts).
            if update.normalised != nil || update.documents != nil || update.subject != nil {
                try MailStore.indexForSearch(id, in: db)
            }
        }
    }

    @discardableResult
    public func updateFlagReason(_ id: Int64, state: MessageState, reason: String?) throws -> Bool {
        try writing("update the reason of message \(id)") { db in
            try db.execute(sql: "UPDATE messages SET flag_reason = ?, updated_at = ? WHERE id = ? AND state = ? AND flag_reason IS NOT ?",
                           arguments: [reason, MillisecondTime.string(clock()), id, state.rawValue, reason])
            if db.changesCount > 0 { return true }
            return try Bool.fetchOne(db, sql: "SELECT state = ? FROM messages WHERE id = ?", arguments: [state.rawValue, id]) ?? false
        }
    }

    /// Messages an earlier Mailroom parsed without keeping their attachments' text, still waiting for Understand:
    /// back to `received` (with an audit event saying why), so Parse reads them once more and Understand never
    /// has to parse raw bytes itself.
    func parseAgainWhatWasParsedWithoutDocuments() throws {
        try writing("send messages parsed without document text back to parse") { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM messages WHERE state = 'parsed' AND documents_json IS NULL ORDER BY id")
            for id in ids {
                try db.execute(sql: "UPDATE messages SET state = 'received', updated_at = ?, attempts = 0 WHERE id = ?",
                               arguments: [MillisecondTime.string(clock()), id])
                try appendAuditEvent(AuditDraft(messageID: id, stage: "parse", actor: AuditActor.mailroom, eventType: "parse_again",
                                                details: ["from": "parsed", "to": "received",
                                                          "reason": "parsed by an earlier version that did not keep the attachments' text"]),
                                     in: db)
            }
        }
    }

    /// Counts one more start of work on the message in its current state and returns the new count. The
    /// daemon calls it before a stage runs, so a message that crashes its stage on every restart shows up
    /// (and can be sent to failed) instead of looping forever.
    @discardableResult
    public func recordAttempt(_ id: Int64) throws -> Int {
        try writing("count an attempt on message \(id)") { db in
            guard let n = try Int.fetchOne(db, sql: "UPDATE messages SET attempts = attempts + 1 WHERE id = ? RETURNING attempts",
                                           arguments: [id]) else {
                throw StoreError.messageNotFound(messageID: id)
            }
            return n
        }
    }

    // MARK: - Audit trail

    /// Appends an event to the hash chain: reads the last event and inserts the next in the same write
    /// transaction, so concurrent appends (threads or processes) cannot fork the chain.
    @discardableResult
    public func appendAudit(_ draft: AuditDraft) throws -> AuditEvent {
        try writing("append an audit event") { db in try self.appendAuditEvent(draft, in: db) }
    }

    /// Several events in one transaction (one fsync), in the given order.
    @discardableResult
    public func appendAudit(_ drafts: [AuditDraft]) throws -> [AuditEvent] {
        try writing("append \(drafts.count) audit events") { db in
            try drafts.map { try self.appendAuditEvent($0, in: db) }
        }
    }

    @discardableResult
    package func appendAuditEvent(_ draft: AuditDraft, in db: Database) throws -> AuditEvent {
        // Cached statements: this runs for every event, often thousands per transaction in bulk work.
        let last = try db.cachedStatement(sql: "SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1")
        let head = try Row.fetchOne(last)
            .map { row in AuditHead(sequence: try row.decode(atIndex: 0), hash: MailStore.lenientText(row[1] as DatabaseValue).text) }
        let event = AuditChain.makeEvent(after: head, time: MillisecondTime.string(clock()), draft: draft)
        let insert = try db.cachedStatement(sql: """
            INSERT INTO audit_events (sequence, time, message_id, stage, actor, event_type, details, previous_hash, hash)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try insert.execute(arguments: [event.sequence, event.time, event.messageID, event.stage, event.actor,
                                       event.eventType, event.details, event.previousHash, event.hash])
        let leaf = try db.cachedStatement(sql: "INSERT INTO audit_leaves (leaf_index, hash) VALUES (?, ?)")
        try leaf.execute(arguments: [event.sequence - 1, Data(AuditChain.leafHash(eventHash: event.hash))])
        return event
    }

    /// The Merkle leaf hashes of the first `count` events (all when nil), in leaf order.
    public func auditLeafHashes(count: Int64?) throws -> [[UInt8]] {
        var leaves: [[UInt8]] = []
        try forEachAuditLeafHash(count: count) { leaves.append($0) }
        return leaves
    }

    /// The Merkle leaf hashes streamed in leaf order (the first `count`, or all when nil).
    public func forEachAuditLeafHash(count: Int64?, _ body: ([UInt8]) throws -> Void) throws {
        try reading("read the audit trail's Merkle leaves") { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT hash FROM audit_leaves ORDER BY leaf_index LIMIT ?",
                                             arguments: [count ?? -1])
            while let row = try cursor.next() {
                if case .blob(let bytes) = (row[0] as DatabaseValue).storage {
                    try body(Array(bytes))
                } else {
                    try body([])  // not what Mailroom writes: matches no leaf, so proofs and roots fail
                }
            }
        }
    }

    /// The last event, as an auditor notes it (`AuditVerifier.verify(store:expectedHead:)` checks it later).
    public func auditHead() throws -> AuditHead? {
        try reading("read the audit head") { db in
            try Row.fetchOne(db, sql: "SELECT sequence, hash FROM audit_events ORDER BY sequence DESC LIMIT 1")
                .map { AuditHead(sequence: try $0.decode(atIndex: 0), hash: MailStore.lenientText($0[1] as DatabaseValue).text) }
        }
    }

    public func auditEvent(sequence: Int64) throws -> AuditEvent? {
        try reading("read audit event \(sequence)") { db in
            try Row.fetchOne(db, sql: "SELECT \(MailStore.auditColumns) FROM audit_events a WHERE a.sequence = ?",
                             arguments: [sequence]).map { MailStore.auditEvent($0).event }
        }
    }

    public func auditEvents(matching filter: AuditFilter) throws -> [AuditEvent] {
        var clauses: [String] = []
        var args: StatementArguments = []
        if let id = filter.messageID {
            clauses.append("a.message_id = ?")
            args += [id]
        }
        // Sender and kind come from the chain-protected events, not from the messages table (which anyone with
        // write access to the file can edit without a trace): the value the message's latest state event
        // recorded (Parse records the sender, Understand and review corrections the kind).
        if let sender = filter.sender, !sender.isEmpty {
            clauses.append("a.message_id IN (\(MailStore.latestRecorded("sender")) AND json_extract(e.details, '$.sender') LIKE ? ESCAPE '\\')")
            args += [MailStore.likePattern(sender)]
        }
        if let kind = filter.kind {
            clauses.append("a.message_id IN (\(MailStore.latestRecorded("kind")) AND json_extract(e.details, '$.kind') = ?)")
            args += [kind]
        }
        if let stage = filter.stage {
            clauses.append("a.stage = ?")
            args += [stage]
        }
        if let actor = filter.actor {
            clauses.append("a.actor = ?")
            args += [actor]
        }
        if let type = filter.eventType {
            clauses.append("a.event_type = ?")
            args += [type]
        }
        if let since = filter.since {
            clauses.append("a.time >= ?")
            args += [MillisecondTime.string(since)]
        }
        if let until = filter.until {
            clauses.append("a.time < ?")
            args += [MillisecondTime.string(until)]
        }
        if let text = filter.text, !text.isEmpty {
            clauses.append("a.details LIKE ? ESCAPE '\\'")
            args += [MailStore.likePattern(text)]
        }
        if let after = filter.afterSequence {
            clauses.append("a.sequence > ?")
            args += [after]
        }
        var sql = "SELECT \(MailStore.auditColumns) FROM audit_events a"
        if !clauses.isEmpty { sql += " WHERE " + clauses.joined(separator: " AND ") }
        sql += " ORDER BY a.sequence LIMIT ?"
        args += [filter.limit ?? -1]
        return try reading("query the audit trail") { db in
            try Row.fetchAll(db, sql: sql, arguments: args).map { MailStore.auditEvent($0).event }
        }
    }

    /// `SELECT e.message_id FROM audit_events e WHERE <e is the message's latest state event recording key>`:
    /// state events are the ones the store writes with a transition (their details hold "to"); `key` is a
    /// fixed name, never input.
    private static func latestRecorded(_ key: String) -> String {
        func records(_ t: String) -> String {
            "json_valid(\(t).details) AND json_type(\(t).details, '$.to') IS NOT NULL AND json_type(\(t).details, '$.\(key)') = 'text'"
        }
        return "SELECT e.message_id FROM audit_events e WHERE e.message_id IS NOT NULL AND " + records("e")
            + " AND e.sequence = (SELECT max(f.sequence) FROM audit_events f WHERE f.message_id = e.message_id AND "
            + records("f") + ")"
    }

    /// Every event in sequence order, streamed (the trail is never loaded whole).
    public func forEachAuditEvent(_ body: (AuditEvent) throws -> Void) throws {
        try forEachStoredAuditEvent { event, _ in try body(event) }
    }

    /// Like `forEachAuditEvent`, and tells when a column did not hold what Mailroom writes there (a NULL, a
    /// blob, a non-integer message id): such an event was written by someone else.
    public func forEachStoredAuditEvent(_ body: (AuditEvent, _ malformed: String?) throws -> Void) throws {
        try reading("read the audit trail") { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(MailStore.auditColumns) FROM audit_events a ORDER BY a.sequence")
            while let row = try cursor.next() {
                let (event, malformed) = MailStore.auditEvent(row)
                try body(event, malformed)
            }
        }
    }

    /// Messages whose state disagrees with the latest "to" recorded for them in the audit trail, read in one
    /// snapshot. A disagreement means audit events were removed (typically the tail) or the state was edited.
    public func auditStateDisagreements() throws -> [(messageID: Int64, state: String, recorded: String?, lastSequence: Int64?)] {
        try reading("cross-check message states against the audit trail") { db in
            try Row.fetchAll(db, sql: """
                SELECT id, state, recorded, last_sequence FROM (
                    SELECT m.id, m.state,
                        (SELECT CASE WHEN json_valid(a.details) THEN json_extract(a.details, '$.to') END
                           FROM audit_events a
                          WHERE a.message_id = m.id
                            AND (CASE WHEN json_valid(a.details) THEN json_extract(a.details, '$.to') END) IS NOT NULL
                          ORDER BY a.sequence DESC LIMIT 1) AS recorded,
                        (SELECT max(a.sequence) FROM audit_events a WHERE a.message_id = m.id) AS last_sequence
                    FROM messages m)
                WHERE recorded IS NULL OR recorded <> state
                ORDER BY id
                """).map { row in
                let recorded = row[2] as DatabaseValue
                return (try row.decode(atIndex: 0), MailStore.lenientText(row[1] as DatabaseValue).text,
                        recorded.isNull ? nil : MailStore.lenientText(recorded).text, try row.decode(atIndex: 3))
            }
        }
    }

    /// The highest sequence number ever assigned (SQLite's AUTOINCREMENT record), and the highest present.
    public func auditSequenceMarks() throws -> (highWater: Int64?, maxPresent: Int64?) {
        try reading("read the audit high-water mark") { db in
            let high = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_events'")
            let present = try Int64.fetchOne(db, sql: "SELECT max(sequence) FROM audit_events")
            return (high, present)
        }
    }

    /// Names of the triggers that make the audit table append-only and are missing from the file.
    public func missingAuditProtections() throws -> [String] {
        let expected = ["audit_events_refuse_update", "audit_events_refuse_delete", "audit_events_append_at_end"]
        let present = try reading("list the audit triggers") { db in
            Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_events'"))
        }
        return expected.filter { !present.contains($0) }
    }

    private static let auditColumns =
        "a.sequence, a.time, a.message_id, a.stage, a.actor, a.event_type, a.details, a.previous_hash, a.hash"

    /// Reads an audit row without trusting it: the verifier must report tampering, not crash on it.
    private static func auditEvent(_ row: Row) -> (event: AuditEvent, malformed: String?) {
        var malformed: [String] = []
        func text(_ index: Int, _ name: String) -> String {
            let (value, ok) = lenientText(row[index] as DatabaseValue)
            if !ok { malformed.append(name) }
            return value
        }
        var sequence: Int64 = 0
        if case .int64(let v) = (row[0] as DatabaseValue).storage { sequence = v }
        var messageID: Int64?
        switch (row[2] as DatabaseValue).storage {
        case .null: messageID = nil
        case .int64(let v): messageID = v
        default: malformed.append("message_id")
        }
        let event = AuditEvent(sequence: sequence, time: text(1, "time"), messageID: messageID,
                               stage: text(3, "stage"), actor: text(4, "actor"), eventType: text(5, "event_type"),
                               details: text(6, "details"), previousHash: text(7, "previous_hash"),
                               hash: text(8, "hash"))
        return (event, malformed.isEmpty ? nil : malformed.joined(separator: ", "))
    }

    private static func lenientText(_ value: DatabaseValue) -> (text: String, ok: Bool) {
        switch value.storage {
        case .string(let s): return (s, true)
        case .int64(let i): return (String(i), false)
        case .double(let d): return (String(d), false)
        case .blob(let b): return (String(decoding: b, as: UTF8.self), false)
        case .null: return ("", false)
        }
    }

    // MARK: - Plumbing

    /// `%text%` for LIKE with `\` as the escape character.
    package static func likePattern(_ text: String) -> String {
        var escaped = ""
        for ch in text {
            if ch == "%" || ch == "_" || ch == "\\" { escaped.append("\\") }
            escaped.append(ch)
        }
        return "%" + escaped + "%"
    }

    /// A write transaction, committed (durably) before this returns; concurrent ones share one commit
    /// (`GroupCommit`).
    package func writing<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try groupCommit.write(pool, body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }

    package func reading<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }

    package static func explain(_ error: DatabaseError) -> String {
        let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return message + " (another process held the store locked for more than \(Int(busyTimeout)) s; "
                + "is a second daemon running on the same file?)"
        case .SQLITE_FULL:
            return message + " (the disk is full)"
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM:
            return message + " (check that the user running mailroom may write the store file and its directory)"
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return message + " (the file is damaged or not a Mailroom store; restore it from backup)"
        default:
            return message
        }
    }
}

extension MailStore: MessageStore, AuditLogStore, OutboxStore, SourceCheckpointStore, ModelCallStore, HelpdeskThreadStore,
                     SentMailStore, DaemonHeartbeatStore, RuleSetStateStore, MessageSearchStore, ReviewClaimStore {}
