import Foundation
import Vocabulary
import Store
import Ingest
import Parse
import Audit

/// Times as an operator types them on the command line: `30m`, `2h`, `7d`, `1w`, `90s` (that long ago),
/// or a date `2026-11-23` / date-time `2026-11-23T08:00:00Z` (UTC).
public enum OperatorTime {
    public static func parse(_ text: String, now: Date = Date()) throws -> Date {
        let t = text.trimmingCharacters(in: .whitespaces)
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604_800]
        if let unit = t.last, let factor = units[unit], let amount = Double(t.dropLast()), amount >= 0 {
            return now.addingTimeInterval(-amount * factor)
        }
        if let date = ISO8601.date(from: t) { return date }
        if t.count == 10, let date = ISO8601.date(from: t + "T00:00:00Z") { return date }
        if let date = ISO8601.date(from: t + "Z") { return date }
        throw OperatorInputError(message: "'\(text)' is not a time: use an age such as 30m, 2h, 7d, 1w, "
            + "or a UTC date such as 2026-11-23 or 2026-11-23T08:00:00Z")
    }

    /// "3 min", "2 h 5 min", "4 days".
    public static func age(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds))
        if s < 60 { return "\(s) s" }
        if s < 3600 { return "\(s / 60) min" }
        if s < 86400 { return "\(s / 3600) h \((s % 3600) / 60) min" }
        return "\(s / 86400) day(s) \((s % 86400) / 3600) h"
    }
}


/// What `mailroom status` shows: counts per state, what is flagged, what is stuck, which sources exist.
public struct StatusReport: Sendable, Codable {
    public struct SourceLine: Sendable, Codable {
        public var name: String
        public var path: String
        /// Files waiting in a Maildir's `new/` or in a drop folder right now; nil when the folder cannot be read.
        public var waitingFiles: Int?
        package enum CodingKeys: String, CodingKey { case name, path, waitingFiles = "waiting_files" }
    }

    /// An outbox row an operator must act on (a dead letter, an action blocked on configuration).
    public struct ActionLine: Sendable, Codable {
        public var outboxID: Int64
        public var messageID: Int64
        public var connector: String
        public var action: String
        public var reason: String
        package enum CodingKeys: String, CodingKey {
            case outboxID = "outbox_id", messageID = "message_id", connector, action, reason
        }
    }

    public var store: String
    public var configFile: String?
    public var counts: [String: Int]
    /// Dead letters: actions given up; each can be retried once its cause is fixed (`mailroom outbox retry ID`).
    public var deadLetters: [ActionLine] = []
    /// Actions waiting for configuration (a connector's secret is not set); they use up no attempts.
    public var blockedActions: [ActionLine] = []
    /// Actions waiting for a retry, and for an approver.
    public var retryingActions: Int = 0
    public var awaitingApproval: Int = 0
    public var total: Int
    public var flagged: Int
    public var oldestUnfinishedID: Int64?
    public var oldestUnfinishedState: String?
    public var oldestUnfinishedAgeSeconds: Double?
    public var sources: [SourceLine]
    /// IMAP folders' triggers (IDLE/polling): state, last contact, lag, and the verdict.
    public var triggers: [TriggerLine] = []
    public var auditEvents: Int64?
    public var auditHead: String?
    /// Whether a daemon runs on this store (lock file and heartbeat).
    public var daemon: DaemonLiveness?
    /// The rule set the running daemon decides with; nil when no daemon runs.
    public var rules: RulesLine?

    /// The running daemon's rule set: its version, since when, the last reload's error, and whether the files on
    /// disk still are that version.
    public struct RulesLine: Sendable, Codable {
        public var version: String
        public var loadedAt: String
        /// The version the files on disk have now.
        public var versionOnDisk: String
        public var changedOnDisk: Bool
        /// When the last reload was refused, and why (the loaded version stayed in use); nil after a success.
        public var reloadFailedAt: String?
        public var reloadError: String?
        package enum CodingKeys: String, CodingKey {
            case version, loadedAt = "loaded_at", versionOnDisk = "version_on_disk", changedOnDisk = "changed_on_disk"
            case reloadFailedAt = "reload_failed_at", reloadError = "reload_error"
        }

        public static func gather(config: MailroomConfig, store: any RuleSetStateStore, daemon: DaemonLiveness?) throws -> RulesLine? {
            guard let daemon, [.running, .stuck].contains(daemon.state), let state = try store.ruleSetState(),
                  state.pid == daemon.pid else { return nil }
            let onDisk = RuleSetVersion.onDisk(rulesDirectory: URL(fileURLWithPath: config.rules.path),
                                               connectorsDirectory: URL(fileURLWithPath: config.rules.connectors))
            return RulesLine(version: state.version, loadedAt: ISO8601.utcString(state.loadedAt), versionOnDisk: onDisk.sha256,
                             changedOnDisk: onDisk.sha256 != state.version,
                             reloadFailedAt: state.error == nil ? nil : ISO8601.utcString(state.attemptedAt), reloadError: state.error)
        }

        public var text: String {
            var out = "Rules:         version \(version.prefix(12)) loaded at \(loadedAt)\n"
            if let reloadError, let reloadFailedAt {
                let lines = reloadError.split(separator: "\n", omittingEmptySubsequences: true)
                out += "               rules NOT reloaded at \(reloadFailedAt) (version \(version.prefix(12)) stays in use): "
                    + (lines.first.map(String.init) ?? "") + "\n"
                for line in lines.dropFirst().prefix(5) { out += "                 \(line)\n" }
                if lines.count > 6 { out += "                 … and \(lines.count - 6) more: mailroom rules check\n" }
            }
            if changedOnDisk {
                out += "               WARNING: rules on disk changed since they were loaded at \(loadedAt) (now version "
                    + "\(versionOnDisk.prefix(12))): run `mailroom reload`\n"
            }
            return out
        }
    }

    package enum CodingKeys: String, CodingKey {
        case store, configFile = "config_file", counts, total, flagged, oldestUnfinishedID = "oldest_unfinished_id"
        case oldestUnfinishedState = "oldest_unfinished_state"
        case oldestUnfinishedAgeSeconds = "oldest_unfinished_age_seconds", sources, triggers
        case auditEvents = "audit_events", auditHead = "audit_head", daemon, rules
        case deadLetters = "dead_letters", blockedActions = "blocked_actions", retryingActions = "retrying_actions"
        case awaitingApproval = "awaiting_approval"
    }

    public static func gather(config: MailroomConfig, store: MailStore, now: Date = Date()) throws -> StatusReport {
        let counts = try store.stateCounts()
        let oldest = try store.messages(inStates: Pipeline.workStates, limit: 1).first
        let head = try store.auditHead()
        var sources: [SourceLine] = []
        for s in config.sources.maildir {
            let names = try? FileManager.default.contentsOfDirectory(atPath: s.path + "/new")
            sources.append(SourceLine(name: s.sourceName, path: s.path,
                                      waitingFiles: names?.filter { !$0.hasPrefix(".") }.count))
        }
        for s in config.sources.drop {
            let names = try? FileManager.default.contentsOfDirectory(atPath: s.path)
            let waiting = names?.filter { name in
                !DropFolderSource.isIgnored(name) && FileStatus.info(s.path + "/" + name)?.isDirectory == false
            }.count
            sources.append(SourceLine(name: s.sourceName, path: s.path, waitingFiles: waiting))
        }
        var byName: [String: Int] = [:]
        for state in MessageState.allCases { byName[state.rawValue] = counts[state] ?? 0 }
        func lines(_ state: OutboxState) throws -> [ActionLine] {
            try store.outboxEntries(states: [state]).map { e in
                ActionLine(outboxID: e.id, messageID: e.messageID, connector: e.action.connector, action: e.action.action,
                           reason: (state == .blocked ? e.decisionReason : e.lastError) ?? "no reason recorded")
            }
        }
        var report = StatusReport(
            store: config.store.path, configFile: config.file, counts: byName,
            total: counts.values.reduce(0, +), flagged: MessageState.flaggedStates.reduce(0) { $0 + (counts[$1] ?? 0) },
            oldestUnfinishedID: oldest?.id, oldestUnfinishedState: oldest?.state.rawValue,
            oldestUnfinishedAgeSeconds: oldest.map { now.timeIntervalSince($0.receivedAt) },
            sources: sources, triggers: try TriggerLine.gather(config: config, store: store, now: now),
            auditEvents: head?.sequence, auditHead: head?.description,
            daemon: try DaemonLiveness.gather(storePath: config.store.path, store: store, now: now))
        report.rules = try RulesLine.gather(config: config, store: store, daemon: report.daemon)
        report.deadLetters = try lines(.dead)
        report.blockedActions = try lines(.blocked)
        report.retryingActions = try store.outboxEntries(states: [.retryWait]).count
        report.awaitingApproval = try store.outboxEntries(states: [.awaitingApproval]).count
        return report
    }

    public var text: String {
        var out = ""
        out += "Configuration: \(configFile ?? "embedded default")\n"
        out += "Store:         \(store) (\(total) message(s))\n"
        if let daemon { out += "Daemon:        \(daemon.summary)\n" }
        if let rules { out += rules.text }
        out += "States:        " + MessageState.allCases.map { "\($0.rawValue) \(counts[$0.rawValue] ?? 0)" }
            .joined(separator: "  ") + "\n"
        let flaggedNames = MessageState.flaggedStates.map(\.rawValue)
        if flagged > 0 {
            out += "Flagged:       \(flagged) need someone ("
                + flaggedNames.map { "\($0) \(counts[$0] ?? 0)" }.joined(separator: ", ")
                + "); see: mailroom messages --state \(flaggedNames.joined(separator: ","))\n"
        } else {
            out += "Flagged:       none\n"
        }
        func actionLines(_ title: String, _ lines: [ActionLine], hint: String) -> String {
            guard !lines.isEmpty else { return "" }
            var text = title.padding(toLength: 15, withPad: " ", startingAt: 0) + "\(lines.count) action(s); \(hint)\n"
            for line in lines.prefix(5) {
                text += "               #\(line.outboxID) (message \(line.messageID), \(line.connector) \(line.action)): \(line.reason)\n"
            }
            if lines.count > 5 { text += "               … and \(lines.count - 5) more: mailroom outbox list\n" }
            return text
        }
        out += actionLines("Dead letters:", deadLetters,
                           hint: "fix the cause, then `mailroom outbox retry ID` (or `mailroom outbox drop ID`)")
        out += actionLines("Blocked:", blockedActions,
                           hint: "waiting for configuration, no attempts used; set it and restart the daemon")
        if retryingActions > 0 || awaitingApproval > 0 {
            out += "Waiting:       \(retryingActions) action(s) for a retry, \(awaitingApproval) for approval"
                + " (mailroom outbox list; mailroom approvals list)\n"
        }
        if let id = oldestUnfinishedID, let state = oldestUnfinishedState, let age = oldestUnfinishedAgeSeconds {
            out += "Unfinished:    oldest is message \(id), \(state), received \(OperatorTime.age(age)) ago\n"
        } else {
            out += "Unfinished:    none\n"
        }
        if sources.isEmpty && triggers.isEmpty { out += "Sources:       none configured\n" }
        for (i, s) in sources.enumerated() {
            let waiting = s.waitingFiles.map { "\($0) file(s) waiting" } ?? "cannot be read"
            out += (i == 0 ? "Sources:       " : "               ") + "\(s.name)  \(s.path)  (\(waiting))\n"
        }
        out += TriggerLine.text(triggers)
        out += "Audit trail:   " + (auditHead.map { "\(auditEvents ?? 0) event(s), head \($0)" } ?? "empty") + "\n"
        return out
    }
}

extension MailroomDaemon.OnceReport {
    /// The per-message summary `run --once` prints.
    public var summaryText: String {
        var out = ""
        for (name, tally) in sources {
            out += "\(name): \(tally.stored) new, \(tally.duplicates) duplicate(s), \(tally.alreadyKnown) already known"
                + (tally.failures.isEmpty ? "" : ", \(tally.failures.count) could not be taken") + "\n"
            for failure in tally.failures { out += "  ! \(failure)\n" }
        }
        if sources.isEmpty { out += "no sources configured\n" }
        out += "\n"
        if messages.isEmpty {
            out += "No messages to process.\n"
        } else {
            out += AuditReport.messagesTable(messages)
            var counts: [MessageState: Int] = [:]
            for m in messages { counts[m.state, default: 0] += 1 }
            out += "\n\(messages.count) message(s): " + MessageState.allCases.compactMap { state in
                counts[state].map { "\(state.rawValue) \($0)" }
            }.joined(separator: ", ") + "\n"
            let flagged = MessageState.flaggedStates.reduce(0) { $0 + (counts[$1] ?? 0) }
            if flagged > 0 {
                out += "\(flagged) flagged: mailroom messages --state \(MessageState.flaggedStates.map(\.rawValue).joined(separator: ","))\n"
            }
        }
        for (id, error) in errors.sorted(by: { $0.key < $1.key }) {
            out += "message \(id) stopped with an error and stays where it was: \(error)\n"
        }
        if interrupted { out += "Interrupted: messages not started yet wait for the next run.\n" }
        return out
    }

    public var summaryJSON: String {
        struct Line: Encodable {
            var id: Int64, state: String, kind: String?, subject: String?, sender: String?
            var flagReason: String?, source: String, location: String
            enum CodingKeys: String, CodingKey {
                case id, state, kind, subject, sender, flagReason = "flag_reason", source, location
            }
        }
        struct Source: Encodable { var name: String; var tally: IngestTally }
        struct Whole: Encodable {
            var sources: [Source]; var messages: [Line]; var errors: [String: String]; var interrupted: Bool
        }
        let whole = Whole(
            sources: sources.map { Source(name: $0.name, tally: $0.tally) },
            messages: messages.map { Line(id: $0.id, state: $0.state.rawValue, kind: $0.kind, subject: $0.subject,
                                          sender: $0.sender, flagReason: $0.flagReason, source: $0.source,
                                          location: $0.location) },
            errors: Dictionary(uniqueKeysWithValues: errors.map { ("\($0.key)", $0.value) }),
            interrupted: interrupted)
        return OperatorJSON.encode(whole)
    }
}

/// JSON for people and scripts: sorted keys, pretty-printed, no escaped slashes.
public enum OperatorJSON {
    public static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(ISO8601.utcString(date))
        }
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// `mailroom messages show ID`: the stored message, its normalised content and its timeline.
public enum MessageDetail {
    public static func text(_ timeline: AuditTimeline) -> String {
        var out = AuditReport.timeline(timeline)
        guard let n = timeline.message.normalised else { return out }
        out += "\nNormalised message:\n"
        out += ParsedMessageText.render(n, indent: "  ")
        return out
    }

    public static func json(_ timeline: AuditTimeline) -> String {
        struct Whole: Encodable {
            var id: Int64, state: String, flagReason: String?, subject: String?, sender: String?, kind: String?
            var source: String, location: String, receivedAt: Date, updatedAt: Date, size: Int, sha256: String
            var normalised: NormalisedMessage?
            var events: [AuditEvent]
            enum CodingKeys: String, CodingKey {
                case id, state, flagReason = "flag_reason", subject, sender, kind, source, location
                case receivedAt = "received_at", updatedAt = "updated_at", size, sha256, normalised, events
            }
        }
        let m = timeline.message
        return OperatorJSON.encode(Whole(
            id: m.id, state: m.state.rawValue, flagReason: m.flagReason, subject: m.subject, sender: m.sender,
            kind: m.kind, source: m.source, location: m.location, receivedAt: m.receivedAt, updatedAt: m.updatedAt,
            size: m.size, sha256: m.contentSHA256, normalised: m.normalised, events: timeline.events))
    }
}

/// A normalised message for reading (what `mailroom parse FILE` prints without --json).
public enum ParsedMessageText {
    public static func render(_ n: NormalisedMessage, indent: String = "") -> String {
        var lines: [String] = []
        func add(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append(indent + (label + ":").padding(toLength: 13, withPad: " ", startingAt: 0) + clean(value))
        }
        func addresses(_ list: [MailAddress]) -> String {
            list.map { a in a.name.map { "\($0) <\(a.address)>" } ?? a.address }.joined(separator: ", ")
        }
        add("Subject", n.subject ?? "(none)")
        add("From", addresses(n.from))
        add("Sender", addresses(n.sender))
        add("To", addresses(n.to))
        add("Cc", addresses(n.cc))
        add("Reply-To", addresses(n.replyTo))
        add("Date", n.date.map(ISO8601.utcString) ?? "(none or unreadable)")
        add("Message-ID", n.messageID)
        add("In-Reply-To", n.inReplyTo)
        add("References", n.references.joined(separator: " "))
        if !n.attachments.isEmpty {
            lines.append(indent + "Attachments (\(n.attachments.count)):")
            for (i, a) in n.attachments.enumerated() {
                let origin = a.origin.map { ", from \($0)" } ?? ""
                lines.append(indent + "  \(i + 1). \(clean(a.filename ?? "(no name)"))  \(a.contentType)  \(a.size) bytes"
                    + "  \(a.disposition ?? "-")  part \(a.part)\(origin)  sha256 \(a.sha256.prefix(12))…")
            }
        }
        if !n.attachedMessages.isEmpty {
            lines.append(indent + "Attached messages (\(n.attachedMessages.count)):")
            for m in n.attachedMessages {
                lines.append(indent + "  - \(clean(m.subject ?? "(no subject)")) from \(addresses(m.from))")
            }
        }
        if !n.overBudget.isEmpty {
            lines.append(indent + "Over budget (read in part):")
            for o in n.overBudget { lines.append(indent + "  - " + clean(o)) }
        }
        if !n.warnings.isEmpty {
            lines.append(indent + "Warnings (\(n.warnings.count)):")
            for w in n.warnings { lines.append(indent + "  - " + clean(w)) }
        }
        lines.append(indent + "Text (\(n.textSource), \(n.text.count) characters):")
        var out = lines.joined(separator: "\n") + "\n"
        if !n.text.isEmpty {
            out += n.text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { indent + "  " + $0 }.joined(separator: "\n") + "\n"
        }
        return out
    }

    package static func clean(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? " " : $0 }))
    }
}

/// `mailroom bench parse DIR`: parse and normalise every file, timing only the parsing.
public enum ParseBenchmark {
    public struct Result: Sendable {
        public var messages: Int
        public var bytes: Int
        public var seconds: Double
        /// Attachments found in all messages (the parse results are used, so none of the work is skipped).
        public var attachments: Int
        public var megabytesPerSecond: Double { seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0 }
        public var messagesPerSecond: Double { seconds > 0 ? Double(messages) / seconds : 0 }
    }

    /// Every regular file under `directory`, recursively, except names starting with a dot; sorted.
    public static func files(in directory: String) throws -> [String] {
        guard FileStatus.info(directory)?.isDirectory == true else {
            throw OperatorInputError(message: "\(directory) is not a folder")
        }
        var out: [String] = []
        var stack = [directory]
        while let folder = stack.popLast() {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: folder)
            } catch {
                throw OperatorInputError(message: "cannot list \(folder): \(FileProblem.describe(error))")
            }
            for name in names where !name.hasPrefix(".") {
                let path = folder + "/" + name
                guard let info = FileStatus.info(path) else { continue }
                if info.isDirectory { stack.append(path) } else if info.isRegular { out.append(path) }
            }
        }
        return out.sorted()
    }

    /// Parses and normalises every message once and measures only that.
    public static func run(messages: [Data]) -> Result {
        let bytes = messages.reduce(0) { $0 + $1.count }
        var attachments = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for raw in messages {
                attachments += MessageParser.parse(raw).normalised.attachments.count
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(messages: messages.count, bytes: bytes, seconds: seconds, attachments: attachments)
    }
}
