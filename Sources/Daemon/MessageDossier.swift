import Audit
import Crypto
import Ingest
import Parse
import Foundation
import Understand
import Vocabulary

/// What the store knows about a message, read from it in one place: `messages show`'s timeline (the same
/// `AuditTimeline`), the review view's understanding, the outbox rows `outbox` lists, the decision and the
/// model calls `costs` counts. The web UI's message and review pages show it; nothing here writes.
public typealias DossierStore = MessageStore & AuditLogStore & OutboxStore & ModelCallStore

public struct MessageDossier: Sendable {
    /// How a field's value came to be, as the review station marks it.
    public enum FieldStatus: String, Sendable, Codable {
        /// Found by Mailroom (rule, extractor, e-invoice, model) and nothing speaks against it.
        case found
        /// A person corrected or accepted it.
        case confirmed
        /// Found, but the understanding as a whole is not sure enough.
        case lowConfidence = "low_confidence"
        /// A check failed on it (a review reason names it).
        case failedCheck = "failed_check"
    }

    /// One value of the understanding (a list's items each as `lines[0].sku`).
    public struct Field: Sendable {
        public var name: String
        /// The value as an operator reads it ("1.234,56 EUR" is shown as the stored decimal with its currency).
        public var display: String
        /// "text", "number", "money", "date", "bool".
        public var type: String
        public var grounding: Grounding?
        public var status: FieldStatus
        /// Review reasons that name this field.
        public var problems: [String]
        /// Extractor, model and rule that produced it, or the person who confirmed it.
        public var provenance: String
        /// The calibrated confidence of the understanding the value belongs to.
        public var confidence: Double
    }

    /// One attachment with the text Parse read out of it.
    public struct Attachment: Sendable {
        /// Position in the normalised message's attachments (the download's index).
        public var index: Int
        public var info: AttachmentInfo
        public var document: DocumentText?
    }

    public var message: StoredMessage
    public var sources: [MessageSourceRecord]
    public var attachments: [Attachment]
    public var fields: [Field]
    public var modelCalls: [ModelCallRecord]
    public var decision: StoredDecision?
    /// Outbox rows: request, response, retries, captured ids, approvals.
    public var actions: [OutboxEntry]
    public var capturedValues: [String: JSONValue]
    /// The message's audit events in sequence order (each with its hash).
    public var events: [AuditEvent]

    /// The value the understanding's overall confidence must reach for its fields not to be marked low.
    public static let lowConfidence = 0.8

    /// Nil when there is no such message.
    public static func load(store: any DossierStore, messageID: Int64) throws -> MessageDossier? {
        guard let timeline = try AuditTimeline.load(store: store, messageID: messageID) else { return nil }
        let message = timeline.message
        let documents = try store.documents(ofMessage: messageID) ?? []
        let attachments = (message.normalised?.attachments ?? []).enumerated().map { index, info in
            Attachment(index: index, info: info, document: index < documents.count ? documents[index] : nil)
        }
        return MessageDossier(
            message: message, sources: timeline.sources, attachments: attachments,
            fields: fields(message.understanding, events: timeline.events),
            modelCalls: try store.modelCalls(since: nil, messageID: messageID),
            decision: try store.decision(messageID: messageID),
            actions: try store.outboxEntries(messageID: messageID),
            capturedValues: try store.capturedValues(messageID: messageID),
            events: timeline.events)
    }

    /// Rules that intended something for the message, as the decision recorded them.
    public var rulesMatched: [String] {
        decision?.details["rules_matched"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// The rule-set version (SHA-256 over the rule files) the decision was taken with.
    public var ruleSetVersion: String? { decision?.rulesSHA256 }

    /// Actions that needed an approval.
    public var approvals: [OutboxEntry] { actions.filter { $0.action.approval != nil } }

    /// The text a grounding's location names ("subject", "body", "attachment:<name or part>"), when the store has it.
    public func sourceText(_ location: String) -> String? {
        guard let n = message.normalised else { return nil }
        switch location {
        case "subject": return n.subject
        case "body": return n.text
        default:
            if location.hasPrefix("header:") {
                let name = location.dropFirst("header:".count).lowercased()
                return n.headers.first { $0.name.lowercased() == name }?.value
            }
            if location.hasPrefix("attachment:") {
                let key = String(location.dropFirst("attachment:".count))
                return attachments.first { $0.info.filename == key || $0.info.part == key }?.document?.text
            }
            return nil
        }
    }

    /// The texts a reviewer reads beside the fields: subject, body and each attachment's text, named as groundings name them.
    public var sourceTexts: [(location: String, title: String, text: String)] {
        var out: [(String, String, String)] = []
        if let n = message.normalised {
            out.append(("subject", "Subject", n.subject ?? ""))
            out.append(("body", "Body", n.text))
        }
        for a in attachments {
            guard let d = a.document, !d.text.isEmpty else { continue }
            let key = a.info.filename ?? a.info.part
            out.append(("attachment:" + key, "Attachment " + key, d.text))
        }
        return out
    }

    static func fields(_ understanding: Understanding?, events: [AuditEvent]) -> [Field] {
        guard let u = understanding else { return [] }
        // Who confirmed what: corrections name their fields; an accept confirms every value it accepted.
        var confirmedBy: [String: String] = [:]
        var acceptedBy: String?
        for event in events {
            switch event.eventType {
            case "review_corrected":
                for c in event.detailsValue?["corrections"]?.arrayValue?.compactMap(\.stringValue) ?? [] {
                    let target = String(c.prefix { $0 != "=" })
                    confirmedBy[target] = "corrected by \(event.actor) at \(event.time)"
                    confirmedBy[String(target.prefix { $0 != "[" })] = "corrected by \(event.actor) at \(event.time)"
                }
            case "review_accepted":
                acceptedBy = "accepted by \(event.actor) at \(event.time)"
            case "review_reopened":
                acceptedBy = nil
            default:
                break
            }
        }
        let found = u.steps.filter { $0.method != "person" }.map(\.method)
        let automatic = "kind by \(u.method)" + (found.isEmpty ? "" : "; steps: " + found.joined(separator: ", "))
        var out: [Field] = []
        func add(_ name: String, _ value: FieldValue) {
            let problems = u.review.filter { mentions($0, field: name) }
            let status: FieldStatus
            var provenance = automatic
            if let who = confirmedBy[name] ?? confirmedBy[String(name.prefix { $0 != "[" })] {
                status = .confirmed
                provenance = who + "; before: " + automatic
            } else if !problems.isEmpty {
                status = .failedCheck
            } else if u.method == "person" || acceptedBy != nil {
                status = .confirmed
                provenance = (acceptedBy ?? "confirmed by a person") + "; found by: " + automatic
            } else if u.confidence < lowConfidence {
                status = .lowConfidence
            } else {
                status = .found
            }
            out.append(Field(name: name, display: Self.inputText(value), type: typeName(value),
                             grounding: u.groundings[name], status: status, problems: problems,
                             provenance: provenance, confidence: u.confidence))
        }
        for name in u.fields.keys.sorted() {
            let value = u.fields[name]!
            if case .list(let rows) = value {
                for (i, row) in rows.enumerated() {
                    for item in row.keys.sorted() { add("\(name)[\(i)].\(item)", row[item]!) }
                }
            } else {
                add(name, value)
            }
        }
        // Flagged fields first, then low confidence, then the rest; by name within each.
        func rank(_ s: FieldStatus) -> Int {
            switch s {
            case .failedCheck: return 0
            case .lowConfidence: return 1
            case .found: return 2
            case .confirmed: return 3
            }
        }
        return out.enumerated().sorted { a, b in
            rank(a.element.status) != rank(b.element.status) ? rank(a.element.status) < rank(b.element.status) : a.offset < b.offset
        }.map(\.element)
    }

    /// Whether a review reason names the field (as a word: "due_date" in "due_date is before the invoice date").
    static func mentions(_ reason: String, field: String) -> Bool {
        let bare = String(field.prefix { $0 != "[" })
        for candidate in Set([field, bare]) {
            var search = reason.startIndex..<reason.endIndex
            while let r = reason.range(of: candidate, range: search) {
                let before = r.lowerBound == reason.startIndex ? nil : reason[reason.index(before: r.lowerBound)]
                let after = r.upperBound == reason.endIndex ? nil : reason[r.upperBound]
                func isWord(_ c: Character?) -> Bool { c.map { $0.isLetter || $0.isNumber || $0 == "_" } ?? false }
                if !isWord(before) && !isWord(after) { return true }
                search = r.upperBound..<reason.endIndex
            }
        }
        return false
    }

    static func typeName(_ value: FieldValue) -> String {
        switch value {
        case .text: "text"
        case .number: "number"
        case .money: "money"
        case .date: "date"
        case .bool: "bool"
        case .list: "list"
        }
    }
}

/// The bytes of a stored message's attachment, read again from the raw mail in the spool (the store keeps
/// their text and hash, not the bytes). What is handed out is checked against the hash Parse recorded.
public enum MessageAttachments {
    public struct Download: Sendable {
        public var info: AttachmentInfo
        public var data: Data
    }

    /// Nil when the message has no attachment at `index`; throws when the raw mail is gone from the spool or
    /// its attachment no longer has the recorded hash.
    public static func download(_ message: StoredMessage, index: Int, spoolDirectory: String) throws -> Download? {
        guard let attachments = message.normalised?.attachments, attachments.indices.contains(index) else { return nil }
        let info = attachments[index]
        let raw = try Spool(directory: spoolDirectory).read(sha256: message.contentSHA256)
        let parsed = MessageParser.parse(raw)
        guard parsed.attachmentData.indices.contains(index) else {
            throw OperatorInputError(message: "the raw mail of message \(message.id) no longer has attachment \(index + 1)")
        }
        let data = parsed.attachmentData[index]
        let digest = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
        guard digest == info.sha256.lowercased() else {
            throw OperatorInputError(message: "attachment \(index + 1) of message \(message.id) does not have the SHA-256 recorded when it was parsed")
        }
        return Download(info: info, data: data)
    }
}

extension MessageDossier {
    /// A value as a person edits it in a form: text as written (no quotes), the rest as in review reasons.
    static func inputText(_ value: FieldValue) -> String {
        if case .text(let s) = value { return s }
        return UnderstandingValidator.display(value)
    }
}
