import Foundation
import Vocabulary
import Ingest
import Decide
import CurlTransport

/// A connector that needs the store (sent-mail records, rate limits); the outbox hands it its store.
extension SMTPConnector: StoreUsingConnector {
    package func connector(using store: any ActStore) -> any Connector { bound(to: store) }
}

/// `type: smtp` — replies, forwards and notifications over SMTP (libcurl), TLS verified.
///
/// Connector file keys: `host` (required), `port` (default 465 for `security: tls`, 587 for `starttls`,
/// 25 for `none`), `security` (`starttls` default | `tls` | `none` — `none` only to a loopback host and only
/// when written out), `username`, `password_env|password_file`, `ca_file` (a PEM bundle instead of the
/// system trust store), `from` (required: our address), `from_name`, `message_id_domain` (default: the
/// domain of `from`), `max_automatic_per_recipient_per_day` (default 5), `helo_name`, `timeout_seconds`,
/// `rate_limit_per_second`, `allowed_hosts` (when given, `host` must be among them), `max_recipients` (default 5:
/// To and Cc of one mail together; more is refused, nothing sent),
/// and for drafted replies the IMAP mailbox: `drafts_host`, `drafts_port`, `drafts_tls` (implicit |
/// starttls | plaintext), `drafts_user`, `drafts_password_env|drafts_password_file`, `drafts_folder` (Drafts).
///
/// Actions (parameters are rendered by Decide from the rule's templates):
/// - `reply` — `body` (required), `subject` (default `Re: <original subject>`), `to` (default the original's
///   author (From; Reply-To only when it is one address of the author's domain)), `cc`, `quote` (default false;
///   true quotes the original's first 20 lines below). Never sent to
///   automatic mail, mailing lists, bounces or Mailroom's own mail: such a reply is recorded as done with
///   the reason, not sent and not retried. At most `max_automatic_per_recipient_per_day` replies a day
///   per recipient; beyond that, the reply is likewise recorded as suppressed.
/// - `forward` — `to` (required), `body`, `subject` (default `Fwd: …`): the original attached whole.
/// - `notify` — `to`, `subject`, `body` (all required): a notification (`Auto-Submitted: auto-generated`).
/// - `draft_reply` — as `reply`, but appended to the Drafts folder over IMAP for a person to send.
///
/// Exactly once: the Message-ID is derived from the idempotency key; the mail is recorded in the store as
/// `sending` before the SMTP transaction and `sent` after the server's final 250. `earlierResult` finds a
/// `sent` record and does not send again. The one window left — the process stops after the server
/// accepted and before `sent` is recorded, or the connection drops after the whole mail was handed over —
/// cannot be resolved by asking the server, so Mailroom does not guess: the action becomes a dead letter
/// saying the mail may have gone out, under its Message-ID; a person looks (sent folder, the recipient) and
/// either `mailroom outbox retry`s it (sent again with the same Message-ID, which receivers deduplicate) or
/// drops it.
public struct SMTPConnector: Connector {
    public let name: String
    public var type: String { "smtp" }
    public let server: SMTPServer
    public let from: MailAddress
    public let messageIDDomain: String
    public let maxAutomaticPerRecipientPerDay: Int
    /// `max_recipients`: To and Cc of one mail together.
    public let maxRecipients: Int
    public let drafts: IMAPAccountSettings?
    public let draftsFolder: String
    package let draftsEnvironment: [String: String]
    public let store: (any ActStore)?
    /// `rate_limit_per_second`: spaces SMTP transactions (0 = unlimited); shared by every copy of the connector.
    package let limiter: RateLimiter
    package let clock: @Sendable () -> Date

    public var actions: [ConnectorActionSpec] {
        [
            ConnectorActionSpec(name: "reply", requiredParameters: ["body"], optionalParameters: ["subject", "to", "cc", "quote"],
                                summary: "answer the mail (threaded, Auto-Submitted: auto-replied; never to automatic or list mail)"),
            ConnectorActionSpec(name: "forward", requiredParameters: ["to"], optionalParameters: ["body", "subject", "cc"],
                                summary: "forward the mail, attached whole, to someone"),
            ConnectorActionSpec(name: "notify", requiredParameters: ["to", "subject", "body"], optionalParameters: ["cc"],
                                summary: "send a notification (Auto-Submitted: auto-generated)"),
            ConnectorActionSpec(name: "draft_reply", requiredParameters: ["body"], optionalParameters: ["subject", "to", "cc", "quote", "folder"],
                                summary: "put a threaded reply into the mailbox's Drafts folder for a person to send"),
        ]
    }

    public init(name: String, server: SMTPServer, from: MailAddress, messageIDDomain: String? = nil,
                maxAutomaticPerRecipientPerDay: Int = 5, maxRecipients: Int = 5, drafts: IMAPAccountSettings? = nil,
                draftsFolder: String = "Drafts", draftsEnvironment: [String: String] = [:], store: (any ActStore)? = nil,
                limiter: RateLimiter = RateLimiter(perSecond: 0), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.name = name
        self.server = server
        self.from = from
        self.messageIDDomain = (messageIDDomain ?? from.address.split(separator: "@").last.map(String.init) ?? "localhost").lowercased()
        self.maxAutomaticPerRecipientPerDay = maxAutomaticPerRecipientPerDay
        self.maxRecipients = maxRecipients
        self.drafts = drafts
        self.draftsFolder = draftsFolder
        self.draftsEnvironment = draftsEnvironment
        self.store = store
        self.limiter = limiter
        self.clock = clock
    }

    public func bound(to store: any ActStore) -> any Connector {
        SMTPConnector(name: name, server: server, from: from, messageIDDomain: messageIDDomain,
                      maxAutomaticPerRecipientPerDay: maxAutomaticPerRecipientPerDay, maxRecipients: maxRecipients,
                      drafts: drafts, draftsFolder: draftsFolder, draftsEnvironment: draftsEnvironment, store: store, limiter: limiter, clock: clock)
    }

    // MARK: - Reading the connector file

    package static func read(name: String, from reader: inout ConnectorFileReader) -> SMTPConnector? {
        let host = reader.requiredString("host", example: "mail.example.com")
        let securityText = reader.string("security") ?? "starttls"
        let security = SMTPServer.Security(rawValue: securityText)
        if security == nil {
            reader.problem(reader.node("security"), "`security` must be tls, starttls or none, not '\(securityText)'")
        }
        if security == SMTPServer.Security.none, let host, !HostName.isLoopback(host) {
            reader.problem(reader.node("security"), "`security: none` (plaintext) is allowed only to a loopback host, not \(host)",
                           suggestion: "use `security: starttls` (port 587) or `security: tls` (port 465)")
        }
        let defaultPort = security == .tls ? 465 : security == SMTPServer.Security.none ? 25 : 587
        let port = reader.int("port", default: defaultPort)
        let username = reader.string("username")
        let password = reader.secret("password", required: false)
        if username != nil, password == nil {
            reader.problem(reader.node("username"), "`username` is set but no password", suggestion: "add `password_env: VARIABLE`")
        }
        let caFile = reader.string("ca_file").map { path in
            path.hasPrefix("/") ? path : reader.fileURL.deletingLastPathComponent().appendingPathComponent(path).path
        }
        let fromAddress = reader.requiredString("from", example: "office@example.com")
        if let fromAddress, !fromAddress.contains("@") || fromAddress.contains(" ") {
            reader.problem(reader.node("from"), "`from` must be a bare mail address (the display name goes in `from_name`)")
        }
        let fromName = reader.string("from_name")
        let domain = reader.string("message_id_domain")
        let limit = reader.int("max_automatic_per_recipient_per_day", default: 5)
        if limit < 1 { reader.problem(reader.node("max_automatic_per_recipient_per_day"), "must be at least 1") }
        let maxRecipients = reader.int("max_recipients", default: 5)
        if !(1...500).contains(maxRecipients) { reader.problem(reader.node("max_recipients"), "must be between 1 and 500") }
        let helo = reader.string("helo_name") ?? ProcessInfo.processInfo.hostName
        let timeout = reader.number("timeout_seconds", default: 60, range: 1...600)
        let rate = reader.number("rate_limit_per_second", default: 0, range: 0...1000)
        if let allowed = reader.stringList("allowed_hosts"), let host, !HTTPClient(allowedHosts: allowed).allows(host: host) {
            reader.problem(reader.node("allowed_hosts"), "`host` \(host) is not among `allowed_hosts` (\(allowed.joined(separator: ", ")))")
        }

        var drafts: IMAPAccountSettings?
        let draftsHost = reader.string("drafts_host")
        let draftsPort = reader.int("drafts_port", default: 0)
        let draftsTLSText = reader.string("drafts_tls") ?? "implicit"
        let draftsUser = reader.string("drafts_user")
        let draftsFolder = reader.string("drafts_folder") ?? "Drafts"
        var draftsEnvironment: [String: String] = [:]
        let draftsPasswordVariable = reader.string("drafts_password_env")
        let draftsPasswordFile = reader.string("drafts_password_file")
        if let draftsHost {
            guard let tls = IMAPAccountSettings.TLSMode(rawValue: draftsTLSText) else {
                reader.problem(reader.node("drafts_tls"), "`drafts_tls` must be implicit, starttls or plaintext")
                return nil
            }
            if tls == .plaintext, !HostName.isLoopback(draftsHost) {
                reader.problem(reader.node("drafts_tls"), "plaintext IMAP is allowed only to a loopback host")
            }
            guard let draftsUser else {
                reader.problem(reader.node("drafts_host"), "`drafts_user` is missing")
                return nil
            }
            if let v = draftsPasswordVariable { draftsEnvironment[v] = reader.environment[v] }
            drafts = IMAPAccountSettings(
                name: "\(name)-drafts", host: draftsHost, port: draftsPort > 0 ? draftsPort : nil, tls: tls,
                allowPlaintext: tls == .plaintext, user: draftsUser, passwordEnv: draftsPasswordVariable,
                passwordFile: draftsPasswordFile, folders: [draftsFolder], timeoutSeconds: timeout)
        }
        guard let host, let security, let fromAddress else { return nil }
        return SMTPConnector(name: name,
                             server: SMTPServer(host: host, port: port, security: security, username: username, password: password,
                                                caFile: caFile, heloName: helo, timeoutSeconds: timeout),
                             from: MailAddress(name: fromName, address: fromAddress), messageIDDomain: domain,
                             maxAutomaticPerRecipientPerDay: max(1, limit), maxRecipients: min(max(1, maxRecipients), 500),
                             drafts: drafts, draftsFolder: draftsFolder,
                             draftsEnvironment: draftsEnvironment, limiter: RateLimiter(perSecond: rate))
    }

    // MARK: - Carrying out

    public func perform(_ action: OutboxAction) async throws -> ConnectorResult {
        let p = action.action.parameters
        let messageID = OutgoingMail.messageID(forKey: action.idempotencyKey, domain: messageIDDomain)
        let origin = "\(name) \(action.action.action); rule \(action.action.rule)"
        switch action.action.action {
        case "reply", "draft_reply":
            let isDraft = action.action.action == "draft_reply"
            guard let original = action.original, let normalised = original.normalised else {
                throw ConnectorError.permanent("\(name): there is no original mail to reply to")
            }
            if !isDraft, let reason = MailLoopGuard.reasonNotToAnswer(kind: original.kind, message: normalised,
                                                                      ownDomains: [messageIDDomain], ownAddresses: [from.address.lowercased()]) {
                return suppressed(reason, messageID: messageID)
            }
            var recipients = try addresses(p["to"], parameter: "to")
            if recipients.isEmpty { recipients = SMTPConnector.replyRecipients(of: normalised) }
            recipients.removeAll { $0.address.lowercased() == from.address.lowercased() || $0.address.isEmpty }
            guard !recipients.isEmpty else {
                if isDraft { throw ConnectorError.permanent("\(name): the original mail has no address to reply to") }
                return suppressed("the original mail has no address to reply to", messageID: messageID)
            }
            var mail = OutgoingMail(from: from, to: recipients, subject: p["subject"]?.stringValue ?? OutgoingMail.replySubject(normalised.subject),
                                    text: replyText(p, original: normalised), messageID: messageID, date: clock(),
                                    autoSubmitted: isDraft ? "no" : "auto-replied", origin: origin)
            mail.cc = try addresses(p["cc"], parameter: "cc")
            try checkRecipientCount(mail)
            mail.inReplyTo = normalised.messageID
            mail.references = OutgoingMail.replyReferences(of: normalised)
            if isDraft {
                return try await draft(mail, action: action, folder: p["folder"]?.stringValue ?? draftsFolder)
            }
            return try await deliver(mail, key: action.idempotencyKey, purpose: "reply", outboxID: action.id,
                                     overLimit: .suppress)
        case "forward":
            guard let original = action.original, let normalised = original.normalised else {
                throw ConnectorError.permanent("\(name): there is no original mail to forward")
            }
            if normalised.headers.contains(where: { $0.name.caseInsensitiveCompare(OutgoingMail.originHeader) == .orderedSame }) {
                return suppressed("the mail was written by Mailroom; forwarding it could start a loop", messageID: messageID)
            }
            let recipients = try addresses(p["to"], parameter: "to")
            guard !recipients.isEmpty else { throw ConnectorError.permanent("\(name): `to` names nobody to forward to") }
            var mail = OutgoingMail(from: from, to: recipients, subject: p["subject"]?.stringValue ?? OutgoingMail.forwardSubject(normalised.subject),
                                    text: p["body"]?.stringValue ?? "", messageID: messageID, date: clock(),
                                    autoSubmitted: "auto-generated", origin: origin)
            mail.cc = try addresses(p["cc"], parameter: "cc")
            try checkRecipientCount(mail)
            mail.attachedMessage = try original.raw()
            return try await deliver(mail, key: action.idempotencyKey, purpose: "forward", outboxID: action.id, overLimit: .wait)
        case "notify":
            let recipients = try addresses(p["to"], parameter: "to")
            guard !recipients.isEmpty else { throw ConnectorError.permanent("\(name): `to` names nobody to notify") }
            var mail = OutgoingMail(from: from, to: recipients, subject: p["subject"]?.stringValue ?? "", text: p["body"]?.stringValue ?? "",
                                    messageID: messageID, date: clock(), autoSubmitted: "auto-generated", origin: origin)
            mail.cc = try addresses(p["cc"], parameter: "cc")
            try checkRecipientCount(mail)
            return try await deliver(mail, key: action.idempotencyKey, purpose: "notify", outboxID: action.id, overLimit: .wait)
        default:
            throw ConnectorError.permanent("connector \(name) has no action '\(action.action.action)' (it offers: reply, forward, notify, draft_reply)")
        }
    }

    public func earlierResult(of action: OutboxAction) async throws -> ConnectorResult? {
        guard let store else { return nil }
        let messageID = OutgoingMail.messageID(forKey: action.idempotencyKey, domain: messageIDDomain)
        guard let record = try store.sentMail(messageID: messageID) else { return nil }
        switch record.state {
        case .sent:
            return ConnectorResult(captured: ["message_id": .string(messageID)],
                                   request: ["message_id": .string(messageID), "to": .array(record.recipients.map { .string($0) }),
                                             "purpose": .string(record.purpose)],
                                   response: ["reply": .optional(record.serverReply), "sent_at": .optional(record.sentAt.map(ISO8601.utcString))],
                                   foundEarlierResult: true)
        case .sending:
            throw ConnectorError.permanent(uncertainMessage(messageID: messageID, recipients: record.recipients))
        }
    }

    package func uncertainMessage(messageID: String, recipients: [String]) -> String {
        "\(name): the mail <\(messageID)> to \(recipients.joined(separator: ", ")) may or may not have been delivered "
            + "(the SMTP transaction was interrupted after the whole mail was handed over, or Mailroom stopped before recording "
            + "the server's answer); look for it (sent folder, the recipient), then `mailroom outbox retry` to send it again with "
            + "the same Message-ID, or `mailroom outbox drop` if it arrived"
    }

    package func suppressed(_ reason: String, messageID: String) -> ConnectorResult {
        ConnectorResult(captured: ["suppressed": true],
                        request: ["message_id": .string(messageID), "sent": false],
                        response: ["suppressed": true, "reason": .string(reason)])
    }

    /// Whom a reply goes to when the rule names nobody: the author (From), one address. Reply-To is honoured
    /// only when it names one address of the author's own domain — otherwise anyone could make Mailroom write to
    /// any list of strangers by setting Reply-To (a relay).
    package static func replyRecipients(of original: NormalisedMessage) -> [MailAddress] {
        guard let author = original.from.first else { return [] }
        if original.replyTo.count == 1, let replyTo = original.replyTo.first,
           MailDomain.organisation(of: replyTo.address) == MailDomain.organisation(of: author.address) {
            return [replyTo]
        }
        return [author]
    }

    /// Quoted lines of the original in a reply with `quote: true`: enough for context, too few to carry a letter.
    package static let quotedLineLimit = 20

    /// At most `max_recipients` addresses in To and Cc together: a template filled from a mail cannot fan out.
    package func checkRecipientCount(_ mail: OutgoingMail) throws {
        let count = mail.to.count + mail.cc.count
        if count > maxRecipients {
            throw ConnectorError.permanent("\(name): the mail would go to \(count) addresses; the connector allows at most \(maxRecipients) "
                                           + "(`max_recipients`): nothing was sent")
        }
    }

    package func replyText(_ p: [String: JSONValue], original: NormalisedMessage) -> String {
        var text = p["body"]?.stringValue ?? p["body"].map(\.canonicalJSON) ?? ""
        if p["quote"]?.boolValue ?? false, !original.text.isEmpty {
            let who = original.from.first.map { $0.name ?? $0.address } ?? "you"
            let when = original.date.map { " on " + MailDateText.rfc5322($0) } ?? ""
            let quoted = original.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(SMTPConnector.quotedLineLimit)
                .map { "> " + $0.trimmingCharacters(in: CharacterSet(charactersIn: "\r")) }
            text += "\n\n\(who) wrote\(when):\n" + quoted.joined(separator: "\n")
        }
        return text
    }

    /// `to`/`cc`: one address, "Name <address>", comma-separated, or a list of them.
    package func addresses(_ value: JSONValue?, parameter: String) throws -> [MailAddress] {
        guard let value, !value.isNull else { return [] }
        var items: [String] = []
        if let s = value.stringValue { items = s.split(separator: ",").map(String.init) }
        else if let list = value.arrayValue { items = list.compactMap(\.stringValue) }
        var out: [MailAddress] = []
        for item in items {
            let text = item.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            if let open = text.lastIndex(of: "<"), let close = text.lastIndex(of: ">"), open < close {
                let address = String(text[text.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
                let display = String(text[..<open]).trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
                out.append(MailAddress(name: display.isEmpty ? nil : display, address: address))
            } else {
                out.append(MailAddress(name: nil, address: text))
            }
        }
        for a in out where !a.address.contains("@") || a.address.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" }) {
            throw ConnectorError.permanent("\(name): `\(parameter)` holds '\(a.address)', which is not a mail address")
        }
        return out
    }

    /// What to do when a recipient reached the daily limit: a reply is suppressed (RFC 3834 asks for at
    /// most one automatic answer per period), a notification or forward waits for the window to free.
    package enum OverLimit { case suppress, wait }

    /// Submits one mail exactly once (see the type's documentation). Approval notices use it too.
    package func deliver(_ mail: OutgoingMail, key: String, purpose: String, outboxID: Int64?, overLimit: OverLimit?,
                 approvalReference: String? = nil, approver: String? = nil, audit: AuditDraft? = nil) async throws -> ConnectorResult {
        guard let store else { throw ConnectorError.permanent("\(name): the smtp connector needs the store (it was not given one)") }
        let recipients = (mail.to + mail.cc).map { $0.address.lowercased() }
        let record = SentMailRecord(messageID: mail.messageID, connector: name, idempotencyKey: key, purpose: purpose, state: .sending,
                                    recipients: recipients, outboxID: outboxID, approvalReference: approvalReference, approver: approver,
                                    serverReply: nil, startedAt: clock(), sentAt: nil)
        let request: JSONValue = [
            "from": .string(from.address), "to": .array(mail.to.map { .string($0.address) }), "cc": .array(mail.cc.map { .string($0.address) }),
            "subject": .string(mail.subject), "message_id": .string(mail.messageID), "in_reply_to": .optional(mail.inReplyTo),
            "references": .array(mail.references.map { .string($0) }), "auto_submitted": .string(mail.autoSubmitted),
            "purpose": .string(purpose), "server": .string(server.place),
        ]
        switch try store.beginSending(record, limitPerRecipientPerDay: overLimit == nil ? nil : maxAutomaticPerRecipientPerDay, now: clock()) {
        case .go:
            break
        case .alreadySent(let earlier):
            return ConnectorResult(captured: ["message_id": .string(mail.messageID)], request: request,
                                   response: ["reply": .optional(earlier.serverReply)], foundEarlierResult: true)
        case .uncertain:
            // Only a person's `outbox retry` (or a notice being sent again) gets here: send it again, same Message-ID.
            try store.restartSending(record, now: clock())
        case .limited(let recipient, let until):
            let reason = "\(recipient) already got \(maxAutomaticPerRecipientPerDay) automatic mails from Mailroom in the last 24 hours"
            switch overLimit ?? .wait {
            case .suppress: return suppressed(reason, messageID: mail.messageID)
            case .wait: throw ConnectorError.transient("\(name): \(reason)", retryAfter: max(60, until.timeIntervalSince(clock())))
            }
        }
        let client = SMTPClient(server: server)
        await limiter.waitForTurn()
        let receipt: SMTPReceipt
        do {
            receipt = try await client.send(mail.rendered(), from: from.address, to: recipients)
        } catch {
            switch error {
            case .uncertain(let m):
                throw ConnectorError.permanent(uncertainMessage(messageID: mail.messageID, recipients: recipients) + " (\(m))")
            case .refused(let m):
                try store.abandonSending(messageID: mail.messageID)
                throw ConnectorError.permanent("\(name): \(m)")
            case .tls(let m):
                try store.abandonSending(messageID: mail.messageID)
                throw ConnectorError.permanent("\(name): \(m)")
            case .rejected(let code, let reply, let temporary):
                try store.abandonSending(messageID: mail.messageID)
                let message = "\(name): \(server.place) answered \(code): \(reply)"
                throw temporary ? ConnectorError.transient(message) : ConnectorError.permanent(message)
            case .transport(let m):
                try store.abandonSending(messageID: mail.messageID)
                throw ConnectorError.transient("\(name): \(m)")
            }
        }
        try store.finishSending(messageID: mail.messageID, serverReply: receipt.reply, countRecipients: overLimit != nil, now: clock(), audit: audit)
        return ConnectorResult(captured: ["message_id": .string(mail.messageID)], request: request,
                               response: ["code": .integer(receipt.code), "reply": .string(receipt.reply)])
    }

    /// A drafted reply into the Drafts folder (exactly once: recorded like a sent mail, purpose `draft`).
    package func draft(_ mail: OutgoingMail, action: OutboxAction, folder: String) async throws -> ConnectorResult {
        guard let drafts else {
            throw ConnectorError.permanent("\(name): `draft_reply` needs the Drafts mailbox: add drafts_host, drafts_user, drafts_password_env to the connector file")
        }
        guard let store else { throw ConnectorError.permanent("\(name): the smtp connector needs the store") }
        let record = SentMailRecord(messageID: mail.messageID, connector: name, idempotencyKey: action.idempotencyKey, purpose: "draft",
                                    state: .sending, recipients: mail.to.map(\.address), outboxID: action.id, approvalReference: nil,
                                    approver: nil, serverReply: nil, startedAt: clock(), sentAt: nil)
        let request: JSONValue = ["folder": .string(folder), "to": .array(mail.to.map { .string($0.address) }),
                                  "subject": .string(mail.subject), "message_id": .string(mail.messageID), "in_reply_to": .optional(mail.inReplyTo)]
        switch try store.beginSending(record, limitPerRecipientPerDay: nil, now: clock()) {
        case .alreadySent: return ConnectorResult(captured: ["message_id": .string(mail.messageID)], request: request, foundEarlierResult: true)
        case .uncertain: try store.restartSending(record, now: clock())
        case .go, .limited: break
        }
        var environment = ProcessInfo.processInfo.environment
        for (k, v) in draftsEnvironment { environment[k] = v }
        do {
            let location = try await IMAPMailbox(account: drafts, environment: environment).append(mail.rendered(), to: folder, flags: [.draft, .seen])
            try store.finishSending(messageID: mail.messageID, serverReply: location.map { "appended as \($0)" } ?? "appended",
                                    countRecipients: false, now: clock())
            return ConnectorResult(captured: ["message_id": .string(mail.messageID)], request: request,
                                   response: ["folder": .string(folder), "location": .optional(location?.description)])
        } catch {
            try store.abandonSending(messageID: mail.messageID)
            throw ConnectorError.transient("\(name): appending the draft to \(folder) failed: \(error)")
        }
    }
}
