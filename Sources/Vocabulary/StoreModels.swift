import Foundation

/// Where a message stands. The store enforces the legal moves (`canMove(to:)`).
///
/// ```
/// received → parsed → understood → decided → acted | no_action                  (done)
///     └────────┴──────────┴───────────┴──→ review | failed        (from any non-terminal state)
/// decided → waiting | approval | blocked | dead_letter            (the outbox still has work, or gave up)
/// waiting | approval | blocked | dead_letter → one another | acted  (the outbox worker, as actions move on)
/// review → understood | decided | acted | no_action | failed       (a person decided later)
/// review → waiting | approval | blocked | dead_letter              (left in review by an earlier Mailroom)
/// acted | no_action | dead_letter → review                         (a person reopens it)
/// failed → received                                                 (an operator retries)
/// ```
///
/// What each says is true: `review` — a person must look (the reason says why); `waiting` — an action waits
/// for a retry (next attempt and last error in the reason); `approval` — an action waits for an approver;
/// `blocked` — an action waits for configuration (a connector's secret is not set) and uses up no attempts;
/// `dead_letter` — an action was given up (`mailroom outbox retry ID` after fixing the cause); `acted` — done,
/// with actions; `no_action` — done, no rule asked for an action.
public enum MessageState: String, Codable, Sendable, CaseIterable {
    case received, parsed, understood, decided, acted
    case noAction = "no_action"
    case waiting, approval, blocked
    case deadLetter = "dead_letter"
    case review, failed

    /// No pipeline worker picks the message up by itself any more: it is done, waits for a person, or its
    /// actions are in the outbox's hands (the outbox worker moves it on).
    public var isTerminal: Bool {
        switch self {
        case .received, .parsed, .understood, .decided: return false
        default: return true
        }
    }

    /// The states in which a message's actions are in the outbox and not all final (or one was given up);
    /// the outbox worker keeps the state and its reason current.
    public static let outboxStates: [MessageState] = [.waiting, .approval, .blocked, .deadLetter]

    /// Someone must do something: a person reviews, an operator fixes a failure, a dead letter or a missing secret.
    public var needsSomeone: Bool {
        switch self {
        case .review, .failed, .deadLetter, .blocked: return true
        default: return false
        }
    }

    /// The states that need someone, in the order `status` lists them.
    public static let flaggedStates: [MessageState] = allCases.filter(\.needsSomeone)

    /// Done: nothing more happens to the message unless a person reopens it.
    public var isDone: Bool { self == .acted || self == .noAction }

    /// The states this one may move to.
    public var allowedNextStates: [MessageState] {
        switch self {
        case .received: return [.parsed, .review, .failed]
        case .parsed: return [.understood, .review, .failed]
        case .understood: return [.decided, .review, .failed]
        case .decided: return [.acted, .noAction, .waiting, .approval, .blocked, .deadLetter, .review, .failed]
        // A person reopens a finished message to correct it (`mailroom review reopen`).
        case .acted, .noAction: return [.review]
        case .waiting, .approval, .blocked, .deadLetter:
            return ([.acted, .review, .failed] + Self.outboxStates).filter { $0 != self }
        // A person decided later; or (the outbox states) a message an earlier Mailroom left in review while
        // its actions waited, moved to the state that says what it waits for.
        case .review: return [.understood, .decided, .acted, .noAction, .failed] + Self.outboxStates
        case .failed: return [.received]
        }
    }

    public func canMove(to next: MessageState) -> Bool {
        allowedNextStates.contains(next)
    }

    /// A few words an operator reads beside the state's name.
    public var meaning: String {
        switch self {
        case .received: return "stored, not parsed yet"
        case .parsed: return "parsed, not understood yet"
        case .understood: return "understood, not decided yet"
        case .decided: return "decided, actions not started yet"
        case .acted: return "done, with actions"
        case .noAction: return "done, no rule asked for an action"
        case .waiting: return "an action waits for a retry"
        case .approval: return "an action waits for approval"
        case .blocked: return "an action waits for configuration"
        case .deadLetter: return "an action was given up (dead letter)"
        case .review: return "a person must look"
        case .failed: return "could not be processed"
        }
    }
}

/// A raw message that has just been made durable in the spool, as Ingest reports it to the store.
public struct ReceivedMessage: Sendable, Hashable {
    /// Configured source name, e.g. "maildir:inbox", "drop:scans", "file".
    public var source: String
    /// Stable location within the source (Maildir unique name, dropped file name + mtime, path#index for mbox).
    public var location: String
    /// Lower-case hex SHA-256 of the raw bytes.
    public var contentSHA256: String
    public var size: Int
    public var receivedAt: Date

    public init(source: String, location: String, contentSHA256: String, size: Int, receivedAt: Date) {
        self.source = source
        self.location = location
        self.contentSHA256 = contentSHA256
        self.size = size
        self.receivedAt = receivedAt
    }
}

public enum ReceiveOutcome: Sendable, Equatable {
    /// A new message row was created, in state `received`.
    case stored(messageID: Int64)
    /// The location or the content was already known; nothing new to process.
    case duplicate(messageID: Int64)

    public var messageID: Int64 {
        switch self {
        case .stored(let id), .duplicate(let id): return id
        }
    }

    public var isDuplicate: Bool {
        if case .duplicate = self { return true }
        return false
    }
}

/// A message as the store knows it.
public struct StoredMessage: Sendable {
    public var id: Int64
    public var contentSHA256: String
    public var size: Int
    public var state: MessageState
    /// The first source and location the message was seen at (`MailStore.sources(ofMessage:)` lists all).
    public var source: String
    public var location: String
    public var receivedAt: Date
    public var updatedAt: Date
    public var subject: String?
    public var sender: String?
    public var kind: String?
    /// Why a message is in review or failed, in operator words.
    public var flagReason: String?
    /// Decoded from the stored JSON, once parsed.
    public var normalised: NormalisedMessage?
    /// How many times a worker started on this message in its current state (`MailStore.recordAttempt`);
    /// reset to 0 by every transition. A number that keeps growing means the message crashes its stage.
    public var attempts: Int
    /// What Understand concluded (kind, fields, groundings, steps, review reasons), once understood.
    public var understanding: Understanding?

    public init(id: Int64, contentSHA256: String, size: Int, state: MessageState, source: String,
                location: String, receivedAt: Date, updatedAt: Date, subject: String? = nil,
                sender: String? = nil, kind: String? = nil, flagReason: String? = nil,
                normalised: NormalisedMessage? = nil, attempts: Int = 0, understanding: Understanding? = nil) {
        self.id = id
        self.contentSHA256 = contentSHA256
        self.size = size
        self.state = state
        self.source = source
        self.location = location
        self.receivedAt = receivedAt
        self.updatedAt = updatedAt
        self.subject = subject
        self.sender = sender
        self.kind = kind
        self.flagReason = flagReason
        self.normalised = normalised
        self.attempts = attempts
        self.understanding = understanding
    }
}

/// One place a message was seen at.
public struct MessageSourceRecord: Sendable, Hashable {
    public var source: String
    public var location: String
    public var firstSeen: Date

    public init(source: String, location: String, firstSeen: Date) {
        self.source = source
        self.location = location
        self.firstSeen = firstSeen
    }
}

/// Fields a stage sets along with a transition; nil = unchanged.
///
/// `flagReason` is the exception to "nil = unchanged" in one direction: moving to a state other than
/// review or failed clears the old reason unless a new one is given, so a reason never outlives its state.
public struct MessageUpdate: Sendable {
    public var subject: String?
    public var sender: String?
    public var kind: String?
    public var flagReason: String?
    public var normalised: NormalisedMessage?
    /// Parse's reading of each attachment, parallel to `normalised.attachments`.
    public var documents: [DocumentText]?
    /// Understand's result (stored as JSON beside the kind).
    public var understanding: Understanding?

    public init(subject: String? = nil, sender: String? = nil, kind: String? = nil, flagReason: String? = nil,
                normalised: NormalisedMessage? = nil, documents: [DocumentText]? = nil, understanding: Understanding? = nil) {
        self.subject = subject
        self.sender = sender
        self.kind = kind
        self.flagReason = flagReason
        self.normalised = normalised
        self.documents = documents
        self.understanding = understanding
    }
}

/// Which messages to list. Empty or nil fields do not filter.
public struct MessageFilter: Sendable {
    public var states: [MessageState]
    /// Messages seen at this configured source (any of their locations).
    public var source: String?
    /// Received at or after.
    public var since: Date?
    /// Received before.
    public var until: Date?
    /// Case-insensitive (ASCII) substring of the subject or the sender.
    public var text: String?
    public var kind: String?
    public var limit: Int?
    public var offset: Int
    /// Oldest first by default, as the pipeline processes them.
    public var newestFirst: Bool

    public init(states: [MessageState] = [], source: String? = nil, since: Date? = nil, until: Date? = nil,
                text: String? = nil, kind: String? = nil, limit: Int? = nil, offset: Int = 0,
                newestFirst: Bool = false) {
        self.states = states
        self.source = source
        self.since = since
        self.until = until
        self.text = text
        self.kind = kind
        self.limit = limit
        self.offset = offset
        self.newestFirst = newestFirst
    }
}

/// What a stage wants written into the audit trail; the store adds sequence, time and hashes.
public struct AuditDraft: Sendable {
    public var messageID: Int64?
    /// Pipeline stage: "ingest", "parse", "understand", "decide", "act", "operator", …
    public var stage: String
    /// Who or what acted: a component and version, a rule file, a model, or a person.
    public var actor: String
    public var eventType: String
    public var details: [String: JSONValue]

    public init(messageID: Int64?, stage: String, actor: String, eventType: String,
                details: [String: JSONValue] = [:]) {
        self.messageID = messageID
        self.stage = stage
        self.actor = actor
        self.eventType = eventType
        self.details = details
    }
}

/// One event of the hash-chained audit trail, exactly as stored.
public struct AuditEvent: Sendable, Codable, Hashable {
    public var sequence: Int64
    /// ISO 8601 UTC with milliseconds, e.g. "2026-11-23T08:02:43.123Z".
    public var time: String
    public var messageID: Int64?
    public var stage: String
    public var actor: String
    public var eventType: String
    /// Canonical JSON, sorted keys.
    public var details: String
    public var previousHash: String
    public var hash: String

    public init(sequence: Int64, time: String, messageID: Int64?, stage: String, actor: String,
                eventType: String, details: String, previousHash: String, hash: String) {
        self.sequence = sequence
        self.time = time
        self.messageID = messageID
        self.stage = stage
        self.actor = actor
        self.eventType = eventType
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }

    package enum CodingKeys: String, CodingKey {
        case sequence, time, messageID = "message_id", stage, actor, eventType = "event_type", details
        case previousHash = "previous_hash", hash
    }

    /// The details parsed back into a value; nil when the stored text is not JSON (it was tampered with).
    public var detailsValue: [String: JSONValue]? {
        (try? JSONValue(parsing: details))?.objectValue
    }
}

/// The last event of the trail, as an auditor notes it to check later that nothing was cut off.
public struct AuditHead: Sendable, Hashable, Codable, CustomStringConvertible {
    public var sequence: Int64
    public var hash: String

    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }

    /// "1234:9f86d08…" — the form `audit head` prints and `audit verify --expect-head` reads.
    public var description: String { "\(sequence):\(hash)" }

    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let seq = Int64(parts[0]), seq > 0 else { return nil }
        let hash = parts[1].lowercased()
        guard hash.count == 64, hash.allSatisfy(\.isHexDigit) else { return nil }
        self.init(sequence: seq, hash: hash)
    }
}

/// Which audit events to return. Empty or nil fields do not filter. Events come back in sequence order.
public struct AuditFilter: Sendable {
    public var messageID: Int64?
    /// Case-insensitive (ASCII) substring of the message's sender.
    public var sender: String?
    /// The message's kind, exactly.
    public var kind: String?
    public var stage: String?
    public var actor: String?
    public var eventType: String?
    /// Event time at or after.
    public var since: Date?
    /// Event time before.
    public var until: Date?
    /// Case-insensitive (ASCII) substring of the details JSON.
    public var text: String?
    /// Only events after this sequence number (for paging and following).
    public var afterSequence: Int64?
    public var limit: Int?

    public init(messageID: Int64? = nil, sender: String? = nil, kind: String? = nil, stage: String? = nil,
                actor: String? = nil, eventType: String? = nil, since: Date? = nil, until: Date? = nil,
                text: String? = nil, afterSequence: Int64? = nil, limit: Int? = nil) {
        self.messageID = messageID
        self.sender = sender
        self.kind = kind
        self.stage = stage
        self.actor = actor
        self.eventType = eventType
        self.since = since
        self.until = until
        self.text = text
        self.afterSequence = afterSequence
        self.limit = limit
    }
}

/// Timestamps as the store and the audit trail write them: ISO 8601, UTC, milliseconds, fixed width
/// ("2026-11-23T08:02:43.123Z"), so that text order is time order.
public enum MillisecondTime {
    public static func string(_ date: Date) -> String {
        // Nearest millisecond: truncation would turn 1.235 (stored as 1.23499…) into 1.234.
        let totalMs = Int64((date.timeIntervalSince1970 * 1000).rounded())
        var days = totalMs / 86_400_000
        var msOfDay = totalMs % 86_400_000
        if msOfDay < 0 {
            msOfDay += 86_400_000
            days -= 1
        }
        let (y, m, d) = civilDate(daysSinceEpoch: days)
        let hour = msOfDay / 3_600_000
        let minute = (msOfDay / 60_000) % 60
        let second = (msOfDay / 1000) % 60
        let ms = msOfDay % 1000
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(hour, 2) + ":" + pad(minute, 2) + ":"
            + pad(second, 2) + "." + pad(ms, 3) + "Z"
    }

    /// Reads the fixed form written by `string(_:)`; also accepts no fraction ("…T08:02:43Z").
    public static func date(_ text: String) -> Date? {
        let b = Array(text.utf8)
        func num(_ from: Int, _ count: Int) -> Int64? {
            guard from + count <= b.count else { return nil }
            var v: Int64 = 0
            for i in from..<(from + count) {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                v = v * 10 + Int64(b[i] - 48)
            }
            return v
        }
        guard b.count >= 20, b[4] == 45, b[7] == 45, b[10] == 84, b[13] == 58, b[16] == 58,
              let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2),
              let mi = num(14, 2), let s = num(17, 2),
              (1...12).contains(mo), (1...31).contains(d), h < 24, mi < 60, s < 61
        else { return nil }
        var ms: Int64 = 0
        var index = 19
        if b[index] == 46 {  // "."
            index += 1
            var digits = 0
            while index < b.count, b[index] >= 48, b[index] <= 57 {
                if digits < 3 { ms = ms * 10 + Int64(b[index] - 48) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in 0..<max(0, 3 - digits) { ms *= 10 }
        }
        guard index == b.count - 1, b[index] == 90 else { return nil }  // "Z"
        let days = daysSinceEpoch(year: y, month: mo, day: d)
        let totalMs = ((days * 24 + h) * 60 + mi) * 60_000 + s * 1000 + ms
        return Date(timeIntervalSince1970: Double(totalMs) / 1000)
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    /// Year, month and day of a day counted from 1970-01-01 in the proleptic Gregorian calendar (Howard
    /// Hinnant's civil-from-days), without Foundation's calendars: used for store times and spreadsheet dates.
    package static func civilDate(daysSinceEpoch z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }

    private static func daysSinceEpoch(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
