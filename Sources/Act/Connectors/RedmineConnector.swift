import Foundation
import Vocabulary
import Decide
import CurlTransport

/// `type: redmine` — tickets in a Redmine helpdesk over its REST API (`X-Redmine-API-Key`).
///
/// Connector file keys: `url` (e.g. https://helpdesk.example.com), `api_key_env|api_key_file`, `project`
/// (identifier or id), `tracker_id` (optional; the project's default tracker otherwise), `key_field_id`
/// (recommended: an issue custom field, "used as a filter", that holds Mailroom's idempotency key),
/// `requester_field_id` (optional: an issue custom field for the requester's e-mail), `priorities` (severity →
/// Redmine priority name; default low/normal/high/urgent → Low/Normal/High/Urgent), `ticket_prefix` (an extra
/// ticket-number form in subjects, e.g. `BW-T-` for "[BW-T-123]"), `subject_patterns` (replaces the built-in
/// subject forms; regular expressions with one capture group), `allowed_hosts`, `timeout_seconds`,
/// `rate_limit_per_second`.
///
/// Actions:
/// - `create_ticket` — a new issue: subject, description (the understood fields as a table, then the mail
///   text), requester, priority from `severity`; captures `ticket_id`.
/// - `open_or_update_ticket` — a follow-up in a known thread (In-Reply-To/References of a mail that created or
///   updated a ticket), or naming a ticket number its sender may write into, becomes a note on that ticket;
///   anything else opens a new ticket. Captures `ticket_id` and `ticket_action` (`created` | `updated`).
/// - `add_to_ticket` — a note on a given `ticket_id`.
///
/// Exactly once: the idempotency key goes into the key custom field (or, without one, the description) of a
/// created issue and into the text of every note (`Mailroom key: …`); `earlierResult` searches Redmine for it
/// (custom-field or description filter; the `notes` filter) before anything is created again.
public struct RedmineConnector: Connector {
    public let name: String
    public var type: String { "redmine" }
    public let baseURL: URL
    package let apiKey: String
    public let project: String
    public let trackerID: Int64?
    public let keyFieldID: Int64?
    public let requesterFieldID: Int64?
    /// severity (lower-case) → Redmine priority name.
    public let priorities: [String: String]
    public let references: TicketReferenceReader
    public let transport: ConnectorTransport
    /// Where the thread mapping lives; nil only in tests without a store (then only a requester custom field
    /// can vouch for a sender, and no thread is remembered).
    public var store: (any ActStore)?
    package let cache = LockedBox<RedmineLookups>(RedmineLookups())

    public static let defaultPriorities = ["low": "Low", "normal": "Normal", "high": "High", "urgent": "Urgent"]
    package static let maximumTextCharacters = 60_000

    public init(name: String, baseURL: URL, apiKey: String, project: String, trackerID: Int64? = nil,
                keyFieldID: Int64? = nil, requesterFieldID: Int64? = nil,
                priorities: [String: String] = RedmineConnector.defaultPriorities,
                references: TicketReferenceReader = TicketReferenceReader(), transport: ConnectorTransport,
                store: (any ActStore)? = nil) {
        self.name = name
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.project = project
        self.trackerID = trackerID
        self.keyFieldID = keyFieldID
        self.requesterFieldID = requesterFieldID
        self.priorities = priorities
        self.references = references
        self.transport = transport
        self.store = store
    }

    package static let ticketParameters = ["subject", "description", "text", "requester", "severity", "priority", "fields", "project", "tracker_id"]

    public var actions: [ConnectorActionSpec] {
        [
            ConnectorActionSpec(name: "create_ticket", requiredParameters: [], optionalParameters: Self.ticketParameters,
                                summary: "open a Redmine issue (subject, description with the understood fields and the mail text, requester, priority from severity); captures ticket_id"),
            ConnectorActionSpec(name: "open_or_update_ticket", requiredParameters: [], optionalParameters: Self.ticketParameters + ["note"],
                                summary: "a follow-up in a ticket's thread (or naming a ticket number its sender may use) becomes a note on that ticket, anything else a new ticket; captures ticket_id, ticket_action"),
            ConnectorActionSpec(name: "add_to_ticket", requiredParameters: ["ticket_id"], optionalParameters: ["note", "text"],
                                summary: "add the mail as a note to a ticket; captures ticket_id, journal_id"),
        ]
    }

    package static func read(name: String, from reader: inout ConnectorFileReader) -> RedmineConnector? {
        let url = reader.url("url", required: true, example: "https://helpdesk.example.com")
        let apiKey = reader.secret("api_key", required: true)
        let project = reader.requiredString("project", example: "support")
        let tracker = optionalID("tracker_id", &reader)
        let keyField = optionalID("key_field_id", &reader)
        let requesterField = optionalID("requester_field_id", &reader)
        var priorities = defaultPriorities
        for (severity, priority) in reader.stringMap("priorities") { priorities[severity.lowercased()] = priority }
        let prefix = reader.string("ticket_prefix")
        var patterns = TicketReferenceReader.defaultSubjectPatterns
        if let custom = reader.stringList("subject_patterns") {
            for problem in TicketReferenceReader.problems(in: custom) {
                reader.problem(reader.node("subject_patterns"), "`subject_patterns`: \(problem)",
                               suggestion: #"write e.g. '\[HD-(\d+)\]' — the group is the ticket number"#)
            }
            patterns = custom
        }
        let transport = reader.transportSettings(defaultHost: url?.host)
        guard let url, let apiKey, let project else { return nil }
        return RedmineConnector(name: name, baseURL: url, apiKey: apiKey, project: project, trackerID: tracker,
                                keyFieldID: keyField, requesterFieldID: requesterField, priorities: priorities,
                                references: TicketReferenceReader(subjectPatterns: patterns, ticketPrefix: prefix),
                                transport: transport)
    }

    private static func optionalID(_ key: String, _ reader: inout ConnectorFileReader) -> Int64? {
        guard let node = reader.node(key) else { return nil }
        guard let text = node.scalar?.string, let id = Int64(text), id > 0 else {
            reader.problem(node, "`\(key)` must be a positive whole number (the id Redmine shows in its administration pages)")
            return nil
        }
        return id
    }

    /// A copy that keeps its thread mapping in `store`.
    public func using(store: any ActStore) -> RedmineConnector {
        var copy = self
        copy.store = store
        return copy
    }

    package static func keyLine(_ key: String) -> String { "Mailroom key: \(key)" }

    // MARK: - Connector

    public func perform(_ action: OutboxAction) async throws -> ConnectorResult {
        let p = action.action.parameters
        try await ensureAuthenticated()
        switch action.action.action {
        case "create_ticket":
            return try await createTicket(action, routing: nil)
        case "open_or_update_ticket":
            let mail = ticketMail(action)
            let routing = try await route(mail)
            switch routing {
            case .existing(let ticket, _):
                return try await addNote(action, ticket: ticket, routing: routing)
            case .new(_, let refused):
                if !refused.isEmpty { try auditRefusals(refused, mail: mail, action: action) }
                return try await createTicket(action, routing: routing)
            }
        case "add_to_ticket":
            guard let ticket = Self.ticketNumber(p["ticket_id"]) else {
                throw ConnectorError.permanent("\(name): add_to_ticket needs `ticket_id` (a ticket number), not \(p["ticket_id"]?.canonicalJSON ?? "nothing")")
            }
            return try await addNote(action, ticket: ticket, routing: nil)
        default:
            throw ConnectorError.permanent("connector \(name) has no action '\(action.action.action)'; it offers: \(actions.map(\.name).joined(separator: ", "))")
        }
    }

    public func earlierResult(of action: OutboxAction) async throws -> ConnectorResult? {
        let key = action.idempotencyKey
        try await ensureAuthenticated()
        switch action.action.action {
        case "create_ticket":
            guard let issue = try await issueCreated(withKey: key) else { return nil }
            return try found(created: issue, action: action)
        case "open_or_update_ticket":
            if let issue = try await issueCreated(withKey: key) { return try found(created: issue, action: action) }
            guard let (ticket, journal) = try await journal(withKey: key, ticket: nil) else { return nil }
            return try found(note: journal, ticket: ticket, action: action)
        case "add_to_ticket":
            let ticket = Self.ticketNumber(action.action.parameters["ticket_id"])
            guard let (found, journal) = try await journal(withKey: key, ticket: ticket) else { return nil }
            return try self.found(note: journal, ticket: found, action: action)
        default:
            return nil
        }
    }

    private func found(created issue: JSONValue, action: OutboxAction) throws -> ConnectorResult {
        guard let id = issue["id"]?.intValue else { throw ConnectorError.permanent("\(name): Redmine listed an issue without an id") }
        try remember(ticket: String(id), action: action)
        return ConnectorResult(captured: ["ticket_id": .int(id), "ticket_action": "created", "ticket_url": .string(ticketURL(String(id)))],
                               response: ["found": ["issue": .int(id), "subject": issue["subject"] ?? .null]], foundEarlierResult: true)
    }

    private func found(note journal: JSONValue, ticket: String, action: OutboxAction) throws -> ConnectorResult {
        try remember(ticket: ticket, action: action)
        return ConnectorResult(captured: ["ticket_id": .int(Int64(ticket) ?? 0), "ticket_action": "updated",
                                          "journal_id": journal["id"] ?? .null, "ticket_url": .string(ticketURL(ticket))],
                               response: ["found": ["issue": .string(ticket), "journal": journal["id"] ?? .null]], foundEarlierResult: true)
    }

    // MARK: - Routing

    package func ticketMail(_ action: OutboxAction) -> TicketMail {
        let p = action.action.parameters
        return TicketMail(action.original, fallbackSubject: p["subject"]?.stringValue ?? "",
                          fallbackSender: p["requester"]?.stringValue)
    }

    /// Decides where a mail goes: the ticket of its thread, a ticket it names (guarded), or a new one.
    public func route(_ mail: TicketMail) async throws -> TicketRouting {
        if let store, !mail.threadIDs.isEmpty {
            let entries = try store.helpdeskThreads(connector: name, mailMessageIDs: mail.threadIDs)
            for id in mail.threadIDs {
                guard let entry = entries.first(where: { $0.mailMessageID == id }) else { continue }
                if try await issue(entry.ticketID) != nil {
                    return .existing(ticket: entry.ticketID,
                                     reason: "the mail replies to <\(id)>, which went to ticket \(entry.ticketID)")
                }
            }
        }
        var claims: [(ticket: String, evidence: String)] = []
        for n in TicketReferenceReader.redmineTicketNumbers(inThread: mail.threadIDs) {
            claims.append((n, "its References name Redmine's notification of ticket \(n)"))
        }
        for n in references.ticketNumbers(inSubject: mail.subject) where !claims.contains(where: { $0.ticket == n }) {
            claims.append((n, "its subject names ticket \(n)"))
        }
        var refused: [TicketRefusal] = []
        for claim in claims {
            guard let issue = try await issue(claim.ticket) else {
                refused.append(TicketRefusal(ticket: claim.ticket, evidence: claim.evidence,
                                             reason: "there is no ticket \(claim.ticket) that Mailroom's Redmine user can see"))
                continue
            }
            let projectID = try await projectID()
            if let pid = issue["project"]?["id"]?.intValue, let projectID, pid != projectID {
                refused.append(TicketRefusal(ticket: claim.ticket, evidence: claim.evidence,
                                             reason: "ticket \(claim.ticket) belongs to another project than '\(project)'"))
                continue
            }
            var allowed: [String: String] = [:]
            if let requesterFieldID, let requester = Self.customField(requesterFieldID, of: issue)?.lowercased(), !requester.isEmpty {
                allowed[requester] = "the requester"
            }
            if let store {
                for entry in try store.helpdeskThreads(connector: name, ticketID: claim.ticket) {
                    if let s = entry.sender, allowed[s] == nil { allowed[s] = "a participant of its thread" }
                }
            }
            if let sender = mail.senders.first(where: { allowed[$0] != nil }) {
                return .existing(ticket: claim.ticket, reason: "\(claim.evidence) and the sender \(sender) is \(allowed[sender]!) of it")
            }
            let who = mail.senders.isEmpty ? "the mail has no sender address, so" : "the sender \(mail.senders.joined(separator: ", ")) is neither the requester nor a participant of its thread, so"
            refused.append(TicketRefusal(ticket: claim.ticket, evidence: claim.evidence,
                                         reason: "\(who) the mail may not write into ticket \(claim.ticket)"))
        }
        if refused.isEmpty {
            return .new(reason: mail.threadIDs.isEmpty ? "the mail starts a new conversation and names no ticket"
                            : "none of the mails it replies to went to a ticket, and it names no ticket", refused: [])
        }
        return .new(reason: "a new ticket: " + refused.map(\.reason).joined(separator: "; "), refused: refused)
    }

    private func auditRefusals(_ refused: [TicketRefusal], mail: TicketMail, action: OutboxAction) throws {
        guard let store else { return }
        _ = try store.appendAudit(AuditDraft(
            messageID: action.messageID, stage: "act", actor: "mailroom:connector:\(name)", eventType: "ticket_reference_refused",
            details: ["connector": .string(name), "outbox_id": .int(action.id), "senders": .array(mail.senders.map { .string($0) }),
                      "subject": .string(mail.subject), "refused": .array(refused.map(\.json)),
                      "outcome": "a new ticket is opened instead"]))
    }

    /// Records the mail's Message-ID → ticket, so replies in its thread find the ticket.
    private func remember(ticket: String, action: OutboxAction) throws {
        guard let store, let messageID = action.original?.normalised?.messageID, !messageID.isEmpty else { return }
        let mail = ticketMail(action)
        try store.recordHelpdeskThread(HelpdeskThreadEntry(connector: name, mailMessageID: messageID, ticketID: ticket,
                                                           sender: mail.senders.first, messageID: action.messageID, outboxID: action.id))
    }

    // MARK: - Writing

    private func createTicket(_ action: OutboxAction, routing: TicketRouting?) async throws -> ConnectorResult {
        let p = action.action.parameters
        let key = action.idempotencyKey
        let original = action.original?.normalised
        var subject = Self.text(p["subject"]) ?? original?.subject ?? ""
        if subject.trimmingCharacters(in: .whitespaces).isEmpty { subject = "(no subject)" }
        if subject.count > 255 { subject = String(subject.prefix(254)) + "…" }
        let requester = Self.text(p["requester"]) ?? original?.replyTo.first?.address ?? original?.from.first?.address

        var issue: [String: JSONValue] = [
            "project_id": Self.projectReference(Self.text(p["project"]) ?? project),
            "subject": .string(subject),
            "description": .string(description(p, requester: requester, original: original, key: key)),
        ]
        if let tracker = p["tracker_id"]?.intValue ?? trackerID { issue["tracker_id"] = .int(tracker) }
        var notes: [String: JSONValue] = [:]
        if let priority = try await priorityID(p, notes: &notes) { issue["priority_id"] = .int(priority) }
        var fields: [JSONValue] = []
        if let keyFieldID { fields.append(["id": .int(keyFieldID), "value": .string(key)]) }
        if let requesterFieldID, let requester { fields.append(["id": .int(requesterFieldID), "value": .string(requester)]) }
        if !fields.isEmpty { issue["custom_fields"] = .array(fields) }

        let body: JSONValue = ["issue": .object(issue)]
        let (response, json) = try await send("POST", "/issues.json", body: body)
        try check(response, "POST /issues.json")
        guard let id = json?["issue"]?["id"]?.intValue else {
            throw ConnectorError.permanent("\(name): Redmine created no issue (answer: \(Self.excerpt(response)))")
        }
        try remember(ticket: String(id), action: action)
        var answer: [String: JSONValue] = ["status": .int(Int64(response.status)), "issue": .int(id)]
        if let routing { answer["threading"] = Self.json(routing) }
        if !notes.isEmpty { answer["notes"] = .object(notes) }
        return ConnectorResult(captured: ["ticket_id": .int(id), "ticket_action": "created", "ticket_url": .string(ticketURL(String(id)))],
                               request: ["method": "POST", "url": .string(HTTPRequest.redacted(url("/issues.json"))), "body": body],
                               response: .object(answer))
    }

    private func addNote(_ action: OutboxAction, ticket: String, routing: TicketRouting?) async throws -> ConnectorResult {
        let p = action.action.parameters
        let key = action.idempotencyKey
        let note = noteText(p, original: action.original?.normalised, key: key)
        let body: JSONValue = ["issue": ["notes": .string(note)]]
        let path = "/issues/\(ticket).json"
        let (response, _) = try await send("PUT", path, body: body)
        if response.status == 404 {
            throw ConnectorError.permanent("\(name): there is no ticket \(ticket) (or Mailroom's Redmine user cannot see it)")
        }
        try check(response, "PUT \(path)")
        try remember(ticket: ticket, action: action)
        // Redmine answers 204 without a body; the journal is found by its key line.
        let journal = try await journal(withKey: key, inTicket: ticket)
        var answer: [String: JSONValue] = ["status": .int(Int64(response.status)), "issue": .string(ticket),
                                           "journal": journal?["id"] ?? .null]
        if let routing { answer["threading"] = Self.json(routing) }
        return ConnectorResult(captured: ["ticket_id": .int(Int64(ticket) ?? 0), "ticket_action": "updated",
                                          "journal_id": journal?["id"] ?? .null, "ticket_url": .string(ticketURL(ticket))],
                               request: ["method": "PUT", "url": .string(HTTPRequest.redacted(url(path))), "body": body],
                               response: .object(answer))
    }

    package func description(_ p: [String: JSONValue], requester: String?, original: NormalisedMessage?, key: String) -> String {
        var parts: [String] = []
        if let intro = Self.text(p["description"]) { parts.append(intro) }
        var rows: [(String, String)] = []
        if let requester { rows.append(("Requester", requester)) }
        if let severity = Self.text(p["severity"]) { rows.append(("Severity", severity)) }
        for (name, value) in (p["fields"]?.objectValue ?? [:]).sorted(by: { $0.key < $1.key }) {
            guard let shown = Self.shown(value) else { continue }
            rows.append((name.replacingOccurrences(of: "_", with: " ").capitalizedFirst, shown))
        }
        if !rows.isEmpty {
            parts.append(rows.map { "|*\(Self.cell($0.0))*|\(Self.cell($0.1))|" }.joined(separator: "\n"))
        }
        if let mail = Self.text(p["text"]) ?? original?.text, !mail.isEmpty { parts.append(Self.preformatted(mail)) }
        parts.append(Self.keyLine(key))
        return parts.joined(separator: "\n\n")
    }

    package func noteText(_ p: [String: JSONValue], original: NormalisedMessage?, key: String) -> String {
        var parts: [String] = []
        if let intro = Self.text(p["note"]) {
            parts.append(intro)
        } else if let original {
            var line = "*Mail from \(Self.cell(original.from.first?.address ?? "an unknown sender"))*"
            if let subject = original.subject { line += " — \(subject)" }
            if let date = original.date { line += " (\(ISO8601.utcString(date)))" }
            parts.append(line)
        }
        if let mail = Self.text(p["text"]) ?? original?.text, !mail.isEmpty { parts.append(Self.preformatted(mail)) }
        parts.append(Self.keyLine(key))
        return parts.joined(separator: "\n\n")
    }

    // MARK: - Reading

    /// The issue, or nil when Redmine says 404.
    package func issue(_ ticket: String, journals: Bool = false) async throws -> JSONValue? {
        let path = "/issues/\(ticket).json"
        let (response, json) = try await send("GET", path, query: journals ? [("include", "journals")] : [])
        if response.status == 404 { return nil }
        try check(response, "GET \(path)")
        return json?["issue"]
    }

    /// The issue this connector created with `key`, if any.
    package func issueCreated(withKey key: String) async throws -> JSONValue? {
        var query: [(String, String)] = [("status_id", "*"), ("limit", "5")]
        if let keyFieldID {
            query.append(("cf_\(keyFieldID)", key))
        } else {
            query += [("set_filter", "1"), ("f[]", "status_id"), ("op[status_id]", "*"),
                      ("f[]", "description"), ("op[description]", "~"), ("v[description][]", key)]
        }
        let (response, json) = try await send("GET", "/issues.json", query: query)
        try check(response, "GET /issues.json (looking for the key)")
        return json?["issues"]?.arrayValue?.first { issue in
            if let keyFieldID { return Self.customField(keyFieldID, of: issue) == key }
            return issue["description"]?.stringValue?.contains(Self.keyLine(key)) == true
        }
    }

    /// The note this connector added with `key`: searched in `ticket` when known, else with Redmine's notes filter.
    package func journal(withKey key: String, ticket: String?) async throws -> (String, JSONValue)? {
        if let ticket {
            return try await journal(withKey: key, inTicket: ticket).map { (ticket, $0) }
        }
        let query: [(String, String)] = [("set_filter", "1"), ("f[]", "status_id"), ("op[status_id]", "*"),
                                         ("f[]", "notes"), ("op[notes]", "~"), ("v[notes][]", key), ("limit", "5")]
        let (response, json) = try await send("GET", "/issues.json", query: query)
        try check(response, "GET /issues.json (looking for the key in notes)")
        for issue in json?["issues"]?.arrayValue ?? [] {
            guard let id = issue["id"]?.intValue else { continue }
            if let journal = try await journal(withKey: key, inTicket: String(id)) { return (String(id), journal) }
        }
        return nil
    }

    package func journal(withKey key: String, inTicket ticket: String) async throws -> JSONValue? {
        guard let issue = try await issue(ticket, journals: true) else { return nil }
        return issue["journals"]?.arrayValue?.first { $0["notes"]?.stringValue?.contains(Self.keyLine(key)) == true }
    }

    /// Redmine answers a wrong API key on most reads as if nobody were logged in (empty lists, not 401), which
    /// would make every search for an earlier result come back empty. So the key is proven once first.
    package func ensureAuthenticated() async throws {
        if cache.value.userID != nil { return }
        let (response, json) = try await send("GET", "/users/current.json")
        try check(response, "GET /users/current.json")
        guard let id = json?["user"]?["id"]?.intValue else {
            throw ConnectorError.permanent("\(name): Redmine did not say who the API key belongs to (answer: \(Self.excerpt(response)))")
        }
        cache.withLock { $0.userID = id }
    }

    package func projectID() async throws -> Int64? {
        if let id = Int64(project) { return id }
        if let known = cache.value.projectID { return known }
        let path = "/projects/\(Self.pathComponent(project)).json"
        let (response, json) = try await send("GET", path)
        if response.status == 404 {
            throw ConnectorError.permanent("\(name): Redmine has no project '\(project)' that Mailroom's user can see; check `project:`")
        }
        try check(response, "GET \(path)")
        let id = json?["project"]?["id"]?.intValue
        cache.withLock { $0.projectID = id }
        return id
    }

    package func priorityID(_ p: [String: JSONValue], notes: inout [String: JSONValue]) async throws -> Int64? {
        let wanted: String
        if let priority = Self.text(p["priority"]) {
            wanted = priority
        } else if let severity = Self.text(p["severity"])?.lowercased() {
            guard let mapped = priorities[severity] else {
                notes["priority"] = .string("severity '\(severity)' has no priority in `priorities`; Redmine's default was used")
                return nil
            }
            wanted = mapped
        } else {
            return nil
        }
        var known = cache.value.priorities
        if known == nil {
            let (response, json) = try await send("GET", "/enumerations/issue_priorities.json")
            try check(response, "GET /enumerations/issue_priorities.json")
            var map: [String: Int64] = [:]
            for item in json?["issue_priorities"]?.arrayValue ?? [] {
                if let n = item["name"]?.stringValue, let id = item["id"]?.intValue { map[n.lowercased()] = id }
            }
            known = map
            cache.withLock { $0.priorities = map }
        }
        guard let id = known?[wanted.lowercased()] else {
            notes["priority"] = .string("Redmine has no priority '\(wanted)' (it has: \((known ?? [:]).keys.sorted().joined(separator: ", "))); its default was used")
            return nil
        }
        return id
    }

    // MARK: - HTTP

    package func url(_ path: String, query: [(String, String)] = []) -> URL {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        var text = base + path
        if !query.isEmpty {
            text += "?" + query.map { Self.queryEncode($0.0) + "=" + Self.queryEncode($0.1) }.joined(separator: "&")
        }
        return URL(string: text) ?? baseURL
    }

    package func ticketURL(_ ticket: String) -> String {
        var base = baseURL.absoluteString
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/issues/" + ticket
    }

    private func send(_ method: String, _ path: String, query: [(String, String)] = [], body: JSONValue? = nil) async throws
        -> (HTTPResponse, JSONValue?) {
        var headers = [("X-Redmine-API-Key", apiKey), ("Accept", "application/json")]
        var data: Data?
        if let body {
            data = Data(body.canonicalJSON.utf8)
            headers.append(("Content-Type", "application/json"))
        }
        let request = HTTPRequest(method: method, url: url(path, query: query), headers: headers, body: data,
                                  timeoutSeconds: transport.timeoutSeconds)
        let response = try await transport.send(request, describing: "\(name): \(method) \(path)")
        return (response, response.body.isEmpty ? nil : try? JSONValue.parse(response.body))
    }

    private func check(_ response: HTTPResponse, _ what: String) throws {
        switch response.status {
        case 200..<300: return
        case 401:
            throw ConnectorError.permanent("\(name): Redmine refused the API key (401) for \(what); check `api_key` and that the REST API is enabled (Administration → Settings → API)")
        case 403:
            throw ConnectorError.permanent("\(name): Mailroom's Redmine user may not do \(what) (403); give it a role with the issue permissions in project '\(project)'")
        case 422:
            let errors = (try? JSONValue.parse(response.body))?["errors"]?.arrayValue?.compactMap(\.stringValue).joined(separator: "; ")
            throw ConnectorError.permanent("\(name): Redmine refused \(what): \(errors ?? Self.excerpt(response))")
        default:
            try HTTPConnector.check(response, connector: name, method: String(what.prefix { $0 != " " }),
                                    url: String(what.drop { $0 != " " }.dropFirst()))
        }
    }

    // MARK: - Small pieces

    package static func ticketNumber(_ value: JSONValue?) -> String? {
        if let i = value?.intValue, i > 0 { return String(i) }
        guard var s = value?.stringValue?.trimmingCharacters(in: .whitespaces) else { return nil }
        if s.hasPrefix("#") { s.removeFirst() }
        guard let n = Int(s), n > 0 else { return nil }
        return String(n)
    }

    package static func customField(_ id: Int64, of issue: JSONValue) -> String? {
        issue["custom_fields"]?.arrayValue?.first { $0["id"]?.intValue == id }?["value"]?.stringValue
    }

    package static func projectReference(_ project: String) -> JSONValue {
        if let id = Int64(project) { return .int(id) }
        return .string(project)
    }

    package static func text(_ value: JSONValue?) -> String? {
        guard let value, let s = shown(value) else { return nil }
        return s
    }

    /// A parameter value as text; nil for null and empty values.
    package static func shown(_ value: JSONValue) -> String? {
        switch value {
        case .null: return nil
        case .string(let s): return s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : s
        case .bool(let b): return b ? "yes" : "no"
        case .int(let i): return String(i)
        case .number(let d): return d.rounded() == d && abs(d) < 1e15 ? String(Int64(d)) : String(d)
        case .array(let a): let items = a.compactMap(shown); return items.isEmpty ? nil : items.joined(separator: ", ")
        case .object: return value.canonicalJSON
        }
    }

    /// A Textile table cell: no pipes or line breaks.
    package static func cell(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "¦").replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
    }

    /// The mail's text as it was written (Redmine shows <pre> literally, escaping any markup inside).
    package static func preformatted(_ text: String) -> String {
        var t = text
        if t.count > maximumTextCharacters { t = String(t.prefix(maximumTextCharacters)) + "\n[… cut at \(maximumTextCharacters) characters]" }
        t = t.replacingOccurrences(of: "</pre", with: "< /pre", options: .caseInsensitive)
        return "<pre>\n" + t + "\n</pre>"
    }

    package static func queryEncode(_ s: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "-._~")
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    package static func pathComponent(_ s: String) -> String { queryEncode(s) }

    package static func excerpt(_ response: HTTPResponse) -> String {
        "\(response.status) " + String(decoding: response.body.prefix(300), as: UTF8.self)
    }

    package static func json(_ routing: TicketRouting) -> JSONValue {
        switch routing {
        case .existing(let ticket, let reason):
            return ["decision": "existing ticket", "ticket": .string(ticket), "reason": .string(reason)]
        case .new(let reason, let refused):
            return ["decision": "new ticket", "reason": .string(reason), "refused": .array(refused.map(\.json))]
        }
    }
}

/// Values a Redmine connector looks up once: the project's id and the priorities by name.
package struct RedmineLookups: Sendable {
    package var userID: Int64?
    package var projectID: Int64?
    package var priorities: [String: Int64]?
}

private extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
