// TEMPORARY PLACEHOLDER — delete when main carries the real Store/Audit (branch store-audit) and
// MessageParser (branch parse-mime).
//
// Minimal versions of the contract types in CONTEXT.md so that Ingest, Daemon and the CLI build and test
// before the colleagues' branches are merged. The store keeps its state in one JSON file at `path` (guarded
// by flock so that several processes can share it); the parser reads only the header block. Nothing here is
// meant to survive the merge.

import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public enum MessageState: String, Codable, Sendable, CaseIterable {
    case received, parsed, understood, decided, acted, review, failed
    public var isTerminal: Bool { self == .acted || self == .review || self == .failed }
}

public enum JSONValue: Sendable, Hashable, Codable {
    case null, bool(Bool), number(Double), int(Int64), string(String), array([JSONValue]), object([String: JSONValue])

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .null: try c.encodeNil()
        case .bool(let b): try c.encode(b)
        case .number(let d): try c.encode(d)
        case .int(let i): try c.encode(i)
        case .string(let s): try c.encode(s)
        case .array(let a): try c.encode(a)
        case .object(let o): try c.encode(o)
        }
    }

    public static func canonicalJSON(_ object: [String: JSONValue]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(object)) ?? Data("{}".utf8), as: UTF8.self)
    }
}

public struct ReceivedMessage: Sendable {
    public var source: String
    public var location: String
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
    case stored(messageID: Int64), duplicate(messageID: Int64)
}

public struct StoredMessage: Sendable, Codable {
    public var id: Int64
    public var contentSHA256: String
    public var size: Int
    public var state: MessageState
    public var source: String
    public var location: String
    public var receivedAt: Date
    public var updatedAt: Date
    public var subject: String?
    public var sender: String?
    public var kind: String?
    public var flagReason: String?
    public var normalised: NormalisedMessage?
}

public struct MessageUpdate: Sendable {
    public var subject: String?
    public var sender: String?
    public var kind: String?
    public var flagReason: String?
    public var normalised: NormalisedMessage?
    public init(subject: String? = nil, sender: String? = nil, kind: String? = nil, flagReason: String? = nil,
                normalised: NormalisedMessage? = nil) {
        self.subject = subject
        self.sender = sender
        self.kind = kind
        self.flagReason = flagReason
        self.normalised = normalised
    }
}

public struct MessageFilter: Sendable {
    public var states: [MessageState]
    public var source: String?
    public var since: Date?
    public var limit: Int?
    public init(states: [MessageState] = [], source: String? = nil, since: Date? = nil, limit: Int? = nil) {
        self.states = states
        self.source = source
        self.since = since
        self.limit = limit
    }
}

public struct AuditDraft: Sendable {
    public var messageID: Int64?
    public var stage: String
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

public struct AuditEvent: Sendable, Codable {
    public var sequence: Int64
    public var time: String
    public var messageID: Int64?
    public var stage: String
    public var actor: String
    public var eventType: String
    public var details: String
    public var previousHash: String
    public var hash: String
    enum CodingKeys: String, CodingKey {
        case sequence, time, messageID = "message_id", stage, actor, eventType = "event_type", details
        case previousHash = "previous_hash", hash
    }
}

public struct AuditFilter: Sendable {
    public var messageID: Int64?
    public var sender: String?
    public var kind: String?
    public var stage: String?
    public var actor: String?
    public var eventType: String?
    public var since: Date?
    public var until: Date?
    public var text: String?
    public init(messageID: Int64? = nil, sender: String? = nil, kind: String? = nil, stage: String? = nil,
                actor: String? = nil, eventType: String? = nil, since: Date? = nil, until: Date? = nil,
                text: String? = nil) {
        self.messageID = messageID
        self.sender = sender
        self.kind = kind
        self.stage = stage
        self.actor = actor
        self.eventType = eventType
        self.since = since
        self.until = until
        self.text = text
    }
}

public struct AuditHead: Sendable, Hashable, CustomStringConvertible {
    public var sequence: Int64
    public var hash: String
    public init(sequence: Int64, hash: String) {
        self.sequence = sequence
        self.hash = hash
    }
    public var description: String { "\(sequence):\(hash)" }
    public init?(_ text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let seq = Int64(parts[0]), parts[1].count == 64 else { return nil }
        self.init(sequence: seq, hash: String(parts[1]).lowercased())
    }
}

public enum StoreError: Error, Sendable, CustomStringConvertible {
    case stateConflict(messageID: Int64, expected: MessageState, actual: MessageState)
    case messageNotFound(messageID: Int64)
    case database(path: String, operation: String, reason: String)
    public var description: String {
        switch self {
        case let .stateConflict(id, expected, actual): return "message \(id) is \(actual.rawValue), not \(expected.rawValue)"
        case let .messageNotFound(id): return "there is no message \(id) in the store"
        case let .database(path, operation, reason): return "store \(path): could not \(operation): \(reason)"
        }
    }
}

public struct Spool: Sendable {
    public let directory: String

    public init(directory: String) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    public func path(sha256: String) -> String {
        "\(directory)/\(sha256.prefix(2))/\(sha256.dropFirst(2).prefix(2))/\(sha256).eml"
    }

    @discardableResult
    public func store(_ raw: Data) throws -> (sha256: String, path: String) {
        let sha = SHA256.hash(data: raw).map { String(format: "%02x", $0) }.joined()
        let p = path(sha256: sha)
        if !FileManager.default.fileExists(atPath: p) {
            try FileManager.default.createDirectory(atPath: (p as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try raw.write(to: URL(fileURLWithPath: p), options: .atomic)
        }
        return (sha, p)
    }

    public func store(contentsOf file: URL) throws -> (sha256: String, size: Int, path: String) {
        let data = try Data(contentsOf: file)
        let (sha, p) = try store(data)
        return (sha, data.count, p)
    }

    public func read(sha256: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(sha256: sha256)))
    }
}

private struct PlaceholderStoreFile: Codable {
    var messages: [StoredMessage] = []
    var locations: [String: Int64] = [:]  // "source\u{0}location" → id
    var events: [AuditEvent] = []
}

public final class MailStore: Sendable {
    public let path: String

    public init(path: String) throws {
        self.path = path
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true) }
        try withFile { _ in }
    }

    private func withFile<T>(_ body: (inout PlaceholderStoreFile) throws -> T) throws -> T {
        let lockFD = open(path + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lockFD >= 0 else { throw StoreError.database(path: path, operation: "lock", reason: String(cString: strerror(errno))) }
        defer { close(lockFD) }
        flock(lockFD, LOCK_EX)
        defer { flock(lockFD, LOCK_UN) }
        var file = PlaceholderStoreFile()
        if let data = FileManager.default.contents(atPath: path), !data.isEmpty {
            file = try JSONDecoder().decode(PlaceholderStoreFile.self, from: data)
        }
        let before = try JSONEncoder().encode(file)
        let result = try body(&file)
        let after = try JSONEncoder().encode(file)
        if after != before || !FileManager.default.fileExists(atPath: path) {
            try after.write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        return result
    }

    private static func append(_ draft: AuditDraft, to file: inout PlaceholderStoreFile) {
        let previous = file.events.last?.hash ?? String(repeating: "0", count: 64)
        let seq = Int64(file.events.count + 1)
        let time = ISO8601.utcString(Date())
        let details = JSONValue.canonicalJSON(draft.details)
        let text = [String(seq), time, draft.messageID.map(String.init) ?? "", draft.stage, draft.actor, draft.eventType,
                    details, previous].joined(separator: "\u{0}")
        let hash = SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
        file.events.append(AuditEvent(sequence: seq, time: time, messageID: draft.messageID, stage: draft.stage,
                                      actor: draft.actor, eventType: draft.eventType, details: details,
                                      previousHash: previous, hash: hash))
    }

    static func expectedHash(_ e: AuditEvent) -> String {
        let text = [String(e.sequence), e.time, e.messageID.map(String.init) ?? "", e.stage, e.actor, e.eventType,
                    e.details, e.previousHash].joined(separator: "\u{0}")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    public func recordReceived(_ message: ReceivedMessage, actor: String) throws -> ReceiveOutcome {
        try withFile { file in
            let key = message.source + "\u{0}" + message.location
            var details: [String: JSONValue] = ["source": .string(message.source), "location": .string(message.location),
                                                "sha256": .string(message.contentSHA256)]
            if let id = file.locations[key] {
                MailStore.append(AuditDraft(messageID: id, stage: "ingest", actor: actor, eventType: "duplicate",
                                            details: details), to: &file)
                return .duplicate(messageID: id)
            }
            if let existing = file.messages.first(where: { $0.contentSHA256 == message.contentSHA256 }) {
                file.locations[key] = existing.id
                MailStore.append(AuditDraft(messageID: existing.id, stage: "ingest", actor: actor, eventType: "duplicate",
                                            details: details), to: &file)
                return .duplicate(messageID: existing.id)
            }
            let id = Int64(file.messages.count + 1)
            file.messages.append(StoredMessage(id: id, contentSHA256: message.contentSHA256, size: message.size,
                                               state: .received, source: message.source, location: message.location,
                                               receivedAt: message.receivedAt, updatedAt: Date()))
            file.locations[key] = id
            details["to"] = "received"
            MailStore.append(AuditDraft(messageID: id, stage: "ingest", actor: actor, eventType: "received",
                                        details: details), to: &file)
            return .stored(messageID: id)
        }
    }

    public func isKnown(source: String, location: String) throws -> Bool {
        try withFile { $0.locations[source + "\u{0}" + location] != nil }
    }

    public func message(id: Int64) throws -> StoredMessage? {
        try withFile { file in file.messages.first { $0.id == id } }
    }

    public func messages(inStates states: [MessageState], limit: Int) throws -> [StoredMessage] {
        try messages(matching: MessageFilter(states: states, limit: limit))
    }

    public func messages(matching filter: MessageFilter) throws -> [StoredMessage] {
        try withFile { file in
            var result = file.messages.filter { m in
                (filter.states.isEmpty || filter.states.contains(m.state))
                    && (filter.source == nil || m.source == filter.source)
                    && (filter.since == nil || m.receivedAt >= filter.since!)
            }
            result.sort { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
            if let limit = filter.limit { result = Array(result.prefix(limit)) }
            return result
        }
    }

    public func transition(_ id: Int64, from: MessageState, to: MessageState, update: MessageUpdate,
                           audit: AuditDraft) throws {
        try withFile { file in
            guard let index = file.messages.firstIndex(where: { $0.id == id }) else {
                throw StoreError.messageNotFound(messageID: id)
            }
            guard file.messages[index].state == from else {
                throw StoreError.stateConflict(messageID: id, expected: from, actual: file.messages[index].state)
            }
            var m = file.messages[index]
            m.state = to
            m.updatedAt = Date()
            if let v = update.subject { m.subject = v }
            if let v = update.sender { m.sender = v }
            if let v = update.kind { m.kind = v }
            if let v = update.normalised { m.normalised = v }
            m.flagReason = (to == .review || to == .failed) ? (update.flagReason ?? m.flagReason) : update.flagReason
            file.messages[index] = m
            var draft = audit
            draft.messageID = id
            draft.details["from"] = .string(from.rawValue)
            draft.details["to"] = .string(to.rawValue)
            if let reason = update.flagReason { draft.details["flag_reason"] = .string(reason) }
            MailStore.append(draft, to: &file)
        }
    }

    public func stateCounts() throws -> [MessageState: Int] {
        try withFile { file in
            var counts: [MessageState: Int] = [:]
            for m in file.messages { counts[m.state, default: 0] += 1 }
            return counts
        }
    }

    @discardableResult
    public func appendAudit(_ draft: AuditDraft) throws -> AuditEvent {
        try withFile { file in
            MailStore.append(draft, to: &file)
            return file.events.last!
        }
    }

    public func auditEvents(matching filter: AuditFilter) throws -> [AuditEvent] {
        try withFile { file in
            file.events.filter { e in
                let message = e.messageID.flatMap { id in file.messages.first { $0.id == id } }
                return (filter.messageID == nil || e.messageID == filter.messageID)
                    && (filter.stage == nil || e.stage == filter.stage)
                    && (filter.actor == nil || e.actor == filter.actor)
                    && (filter.eventType == nil || e.eventType == filter.eventType)
                    && (filter.kind == nil || message?.kind == filter.kind)
                    && (filter.sender == nil || (message?.sender ?? "").lowercased().contains(filter.sender!.lowercased()))
                    && (filter.text == nil || e.details.lowercased().contains(filter.text!.lowercased()))
            }
        }
    }

    public func forEachAuditEvent(_ body: (AuditEvent) throws -> Void) throws {
        let events = try withFile { $0.events }
        for e in events { try body(e) }
    }

    public func auditHead() throws -> AuditHead? {
        try withFile { file in file.events.last.map { AuditHead(sequence: $0.sequence, hash: $0.hash) } }
    }
}

public struct AuditProblem: Sendable, CustomStringConvertible {
    public var sequence: Int64?
    public var message: String
    public var description: String { (sequence.map { "event \($0): " } ?? "") + message }
}

public struct AuditVerification: Sendable {
    public var eventsChecked: Int
    public var head: AuditHead?
    public var problems: [AuditProblem]
    public var isIntact: Bool { problems.isEmpty }
    public var firstProblem: AuditProblem? { problems.first }
}

public enum AuditVerifier {
    public static func verify(store: MailStore, expectedHead: AuditHead? = nil) -> AuditVerification {
        var result = AuditVerification(eventsChecked: 0, head: nil, problems: [])
        var previous = String(repeating: "0", count: 64)
        do {
            try store.forEachAuditEvent { e in
                if result.problems.isEmpty {
                    if e.previousHash != previous {
                        result.problems.append(AuditProblem(sequence: e.sequence, message: "chain broken"))
                    } else if MailStore.expectedHash(e) != e.hash {
                        result.problems.append(AuditProblem(sequence: e.sequence, message: "edited"))
                    }
                }
                previous = e.hash
                result.eventsChecked += 1
                result.head = AuditHead(sequence: e.sequence, hash: e.hash)
            }
        } catch {
            result.problems.append(AuditProblem(sequence: nil, message: "unreadable: \(error)"))
        }
        if let expectedHead, result.head.map({ $0.sequence < expectedHead.sequence }) ?? true {
            result.problems.append(AuditProblem(sequence: expectedHead.sequence, message: "truncated"))
        }
        return result
    }
}

public enum MessageParser {
    /// Placeholder: reads the header block only (Subject, From, Message-ID); the body becomes `text`.
    public static func parse(_ raw: Data) -> ParsedMessage {
        let text = String(decoding: raw, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        var headers: [HeaderField] = []
        var body = ""
        var lines = text.components(separatedBy: "\n")[...]
        while let line = lines.first {
            lines = lines.dropFirst()
            if line.isEmpty { break }
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                      !line[..<colon].contains(" ") {
                headers.append(HeaderField(name: String(line[..<colon]),
                                           value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            } else {
                lines = [line] + lines
                headers = headers.isEmpty ? [] : headers
                break
            }
        }
        body = lines.joined(separator: "\n")
        var m = NormalisedMessage(headers: headers)
        m.text = body
        m.textSource = body.isEmpty ? "none" : "plain"
        m.subject = m.header("Subject")
        if let from = m.header("From") {
            if let lt = from.firstIndex(of: "<"), let gt = from.lastIndex(of: ">"), lt < gt {
                let name = from[..<lt].trimmingCharacters(in: CharacterSet(charactersIn: " \""))
                m.from = [MailAddress(name: name.isEmpty ? nil : name, address: String(from[from.index(after: lt)..<gt]))]
            } else {
                m.from = [MailAddress(name: nil, address: from)]
            }
        }
        m.messageID = m.header("Message-ID")?.trimmingCharacters(in: CharacterSet(charactersIn: "<> "))
        if headers.isEmpty { m.warnings.append("no header fields found") }
        return ParsedMessage(normalised: m, attachmentData: [])
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { $1 }))
    }
}

public struct MessageSourceRecord: Sendable, Hashable {
    public var source: String
    public var location: String
    public var firstSeen: Date
}

public struct AuditTimeline: Sendable {
    public var message: StoredMessage
    public var sources: [MessageSourceRecord]
    public var events: [AuditEvent]
    public static func load(store: MailStore, messageID: Int64) throws -> AuditTimeline? {
        guard let message = try store.message(id: messageID) else { return nil }
        return AuditTimeline(message: message,
                             sources: [MessageSourceRecord(source: message.source, location: message.location,
                                                           firstSeen: message.receivedAt)],
                             events: try store.auditEvents(matching: AuditFilter(messageID: messageID)))
    }
}

/// Placeholder renderings; the real ones come with the store-audit branch.
public enum AuditReport {
    public static func table(_ events: [AuditEvent], detailsWidth: Int = 72) -> String {
        events.map { "\($0.sequence)  \($0.time)  \($0.messageID.map(String.init) ?? "-")  \($0.stage)  \($0.actor)  \($0.eventType)  \($0.details)\n" }.joined()
    }
    public static func jsonArray(_ events: [AuditEvent]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: (try? encoder.encode(events)) ?? Data(), as: UTF8.self) + "\n"
    }
    public static func csv(_ events: [AuditEvent]) -> String {
        "sequence,time,message_id,stage,actor,event_type,details,previous_hash,hash\r\n" + events.map {
            "\($0.sequence),\($0.time),\($0.messageID.map(String.init) ?? ""),\($0.stage),\($0.actor),\($0.eventType),\"\($0.details.replacingOccurrences(of: "\"", with: "\"\""))\",\($0.previousHash),\($0.hash)\r\n"
        }.joined()
    }
    public static func timeline(_ t: AuditTimeline) -> String {
        "Message \(t.message.id): \(t.message.state.rawValue)\n" + table(t.events)
    }
    public static func timelineJSON(_ t: AuditTimeline) -> String {
        "{\"message\":{\"id\":\(t.message.id),\"state\":\"\(t.message.state.rawValue)\"},\"events\":" + jsonArray(t.events).dropLast() + "}\n"
    }
    public static func verification(_ v: AuditVerification) -> String {
        guard let first = v.firstProblem else {
            return "audit trail intact: \(v.eventsChecked) event(s) verified; head \(v.head.map(String.init(describing:)) ?? "-")\n"
        }
        return "audit trail NOT intact: \(first)\n"
    }
    public static func verificationJSON(_ v: AuditVerification) -> String {
        "{\"intact\":\(v.isIntact),\"events_checked\":\(v.eventsChecked)}\n"
    }
    public static func messagesTable(_ messages: [StoredMessage], subjectWidth: Int = 48) -> String {
        messages.map { "\($0.id)  \($0.state.rawValue)  \($0.kind ?? "-")  \($0.sender ?? "-")  \($0.subject ?? "-")  \($0.flagReason ?? "")\n" }.joined()
    }
    public static func messagesJSONLines(_ messages: [StoredMessage]) -> String {
        messages.map { "{\"id\":\($0.id),\"state\":\"\($0.state.rawValue)\"}\n" }.joined()
    }
    public static func stateCounts(_ counts: [MessageState: Int]) -> String {
        MessageState.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: "  ") + "\n"
    }
}
