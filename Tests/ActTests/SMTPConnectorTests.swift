import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Ingest
@testable import Parse
@testable import Act
import MailroomTesting

@Suite("outgoing mail: threading, encoding", .serverLogsOnFailure)
struct OutgoingMailTests {
    @Test("reply subjects never pile up Re:/AW:/回复: prefixes; forward subjects likewise")
    func subjects() {
        #expect(OutgoingMail.replySubject("Anfrage Pumpen") == "Re: Anfrage Pumpen")
        #expect(OutgoingMail.replySubject("Re: AW: RE: Anfrage") == "Re: Anfrage")
        #expect(OutgoingMail.replySubject("回复：报价") == "Re: 报价")
        #expect(OutgoingMail.replySubject("Re[2]: Antw: quote") == "Re: quote")
        #expect(OutgoingMail.replySubject("Reference list") == "Re: Reference list")
        #expect(OutgoingMail.replySubject(nil) == "Re: ")
        #expect(OutgoingMail.forwardSubject("WG: Fwd: Rechnung") == "Fwd: Rechnung")
    }

    @Test("a composed reply parses back: encoded subject and names, UTF-8 body, threading, our headers")
    func roundTrip() throws {
        var mail = OutgoingMail(from: MailAddress(name: "Büro Müller", address: "office@firma.example"),
                                to: [MailAddress(name: "李 娜", address: "li@kunde.example")],
                                subject: "Re: Angebot für Kugelhähne – 报价 " + String(repeating: "lang ", count: 12),
                                text: "Grüße,\n.a line starting with a dot\nend with space \n" + String(repeating: "ä", count: 100),
                                messageID: OutgoingMail.messageID(forKey: "k1", domain: "firma.example"), date: Date(timeIntervalSince1970: 1_790_000_000),
                                autoSubmitted: "auto-replied", origin: "mail reply")
        mail.inReplyTo = "orig@kunde.example"
        mail.references = ["first@kunde.example", "orig@kunde.example"]
        let data = mail.rendered()
        let text = String(decoding: data, as: UTF8.self)
        let bytes = Array(data)
        #expect(bytes.indices.allSatisfy { bytes[$0] != 0x0A || $0 > 0 && bytes[$0 - 1] == 0x0D }, "every line ends in CRLF")
        #expect(data.split(separator: 0x0A).allSatisfy { $0.count <= 998 })
        #expect(text.contains("Subject: =?UTF-8?B?"))
        #expect(text.contains("Auto-Submitted: auto-replied"))
        #expect(text.contains("X-Mailroom-Origin: mail reply"))
        #expect(text.contains("Content-Transfer-Encoding: quoted-printable"))
        let parsed = MessageParser.parse(data).normalised
        #expect(parsed.subject == mail.subject)
        #expect(parsed.from.first?.name == "Büro Müller")
        #expect(parsed.to.first?.name == "李 娜")
        #expect(parsed.messageID == mail.messageID)
        #expect(parsed.messageID?.hasSuffix("@firma.example") == true)
        #expect(parsed.inReplyTo == "orig@kunde.example")
        #expect(parsed.references == ["first@kunde.example", "orig@kunde.example"])
        #expect(parsed.text.contains("Grüße,\n.a line starting with a dot\nend with space \n"))
        #expect(parsed.text.contains(String(repeating: "ä", count: 100)))
        #expect(parsed.date == Date(timeIntervalSince1970: 1_790_000_000))
        // The same key gives the same Message-ID; another key another.
        #expect(OutgoingMail.messageID(forKey: "k1", domain: "firma.example") == mail.messageID)
        #expect(OutgoingMail.messageID(forKey: "k2", domain: "firma.example") != mail.messageID)
    }

    @Test("References: the original's chain plus its Message-ID; In-Reply-To alone when it has no References")
    func references() {
        var m = NormalisedMessage()
        m.messageID = "c@x"
        m.references = ["a@x", "b@x"]
        #expect(OutgoingMail.replyReferences(of: m) == ["a@x", "b@x", "c@x"])
        m.references = []
        m.inReplyTo = "b@x"
        #expect(OutgoingMail.replyReferences(of: m) == ["b@x", "c@x"])
    }
}

@Suite("smtp connector against a real SMTP sink", .serverLogsOnFailure, .serialized)
struct SMTPConnectorTests {
    static let customerMail = """
        From: Anna Schmidt <anna@kunde.example>
        To: office@firma.example
        Subject: AW: Anfrage Kugelhähne
        Date: Mon, 23 Nov 2026 08:00:00 +0000
        Message-ID: <req-1@kunde.example>
        References: <older@firma.example>
        In-Reply-To: <older@firma.example>
        Content-Type: text/plain; charset=utf-8

        Bitte um ein Angebot für 4 Kugelhähne DN50.
        """

    static func original(_ text: String, kind: String? = "quote_request") -> OriginalMessage {
        let raw = Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("mr-orig-\(UUID().uuidString).eml")
        try? raw.write(to: file)
        return OriginalMessage(source: "maildir:inbox", location: "x", normalised: MessageParser.parse(raw).normalised, kind: kind,
                               rawPath: file.path)
    }

    static func action(_ name: String, _ parameters: [String: JSONValue], original: OriginalMessage?, key: String = UUID().uuidString,
                       attempt: Int = 1) -> OutboxAction {
        let intended = IntendedAction(rule: "reply rule", ruleFile: "rules/replies.yaml", ruleFileSHA256: "ab", index: 0,
                                      connector: "mail", action: name, parameters: parameters, approval: nil)
        return OutboxAction(id: 1, messageID: 42, idempotencyKey: key, action: intended, attempt: attempt, original: original)
    }

    static func connector(_ sink: SMTPSink, store: MailStore, security: String = "none", extra: String = "") throws -> SMTPConnector {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mr-smtp-conn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try sink.connectorFile(security: security, extra: extra).write(to: dir.appendingPathComponent("mail.yaml"), atomically: true, encoding: .utf8)
        let catalogue = try ConnectorCatalogue.load(directory: dir, environment: [:]).using(store: store)
        return try #require(catalogue.connector(named: "mail") as? SMTPConnector)
    }

    static func store() throws -> MailStore {
        try MailStore(path: try StoreScratch.directory("smtp").appendingPathComponent("mailroom.sqlite").path)
    }

    @Test("a reply reaches the sink threaded, once; earlierResult finds it; a second perform sends nothing")
    func reply() async throws {
        let sink = try await SMTPSink.started()
        let store = try Self.store()
        let mail = try Self.connector(sink, store: store)
        let action = Self.action("reply", ["body": "Guten Tag Frau Schmidt,\ndas Angebot folgt.", "quote": true], original: Self.original(Self.customerMail))
        #expect(try await mail.earlierResult(of: action) == nil)
        let result = try await mail.perform(action)
        #expect(result.response.objectValue?["code"] == 250)
        let received = await sink.waitForMails(1)
        try #require(received.count == 1)
        #expect(sink.envelopeRecipients(0) == ["anna@kunde.example"])
        let parsed = MessageParser.parse(received[0]).normalised
        #expect(parsed.subject == "Re: Anfrage Kugelhähne")
        #expect(parsed.inReplyTo == "req-1@kunde.example")
        #expect(parsed.references == ["older@firma.example", "req-1@kunde.example"])
        #expect(parsed.messageID == OutgoingMail.messageID(forKey: action.idempotencyKey, domain: "firma.example"))
        #expect(parsed.headers.first { $0.name == "Auto-Submitted" }?.value == "auto-replied")
        #expect(parsed.headers.contains { $0.name == "X-Mailroom-Origin" })
        #expect(parsed.text.hasPrefix("Guten Tag Frau Schmidt,\ndas Angebot folgt."))
        #expect(parsed.text.contains("> Bitte um ein Angebot"))
        // After a crash between sent and recorded: found, not sent again.
        let earlier = try #require(try await mail.earlierResult(of: Self.action("reply", action.action.parameters, original: action.original,
                                                                              key: action.idempotencyKey, attempt: 2)))
        #expect(earlier.foundEarlierResult)
        #expect(earlier.captured["message_id"] == .string(parsed.messageID ?? ""))
        let again = try await mail.perform(action)
        #expect(again.foundEarlierResult)
        try await Task.sleep(for: .milliseconds(300))
        #expect(sink.mails().count == 1)
    }

    @Test("no automatic reply to auto-replies, lists, bounces, Auto-Submitted or Mailroom's own mail: done with the reason, nothing sent")
    func loopSafety() async throws {
        let sink = try await SMTPSink.started()
        let store = try Self.store()
        let mail = try Self.connector(sink, store: store)
        let base = "From: someone@kunde.example\nTo: office@firma.example\nSubject: hello\nMessage-ID: <m-\(UUID().uuidString)@kunde.example>\n"
        let cases: [(String, String?, String)] = [
            (base + "\nI am out of office.", "auto_reply", "auto_reply"),
            (base + "List-Id: <pumps.lists.example>\n\nnews", "quote_request", "List-Id"),
            (base + "List-Unsubscribe: <mailto:leave@lists.example>\n\nnews", "quote_request", "List-Unsubscribe"),
            (base + "Precedence: bulk\n\nnews", "quote_request", "Precedence"),
            (base + "Auto-Submitted: auto-generated\n\nreport", "quote_request", "Auto-Submitted"),
            ("Return-Path: <>\n" + base + "\nbounce", "quote_request", "null return path"),
            ("From: MAILER-DAEMON@mx.kunde.example\nTo: office@firma.example\nSubject: Undelivered\nMessage-ID: <b1@mx>\n\nbounce", "quote_request", "mailer daemon"),
            (base + "Content-Type: multipart/report; report-type=delivery-status; boundary=x\n\n--x\nContent-Type: text/plain\n\nfailed\n--x--\n", "quote_request", "multipart/report"),
            (base + "X-Mailroom-Origin: mail reply\n\nour own", "quote_request", "Mailroom"),
            ("From: someone@kunde.example\nTo: office@firma.example\nSubject: hi\nMessage-ID: <mailroom.abc@firma.example>\n\nours", "quote_request", "Message-ID"),
        ]
        for (text, kind, expected) in cases {
            let result = try await mail.perform(Self.action("reply", ["body": "Thanks"], original: Self.original(text, kind: kind)))
            #expect(result.response.objectValue?["suppressed"] == true, "\(expected)")
            let reason = result.response.objectValue?["reason"]?.stringValue ?? ""
            #expect(reason.contains(expected), "\(reason) should name \(expected)")
        }
        // Auto-Submitted: no is a person's mail: answered.
        _ = try await mail.perform(Self.action("reply", ["body": "Thanks"], original: Self.original(base + "Auto-Submitted: no\n\nhi")))
        let received = await sink.waitForMails(1)
        try await Task.sleep(for: .milliseconds(300))
        #expect(sink.mails().count == 1)
        #expect(received.count == 1)
    }

    @Test("per-recipient daily limit: replies beyond it are suppressed, notifications wait")
    func rateLimit() async throws {
        let sink = try await SMTPSink.started()
        let store = try Self.store()
        let mail = try Self.connector(sink, store: store, extra: "max_automatic_per_recipient_per_day: 2")
        for _ in 0..<2 {
            let r = try await mail.perform(Self.action("reply", ["body": "ok"], original: Self.original(Self.customerMail)))
            #expect(r.response.objectValue?["code"] == 250)
        }
        let third = try await mail.perform(Self.action("reply", ["body": "ok"], original: Self.original(Self.customerMail)))
        #expect(third.response.objectValue?["suppressed"] == true)
        #expect(third.response.objectValue?["reason"]?.stringValue?.contains("anna@kunde.example") == true)
        do {
            _ = try await mail.perform(Self.action("notify", ["to": "Anna <anna@kunde.example>", "subject": "s", "body": "b"], original: nil))
            Issue.record("the notification must wait")
        } catch let e as ConnectorError {
            guard case .transient(_, let after) = e else { Issue.record("expected transient, got \(e)"); return }
            #expect((after ?? 0) > 3600)
        }
        // Another recipient is not limited.
        let other = try await mail.perform(Self.action("notify", ["to": ["boss@firma.example"], "subject": "Neu", "body": "b"], original: nil))
        #expect(other.response.objectValue?["code"] == 250)
        let received = await sink.waitForMails(3)
        try await Task.sleep(for: .milliseconds(300))
        #expect(received.count == 3)
        let notice = MessageParser.parse(sink.mails()[2]).normalised
        #expect(notice.headers.first { $0.name == "Auto-Submitted" }?.value == "auto-generated")
    }

    @Test("not a relay: a reply goes to the author, Reply-To only within the author's domain, at most max_recipients, no quote unless asked")
    func notARelay() async throws {
        let victims = (1...30).map { "victim\($0)@elsewhere.example" }.joined(separator: ", ")
        func mail(replyTo: String) -> String {
            """
            From: Mallory <mallory@evil.example>
            Reply-To: \(replyTo)
            To: office@firma.example
            Subject: Anfrage
            Message-ID: <relay-\(UUID().uuidString)@evil.example>
            Content-Type: text/plain; charset=utf-8

            BUY CHEAP WATCHES at http://spam.example
            """
        }
        #expect(SMTPConnector.replyRecipients(of: MessageParser.parse(Data(mail(replyTo: victims).utf8)).normalised).map(\.address)
                == ["mallory@evil.example"])
        #expect(SMTPConnector.replyRecipients(of: MessageParser.parse(Data(mail(replyTo: "victim@elsewhere.example").utf8)).normalised).map(\.address)
                == ["mallory@evil.example"])
        #expect(SMTPConnector.replyRecipients(of: MessageParser.parse(Data(mail(replyTo: "orders@shop.evil.example").utf8)).normalised).map(\.address)
                == ["orders@shop.evil.example"])

        let sink = try await SMTPSink.started()
        let store = try Self.store()
        let smtp = try Self.connector(sink, store: store)
        let reply = try await smtp.perform(Self.action("reply", ["body": "Danke, wir melden uns."], original: Self.original(mail(replyTo: victims))))
        #expect(reply.response.objectValue?["code"] == 250)
        let received = await sink.waitForMails(1)
        try #require(received.count == 1)
        #expect(sink.envelopeRecipients(0) == ["mallory@evil.example"])
        #expect(!MessageParser.parse(received[0]).normalised.text.contains("WATCHES"), "the original is not quoted unless the rule asks")
        // A `to` filled from the mail cannot fan out.
        await #expect(throws: ConnectorError.self) {
            _ = try await smtp.perform(Self.action("reply", ["body": "x", "to": .string(victims)], original: Self.original(Self.customerMail)))
        }
        await #expect(throws: ConnectorError.self) {
            _ = try await smtp.perform(Self.action("notify", ["to": .string(victims), "subject": "s", "body": "b"], original: nil))
        }
        #expect(sink.mails().count == 1, "refused before any SMTP transaction")
    }

    @Test("forward attaches the original whole (message/rfc822)")
    func forward() async throws {
        let sink = try await SMTPSink.started()
        let store = try Self.store()
        let mail = try Self.connector(sink, store: store)
        _ = try await mail.perform(Self.action("forward", ["to": "sales@firma.example", "body": "Bitte übernehmen."],
                                              original: Self.original(Self.customerMail)))
        let received = await sink.waitForMails(1)
        try #require(received.count == 1)
        let parsed = MessageParser.parse(received[0]).normalised
        #expect(parsed.subject == "Fwd: Anfrage Kugelhähne")
        #expect(parsed.attachedMessages.first?.messageID == "req-1@kunde.example")
        #expect(parsed.text.contains("Bitte übernehmen."))
    }

    @Test("STARTTLS is required: a server without it gets nothing; plaintext beyond loopback is refused in the file")
    func tlsRequired() async throws {
        let sink = try await SMTPSink.started()
        let store = try Self.store()
        let mail = try Self.connector(sink, store: store, security: "starttls")
        do {
            _ = try await mail.perform(Self.action("notify", ["to": "x@firma.example", "subject": "s", "body": "b"], original: nil))
            Issue.record("sending without STARTTLS must fail")
        } catch let e as ConnectorError {
            guard case .permanent(let m) = e else { Issue.record("expected permanent, got \(e)"); return }
            #expect(m.lowercased().contains("ssl") || m.lowercased().contains("tls"), "\(m)")
        }
        try await Task.sleep(for: .milliseconds(300))
        #expect(sink.mails().isEmpty)

        let dir = try StoreScratch.directory("smtp-file")
        try "type: smtp\nhost: mail.example.com\nsecurity: none\nfrom: a@example.com\n".write(to: dir.appendingPathComponent("m.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try ConnectorCatalogue.load(directory: dir, environment: [:])
            Issue.record("plaintext to a remote host must be refused")
        } catch {
            let text = error.problems.map(\.description).joined(separator: "\n")
            #expect(text.contains("m.yaml:3:"), "\(text)")
            #expect(text.contains("loopback"))
        }
    }

    @Test("the server's 4xx is transient, 5xx permanent; a failed attempt leaves no sent record")
    func rejections() async throws {
        let sink = try await SMTPSink.started(["--reject-rcpt=later@firma.example=451", "--reject-rcpt=nobody@firma.example=550"])
        let store = try Self.store()
        let mail = try Self.connector(sink, store: store)
        let later = Self.action("notify", ["to": "later@firma.example", "subject": "s", "body": "b"], original: nil)
        await #expect(throws: ConnectorError.transient("mail: smtp://127.0.0.1:\(sink.port) answered 451: 451 4.2.0 try again later")) {
            _ = try await mail.perform(later)
        }
        #expect(try await mail.earlierResult(of: later) == nil)
        do {
            _ = try await mail.perform(Self.action("notify", ["to": "nobody@firma.example", "subject": "s", "body": "b"], original: nil))
            Issue.record("550 must fail")
        } catch let e as ConnectorError {
            guard case .permanent(let m) = e else { Issue.record("expected permanent, got \(e)"); return }
            #expect(m.contains("550"))
        }
        #expect(sink.mails().isEmpty)
    }

    @Test("an interrupted transaction is not guessed: earlierResult makes it a person's decision")
    func uncertain() async throws {
        let store = try Self.store()
        let sink = try await SMTPSink.started()
        let mail = try Self.connector(sink, store: store)
        let action = Self.action("notify", ["to": "x@firma.example", "subject": "s", "body": "b"], original: nil)
        let id = OutgoingMail.messageID(forKey: action.idempotencyKey, domain: "firma.example")
        _ = try store.beginSending(SentMailRecord(messageID: id, connector: "mail", idempotencyKey: action.idempotencyKey, purpose: "notify",
                                                  state: .sending, recipients: ["x@firma.example"], outboxID: 1, approvalReference: nil,
                                                  approver: nil, serverReply: nil, startedAt: Date(), sentAt: nil),
                                   limitPerRecipientPerDay: nil, now: Date())
        do {
            _ = try await mail.earlierResult(of: action)
            Issue.record("an uncertain send must not be resolved automatically")
        } catch let e as ConnectorError {
            guard case .permanent(let m) = e else { Issue.record("expected permanent, got \(e)"); return }
            #expect(m.contains("may or may not") && m.contains(id) && m.contains("outbox retry"))
        }
        // A person's retry (attempts start again, perform is called): sent with the same Message-ID.
        _ = try await mail.perform(action)
        let received = await sink.waitForMails(1)
        #expect(received.first.map { MessageParser.parse($0).normalised.messageID } == id)
        #expect(try store.sentMail(messageID: id)?.state == .sent)
    }
}

@Suite("smtp connector: TLS verified against a real STARTTLS sink; drafts into a real Dovecot", .serverLogsOnFailure, .serialized)
struct SMTPConnectorTLSAndDraftTests {
    /// A throw-away CA-less self-signed certificate for 127.0.0.1 (SAN IP), made with openssl.
    static func certificate(in dir: URL) throws -> (cert: String, key: String) {
        let cert = dir.appendingPathComponent("sink.pem").path, key = dir.appendingPathComponent("sink.key").path
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        p.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "2",
                       "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        let deadline = Date().addingTimeInterval(60)
        while p.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        guard FileManager.default.fileExists(atPath: cert) else { throw TestServerError(message: "openssl made no certificate") }
        return (cert, key)
    }

    @Test("STARTTLS with a certificate that verifies (ca_file): sent over TLS; the same server without ca_file: refused, nothing sent")
    func startTLS() async throws {
        let dir = try StoreScratch.directory("smtp-tls")
        defer { StoreScratch.remove(dir) }
        let (cert, key) = try await offThePool { try Self.certificate(in: dir) }
        let sink = try await SMTPSink.started(["--starttls-cert", cert, "--starttls-key", key])
        let store = try SMTPConnectorTests.store()
        let unverified = try SMTPConnectorTests.connector(sink, store: store, security: "starttls")
        let notify = SMTPConnectorTests.action("notify", ["to": "x@firma.example", "subject": "s", "body": "b"], original: nil)
        do {
            _ = try await unverified.perform(notify)
            Issue.record("a certificate that does not verify must stop the mail")
        } catch let e as ConnectorError {
            guard case .permanent = e else { Issue.record("expected permanent, got \(e)"); return }
        }
        #expect(sink.mails().isEmpty)
        let verified = try SMTPConnectorTests.connector(sink, store: store, security: "starttls", extra: "ca_file: \(cert)")
        let result = try await verified.perform(SMTPConnectorTests.action("notify", ["to": "x@firma.example", "subject": "s", "body": "b"], original: nil))
        #expect(result.response.objectValue?["code"] == 250)
        let received = await sink.waitForMails(1)
        #expect(received.count == 1)
        let envelope = try JSONValue.parse(Data(contentsOf: sink.mailDirectory.appendingPathComponent("0001.json")))
        #expect(envelope.objectValue?["tls"] == true)
    }

    @Test("implicit TLS (smtps): sent when the certificate verifies")
    func implicitTLS() async throws {
        let dir = try StoreScratch.directory("smtps")
        defer { StoreScratch.remove(dir) }
        let (cert, key) = try await offThePool { try Self.certificate(in: dir) }
        let sink = try await SMTPSink.started(["--starttls-cert", cert, "--starttls-key", key, "--implicit-tls"])
        let store = try SMTPConnectorTests.store()
        let mail = try SMTPConnectorTests.connector(sink, store: store, security: "tls", extra: "ca_file: \(cert)")
        #expect(mail.server.place == "smtps://127.0.0.1:\(sink.port)")
        let result = try await mail.perform(SMTPConnectorTests.action("notify", ["to": "x@firma.example", "subject": "s", "body": "b"], original: nil))
        #expect(result.response.objectValue?["code"] == 250)
        #expect(await sink.waitForMails(1).count == 1)
        let envelope = try JSONValue.parse(Data(contentsOf: sink.mailDirectory.appendingPathComponent("0001.json")))
        #expect(envelope.objectValue?["tls"] == true)
    }

    @Test("draft_reply lands in the Drafts folder of a real IMAP server, threaded, once")
    func draftIntoDovecot() async throws {
        try DovecotTestServer.requireAvailable()
        let dovecot = try await offThePool { try DovecotTestServer(label: "drafts") }
        defer { dovecot.stopAndRemove() }
        let sink = try await SMTPSink.started()
        let store = try SMTPConnectorTests.store()
        let account = dovecot.account()
        try await IMAPMailbox(account: account, environment: dovecot.environment).createFolder("Drafts")
        let dir = try StoreScratch.directory("smtp-drafts")
        defer { StoreScratch.remove(dir) }
        try sink.connectorFile(extra: """
            drafts_host: 127.0.0.1
            drafts_port: \(dovecot.imapPort)
            drafts_tls: plaintext
            drafts_user: alice
            drafts_password_env: MAILROOM_TEST_IMAP_PASSWORD
            """).write(to: dir.appendingPathComponent("mail.yaml"), atomically: true, encoding: .utf8)
        let catalogue = try ConnectorCatalogue.load(directory: dir, environment: dovecot.environment).using(store: store)
        let mail = try #require(catalogue.connector(named: "mail") as? SMTPConnector)
        let action = SMTPConnectorTests.action("draft_reply", ["body": "Entwurf: Angebot folgt."], original: SMTPConnectorTests.original(SMTPConnectorTests.customerMail))
        let result = try await mail.perform(action)
        #expect(result.response.objectValue?["folder"] == "Drafts")
        #expect(try dovecot.uids(of: "alice", in: "Drafts").count == 1)
        let text = try dovecot.doveadm(["fetch", "-u", "alice", "text", "mailbox", "Drafts"])
        #expect(text.contains("In-Reply-To: <req-1@kunde.example>"), "\(text)")
        #expect(text.contains("Auto-Submitted: no"))
        #expect(try dovecot.doveadm(["fetch", "-u", "alice", "flags", "mailbox", "Drafts"]).contains("\\Draft"))
        // Found again, not appended twice; nothing went out by SMTP.
        #expect(try await mail.earlierResult(of: action)?.foundEarlierResult == true)
        _ = try await mail.perform(action)
        #expect(try dovecot.uids(of: "alice", in: "Drafts").count == 1)
        #expect(sink.mails().isEmpty)
    }
}
