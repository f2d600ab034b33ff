import Crypto
import Foundation
import Vocabulary
import Ingest
import Parse

/// The people's side of Understand: messages in `review`, and the decisions a person takes on them —
/// accept what Mailroom understood, correct fields (or the kind) and accept, or reject the message (nothing
/// will be done with it). Every decision is one transition with its audit event, naming who took it.
public struct ReviewQueue: Sendable {
    public let store: any ReviewStore
    public let catalogue: KindCatalogue?
    /// Where the raw mails are (to ground corrected values and to copy examples).
    public let spool: Spool?

    public init(store: any ReviewStore, catalogue: KindCatalogue?, spool: Spool? = nil) {
        self.store = store
        self.catalogue = catalogue
        self.spool = spool
    }

    /// Messages waiting in review, oldest first.
    public func pending(limit: Int? = nil) throws -> [StoredMessage] {
        try store.messages(matching: MessageFilter(states: [.review], limit: limit))
    }

    package func reviewed(_ id: Int64) throws -> (StoredMessage, Understanding) {
        guard let message = try store.message(id: id) else {
            throw OperatorInputError(message: "there is no message \(id) in the store")
        }
        try Self.checkInReview(message)
        guard let understanding = message.understanding else {
            throw OperatorInputError(message: "message \(id) went to review before it was understood (\(message.flagReason ?? "no reason recorded")); "
                + "there is nothing to accept or correct: look at it with `mailroom messages show \(id)`, then `mailroom review reject \(id)`")
        }
        return (message, understanding)
    }

    /// The states a person can send back to review: what Mailroom decided or finished, also mail closed as
    /// `other` (by a rule, a matcher or a person's `reject`). Earlier states are still on their way through
    /// the pipeline; `failed` has its own way back (`mailroom messages retry`).
    public static let reopenable: [MessageState] = [.decided, .acted, .noAction, .deadLetter]

    /// Puts a decided or acted message back into review (decided/acted → review), audited as
    /// `review_reopened` with who did it and why. It keeps its understanding, so it can be accepted,
    /// corrected or rejected like any message in review.
    ///
    /// Nothing that was carried out is undone: actions already done stay done (the event lists every outbox
    /// row of the message with its state, under `actions_not_undone`). Actions not carried out yet are
    /// cancelled (``cancelUnsent(_:by:because:)``): an approval given later for them changes nothing. After an accept or a correction the
    /// message goes through Decide and Act again; an action Decide intends again for the same intent (same
    /// rule, action and parameters) has the same idempotency key as before, so the outbox does not carry it
    /// out a second time; a corrected value that changes an action's parameters makes it a new action.
    @discardableResult
    public func reopen(_ id: Int64, by actor: String, reason: String?) throws -> StoredMessage {
        guard let message = try store.message(id: id) else {
            throw OperatorInputError(message: "there is no message \(id) in the store")
        }
        try Self.checkReopenable(message)
        let entries = try store.outboxEntries(messageID: id)
        let flag = "reopened by \(actor)" + (reason.map { ": \($0)" } ?? "")
            + (entries.contains { $0.state == .done } ? " (actions already carried out are not undone)" : "")
        var details: [String: JSONValue] = [
            "previous_state": .string(message.state.rawValue),
            "previous_kind": .optional(message.understanding?.kind ?? message.kind),
            "reason": .optional(reason),
            "actions_not_undone": .array(entries.map { e in
                .object(["outbox_id": .int(e.id), "connector": .string(e.action.connector), "action": .string(e.action.action),
                         "state": .string(e.state.rawValue), "idempotency_key": .string(e.idempotencyKey)])
            }),
        ]
        details["note"] = .string("actions already carried out are not undone; after a correction Decide runs again and "
            + "an action with the same idempotency key is not carried out twice")
        try store.transition(id, from: message.state, to: .review, update: MessageUpdate(flagReason: flag),
                             audit: AuditDraft(messageID: id, stage: "review", actor: actor, eventType: "review_reopened", details: details))
        try cancelUnsent(id, by: actor, because: "the message was reopened in review" + (reason.map { ": \($0)" } ?? ""))
        guard let reopened = try store.message(id: id) else {
            throw OperatorInputError(message: "there is no message \(id) in the store")
        }
        return reopened
    }

    /// The message's actions not carried out yet are cancelled (audited, `action_cancelled`): they were decided on
    /// what the person now reopens, corrects or rejects. Deciding again enqueues fresh rows (with fresh approval
    /// references); an action already done keeps its idempotency key and is not carried out again.
    package func cancelUnsent(_ id: Int64, by actor: String, because reason: String) throws {
        try store.cancelUnsentOutboxEntries(messageID: id, by: actor, reason: reason)
    }

    /// Refuses a message that is not in review, saying what it waits for instead (a message whose actions wait
    /// for a retry, an approval or configuration is not a person's to accept: that would only decide it again).
    package static func checkInReview(_ message: StoredMessage) throws {
        guard message.state != .review else { return }
        let id = message.id
        let hint: String
        switch message.state {
        case .waiting: hint = " (\(message.state.meaning)); the outbox retries it by itself: `mailroom outbox list`"
        case .approval: hint = " (\(message.state.meaning)): `mailroom approvals list`, then `mailroom approve REF` or `mailroom reject REF`"
        case .blocked: hint = " (\(message.state.meaning)): \(message.flagReason ?? "see `mailroom status`")"
        case .deadLetter: hint = " (\(message.state.meaning)); fix the cause, then `mailroom outbox retry ID` (`mailroom outbox list --state dead`)"
        default: hint = " (\(message.state.meaning))"
        }
        throw OperatorInputError(message: "message \(id) is \(message.state.rawValue), not in review" + hint)
    }

    package static func checkReopenable(_ message: StoredMessage) throws {
        let id = message.id
        switch message.state {
        case .decided, .acted, .noAction, .deadLetter:
            guard message.understanding != nil else {
                throw OperatorInputError(message: "message \(id) was never understood; there is nothing to correct")
            }
        case .review:
            throw OperatorInputError(message: "message \(id) is already in review")
        case .failed:
            throw OperatorInputError(message: "message \(id) failed (\(message.flagReason ?? "no reason recorded")); "
                + "`mailroom messages retry \(id)` sends it through the pipeline again")
        case .received, .parsed, .understood:
            throw OperatorInputError(message: "message \(id) is \(message.state.rawValue) and still on its way through the pipeline; "
                + "reopen it once it is decided or acted")
        case .waiting, .approval, .blocked:
            throw OperatorInputError(message: "message \(id) is \(message.state.rawValue) (\(message.state.meaning)); "
                + "reopen it once its actions are done or given up")
        }
    }

    /// The person agrees with what Mailroom understood (reasons and all): review → understood.
    @discardableResult
    public func accept(_ id: Int64, by actor: String, note: String? = nil) throws -> Understanding {
        let (_, before) = try reviewed(id)
        guard before.kind != "unknown" else {
            throw OperatorInputError(message: "message \(id) has no kind yet: tell it with `mailroom review correct \(id) kind=<kind> FIELD=VALUE…`")
        }
        var after = before
        after.review = []
        after.steps.append(UnderstandingStep(method: "person", kind: before.kind, confidence: nil,
                                             note: "accepted by \(actor)" + (note.map { ": \($0)" } ?? "")
                                                 + (before.review.isEmpty ? "" : "; the reasons were: " + before.review.joined(separator: "; "))))
        var details = UnderstandStage.auditDetails(after, content: nil)
        details["accepted_reasons"] = .array(before.review.map { .string($0) })
        if let note { details["note"] = .string(note) }
        try store.transition(id, from: .review, to: .understood, update: MessageUpdate(kind: after.kind, understanding: after),
                             audit: AuditDraft(messageID: id, stage: "review", actor: actor, eventType: "review_accepted", details: details))
        return after
    }

    /// One correction: `kind=invoice`, `gross_total=1.190,00 EUR`, `lines[0].quantity=5`, `due_date=` (remove).
    public struct Correction: Sendable, Hashable {
        public var field: String
        public var row: Int?
        public var item: String?
        public var value: String

        /// Reads `FIELD=VALUE` or `LIST[i].ITEM=VALUE`.
        public init(parsing text: String) throws {
            guard let eq = text.firstIndex(of: "=") else {
                throw OperatorInputError(message: "'\(text)' is not FIELD=VALUE")
            }
            let target = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
            value = String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
            if let open = target.firstIndex(of: "["), let close = target.firstIndex(of: "]"), open < close,
               let index = Int(target[target.index(after: open)..<close]) {
                field = String(target[..<open])
                row = index
                let rest = target[target.index(after: close)...]
                guard rest.hasPrefix("."), rest.count > 1 else {
                    throw OperatorInputError(message: "'\(target)': write LIST[i].ITEM, e.g. lines[0].quantity")
                }
                item = String(rest.dropFirst())
            } else {
                field = target
                row = nil
                item = nil
            }
            guard !field.isEmpty else { throw OperatorInputError(message: "'\(text)' names no field") }
        }
    }

    /// Applies corrections (the person's values win; their grounding is looked up and noted, never
    /// required) and accepts: review → understood, method "person", confidence 1. A decided or acted
    /// message (also one closed as `other`) is reopened first (``reopen(_:by:reason:)``, its own audit
    /// event), once the corrections were checked; it then goes through Decide and Act again.
    @discardableResult
    public func correct(_ id: Int64, _ corrections: [Correction], by actor: String) throws -> (Understanding, notes: [String]) {
        let result = try corrected(id, corrections)
        let (before, changed, reopening) = (result.before, result.changed, result.reopening)
        var after = result.after
        after.steps.append(UnderstandingStep(method: "person", kind: after.kind, confidence: 1,
                                             note: "corrected by \(actor): " + changed.joined(separator: ", ")))
        var details = UnderstandStage.auditDetails(after, content: nil)
        details["corrections"] = .array(changed.map { .string($0) })
        details["previous"] = .object(["kind": .string(before.kind), "method": .string(before.method),
                                       "fields": .object(before.fields.mapValues(\.json))])
        details["previous_reasons"] = .array(before.review.map { .string($0) })
        details["remaining_problems"] = .array(result.problems.map { .string($0) })
        if reopening {
            try reopen(id, by: actor, reason: "to correct it: " + changed.joined(separator: ", "))
        } else {
            try cancelUnsent(id, by: actor, because: "the message was corrected in review: " + changed.joined(separator: ", "))
        }
        try store.transition(id, from: .review, to: .understood, update: MessageUpdate(kind: after.kind, understanding: after),
                             audit: AuditDraft(messageID: id, stage: "review", actor: actor, eventType: "review_corrected", details: details))
        return (after, result.problems)
    }

    /// What `correct` makes of a message, checked the same way, without storing anything: the understanding
    /// before and after the corrections, the problems the corrected fields still have, the corrections as
    /// text, and whether the message would be reopened (the review station's preview).
    public struct CorrectionResult: Sendable {
        public var before: Understanding
        public var after: Understanding
        public var problems: [String]
        public var changed: [String]
        public var reopening: Bool
    }

    public func corrected(_ id: Int64, _ corrections: [Correction]) throws -> CorrectionResult {
        let before: Understanding
        let reopening: Bool
        if let message = try store.message(id: id), Self.reopenable.contains(message.state) {
            try Self.checkReopenable(message)
            before = message.understanding!
            reopening = true
        } else {
            (_, before) = try reviewed(id)
            reopening = false
        }
        guard let catalogue else {
            throw OperatorInputError(message: "no kinds are loaded (rules/kinds): corrections are checked against a kind's fields")
        }
        var kindName = before.kind
        if let k = corrections.last(where: { $0.field == "kind" && $0.row == nil }) { kindName = k.value }
        guard let kind = catalogue.kind(named: kindName) else {
            throw OperatorInputError(message: "'\(kindName)' is not a kind declared in rules/kinds/"
                + (Suggestion.closest(to: kindName, among: catalogue.kinds.map(\.name)).map { "; did you mean '\($0)'?" } ?? "")
                + " (known: \(catalogue.kinds.map(\.name).joined(separator: ", ")))")
        }
        let content = try? rawContent(id)
        var fields = before.fields.filter { kind.field(named: $0.key) != nil }
        var groundings = before.groundings
        if kind.name != before.kind, let content {
            // A new kind: its extractors read the mail first, the person's values then win.
            let extracted = FieldExtraction.extract(kind: kind, from: content)
            fields = extracted.mapValues(\.value)
            groundings = [:]
            for (name, e) in extracted {
                if let g = e.grounding { groundings[name] = g }
                groundings.merge(e.rowGroundings) { a, _ in a }
            }
        }
        for c in corrections where !(c.field == "kind" && c.row == nil) {
            guard let field = kind.field(named: c.field) else {
                throw OperatorInputError(message: "'\(c.field)' is not a field of \(kind.name)"
                    + (Suggestion.closest(to: c.field, among: kind.fields.map(\.name)).map { "; did you mean '\($0)'?" } ?? "")
                    + " (fields: \(kind.fields.map(\.name).joined(separator: ", ")))")
            }
            if let row = c.row, let itemName = c.item {
                guard let item = field.items.first(where: { $0.name == itemName }) else {
                    throw OperatorInputError(message: "'\(itemName)' is not an item field of \(field.name) (items: \(field.items.map(\.name).joined(separator: ", ")))")
                }
                var rows: [[String: FieldValue]] = []
                if case .list(let existing) = fields[field.name] { rows = existing }
                guard row >= 0, row <= rows.count else {
                    throw OperatorInputError(message: "\(field.name) has \(rows.count) row(s): use an index from 0 to \(rows.count)")
                }
                if row == rows.count { rows.append([:]) }
                if c.value.isEmpty {
                    rows[row][itemName] = nil
                } else {
                    rows[row][itemName] = try Self.read(c.value, as: item)
                }
                rows = rows.filter { !$0.isEmpty }
                fields[field.name] = rows.isEmpty ? nil : .list(rows)
            } else if c.value.isEmpty {
                fields[field.name] = nil
            } else {
                if case .list = field.type {
                    throw OperatorInputError(message: "\(field.name) is a list: correct its rows as \(field.name)[0].\(field.items.first?.name ?? "item")=VALUE")
                }
                fields[field.name] = try Self.read(c.value, as: field)
            }
        }
        let result = UnderstandingValidator.validate(kind: kind, fields: fields, groundings: groundings,
                                                     sources: content?.sourceTexts ?? [])
        let after = Understanding(kind: kind.name, confidence: 1, method: "person", fields: result.fields,
                                  groundings: result.groundings, review: [], steps: before.steps)
        let changed = corrections.map { c in
            c.row.map { "\(c.field)[\($0)].\(c.item ?? "")=\(c.value)" } ?? "\(c.field)=\(c.value)"
        }
        return CorrectionResult(before: before, after: after, problems: result.problems, changed: changed, reopening: reopening)
    }

    package static func read(_ text: String, as field: FieldDefinition) throws -> FieldValue {
        guard let (value, _, _) = ValueReader.read(text, as: field.type, whole: true) else {
            throw OperatorInputError(message: "'\(text)' is not a valid \(field.type) for \(field.name)"
                + (field.type == .money ? " (write e.g. 1190.00 EUR or 1.190,00 €)" : "")
                + (field.type == .date ? " (write e.g. 2026-11-23)" : ""))
        }
        if case .enumeration(let values) = field.type, case .text(let v) = value, v.lowercased() != text.lowercased() {
            throw OperatorInputError(message: "'\(text)' is not one of \(values.joined(separator: ", "))")
        }
        return value
    }

    /// The person says this mail needs nothing: it is closed (state no_action) as kind `other`.
    public func reject(_ id: Int64, by actor: String, reason: String?) throws {
        guard let message = try store.message(id: id) else {
            throw OperatorInputError(message: "there is no message \(id) in the store")
        }
        try Self.checkInReview(message)
        let before = message.understanding
        var after = Understanding(kind: "other", confidence: 1, method: "person",
                                  steps: (before?.steps ?? []) + [UnderstandingStep(method: "person", kind: "other", confidence: 1,
                                      note: "rejected by \(actor)" + (reason.map { ": \($0)" } ?? ""))])
        after.review = []
        var details = UnderstandStage.auditDetails(after, content: nil)
        details["previous_kind"] = .optional(before?.kind ?? message.kind)
        details["previous_reason"] = .optional(message.flagReason)
        details["reason"] = .optional(reason)
        try store.transition(id, from: .review, to: .noAction, update: MessageUpdate(kind: "other", understanding: after),
                             audit: AuditDraft(messageID: id, stage: "review", actor: actor, eventType: "review_rejected", details: details))
        try cancelUnsent(id, by: actor, because: "the message was rejected in review" + (reason.map { ": \($0)" } ?? ""))
    }

    // MARK: Examples

    package func rawContent(_ id: Int64) throws -> MessageContent {
        guard let message = try store.message(id: id) else { throw OperatorInputError(message: "there is no message \(id)") }
        guard let content = try MessageContent.stored(message, in: store) else {
            throw OperatorInputError(message: "message \(id) has no parse result in the store; `mailroom messages retry \(id)` parses it again")
        }
        return content
    }

    /// Copies the message's raw mail (from the spool) into `examplesDirectory/<kind>/` under a stable name
    /// (``exampleName(_:)``), with `NAME.expected.json` holding the understood fields as a person confirmed
    /// them (`{"fields": {…}}`, money as decimal strings), so the classifier learns from the person's decision.
    /// The same mail added again replaces its earlier copy, also one under another kind (a mail teaches one
    /// kind). Audited as `example_added` with who added it. Returns the mail's path.
    ///
    /// A running daemon notices the changed examples and retrains in the background (``ClassifierUpdates``).
    @discardableResult
    public func addExample(_ id: Int64, examplesDirectory: URL, by actor: String = AuditActor.mailroom) throws -> URL {
        guard let message = try store.message(id: id), let understanding = message.understanding else {
            throw OperatorInputError(message: "message \(id) has no understanding to learn from")
        }
        guard understanding.kind != "unknown" else {
            throw OperatorInputError(message: "message \(id) has no kind: correct it first")
        }
        guard let spool else { throw OperatorInputError(message: "the spool is not known") }
        let raw = try spool.read(sha256: message.contentSHA256)
        let fm = FileManager.default
        let base = Self.exampleName(message)
        // Earlier copies of this mail (another kind, or fields that were since corrected) go first.
        var replaced: [String] = []
        if let kinds = try? ExampleLibrary.listing(examplesDirectory) {
            for kind in kinds {
                for name in [base + ".eml", base + ExampleLibrary.expectedSuffix] {
                    let file = examplesDirectory.appendingPathComponent(kind).appendingPathComponent(name)
                    guard fm.fileExists(atPath: file.path) else { continue }
                    try fm.removeItem(at: file)
                    if name.hasSuffix(".eml") { replaced.append(file.path) }
                }
            }
        }
        let folder = examplesDirectory.appendingPathComponent(understanding.kind)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let expectedFile = folder.appendingPathComponent(base + ExampleLibrary.expectedSuffix)
        if !understanding.fields.isEmpty {
            let expected = JSONValue.object(["fields": .object(understanding.fields.mapValues(\.json))])
            try Data((Self.indentedJSON(expected) + "\n").utf8).write(to: expectedFile, options: .atomic)
        }
        // The mail last: a reader that sees it sees its expected fields too.
        let mail = folder.appendingPathComponent(base + ".eml")
        try raw.write(to: mail, options: .atomic)
        try store.appendAudit(AuditDraft(messageID: id, stage: "review", actor: actor, eventType: "example_added", details: [
            "file": .string(mail.path), "kind": .string(understanding.kind),
            "expected_file": understanding.fields.isEmpty ? .null : .string(expectedFile.path),
            "fields": .object(understanding.fields.mapValues(\.json)),
            "content_sha256": .string(message.contentSHA256),
            "replaced": .array(replaced.map { .string($0) }),
        ]))
        return mail
    }

    /// `review-<16 hex>`: the SHA-256 of the mail's Message-ID (the same mail fetched twice, with other
    /// `Received:` lines, gets the same name), or of its bytes when it has none.
    package static func exampleName(_ message: StoredMessage) -> String {
        let identity: String
        if let messageID = message.normalised?.messageID?.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")),
           !messageID.isEmpty {
            identity = "message-id:" + messageID
        } else {
            identity = "sha256:" + message.contentSHA256
        }
        let digest = SHA256.hash(data: Data(identity.utf8)).map { String(format: "%02x", $0) }.joined()
        return "review-" + digest.prefix(16)
    }

    /// JSON as the examples are written by hand: keys sorted, two spaces per level.
    package static func indentedJSON(_ value: JSONValue, indent: String = "") -> String {
        let inner = indent + "  "
        switch value {
        case .object(let members) where !members.isEmpty:
            let lines = members.keys.sorted().map { key in
                inner + JSONValue.string(key).canonicalJSON + ": " + indentedJSON(members[key]!, indent: inner)
            }
            return "{\n" + lines.joined(separator: ",\n") + "\n" + indent + "}"
        case .array(let items) where !items.isEmpty:
            return "[\n" + items.map { inner + indentedJSON($0, indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        default:
            return value.canonicalJSON
        }
    }
}

/// How review items read on a terminal.
public enum ReviewReport {
    public static func table(_ messages: [StoredMessage], wide: Bool = false) -> String {
        let rows = messages.map { m -> [String] in
            let u = m.understanding
            return [String(m.id), MillisecondTime.string(m.receivedAt).prefix(16).replacingOccurrences(of: "T", with: " "),
                    u?.kind ?? m.kind ?? "-", u.map { String(format: "%.2f", $0.confidence) } ?? "-", m.sender ?? "-",
                    m.subject ?? "-", u?.review.first ?? m.flagReason ?? ""]
        }
        return FixedWidthTable(header: ["ID", "RECEIVED (UTC)", "KIND", "CONF", "SENDER", "SUBJECT", "WHY"], rows: rows,
                               rightAligned: [0, 3], maxWidths: [nil, nil, 16, nil, 30, 40, 60]).render(wide: wide)
    }

    public static func text(_ m: StoredMessage) -> String {
        var out = "Message \(m.id) — \(m.state.rawValue)\n"
        out += "  From:    \(m.sender ?? "-")\n  Subject: \(m.subject ?? "-")\n"
        out += "  Received \(MillisecondTime.string(m.receivedAt))  (\(m.source) \(m.location))\n"
        if let reason = m.flagReason { out += "\nWhy it waits for a person:\n  \(reason)\n" }
        guard let u = m.understanding else {
            return out + "\nNot understood yet (it went to review before Understand).\n"
        }
        out += "\nUnderstood as \(u.kind) by \(u.method), confidence \(String(format: "%.2f", u.confidence))\n"
        if !u.review.isEmpty {
            out += "\nReasons:\n" + u.review.map { "  - \($0)\n" }.joined()
        }
        out += "\nFields:\n"
        if u.fields.isEmpty { out += "  (none)\n" }
        for name in u.fields.keys.sorted() {
            let value = u.fields[name]!
            if case .list(let rows) = value {
                out += "  \(name): \(rows.count) row(s)\n"
                for (i, row) in rows.enumerated() {
                    let cells = row.keys.sorted().map { "\($0)=\(UnderstandingValidator.display(row[$0]!))" }.joined(separator: "  ")
                    out += "    [\(i)] \(cells)\n"
                }
            } else {
                let g = u.groundings[name].map { "  ← \($0.location): \"\($0.excerpt)\"" } ?? "  (not found in the mail)"
                out += "  \(name) = \(UnderstandingValidator.display(value))\(g)\n"
            }
        }
        out += "\nSteps:\n" + u.steps.map { step in
            "  \(step.method)" + (step.kind.map { " → \($0)" } ?? "") + (step.confidence.map { String(format: " (%.2f)", $0) } ?? "")
                + ": \(step.note)\n"
        }.joined()
        if m.state == .review {
            out += "\nDecide: mailroom review accept \(m.id) | correct \(m.id) FIELD=VALUE… | reject \(m.id)\n"
        } else if ReviewQueue.reopenable.contains(m.state) {
            out += "\nChange it: mailroom review correct \(m.id) FIELD=VALUE… | reopen \(m.id) (actions already carried out are not undone)\n"
        }
        return out
    }
}

/// What a person's review of one message needs: the message, its state, the audit trail and (to say what a
/// reopened message's actions were) the outbox.
public typealias ReviewStore = MessageStore & AuditLogStore & OutboxStore
