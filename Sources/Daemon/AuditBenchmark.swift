import Foundation
import Vocabulary
import Store

/// `mailroom bench audit`: fills a scratch store with the audit trail of many made-up messages (the real hash chain
/// and Merkle leaves, written by the store's own audit writer in large transactions), then times the filtered
/// queries an operator runs (`mailroom audit query …`). Verifying the whole chain is timed by the caller with
/// `mailroom audit verify` on the same store (scripts/bench.py).
public enum AuditBenchmark {
    /// Events per made-up message: received, parsed, understood, decided, finished.
    public static let eventsPerMessage = 5
    static let kinds = ["purchase_order", "invoice", "quotation_request", "delivery_note", "complaint",
                        "order_confirmation", "payment_reminder", "newsletter"]

    public struct Query: Codable, Sendable {
        /// The same filter on the command line: `mailroom audit query <arguments>`.
        public var arguments: String
        /// Events it matched.
        public var matched: Int
        /// The median of `runs` timings of the store query alone (process start and printing excluded).
        public var milliseconds: Double
        public var runs: Int
    }

    public struct Result: Codable, Sendable {
        public var events: Int64
        public var messages: Int64
        /// Seconds the fill took in this run (nil: the store was filled by an earlier run and reused).
        public var fillSeconds: Double?
        public var queries: [Query]

        public init(events: Int64, messages: Int64, fillSeconds: Double?, queries: [Query]) {
            self.events = events
            self.messages = messages
            self.fillSeconds = fillSeconds
            self.queries = queries
        }
    }

    /// Message number `n` of the fill (deterministic, so the query filters below match a known share).
    static func message(_ n: Int) -> MailStore.SyntheticMessage {
        MailStore.SyntheticMessage(
            sender: String(format: "buyer-%04d@customer-%03d.example", n % 5000, n % 300),
            kind: kinds[n % kinds.count], subject: "Order PO-\(100_000 + n)",
            finalState: n % 997 == 0 ? .deadLetter : (n % 11 == 0 ? .noAction : .acted))
    }

    /// Fills `store` until it holds at least `events` audit events, `batch` messages per transaction.
    public static func fill(_ store: MailStore, events: Int, batch: Int = 4000,
                            progress: (Int64) -> Void = { _ in }) throws -> Double? {
        var (have, messages) = try store.auditAndMessageCounts()
        if have >= Int64(events) { return nil }
        let started = ContinuousClock.now
        while have < Int64(events) {
            let missing = (Int64(events) - have + Int64(eventsPerMessage) - 1) / Int64(eventsPerMessage)
            let count = Int(min(Int64(batch), missing))
            let first = Int(messages) + 1
            let appended = try store.recordSyntheticHistory((first..<first + count).map { message($0) },
                                                            actor: AuditActor.mailroom)
            have += Int64(appended)
            messages += Int64(count)
            progress(have)
        }
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Times each filter `runs` times against the store and reports the median.
    public static func queries(_ store: MailStore, runs: Int = 5) throws -> [Query] {
        let (_, messages) = try store.auditAndMessageCounts()
        let middle = max(1, messages / 2)
        let dayAgo = Date().addingTimeInterval(-86_400)
        let filters: [(String, AuditFilter)] = [
            ("--message \(middle)", AuditFilter(messageID: middle)),
            ("--sender buyer-0042@ --kind invoice", AuditFilter(sender: "buyer-0042@", kind: "invoice")),
            ("--event dead_letter", AuditFilter(eventType: "dead_letter")),
            ("--stage act --event dead_letter --since 1d", AuditFilter(stage: "act", eventType: "dead_letter", since: dayAgo)),
            ("--kind complaint --event no_action", AuditFilter(kind: "complaint", eventType: "no_action")),
            ("--text PO-100042", AuditFilter(text: "PO-100042")),
        ]
        return try filters.map { arguments, filter in
            var timings: [Double] = []
            var matched = 0
            for _ in 0..<max(1, runs) {
                let started = ContinuousClock.now
                matched = try store.auditEvents(matching: filter).count
                let elapsed = ContinuousClock.now - started
                timings.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            }
            timings.sort()
            return Query(arguments: arguments, matched: matched, milliseconds: timings[timings.count / 2], runs: timings.count)
        }
    }
}
