import Foundation
import Vocabulary

/// `mailroom replay`: decides stored messages again with (possibly changed) rules and reports how the
/// actions differ from those recorded. Never executes anything and never writes to the store.
public enum Replay {
    /// One message whose actions would change.
    public struct MessageDifference: Sendable, Hashable {
        public var messageID: Int64
        public var subject: String?
        public var kind: String
        /// Actions the new rules would take that were not recorded.
        public var added: [IntendedAction]
        /// Recorded actions the new rules would no longer take.
        public var removed: [IntendedAction]
        /// Same rule, position, connector and action, other parameters: (recorded, now).
        public var changed: [(before: IntendedAction, after: IntendedAction)]
        /// Rules that could not be evaluated on this message.
        public var problems: [String]

        public static func == (a: MessageDifference, b: MessageDifference) -> Bool {
            a.messageID == b.messageID && a.added == b.added && a.removed == b.removed
                && a.changed.map(\.before) == b.changed.map(\.before) && a.changed.map(\.after) == b.changed.map(\.after)
        }
        public func hash(into h: inout Hasher) { h.combine(messageID) }

        public var json: JSONValue {
            .object([
                "message_id": .int(messageID), "subject": .optional(subject), "kind": .string(kind),
                "added": .array(added.map(Decision.actionJSON)), "removed": .array(removed.map(Decision.actionJSON)),
                "changed": .array(changed.map { .object(["before": Decision.actionJSON($0.before), "after": Decision.actionJSON($0.after)]) }),
                "problems": .array(problems.map { .string($0) }),
            ])
        }
    }

    public struct Report: Sendable {
        public var messagesReplayed = 0
        public var messagesUnchanged = 0
        public var differences: [MessageDifference] = []
        /// Messages that could not be replayed (no parsed content, no understanding).
        public var skipped: [Int64: String] = [:]

        public var summaryJSON: JSONValue {
            .object(["replayed": .integer(messagesReplayed), "unchanged": .integer(messagesUnchanged),
                     "changed": .integer(differences.count), "skipped": .integer(skipped.count)])
        }
    }

    /// Replays messages received since `since` that reached Decide (decided, done, waiting on their actions, review).
    /// `progress(done, total)` is called after each message.
    public static func run(store: any ReplayStore, decider: Decider, since: Date?,
                           understandingOf: (StoredMessage) throws -> Understanding?,
                           progress: (Int, Int) -> Void = { _, _ in }) throws -> Report {
        let messages = try store.messages(matching: MessageFilter(states: [.decided, .acted, .noAction, .review] + MessageState.outboxStates, since: since))
        let recorded = try store.decisions(messageIDs: messages.map(\.id))
        var report = Report()
        for (n, message) in messages.enumerated() {
            defer { progress(n + 1, messages.count) }
            guard let normalised = message.normalised else {
                report.skipped[message.id] = "no parsed content"
                continue
            }
            let decision = recorded[message.id]
            // A message in review that never got a decision was stopped by Understand (its understanding holds
            // the reasons), or by Decide itself (a rule's `review:`, unmatched quote lines): only the latter is
            // replayed, its recorded actions being none.
            if decision == nil, message.state == .review, message.understanding?.review.isEmpty != true { continue }
            guard let understanding = try understandingOf(message) else {
                report.skipped[message.id] = "no understanding recorded"
                continue
            }
            // The time of the recorded decision, so that `age()` means what it meant then.
            let input = DecisionInput(messageID: message.id, message: normalised, understanding: understanding,
                                      source: message.source, receivedAt: message.receivedAt,
                                      now: decision?.decidedAt ?? Date())
            let now = decider.decide(input)
            report.messagesReplayed += 1
            let diff = compare(recorded: decision?.actions ?? [], now: now.actions)
            let problems = now.problems.map { "\($0.file):\($0.line): rule '\($0.rule)': \($0.message)" }
                + now.review.map { "would go to review: \($0)" }
            if diff.added.isEmpty, diff.removed.isEmpty, diff.changed.isEmpty, problems.isEmpty {
                report.messagesUnchanged += 1
            } else {
                report.differences.append(MessageDifference(messageID: message.id, subject: message.subject,
                                                            kind: understanding.kind, added: diff.added,
                                                            removed: diff.removed, changed: diff.changed, problems: problems))
            }
        }
        return report
    }

    /// Pairs actions by (rule, position, connector, action); the rule file's hash does not count (editing
    /// the file changes it for every action).
    package static func compare(recorded: [IntendedAction], now: [IntendedAction])
        -> (added: [IntendedAction], removed: [IntendedAction], changed: [(before: IntendedAction, after: IntendedAction)]) {
        func key(_ a: IntendedAction) -> String { "\(a.rule)\u{1F}\(a.index)\u{1F}\(a.connector)\u{1F}\(a.action)" }
        var remaining = recorded
        var added: [IntendedAction] = []
        var changed: [(before: IntendedAction, after: IntendedAction)] = []
        for a in now {
            if let i = remaining.firstIndex(where: { key($0) == key(a) }) {
                let before = remaining.remove(at: i)
                if JSONValue.object(before.parameters).canonicalJSON != JSONValue.object(a.parameters).canonicalJSON
                    || before.approval != a.approval {
                    changed.append((before, a))
                }
            } else {
                added.append(a)
            }
        }
        return (added, remaining, changed)
    }

    /// The report as a rule author reads it.
    public static func text(_ report: Report) -> String {
        var out = ""
        func line(_ a: IntendedAction) -> String {
            "rule '\(a.rule)' → \(a.connector) \(a.action) \(JSONValue.object(a.parameters).canonicalJSON)"
                + (a.approval.map { " (approval: \($0))" } ?? "")
        }
        for d in report.differences {
            out += "message \(d.messageID) [\(d.kind)] \(d.subject ?? "(no subject)")\n"
            for a in d.removed { out += "  - \(line(a))\n" }
            for a in d.added { out += "  + \(line(a))\n" }
            for (b, a) in d.changed {
                out += "  ~ rule '\(a.rule)' → \(a.connector) \(a.action)\n"
                out += "      was: \(JSONValue.object(b.parameters).canonicalJSON)\(b.approval.map { " (approval: \($0))" } ?? "")\n"
                out += "      now: \(JSONValue.object(a.parameters).canonicalJSON)\(a.approval.map { " (approval: \($0))" } ?? "")\n"
            }
            for p in d.problems { out += "  ! \(p)\n" }
        }
        out += "\(report.messagesReplayed) message(s) replayed: \(report.differences.count) would change, "
            + "\(report.messagesUnchanged) unchanged"
            + (report.skipped.isEmpty ? "" : ", \(report.skipped.count) skipped") + ". Nothing was executed.\n"
        return out
    }
}

/// What a replay reads: past messages, their decisions and audit events.
public typealias ReplayStore = MessageStore & OutboxStore & AuditLogStore
