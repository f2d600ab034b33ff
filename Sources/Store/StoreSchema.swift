import Foundation
import GRDB
import Vocabulary

/// The store's schema, as named, append-only migrations. Never edit a registered migration: add a new one.
package enum StoreSchema {
    /// The migration that added Parse's document text; messages parsed before it are parsed again once.
    package static let documentsMigration = "2026-12 parse: the text of each attachment, read once"

    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("2026-01 messages, sources, audit trail") { db in
            // The states as they were when this migration was written; later states come with their own migration.
            let states = "'received', 'parsed', 'understood', 'decided', 'acted', 'review', 'failed'"
            try db.execute(sql: """
                CREATE TABLE messages (
                    id              INTEGER PRIMARY KEY AUTOINCREMENT,
                    content_sha256  TEXT    NOT NULL UNIQUE CHECK (length(content_sha256) = 64),
                    size            INTEGER NOT NULL CHECK (size >= 0),
                    state           TEXT    NOT NULL CHECK (state IN (\(states))),
                    received_at     TEXT    NOT NULL,
                    updated_at      TEXT    NOT NULL,
                    subject         TEXT,
                    sender          TEXT,
                    kind            TEXT,
                    flag_reason     TEXT,
                    normalised_json TEXT,
                    attempts        INTEGER NOT NULL DEFAULT 0
                );
                -- Resume and listing: messages in given states, oldest first.
                CREATE INDEX messages_by_state ON messages (state, received_at, id);
                CREATE INDEX messages_by_received ON messages (received_at, id);
                CREATE INDEX messages_by_sender ON messages (sender);
                CREATE INDEX messages_by_kind ON messages (kind);

                CREATE TABLE message_sources (
                    source      TEXT    NOT NULL,
                    location    TEXT    NOT NULL,
                    message_id  INTEGER NOT NULL REFERENCES messages (id) ON DELETE RESTRICT,
                    first_seen  TEXT    NOT NULL,
                    UNIQUE (source, location)
                );
                CREATE INDEX message_sources_by_message ON message_sources (message_id);

                -- sequence is assigned by the store (last + 1, in the same write transaction as the read of
                -- the last event). AUTOINCREMENT additionally keeps a high-water mark in sqlite_sequence
                -- that deleting the tail does not lower; the verifier compares the two.
                CREATE TABLE audit_events (
                    sequence      INTEGER PRIMARY KEY AUTOINCREMENT,
                    time          TEXT    NOT NULL,
                    message_id    INTEGER REFERENCES messages (id) ON DELETE RESTRICT,
                    stage         TEXT    NOT NULL,
                    actor         TEXT    NOT NULL,
                    event_type    TEXT    NOT NULL,
                    details       TEXT    NOT NULL,
                    previous_hash TEXT    NOT NULL,
                    hash          TEXT    NOT NULL
                );
                CREATE INDEX audit_events_by_message ON audit_events (message_id, sequence);
                CREATE INDEX audit_events_by_time ON audit_events (time);
                CREATE INDEX audit_events_by_stage ON audit_events (stage, sequence);
                CREATE INDEX audit_events_by_actor ON audit_events (actor, sequence);
                CREATE INDEX audit_events_by_type ON audit_events (event_type, sequence);

                CREATE TRIGGER audit_events_refuse_update BEFORE UPDATE ON audit_events
                BEGIN
                    SELECT RAISE(ABORT, 'audit events are append-only: UPDATE is refused; record a correcting event instead');
                END;
                CREATE TRIGGER audit_events_refuse_delete BEFORE DELETE ON audit_events
                BEGIN
                    SELECT RAISE(ABORT, 'audit events are append-only: DELETE is refused');
                END;
                -- INSERT OR REPLACE deletes without firing DELETE triggers; refusing any insert that is not
                -- exactly the next sequence number closes that door and keeps the trail gap-free.
                CREATE TRIGGER audit_events_append_at_end BEFORE INSERT ON audit_events
                WHEN NEW.sequence IS NULL
                  OR NEW.sequence <> coalesce((SELECT max(sequence) FROM audit_events), 0) + 1
                BEGIN
                    SELECT RAISE(ABORT, 'audit events are append-only: a new event must take the next sequence number');
                END;
                """)
        }

        migrator.registerMigration("2026-02 understanding") { db in
            // Understand's result as JSON (kind, confidence, method, fields, groundings, review, steps); the
            // kind itself stays in `kind` for listing and filtering.
            try db.execute(sql: "ALTER TABLE messages ADD COLUMN understanding_json TEXT")
        }

        migrator.registerMigration("2026-07 decisions, outbox, captured values") { db in
            try db.execute(sql: """
                -- What Decide concluded per message (the latest decision; replay compares against it).
                CREATE TABLE decisions (
                    message_id    INTEGER PRIMARY KEY REFERENCES messages (id) ON DELETE RESTRICT,
                    decided_at    TEXT    NOT NULL,
                    rules_sha256  TEXT    NOT NULL,
                    details_json  TEXT    NOT NULL,
                    actions_json  TEXT    NOT NULL
                );
                -- Each intended action, stored before anything is sent; the key makes it at-most-once.
                CREATE TABLE outbox (
                    id                 INTEGER PRIMARY KEY AUTOINCREMENT,
                    message_id         INTEGER NOT NULL REFERENCES messages (id) ON DELETE RESTRICT,
                    idempotency_key    TEXT    NOT NULL UNIQUE,
                    rule               TEXT    NOT NULL,
                    action_index       INTEGER NOT NULL,
                    connector          TEXT    NOT NULL,
                    action             TEXT    NOT NULL,
                    action_json        TEXT    NOT NULL,
                    state              TEXT    NOT NULL CHECK (state IN ('awaiting_approval', 'queued', 'sending',
                                           'retry_wait', 'done', 'dead', 'rejected', 'dropped', 'skipped')),
                    attempts           INTEGER NOT NULL DEFAULT 0,
                    next_attempt_at    TEXT,
                    last_error         TEXT,
                    approval_role      TEXT,
                    approval_reference TEXT UNIQUE,
                    decided_by         TEXT,
                    decided_at         TEXT,
                    decision_reason    TEXT,
                    result_json        TEXT,
                    created_at         TEXT    NOT NULL,
                    updated_at         TEXT    NOT NULL
                );
                CREATE INDEX outbox_by_message ON outbox (message_id, id);
                CREATE INDEX outbox_by_state ON outbox (state, next_attempt_at);
                -- Values connectors captured (a created record's id), for later actions of the same message.
                CREATE TABLE captured_values (
                    message_id  INTEGER NOT NULL REFERENCES messages (id) ON DELETE RESTRICT,
                    name        TEXT    NOT NULL,
                    value_json  TEXT    NOT NULL,
                    outbox_id   INTEGER NOT NULL REFERENCES outbox (id) ON DELETE RESTRICT,
                    PRIMARY KEY (message_id, name)
                );
                """)
        }

        migrator.registerMigration("2026-08 model gateway: response cache, model calls") { db in
            try StoreSchema.createModelGatewayTables(db)
        }

        migrator.registerMigration("2026-11 imap checkpoints, source health") { db in
            try db.execute(sql: """
                -- Per IMAP folder (source "imap:<account>/<folder>"): the UIDVALIDITY the UIDs belong to and
                -- the highest UID whose mail is stored and acknowledged; HIGHESTMODSEQ where CONDSTORE is offered.
                CREATE TABLE imap_checkpoints (
                    source          TEXT    PRIMARY KEY,
                    uidvalidity     INTEGER NOT NULL CHECK (uidvalidity >= 0),
                    highest_uid     INTEGER NOT NULL CHECK (highest_uid >= 0),
                    highest_modseq  INTEGER,
                    updated_at      TEXT    NOT NULL
                );

                -- What each source's trigger (IDLE, polling) last reported. fresh_until: the time by which the
                -- daemon promised to report again; a row past it is shown as "no contact", never as healthy.
                CREATE TABLE source_health (
                    source                  TEXT PRIMARY KEY,
                    state                   TEXT NOT NULL,
                    detail                  TEXT,
                    connected_since         TEXT,
                    last_contact            TEXT,
                    last_new_mail           TEXT,
                    lag                     INTEGER,
                    fresh_until             TEXT,
                    silence_window_seconds  REAL,
                    updated_at              TEXT NOT NULL
                );
                """)
        }

        migrator.registerMigration("2026-12 helpdesk threads: which mail created or updated which ticket") { db in
            try db.execute(sql: """
                -- Per helpdesk connector: the Message-ID of every mail that created or updated a ticket, so a
                -- reply in that thread (In-Reply-To / References) goes to the same ticket; the senders of those
                -- mails are the ticket's known participants (who may name its number in a subject).
                CREATE TABLE helpdesk_threads (
                    connector       TEXT    NOT NULL,
                    mail_message_id TEXT    NOT NULL,
                    ticket_id       TEXT    NOT NULL,
                    sender          TEXT,
                    message_id      INTEGER,            -- the stored message (messages.id)
                    outbox_id       INTEGER,            -- the outbox row that did it
                    recorded_at     TEXT    NOT NULL,
                    PRIMARY KEY (connector, mail_message_id)
                );
                CREATE INDEX helpdesk_threads_by_ticket ON helpdesk_threads (connector, ticket_id);
                """)
        }

        migrator.registerMigration("2026-12 smtp: sent mail, recipients for rate limits, approval notices") { db in
            try db.execute(sql: """
                -- Every mail the smtp connector submits, by our own Message-ID (derived from the idempotency key):
                -- written as 'sending' before the SMTP transaction and 'sent' after the server's 250, so a retry
                -- or a restart finds what was sent. purpose: reply | forward | notify | approval_request | draft.
                CREATE TABLE sent_mail (
                    message_id          TEXT    PRIMARY KEY,
                    connector           TEXT    NOT NULL,
                    idempotency_key     TEXT    NOT NULL,
                    purpose             TEXT    NOT NULL,
                    state               TEXT    NOT NULL CHECK (state IN ('sending', 'sent')),
                    recipients_json     TEXT    NOT NULL,
                    outbox_id           INTEGER,
                    approval_reference  TEXT,
                    approver            TEXT,
                    server_reply        TEXT,
                    started_at          TEXT    NOT NULL,
                    sent_at             TEXT
                );
                CREATE INDEX sent_mail_by_reference ON sent_mail (approval_reference, approver);
                -- One row per recipient of automatic mail, for the per-recipient daily limit.
                CREATE TABLE sent_mail_recipients (
                    message_id  TEXT NOT NULL REFERENCES sent_mail (message_id) ON DELETE CASCADE,
                    recipient   TEXT NOT NULL,
                    sent_at     TEXT NOT NULL,
                    PRIMARY KEY (message_id, recipient)
                );
                CREATE INDEX sent_mail_recipients_by_recipient ON sent_mail_recipients (recipient, sent_at);
                """)
        }

        migrator.registerMigration(documentsMigration) { db in
            // Parse's reading of each attachment (DocumentText as JSON, parallel to the normalised message's
            // attachments); later stages read it instead of parsing the raw bytes again.
            try db.execute(sql: "ALTER TABLE messages ADD COLUMN documents_json TEXT")
        }

        migrator.registerMigration("2026-12 daemon heartbeat: who runs on this store, since when, last seen") { db in
            try db.execute(sql: """
                -- The latest daemon's record (one row): written at start, every interval_seconds while it runs,
                -- and at a clean stop (stopped_at). `mailroom status` reads it with the lock file beside the store.
                CREATE TABLE daemon_heartbeat (
                    id              INTEGER PRIMARY KEY CHECK (id = 1),
                    pid             INTEGER NOT NULL,
                    host            TEXT    NOT NULL,
                    version         TEXT    NOT NULL,
                    started_at      TEXT    NOT NULL,
                    heartbeat_at    TEXT    NOT NULL,
                    interval_seconds REAL   NOT NULL,
                    stopped_at      TEXT
                );
                """)
        }

        migrator.registerMigration("2026-12 document identities: the same business document is acted on once") { db in
            try db.execute(sql: """
                -- Each business document Mailroom decided on, by the keys its kind's `identity:` makes
                -- ("invoice|invoice_number=r20260042|seller=alsterspedition") and by each attached document's
                -- SHA-256 ("sha256:…"): the first message decided with a key holds it; a later message with the
                -- same key goes to review instead of being acted on twice.
                CREATE TABLE document_identities (
                    key          TEXT    PRIMARY KEY,
                    kind         TEXT    NOT NULL,
                    label        TEXT    NOT NULL,
                    message_id   INTEGER NOT NULL REFERENCES messages (id),
                    recorded_at  TEXT    NOT NULL
                );
                CREATE INDEX document_identities_by_message ON document_identities (message_id);
                """)
        }

        migrator.registerMigration("2027-01 states that say what is true: waiting, approval, blocked, dead_letter, no_action") { db in
            // SQLite cannot change a CHECK constraint in place: both tables are rebuilt with the new lists.
            // Existing rows keep their states (a message an earlier Mailroom left in `review` while its
            // actions waited is moved, with an audit event, by the outbox worker's first round).
            try StoreSchema.replaceStateCheck(db, table: "messages", states: MessageState.allCases.map(\.rawValue))
            try StoreSchema.replaceStateCheck(db, table: "outbox", states: OutboxState.allCases.map(\.rawValue))
        }

        migrator.registerMigration("2027-02 approvals: keyed tokens, cancelled outbox rows, outbox leases") { db in
            // `cancelled`: a row a person's review decision (correct, reject, reopen) made obsolete before it was sent.
            try StoreSchema.replaceStateCheck(db, table: "outbox", states: OutboxState.allCases.map(\.rawValue))
            try db.execute(sql: """
                -- Secrets the daemon makes for itself at first use (random bytes that never leave the store):
                -- "token_key" keys approval references, idempotency keys and approval-request Message-IDs, so
                -- that nobody outside can compute them from what they know about a mail and the rules.
                CREATE TABLE store_secrets (
                    name        TEXT PRIMARY KEY,
                    value       BLOB NOT NULL,
                    created_at  TEXT NOT NULL
                );
                -- One owner per outbox row while it is carried out: the claiming process's token and until when
                -- its claim holds (renewed while the connector works; a stopped owner's claim runs out).
                ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
                ALTER TABLE outbox ADD COLUMN lease_until TEXT;
                """)
        }

        migrator.registerMigration("2027-02 audit anchoring: Merkle leaf hashes of the audit events") { db in
            // One row per event, leaf_index = sequence - 1: SHA-256(0x00 || the event's 32-byte chain hash)
            // (RFC 6962). Written with the event in the same transaction; append-only like the events. The
            // Merkle tree over them is what the signed checkpoints and the proofs speak of.
            try db.execute(sql: """
                CREATE TABLE audit_leaves (
                    leaf_index INTEGER PRIMARY KEY,
                    hash       BLOB    NOT NULL CHECK (length(hash) = 32)
                );
                CREATE TRIGGER audit_leaves_refuse_update BEFORE UPDATE ON audit_leaves
                BEGIN
                    SELECT RAISE(ABORT, 'audit leaves are append-only: UPDATE is refused');
                END;
                CREATE TRIGGER audit_leaves_refuse_delete BEFORE DELETE ON audit_leaves
                BEGIN
                    SELECT RAISE(ABORT, 'audit leaves are append-only: DELETE is refused');
                END;
                """)
            let events = try Row.fetchCursor(db, sql: "SELECT sequence, hash FROM audit_events ORDER BY sequence")
            let insert = try db.makeStatement(sql: "INSERT INTO audit_leaves (leaf_index, hash) VALUES (?, ?)")
            while let row = try events.next() {
                let sequence: Int64 = try row.decode(atIndex: 0)
                let hash = (row[1] as DatabaseValue).storage
                let text: String
                switch hash {
                case .string(let s): text = s
                case .blob(let b): text = String(decoding: b, as: UTF8.self)
                case .int64(let i): text = String(i)
                case .double(let d): text = String(d)
                case .null: text = ""
                }
                try insert.execute(arguments: [sequence - 1, Data(AuditChain.leafHash(eventHash: text))])
            }
        }

        migrator.registerMigration("2027-03 rule reload: the rule-set version in use and the last reload attempt") { db in
            try db.execute(sql: """
                -- One row, the running daemon's: which rule-set version (rules, kinds, connectors, approvers,
                -- catalogue) decides mail since when, and how the last reload (SIGHUP, `mailroom reload`) went.
                CREATE TABLE rule_set_state (
                    id            INTEGER PRIMARY KEY CHECK (id = 1),
                    pid           INTEGER NOT NULL,
                    version       TEXT    NOT NULL,
                    loaded_at     TEXT    NOT NULL,
                    attempted_at  TEXT    NOT NULL,
                    error         TEXT
                );
                """)
        }

        migrator.registerMigration("2027-04 web users and sessions") { db in
            try db.execute(sql: """
                -- People who may use the web UI (`mailroom user add`). A removed user keeps its row (disabled_at)
                -- so the audit trail's `user:LOGIN` keeps naming someone.
                CREATE TABLE web_users (
                    id             INTEGER PRIMARY KEY AUTOINCREMENT,
                    login          TEXT    NOT NULL UNIQUE,
                    password_hash  TEXT    NOT NULL,
                    roles          TEXT    NOT NULL,   -- space-separated: auditor reviewer approver:ROLE admin
                    language       TEXT,
                    created_at     TEXT    NOT NULL,
                    disabled_at    TEXT
                );
                -- Logged-in browsers. The session id is only in the cookie; here its SHA-256.
                CREATE TABLE web_sessions (
                    id_sha256     TEXT    PRIMARY KEY,
                    user_id       INTEGER NOT NULL REFERENCES web_users(id) ON DELETE CASCADE,
                    created_at    TEXT    NOT NULL,
                    last_seen_at  TEXT    NOT NULL,
                    expires_at    TEXT    NOT NULL,
                    csrf_token    TEXT    NOT NULL
                );
                CREATE INDEX web_sessions_user ON web_sessions(user_id);
                -- Failed logins per login (`login:NAME`) and per client address (`address:IP`).
                CREATE TABLE web_login_failures (
                    key              TEXT    PRIMARY KEY,
                    failures         INTEGER NOT NULL,
                    last_failure_at  TEXT    NOT NULL,
                    locked_until     TEXT
                );
                """)
        }

        migrator.registerMigration("2027-04 full-text search over subject, body and document text") { db in
            // One row per parsed message (rowid = messages.id): its subject, body text (with attached messages)
            // and its attachments' text, as `SearchText.indexable` writes them (each Chinese/Japanese/Korean
            // character a token of its own, so a phrase of 2 or 3 characters finds them in running text).
            // Filled by `transition` whenever Parse's results are stored; backfilled here.
            try db.execute(sql: """
                CREATE VIRTUAL TABLE message_search USING fts5(
                    subject, body, documents,
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                """)
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM messages WHERE normalised_json IS NOT NULL OR subject IS NOT NULL ORDER BY id")
            for id in ids { try MailStore.indexForSearch(id, in: db) }
        }

        migrator.registerMigration("2027-04 review claims: one reviewer per mail at a time") { db in
            try db.execute(sql: """
                -- Who works on a message in review (an audit actor such as "user:anna") and until when; a claim
                -- past expires_at no longer holds. Not part of the audit trail: the decisions are.
                CREATE TABLE review_claims (
                    message_id  INTEGER PRIMARY KEY REFERENCES messages (id),
                    owner       TEXT    NOT NULL,
                    claimed_at  TEXT    NOT NULL,
                    expires_at  TEXT    NOT NULL
                );
                """)
        }

        // When each web user last logged in, for the admin page (set by every successful login).
        migrator.registerMigration("2027-05 web users' last login") { db in
            try db.execute(sql: "ALTER TABLE web_users ADD COLUMN last_login_at TEXT")
        }

        return migrator
    }

    /// Rebuilds `table` with its `CHECK (state IN (…))` listing `states`, keeping every row, index and trigger
    /// (the procedure of https://www.sqlite.org/lang_altertable.html#otheralter; foreign keys are off during a
    /// migration and checked before it commits).
    package static func replaceStateCheck(_ db: Database, table: String, states: [String]) throws {
        guard let create = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?",
                                               arguments: [table]) else { return }
        let pattern = try Regex(#"CHECK\s*\(\s*state\s+IN\s*\([^)]*\)\s*\)"#)
        guard create.contains(pattern) else {
            throw StoreError.corruptRow(table: table, id: 0, reason: "the table has no CHECK on its state to widen")
        }
        let list = states.map { "'\($0)'" }.joined(separator: ", ")
        let rebuilt = "\(table)_rebuilt"
        var newCreate = create.replacing(pattern, with: "CHECK (state IN (\(list)))")
        // After an earlier rebuild SQLite writes the renamed table's name quoted ("outbox").
        guard let nameRange = newCreate.range(of: "CREATE TABLE \"\(table)\"") ?? newCreate.range(of: "CREATE TABLE \(table)") else {
            throw StoreError.corruptRow(table: table, id: 0, reason: "its CREATE statement does not name it plainly")
        }
        newCreate.replaceSubrange(nameRange, with: "CREATE TABLE \(rebuilt)")
        let others = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ? AND sql IS NOT NULL ORDER BY type, name
            """, arguments: [table])
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table])
        try db.execute(sql: newCreate)
        try db.execute(sql: "INSERT INTO \(rebuilt) SELECT * FROM \(table)")
        try db.execute(sql: "DROP TABLE \(table)")
        try db.execute(sql: "ALTER TABLE \(rebuilt) RENAME TO \(table)")
        for statement in others { try db.execute(sql: statement) }
        if let sequence {
            try db.execute(sql: "DELETE FROM sqlite_sequence WHERE name = ?", arguments: [table])
            try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [table, sequence])
        }
    }
}
