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
        /// The kind recorded when the message was understood, when re-understanding found another.
        public var recordedKind: String?
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
                "recorded_kind": .optional(recordedKind),
                "added": .array(added.map(Decision.actionJSON)), "removed": .array(removed.map(Decision.actionJSON)),
                "changed": .array(changed.map { .object(["before": Decision.actionJSON($0.before), "after": Decision.actionJSON($0.after)]) }),
                "problems": .array(problems.map { .string($0) }),
            ])
        }
    }

    /// The understanding a message is decided with in a replay: the one recorded, or a new one when the kind
    /// files changed since (`reunderstood`, with the kind recorded then).
    public struct ReplayUnderstanding: Sendable {
        public var understanding: Understanding
        public var reunderstood: Bool
        public var recordedKind: String?
        public init(understanding: Understanding, reunderstood: Bool = false, recordedKind: String? = nil) {
            self.understanding = understanding
            self.reunderstood = reunderstood
            self.recordedKind = recordedKind
        }
    }

    public struct Report: Sendable {
        public var messagesReplayed = 0
        public var messagesUnchanged = 0
        /// Messages understood anew for this replay (the kind files changed since they were understood).
        public var messagesReunderstood = 0
        /// Re-understood messages whose kind is another now: (message, recorded kind, kind now).
        public var kindChanges: [(messageID: Int64, before: String, after: String)] = []
        public var differences: [MessageDifference] = []
        /// Messages that could not be replayed, with the reason (not understood yet, failed, held for a person
        /// before any rule ran, no parsed content …).
        public var skipped: [Int64: String] = [:]

        public var summaryJSON: JSONValue {
            .object(["replayed": .integer(messagesReplayed), "unchanged": .integer(messagesUnchanged),
                     "changed": .integer(differences.count), "reunderstood": .integer(messagesReunderstood),
                     "kind_changes": .array(kindChanges.map {
                         .object(["message_id": .int($0.messageID), "before": .string($0.before), "after": .string($0.after)])
                     }),
                     "skipped": .integer(skipped.count),
                     "skipped_messages": .array(skipped.keys.sorted().map {
                         .object(["message_id": .int($0), "reason": .string(skipped[$0] ?? "")])
                     })])
        }
    }

    /// Replays every message received since `since`: those that reached Decide are decided again and compared
    /// with what was recorded; a message held for a person before any rule ran is replayed when it is
    /// understood anew without a reason to hold it (recorded actions: none). Every other message is reported
    /// as skipped with its reason, never left out silently. `progress(done, total)` is called after each message.
    public static func run(store: any ReplayStore, decider: Decider, since: Date?,
                           understandingOf: (StoredMessage) async throws -> ReplayUnderstanding?,
                           progress: (Int, Int) -> Void = { _, _ in }) async throws -> Report {
        let messages = try store.messages(matching: MessageFilter(since: since))
        let recorded = try store.decisions(messageIDs: messages.map(\.id))
        var report = Report()
        for (n, message) in messages.enumerated() {
            defer { progress(n + 1, messages.count) }
            switch message.state {
            case .received, .parsed, .understood:
                report.skipped[message.id] = "not decided yet (\(message.state.rawValue)); the daemon has not finished it"
                continue
            case .failed:
                report.skipped[message.id] = "failed" + (message.flagReason.map { ": \($0)" } ?? "")
                continue
            default: break
            }
            guard let normalised = message.normalised else {
                report.skipped[message.id] = "no parsed content"
                continue
            }
            let decision = recorded[message.id]
            guard let replayed = try await understandingOf(message) else {
                report.skipped[message.id] = "no understanding recorded"
                continue
            }
            var understanding = replayed.understanding
            if replayed.reunderstood {
                report.messagesReunderstood += 1
                if let before = replayed.recordedKind, before != understanding.kind {
                    report.kindChanges.append((message.id, before, understanding.kind))
                }
            }
            // Held for a person before any rule ran (Understand's reasons): nothing to compare unless the mail is
            // understood anew without those reasons.
            if decision == nil, message.state == .review {
                let reasons = replayed.reunderstood ? understanding.review : (message.understanding?.review ?? [])
                if !reasons.isEmpty {
                    report.skipped[message.id] = "held for a person before any rule ran: " + reasons.joined(separator: "; ")
                    continue
                }
            }
            // Understood anew, the mail would now be held for a person before any rule runs: its recorded
            // actions would not be taken.
            if replayed.reunderstood, !understanding.review.isEmpty {
                report.messagesReplayed += 1
                report.differences.append(MessageDifference(
                    messageID: message.id, subject: message.subject, kind: understanding.kind,
                    recordedKind: replayed.recordedKind.flatMap { $0 == understanding.kind ? nil : $0 },
                    added: [], removed: decision?.actions ?? [], changed: [],
                    problems: ["would be held for a person before any rule runs: " + understanding.review.joined(separator: "; ")]))
                continue
            }
            understanding.review = []
            // The time of the recorded decision, so that `age()` means what it meant then.
            let input = DecisionInput(messageID: message.id, message: normalised, understanding: understanding,
                                      source: message.source, receivedAt: message.receivedAt,
                                      now: decision?.decidedAt ?? Date())
            let now = decider.decide(input)
            report.messagesReplayed += 1
            let diff = compare(recorded: decision?.actions ?? [], now: now.actions)
            let problems = now.problems.map { "\($0.file):\($0.line): rule '\($0.rule)': \($0.message)" }
                + now.review.map { "would go to review: \($0)" }
            let kindChanged = replayed.reunderstood && replayed.recordedKind.map { $0 != understanding.kind } == true
            if diff.added.isEmpty, diff.removed.isEmpty, diff.changed.isEmpty, problems.isEmpty, !kindChanged {
                report.messagesUnchanged += 1
            } else {
                report.differences.append(MessageDifference(messageID: message.id, subject: message.subject,
                                                            kind: understanding.kind,
                                                            recordedKind: kindChanged ? replayed.recordedKind : nil,
                                                            added: diff.added, removed: diff.removed, changed: diff.changed,
                                                            problems: problems))
            }
        }
        return report
    }

    /// Replays with the understanding recorded for each message (no kind-file changes considered).
    public static func run(store: any ReplayStore, decider: Decider, since: Date?,
                           understandingOf: (StoredMessage) throws -> Understanding?,
                           progress: (Int, Int) -> Void = { _, _ in }) async throws -> Report {
        try await run(store: store, decider: decider, since: since,
                      understandingOf: { (m: StoredMessage) async throws -> ReplayUnderstanding? in
                          try understandingOf(m).map { ReplayUnderstanding(understanding: $0) }
                      }, progress: progress)
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
            let kind = d.recordedKind.map { "\($0) → \(d.kind)" } ?? d.kind
            out += "message \(d.messageID) [\(kind)] \(d.subject ?? "(no subject)")\n"
            for a in d.removed { out += "  - \(line(a))\n" }
            for a in d.added { out += "  + \(line(a))\n" }
            for (b, a) in d.changed {
                out += "  ~ rule '\(a.rule)' → \(a.connector) \(a.action)\n"
                out += "      was: \(JSONValue.object(b.parameters).canonicalJSON)\(b.approval.map { " (approval: \($0))" } ?? "")\n"
                out += "      now: \(JSONValue.object(a.parameters).canonicalJSON)\(a.approval.map { " (approval: \($0))" } ?? "")\n"
            }
            for p in d.problems { out += "  ! \(p)\n" }
        }
        if !report.skipped.isEmpty {
            out += "skipped (not replayed):\n"
            let ids = report.skipped.keys.sorted()
            for id in ids.prefix(20) { out += "  message \(id): \(report.skipped[id] ?? "")\n" }
            if ids.count > 20 { out += "  … and \(ids.count - 20) more (`--json` lists them all)\n" }
        }
        out += "\(report.messagesReplayed) message(s) replayed: \(report.differences.count) would change, "
            + "\(report.messagesUnchanged) unchanged"
            + (report.skipped.isEmpty ? "" : ", \(report.skipped.count) skipped")
            + (report.messagesReunderstood == 0 ? "" : "; \(report.messagesReunderstood) understood anew from the stored parse (offline)"
                + (report.kindChanges.isEmpty ? "" : " (\(report.kindChanges.count) of another kind now)"))
            + ". Nothing was executed.\n"
        return out
    }
}

/// What a replay reads: past messages, their decisions and audit events.
public typealias ReplayStore = MessageStore & OutboxStore & AuditLogStore
