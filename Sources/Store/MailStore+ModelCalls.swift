import Foundation
import GRDB
import Vocabulary

extension StoreSchema {
    package static func createModelGatewayTables(_ db: Database) throws {
        try db.execute(sql: """
            -- Answers keyed by sha256(provider, model, prompt template version, compressed input): a replay or a
            -- repeated mail is answered from here at zero tokens.
            CREATE TABLE model_cache (
                key            TEXT    PRIMARY KEY CHECK (length(key) = 64),
                provider       TEXT    NOT NULL,
                model          TEXT    NOT NULL,
                template       TEXT    NOT NULL,
                input_sha256   TEXT    NOT NULL,
                content        TEXT    NOT NULL,
                input_tokens   INTEGER NOT NULL,
                output_tokens  INTEGER NOT NULL,
                created_at     TEXT    NOT NULL
            );
            -- Every call (and every cache hit), for budgets and `mailroom costs`. The audit trail holds the
            -- same facts hash-chained; this table is the index that sums them quickly.
            CREATE TABLE model_calls (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                time           TEXT    NOT NULL,
                day            TEXT    NOT NULL,
                message_id     INTEGER REFERENCES messages (id) ON DELETE RESTRICT,
                kind           TEXT    NOT NULL,
                provider       TEXT    NOT NULL,
                model          TEXT    NOT NULL,
                cascade_step   INTEGER NOT NULL,
                input_tokens   INTEGER NOT NULL,
                output_tokens  INTEGER NOT NULL,
                cost           REAL    NOT NULL,
                latency_ms     INTEGER NOT NULL,
                cache_hit      INTEGER NOT NULL,
                redactions     INTEGER NOT NULL,
                outcome        TEXT    NOT NULL
            );
            CREATE INDEX model_calls_by_day ON model_calls (day, provider);
            CREATE INDEX model_calls_by_message ON model_calls (message_id);
            """)
    }
}

extension MailStore {
    public func cachedModelAnswer(key: String) throws -> CachedModelAnswer? {
        try gatewayRead("read the model cache") { db in
            try Row.fetchOne(db, sql: "SELECT content, input_tokens, output_tokens FROM model_cache WHERE key = ?", arguments: [key])
                .map { CachedModelAnswer(content: $0[0], inputTokens: $0[1], outputTokens: $0[2]) }
        }
    }

    public func storeModelAnswer(key: String, provider: String, model: String, template: String, inputSHA256: String,
                                 answer: CachedModelAnswer) throws {
        try gatewayWrite("store a model answer") { db in
            try db.execute(sql: """
                INSERT OR IGNORE INTO model_cache (key, provider, model, template, input_sha256, content, input_tokens, output_tokens, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [key, provider, model, template, inputSHA256, answer.content, answer.inputTokens,
                                 answer.outputTokens, MillisecondTime.string(clock())])
        }
    }

    /// Records a call and its audit event in one transaction.
    @discardableResult
    public func recordModelCall(_ call: ModelCallRecord, audit: AuditDraft?) throws -> AuditEvent? {
        try gatewayWrite("record a model call") { db in
            try db.execute(sql: """
                INSERT INTO model_calls (time, day, message_id, kind, provider, model, cascade_step, input_tokens,
                    output_tokens, cost, latency_ms, cache_hit, redactions, outcome)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [MillisecondTime.string(call.time), MailStore.utcDay(call.time), call.messageID, call.kind,
                                 call.provider, call.model, call.cascadeStep, call.inputTokens, call.outputTokens,
                                 call.cost, call.latencyMilliseconds, call.cacheHit, call.redactions, call.outcome])
            return try audit.map { try self.appendAuditEvent($0, in: db) }
        }
    }

    /// Tokens and cost since the start of the UTC day or month containing `now`, for one provider or all (nil).
    public func modelSpending(provider: String?, since start: Date) throws -> ModelSpending {
        try gatewayRead("sum model spending") { db in
            var sql = "SELECT coalesce(sum(input_tokens + output_tokens), 0), coalesce(sum(cost), 0) FROM model_calls WHERE day >= ?"
            var args: StatementArguments = [MailStore.utcDay(start)]
            if let provider {
                sql += " AND provider = ?"
                args += [provider]
            }
            let row = try Row.fetchOne(db, sql: sql, arguments: args)!
            return ModelSpending(tokens: row[0], cost: row[1])
        }
    }

    public func modelCalls(since: Date?, messageID: Int64?) throws -> [ModelCallRecord] {
        try gatewayRead("read model calls") { db in
            var clauses: [String] = []
            var args: StatementArguments = []
            if let since { clauses.append("time >= ?"); args += [MillisecondTime.string(since)] }
            if let messageID { clauses.append("message_id = ?"); args += [messageID] }
            let sql = "SELECT time, message_id, kind, provider, model, cascade_step, input_tokens, output_tokens, cost, latency_ms, cache_hit, redactions, outcome FROM model_calls"
                + (clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ")) + " ORDER BY id"
            return try Row.fetchAll(db, sql: sql, arguments: args).map { row in
                ModelCallRecord(time: MillisecondTime.date(row[0] as String) ?? Date(timeIntervalSince1970: 0), messageID: row[1],
                                kind: row[2], provider: row[3], model: row[4], cascadeStep: row[5], inputTokens: row[6],
                                outputTokens: row[7], cost: row[8], latencyMilliseconds: row[9], cacheHit: row[10],
                                redactions: row[11], outcome: row[12])
            }
        }
    }

    /// Sums per kind, provider or UTC day.
    public func modelCosts(since: Date?, by grouping: ModelCostGrouping) throws -> [ModelCostLine] {
        let column: String
        switch grouping {
        case .kind: column = "CASE kind WHEN '' THEN '(kind not known yet)' ELSE kind END"
        case .provider: column = "provider || ' (' || model || ')'"
        case .day: column = "day"
        }
        return try gatewayRead("sum model costs") { db in
            var sql = "SELECT \(column) AS k, count(*), sum(cache_hit), sum(input_tokens), sum(output_tokens), sum(cost) FROM model_calls"
            var args: StatementArguments = []
            if let since { sql += " WHERE time >= ?"; args += [MillisecondTime.string(since)] }
            sql += " GROUP BY k ORDER BY k"
            return try Row.fetchAll(db, sql: sql, arguments: args).map {
                ModelCostLine(key: $0[0], calls: $0[1], cacheHits: $0[2], inputTokens: $0[3], outputTokens: $0[4], cost: $0[5])
            }
        }
    }

    package static func utcDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
    }

    private func gatewayWrite<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try groupCommit.write(pool, body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }

    private func gatewayRead<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: operation, reason: MailStore.explain(error))
        }
    }
}
