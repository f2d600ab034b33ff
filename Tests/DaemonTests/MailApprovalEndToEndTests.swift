import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Parse
@testable import Act
import MailroomTesting

/// Issue 8 end to end through the real `mailroom` binary: a quote request → a quotation in a real Tryton →
/// the approver's notification at a real SMTP sink → the approver's reply (built from that notification)
/// in the Maildir → the action released → the customer's threaded reply at the sink, exactly once across a
/// crash between "sent" and "recorded"; a non-approver's reply changes nothing; automatic, bounce and list
/// mail get no reply although a rule asks for one.
@Suite("approval by mail and smtp replies through the daemon", .serverLogsOnFailure, .serialized)
struct MailApprovalEndToEndTests {
    static let quoteRequest = """
        From: Anna Schmidt <anna@kunde.example>
        To: Brightwater Sales <sales@brightwater.example>
        Subject: Request for quotation RFQ-2026-0815
        Date: Mon, 23 Nov 2026 08:00:00 +0000
        Message-ID: <rfq-0815@kunde.example>
        References: <earlier-contact@brightwater.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Dear sales team,

        please send us your quotation for the following items:

        1. 2 pcs Centrifugal pump CP-100 (part no. PMP-100)
        2. 4 pcs Ball valve DN25 stainless (part no. VLV-BALL-25)

        Please quote our reference RFQ-2026-0815.
        Requested delivery date: 2026-12-15.

        Best regards
        Anna Schmidt
        Kunde GmbH, Hamburg
        anna@kunde.example

        """

    /// The test's own rules folder: the repository's kinds and examples, rules/quotes.yaml's flow plus the
    /// customer's reply after confirmation, a rule that would answer any automatic mail, and approvers.
    func prepare(_ scratch: IngestScratch, sink: SMTPSink, tryton: TrytonTestServer) throws {
        let repo = Repository.root
        _ = try scratch.makeMaildir()
        try FileManager.default.createDirectory(atPath: scratch.path("rules"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repo.appendingPathComponent("rules/kinds").path, toPath: scratch.path("rules/kinds"))
        try FileManager.default.createSymbolicLink(atPath: scratch.path("rules/examples"),
                                                   withDestinationPath: repo.appendingPathComponent("rules/examples").path)
        try scratch.write("""
            rules:
              - name: quote request to draft quotation
                when: kind == "quote_request" and confidence >= 0.7 and len(fields.lines) > 0
                priority: 10
                stop: true
                actions:
                  - connector: erp
                    action: find_or_create_party
                    params:
                      name: "{{ fields.customer_company }}"
                      email: "{{ fields.contact_email }}"
                  - connector: erp
                    action: create_quotation
                    params:
                      party_id: "{{ captured.erp.party_id }}"
                      reference: "{{ fields.reference }}"
                      lines: "{{ fields.lines }}"
                  - connector: erp
                    action: confirm_quotation
                    approval: sales
                    params:
                      quotation_id: "{{ captured.erp.quotation_id }}"
                  - connector: mail
                    action: reply
                    params:
                      body: "Thank you for your request. Our quotation {{ captured.erp.quotation_number }} is confirmed; total {{ captured.erp.total }} EUR."
            """, to: "rules/quotes.yaml")
        try scratch.write("""
            rules:
              - name: acknowledge everything
                when: kind in ["auto_reply", "other", "support_ticket"]
                actions:
                  - connector: mail
                    action: reply
                    params:
                      body: "We received your mail."
            """, to: "rules/replies.yaml")
        try scratch.write("""
            notify_via: mail
            authserv_id: mx.brightwater.example
            roles:
              sales:
                mail: [leitung@brightwater.example]
                users: [nobody-here]
            """, to: "rules/approvers.yaml")
        try scratch.write("""
            type: tryton
            url: http://127.0.0.1:\(tryton.port)
            database: mailroom
            username: admin
            password_env: TRYTON_PASSWORD
            timeout_seconds: 60
            """, to: "connectors/erp.yaml")
        try scratch.write("""
            type: smtp
            host: 127.0.0.1
            port: \(sink.port)
            security: none
            from: sales@brightwater.example
            from_name: Brightwater Sales
            """, to: "connectors/mail.yaml")
        try scratch.write("""
            store:
              path: state/mailroom.sqlite
            spool:
              path: state/spool
            sources:
              maildir:
                - name: inbox
                  path: Maildir
                  poll_seconds: 1
            rules:
              path: rules
              connectors: connectors
              outbox_poll_seconds: 1
              first_retry_seconds: 1
            log:
              level: info
            """, to: "mailroom.yaml")
    }

    var environment: [String: String] { ["TRYTON_PASSWORD": "admin"] }

    func runOnce(_ scratch: IngestScratch, failpoint: String? = nil) async throws -> (status: Int32, stdout: String, stderr: String) {
        var env = environment
        if let failpoint { env["MAILROOM_FAILPOINT"] = failpoint }
        return try await MailroomProcess.run(["run", "--once", "--config", scratch.path("mailroom.yaml")], in: scratch.root,
                                             timeout: .seconds(240), environment: env)
    }

    /// The approver's answer to a notification, as a mail client writes it (quoted notification below), with the
    /// Authentication-Results our mail server (mx.brightwater.example) adds above a mail it verified.
    static func answer(to notice: NormalisedMessage, from sender: String, text: String, n: Int, authenticated: Bool = true) -> String {
        let quoted = notice.text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
        let results = authenticated
            ? "Authentication-Results: mx.brightwater.example; dkim=pass header.d=brightwater.example header.s=mail; spf=pass smtp.mailfrom=brightwater.example; dmarc=pass header.from=brightwater.example\n"
            : "Authentication-Results: mx.brightwater.example; spf=fail smtp.mailfrom=attacker.example; dkim=none; dmarc=fail header.from=brightwater.example\n"
        return results + """
            From: Approver <\(sender)>
            To: sales@brightwater.example
            Subject: \(OutgoingMail.encodedWords(OutgoingMail.replySubject(notice.subject)))
            Date: Mon, 23 Nov 2026 09:0\(n):00 +0000
            Message-ID: <answer-\(n)-\(UUID().uuidString)@brightwater.example>
            In-Reply-To: <\(notice.messageID ?? "")>
            References: <\(notice.messageID ?? "")>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            \(text)

            On Mon, 23 Nov 2026, Brightwater Sales wrote:
            \(quoted)

            """
    }

    @Test("quote → approval request mailed → non-approver refused → approver's reply releases → customer reply once (crash between sent and recorded) → loops impossible")
    func quoteApprovedByMail() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let tryton = try await offThePool { try TrytonTestServer() }
        let sink = try await SMTPSink.started()
        let scratch = try IngestScratch("mail-approval")
        defer { scratch.remove() }
        try prepare(scratch, sink: sink, tryton: tryton)
        let config = scratch.path("mailroom.yaml")

        let check = try await MailroomProcess.run(["rules", "check", "--config", config], in: scratch.root, environment: environment)
        #expect(check.status == 0, "rules check: \(check.stdout) \(check.stderr)")

        // 1. The quote request, through the long-running daemon: party and quotation in Tryton, the
        //    confirmation waits, the approver is asked by mail (the daemon's outbox service sends the request).
        try FileManager.default.createDirectory(atPath: scratch.path("state"), withIntermediateDirectories: true)
        let store = try MailStore(path: scratch.path("state/mailroom.sqlite"))
        let daemon = try MailroomProcess.start(["run", "--config", config], in: scratch.root, label: "daemon", environment: environment)
        try scratch.write(Self.quoteRequest, to: "Maildir/new/1790000000.M1P1.test")
        // Stopped once the request is recorded as sent (the audit event is written in the same transaction).
        // Killed in the instant between the sink's 250 and that record, the next run would mail the request
        // again with the same Message-ID: a duplicate request is preferred to a lost one.
        let asked = await daemon.signal(SIGKILL, timeout: .seconds(180)) {
            ((try? store.auditEvents(matching: AuditFilter(eventType: "approval_requested")).count) ?? 0) > 0
        }
        if !asked { daemon.signal(SIGKILL) }
        _ = await daemon.waitForExit(timeout: .seconds(10))
        let first = (status: Int32(0), stderr: daemon.stderr)
        #expect(asked, "the daemon mailed no approval request: \(daemon.stderr)")
        let quoteID = try #require(try store.allMessages().first?.id)
        let rows = try store.outboxEntries(messageID: quoteID)
        try #require(rows.count == 4, "outbox: \(rows.map { "\($0.action.action) \($0.state)" }) \(first.stderr)")
        #expect(rows[0].state == .done && rows[1].state == .done)
        #expect(rows[2].state == .awaitingApproval)
        let reference = try #require(rows[2].approvalReference)
        let quotationID = try #require(try store.capturedValues(messageID: quoteID)["erp.quotation_id"]?.intValue)
        let erp = try tryton.connector()
        let before = try #require(try await erp.searchRead("sale.sale", [["id", "=", .int(quotationID)]], fields: ["state", "reference"]).first)
        #expect(before["state"] == "quotation")
        #expect(before["reference"] == "RFQ-2026-0815")

        let notices = await sink.waitForMails(1)
        try #require(notices.count == 1, "no approval request reached the sink: \(first.stderr)")
        #expect(sink.envelopeRecipients(0) == ["leitung@brightwater.example"])
        let notice = MessageParser.parse(notices[0]).normalised
        #expect(notice.subject?.contains("[\(reference)]") == true)
        #expect(notice.text.contains("erp confirm_quotation") && notice.text.contains("anna@kunde.example"))
        #expect(notice.text.contains("\"quotation_id\":\(quotationID)"), "the notice shows the real quotation id: \(notice.text)")
        #expect(notice.headers.first { $0.name == "Auto-Submitted" }?.value == "auto-generated")

        // 2. Someone who is not an approver answers the notification: refused, audited, in review; nothing changes.
        try scratch.write(Self.answer(to: notice, from: "eve@brightwater.example", text: "Approve", n: 1), to: "Maildir/new/1790000100.M2P1.test")
        let forged = try await runOnce(scratch)
        #expect(forged.status == 0)
        let forgedMail = try #require(try store.allMessages().first { $0.sender == "eve@brightwater.example" })
        #expect(forgedMail.kind == "approval")
        #expect(forgedMail.state == .review)
        #expect(forgedMail.flagReason?.contains("approval by mail refused") == true, "\(forgedMail.flagReason ?? "")")
        #expect(try store.outboxEntry(reference)?.state == .awaitingApproval)
        #expect(try store.auditEvents(matching: AuditFilter(messageID: quoteID, eventType: "approval_refused")).count == 1)
        try await Task.sleep(for: .milliseconds(300))
        #expect(sink.mails().count == 1)

        // 2b. A forged answer: the approver's address in From, the notice's Message-ID in In-Reply-To, but our mail
        //     server found no aligned authentication (DMARC failed): refused, nothing changes.
        try scratch.write(Self.answer(to: notice, from: "leitung@brightwater.example", text: "Approve", n: 4, authenticated: false),
                          to: "Maildir/new/1790000150.M9P1.test")
        let spoofed = try await runOnce(scratch)
        #expect(spoofed.status == 0)
        let spoofedMail = try #require(try store.allMessages().last)
        #expect(spoofedMail.state == .review)
        #expect(spoofedMail.flagReason?.contains("DMARC did not pass at mx.brightwater.example") == true, "\(spoofedMail.flagReason ?? "")")
        #expect(try store.outboxEntry(reference)?.state == .awaitingApproval)
        #expect(try store.auditEvents(matching: AuditFilter(messageID: quoteID, eventType: "approval_refused")).count == 2)

        // 3. The approver answers "Genehmigt": released; the confirmation and the customer's reply go out —
        //    and the process dies right after the SMTP server took the reply, before it is recorded.
        try scratch.write(Self.answer(to: notice, from: "leitung@brightwater.example", text: "Genehmigt, danke.", n: 2),
                          to: "Maildir/new/1790000200.M3P1.test")
        let crashed = try await runOnce(scratch, failpoint: "after-send:mail")
        #expect(crashed.status == 86, "the fail point must end the run: \(crashed.status) \(crashed.stderr)")
        let afterCrash = await sink.waitForMails(2)
        #expect(afterCrash.count == 2)

        // 4. Restarted: the reply is found as sent, not sent again.
        let restarted = try await runOnce(scratch)
        #expect(restarted.status == 0, "\(restarted.stderr)")
        try await Task.sleep(for: .milliseconds(500))
        let all = sink.mails()
        #expect(all.count == 2, "exactly one customer reply: \(all.count) mails at the sink")
        let approved = try #require(try store.outboxEntry(reference))
        #expect(approved.state == .done)
        #expect(approved.decidedBy == "mail:leitung@brightwater.example")
        let replyRow = try #require(try store.outboxEntries(messageID: quoteID).last)
        #expect(replyRow.state == .done)
        #expect(replyRow.result?.objectValue?["found_earlier_result"] == true)
        #expect(try store.message(id: quoteID)?.state == .acted)
        let confirmed = try #require(try await erp.searchRead("sale.sale", [["id", "=", .int(quotationID)]], fields: ["state"]).first)
        #expect(confirmed["state"] == "confirmed" || confirmed["state"] == "processing")

        try #require(all.count >= 2)
        #expect(sink.envelopeRecipients(1) == ["anna@kunde.example"])
        let reply = MessageParser.parse(all[1]).normalised
        #expect(reply.subject == "Re: Request for quotation RFQ-2026-0815")
        #expect(reply.inReplyTo == "rfq-0815@kunde.example")
        #expect(reply.references == ["earlier-contact@brightwater.example", "rfq-0815@kunde.example"])
        #expect(reply.messageID?.hasSuffix("@brightwater.example") == true)
        #expect(reply.headers.first { $0.name == "Auto-Submitted" }?.value == "auto-replied")
        #expect(reply.text.contains("Thank you for your request. Our quotation"))
        #expect(!reply.text.contains("{{"), "captured values filled in: \(reply.text)")

        // A replayed approval (the same answer again, new Message-ID) changes nothing and is refused.
        try scratch.write(Self.answer(to: notice, from: "leitung@brightwater.example", text: "Approve", n: 3), to: "Maildir/new/1790000300.M4P1.test")
        _ = try await runOnce(scratch)
        let replayed = try #require(try store.allMessages().last)
        #expect(replayed.state == .review)
        #expect(replayed.flagReason?.contains("no longer waits") == true, "\(replayed.flagReason ?? "")")

        // 5. Loop safety: an out-of-office, a bounce and a list post, with a rule that would answer them all.
        try scratch.write("""
            From: Anna Schmidt <anna@kunde.example>
            To: sales@brightwater.example
            Subject: Automatic reply: Re: Request for quotation RFQ-2026-0815
            Date: Mon, 23 Nov 2026 10:00:00 +0000
            Message-ID: <ooo-1@kunde.example>
            Auto-Submitted: auto-replied
            X-Autoreply: yes

            I am out of the office until Monday.

            """, to: "Maildir/new/1790000400.M5P1.test")
        try scratch.write("""
            Return-Path: <>
            From: Mail Delivery System <MAILER-DAEMON@mx.kunde.example>
            To: sales@brightwater.example
            Subject: Undelivered Mail Returned to Sender
            Date: Mon, 23 Nov 2026 10:01:00 +0000
            Message-ID: <bounce-1@mx.kunde.example>
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

            --b1
            Content-Type: text/plain

            This is the mail system. Your message could not be delivered.
            --b1
            Content-Type: message/delivery-status

            Reporting-MTA: dns; mx.kunde.example
            Final-Recipient: rfc822; nobody@kunde.example
            Action: failed
            Status: 5.1.1
            --b1--

            """, to: "Maildir/new/1790000500.M6P1.test")
        try scratch.write("""
            From: Pump News <news@pumps.example>
            To: pumps-users@lists.pumps.example
            Subject: [pumps-users] New seals for CP-100
            Date: Mon, 23 Nov 2026 10:02:00 +0000
            Message-ID: <list-1@pumps.example>
            List-Id: Pump users <pumps-users.lists.pumps.example>
            List-Unsubscribe: <mailto:pumps-users-leave@lists.pumps.example>
            Precedence: list

            Hello all, the new seals are out. Please share your experience.

            """, to: "Maildir/new/1790000600.M7P1.test")
        let loops = try await runOnce(scratch)
        #expect(loops.status == 0, "\(loops.stderr)")
        try await Task.sleep(for: .milliseconds(500))
        #expect(sink.mails().count == 2, "no reply to automatic, bounce or list mail")
        for sender in ["anna@kunde.example", "mailer-daemon@mx.kunde.example", "news@pumps.example"] {
            guard let m = try store.allMessages().last(where: { $0.sender?.lowercased() == sender }) else {
                Issue.record("no stored message from \(sender)")
                continue
            }
            let replies = try store.outboxEntries(messageID: m.id).filter { $0.action.connector == "mail" }
            #expect(replies.count == 1, "\(sender) (\(m.kind ?? "?")): the rule asked for a reply")
            for r in replies {
                #expect(r.state == .done)
                #expect(r.result?.objectValue?["response"]?.objectValue?["suppressed"] == true, "\(sender): \(r.result?.canonicalJSON ?? "")")
            }
        }

        let verify = try await MailroomProcess.run(["audit", "verify", "--config", config], in: scratch.root)
        #expect(verify.status == 0, "audit verify: \(verify.stdout) \(verify.stderr)")
    }
}
