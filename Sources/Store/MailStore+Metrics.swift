import Foundation
import GRDB
import Vocabulary

/// What `/metrics` reports as facts of the store, read in one snapshot when it is scraped: they survive a
/// restart because they are counted from the rows, not kept beside them.
public struct StoreMetricsSnapshot: Sendable, Equatable {
    /// Messages per state (every state present, 0 when none).
    public var messageStates: [MessageState: Int]
    /// When the message waiting longest in review last changed; nil when the queue is empty.
    public var oldestReviewSince: Date?
    /// Outbox rows per state (every state present, 0 when none).
    public var outboxStates: [OutboxState: Int]
    /// Attempts beyond the first, summed per connector: how often actions were retried.
    public var outboxRetries: [String: Int]
    /// Model calls summed per provider.
    public var modelUsage: [String: ModelUsage]

    public struct ModelUsage: Sendable, Equatable {
        public var inputTokens: Int
        public var outputTokens: Int
        public var cost: Double
        public init(inputTokens: Int, outputTokens: Int, cost: Double) {
            self.inputTokens = inputTokens
            self.outputTokens = outputTokens
            self.cost = cost
        }
    }
}

extension MailStore {
    /// Counts for `/metrics`, in one read transaction (a consistent picture; writers are not blocked).
    public func metricsSnapshot() throws -> StoreMetricsSnapshot {
        do {
            return try pool.read { db in
                var states = Dictionary(uniqueKeysWithValues: MessageState.allCases.map { ($0, 0) })
                for row in try Row.fetchAll(db, sql: "SELECT state, count(*) FROM messages GROUP BY state") {
                    if let state = MessageState(rawValue: row[0]) { states[state] = row[1] }
                }
                let oldest = try String.fetchOne(db, sql: "SELECT min(updated_at) FROM messages WHERE state = 'review'")
                var outbox = Dictionary(uniqueKeysWithValues: OutboxState.allCases.map { ($0, 0) })
                for row in try Row.fetchAll(db, sql: "SELECT state, count(*) FROM outbox GROUP BY state") {
                    if let state = OutboxState(rawValue: row[0]) { outbox[state] = row[1] }
                }
                var retries: [String: Int] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT connector, coalesce(sum(max(attempts - 1, 0)), 0) FROM outbox GROUP BY connector
                    """) {
                    retries[row[0]] = row[1]
                }
                var usage: [String: StoreMetricsSnapshot.ModelUsage] = [:]
                for row in try Row.fetchAll(db, sql: """
                    SELECT provider, coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0), coalesce(sum(cost), 0)
                    FROM model_calls GROUP BY provider
                    """) {
                    usage[row[0]] = .init(inputTokens: row[1], outputTokens: row[2], cost: row[3])
                }
                return StoreMetricsSnapshot(messageStates: states, oldestReviewSince: oldest.flatMap(MillisecondTime.date),
                                            outboxStates: outbox, outboxRetries: retries, modelUsage: usage)
            }
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: "count for /metrics", reason: MailStore.explain(error))
        }
    }

    /// Throws unless a write can be made now: takes the write lock, creates a table and rolls it back (nothing is
    /// left behind). For `/readyz`; waits at most `busyTimeout` for another writer.
    public func checkWritable() throws {
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    try db.execute(sql: "CREATE TABLE readiness_probe (x INTEGER)")
                    try db.execute(sql: "INSERT INTO readiness_probe (x) VALUES (1)")
                    return .rollback
                }
            }
        } catch let error as DatabaseError {
            throw StoreError.database(path: path, operation: "write (readiness check)", reason: MailStore.explain(error))
        }
    }
}
