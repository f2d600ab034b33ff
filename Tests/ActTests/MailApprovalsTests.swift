import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Ingest
@testable import Parse
@testable import Act
@testable import Daemon
import MailroomTesting

@Suite("approval by mail: reading answers, binding, roles, authentication")
struct MailApprovalsTests {
    @Test("the answer's own text decides, in English, German and Chinese; quoted text never does")
    func decisions() {
        #expect(MailApprovals.decision(in: "Approve")?.0 == "approve")
        #expect(MailApprovals.decision(in: "I approve.")?.0 == "approve")
        #expect(MailApprovals.decision(in: "Genehmigt, danke.")?.0 == "approve")
        #expect(MailApprovals.decision(in: "同意")?.0 == "approve")
        #expect(MailApprovals.decision(in: "不同意，价格太高")?.0 == "reject")
        #expect(MailApprovals.decision(in: "不同意，价格太高")?.1 == "价格太高")
        let german = MailApprovals.decision(in: "Nicht genehmigt: Preis zu hoch")
        #expect(german?.0 == "reject")
        #expect(german?.1 == "Preis zu hoch")
        #expect(MailApprovals.decision(in: "REJECT - wrong customer")?.1 == "wrong customer")
        #expect(MailApprovals.decision(in: "Please do not approve this")?.0 == "reject")
        #expect(MailApprovals.decision(in: "Thanks, I will look at it tomorrow") == nil)
        #expect(MailApprovals.decision(in: "disapproved? reapprove") == nil, "words inside other words do not count")
        // The quoted request says APPROVE and REJECT; only the text above it is read.
        let reply = "Thanks, later.\n\nOn Mon, 23 Nov 2026, Sales wrote:\n> APPROVE  (or: genehmigt)\n> REJECT"
        #expect(MailApprovals.decision(in: MailApprovals.ownText(reply)) == nil)
        #expect(MailApprovals.ownText("ok\n-----Original Message-----\nFrom: x\napprove") == "ok")
        #expect(MailApprovals.ownText("genehmigt\n\nAm 23.11.2026 um 09:00 schrieb Sales:\n> REJECT") == "genehmigt")
        #expect(MailApprovals.ownText("同意\n\n在 2026年11月23日 写道：\n> 拒绝") == "同意")
    }

    @Test("Authentication-Results count only from our own mail system, and only a pass aligned with the From domain")
    func authentication() {
        func check(_ values: [String], id: String? = "mx.firma.example", from: String = "firma.example") -> String? {
            MailApprovals.checkAuthentication(values.map { HeaderField(name: "Authentication-Results", value: $0) }, authservID: id, fromDomain: from).0
        }
        let ours = "mx.firma.example; spf=pass smtp.mailfrom=firma.example; dkim=pass header.d=firma.example; dmarc=pass header.from=firma.example"
        #expect(check([ours]) == nil)
        // Another host's header is ignored: anyone can write one.
        #expect(check(["evil.example; dkim=pass header.d=firma.example; spf=pass; dmarc=pass"])?.contains("no Authentication-Results from mx.firma.example") == true)
        #expect(check(["mx.firma.example; spf=softfail; dkim=fail; dmarc=fail"])?.contains("dmarc=fail") == true)
        // A pass for the sender's own domain is no pass for the From domain.
        let attacker = check(["mx.firma.example; spf=pass smtp.mailfrom=bounce@evil.example; dkim=pass header.d=evil.example; dmarc=none"])
        #expect(attacker?.contains("no DMARC-aligned pass") == true, "\(attacker ?? "accepted")")
        #expect(check(["mx.firma.example; dmarc=pass header.from=evil.example"]) != nil)
        // Aligned DKIM (relaxed: a subdomain of the same organisational domain), aligned SPF, header.i.
        #expect(check(["mx.firma.example; dkim=pass (2048-bit key) header.d=mail.firma.example header.b=abc; spf=none"]) == nil)
        #expect(check(["mx.firma.example; spf=pass smtp.mailfrom=bounces@firma.example"]) == nil)
        #expect(check(["mx.firma.example 1; dkim=pass header.i=@firma.example"]) == nil)
        #expect(check(["MX.Firma.Example; dkim=pass header.d=firma.example"]) == nil, "the authserv-id is compared without case")
        // Organisational domains under two-level public suffixes.
        #expect(MailDomain.organisation(of: "mail.sales.firma.co.uk") == "firma.co.uk")
        #expect(MailDomain.organisation(of: "a.b.firma.example") == "firma.example")
        #expect(check(["mx.firma.example; dkim=pass header.d=other.co.uk"], from: "firma.co.uk") != nil, "co.uk is no organisation")
        #expect(check(["mx.firma.example; dkim=pass header.d=mail.firma.co.uk"], from: "firma.co.uk") == nil)
        // Without authserv_id nothing can be checked: refused, saying what to configure.
        #expect(check([ours], id: nil)?.contains("needs `authserv_id:`") == true)
        #expect(check([ours], id: nil)?.contains(ApproverDirectory.insecureOptOutKey) == true)
    }

    struct Setup {
        let scratch: IngestScratch
        let store: MailStore
        let intake: Intake
        let entry: OutboxEntry
        let approvals: MailApprovals
        var reference: String { entry.approvalReference ?? "" }
    }

    func setup() throws -> Setup {
        let scratch = try IngestScratch("mail-approvals")
        let store = try scratch.makeStore()
        let intake = Intake(store: store, spool: try scratch.makeSpool())
        let quote = try #require(try intake.receive(Data(SampleMail.text(1, subject: "Please quote").utf8), source: "maildir:inbox", location: "q").messageID)
        let action = IntendedAction(rule: "quotes", ruleFile: "rules/quotes.yaml", ruleFileSHA256: "ab", index: 0, connector: "erp",
                                    action: "confirm_quotation", parameters: ["quotation_id": 5], approval: "sales")
        let entry = try #require(try store.enqueue(messageID: quote, actions: [action], actor: "test").first)
        let reference = try #require(entry.approvalReference)
        // The approval request Mailroom mailed to boss@ (as the smtp connector records it).
        let notice = SentMailRecord(messageID: "mailroom.notice1@firma.example", connector: "mail", idempotencyKey: "k", purpose: "approval_request",
                                    state: .sending, recipients: ["boss@firma.example"], outboxID: entry.id, approvalReference: reference,
                                    approver: "boss@firma.example", serverReply: nil, startedAt: Date(), sentAt: nil)
        _ = try store.beginSending(notice, limitPerRecipientPerDay: nil, now: Date())
        try store.finishSending(messageID: notice.messageID, serverReply: "250 ok", countRecipients: false, now: Date())
        return Setup(scratch: scratch, store: store, intake: intake, entry: entry,
                     approvals: MailApprovals(store: store, approvers: approvers(), mailSources: ["maildir:inbox", "imap:office/INBOX"]))
    }

    func approvers(authservID: String? = "mx.firma.example", insecure: Bool = false) -> ApproverDirectory {
        ApproverDirectory(roles: ["sales": .init(mail: ["Boss@firma.example", "deputy@firma.example"], users: [])],
                          notifyVia: "mail", authservID: authservID, acceptsUnauthenticatedMail: insecure)
    }

    /// What our mail server (mx.firma.example) writes above a mail from firma.example it verified.
    static let passing = "Authentication-Results: mx.firma.example; spf=pass smtp.mailfrom=firma.example; dkim=pass header.d=firma.example; dmarc=pass header.from=firma.example\n"

    func answer(_ s: Setup, from sender: String, inReplyTo: String? = "mailroom.notice1@firma.example", reference: String? = nil,
                text: String = "Approve", extraHeaders: String = MailApprovalsTests.passing, source: String = "maildir:inbox",
                approvals: MailApprovals? = nil) throws -> StageOutcome {
        let raw = """
            From: \(sender)
            To: office@firma.example
            Subject: Re: [\(reference ?? s.reference)] Approval needed
            Message-ID: <\(UUID().uuidString)@firma.example>
            \(inReplyTo.map { "In-Reply-To: <\($0)>\n" } ?? "")\(extraHeaders)
            \(text)

            > quoted request: APPROVE or REJECT
            """.replacingOccurrences(of: "\n\n\n", with: "\n\n")
        let id = try #require(try s.intake.receive(Data(raw.utf8), source: source, location: UUID().uuidString).messageID)
        let stored = try #require(try s.store.message(id: id))
        let understanding = Understanding(kind: "approval", confidence: 0.97, method: "test")
        return try (approvals ?? s.approvals).handle(stored, normalised: MessageParser.parse(Data(raw.utf8)).normalised, understanding: understanding)
    }

    @Test("forged answers are refused and audited; the approver's answer releases the action once; a replay is refused")
    func binding() throws {
        let s = try setup()
        defer { s.scratch.remove() }
        func refused(_ outcome: StageOutcome, _ words: String) {
            #expect(outcome.next == .review)
            #expect(outcome.update.flagReason?.contains(words) == true, "\(outcome.update.flagReason ?? "") should say \(words)")
        }
        refused(try answer(s, from: "boss@firma.example", inReplyTo: nil), "not a reply to Mailroom's approval request")
        refused(try answer(s, from: "boss@firma.example", inReplyTo: "someone-else@firma.example"), "not a reply")
        refused(try answer(s, from: "deputy@firma.example"), "went to boss@firma.example")
        refused(try answer(s, from: "boss@firma.example", reference: "APR-999-ABCD"), "no pending action APR-999-ABCD")
        refused(try answer(s, from: "boss@firma.example",
                           extraHeaders: "Authentication-Results: mx.firma.example; dkim=fail; spf=pass; dmarc=fail\n"), "dmarc=fail")
        refused(try answer(s, from: "boss@firma.example", text: "Let me think about it"), "does not say approve or reject")
        #expect(try s.store.outboxEntry(s.reference)?.state == .awaitingApproval)
        #expect(try s.store.auditEvents(matching: AuditFilter(messageID: s.entry.messageID, eventType: "approval_refused")).count == 5)

        // The approver, with our mail system's passing results (a header from elsewhere is ignored).
        let ok = try answer(s, from: "Boss@Firma.example", extraHeaders: """
            Authentication-Results: evil.example; dkim=fail
            Authentication-Results: mx.firma.example; spf=pass smtp.mailfrom=firma.example; dkim=pass header.d=firma.example; dmarc=pass

            """)
        #expect(ok.next == .decided, "\(ok.update.flagReason ?? "")")
        let released = try #require(try s.store.outboxEntry(s.reference))
        #expect(released.state == .queued)
        #expect(released.decidedBy == "mail:boss@firma.example")
        refused(try answer(s, from: "boss@firma.example"), "no longer waits")
    }

    @Test("a forged From with the right In-Reply-To is refused by default: no authentication, or none configured")
    func forgedFromIsRefusedByDefault() throws {
        let s = try setup()
        defer { s.scratch.remove() }
        // The attacker knows the approver and the notice's Message-ID, and writes no Authentication-Results.
        let forged = try answer(s, from: "boss@firma.example", extraHeaders: "")
        #expect(forged.next == .review)
        #expect(forged.update.flagReason?.contains("no Authentication-Results from mx.firma.example") == true, "\(forged.update.flagReason ?? "")")
        // Or writes one naming our server (which the server removes from incoming mail) next to a failing real one.
        let spoofed = try answer(s, from: "boss@firma.example", extraHeaders: """
            Authentication-Results: mx.firma.example; spf=fail smtp.mailfrom=firma.example; dmarc=fail header.from=firma.example
            Authentication-Results: mx.firma.example; dmarc=pass header.from=firma.example

            """)
        #expect(spoofed.next == .review)
        // No authserv_id in approvers.yaml: refused, and the reason says what to configure.
        let unconfigured = MailApprovals(store: s.store, approvers: approvers(authservID: nil), mailSources: ["maildir:inbox"])
        let refused = try answer(s, from: "boss@firma.example", approvals: unconfigured)
        #expect(refused.next == .review)
        #expect(refused.update.flagReason?.contains("needs `authserv_id:` in rules/approvers.yaml") == true, "\(refused.update.flagReason ?? "")")
        #expect(try s.store.outboxEntry(s.reference)?.state == .awaitingApproval)
        // The operator's written opt-out accepts it, and the audit says so.
        let insecure = MailApprovals(store: s.store, approvers: approvers(authservID: nil, insecure: true), mailSources: ["maildir:inbox"])
        let accepted = try answer(s, from: "boss@firma.example", extraHeaders: "", approvals: insecure)
        #expect(accepted.next == .decided)
        #expect(accepted.details["authentication_not_required"]?.stringValue?.contains(ApproverDirectory.insecureOptOutKey) == true)
        #expect(try s.store.outboxEntry(s.reference)?.state == .queued)
    }

    @Test("spf=pass for the attacker's own domain is refused; DKIM aligned with the From domain is accepted")
    func alignment() throws {
        let s = try setup()
        defer { s.scratch.remove() }
        let attacker = try answer(s, from: "boss@firma.example", extraHeaders: """
            Authentication-Results: mx.firma.example; spf=pass smtp.mailfrom=mallory@evil.example; dkim=pass header.d=evil.example; dmarc=none

            """)
        #expect(attacker.next == .review)
        #expect(attacker.update.flagReason?.contains("no DMARC-aligned pass") == true, "\(attacker.update.flagReason ?? "")")
        #expect(try s.store.outboxEntry(s.reference)?.state == .awaitingApproval)
        let aligned = try answer(s, from: "boss@firma.example", extraHeaders: """
            Authentication-Results: mx.firma.example; dkim=pass header.d=mail.firma.example; spf=softfail smtp.mailfrom=firma.example

            """)
        #expect(aligned.next == .decided, "\(aligned.update.flagReason ?? "")")
        #expect(try s.store.outboxEntry(s.reference)?.state == .queued)
    }

    @Test("an answer dropped into a drop folder or imported with mailroom ingest never approves")
    func onlyConfiguredMailboxes() throws {
        let s = try setup()
        defer { s.scratch.remove() }
        for source in ["drop:scans", "file", "file:inbox"] {
            let outcome = try answer(s, from: "boss@firma.example", source: source)
            #expect(outcome.next == .review)
            #expect(outcome.update.flagReason?.contains("not through a configured mailbox") == true, "\(outcome.update.flagReason ?? "")")
        }
        #expect(try s.store.outboxEntry(s.reference)?.state == .awaitingApproval)
        // `mailroom ingest --source` cannot borrow a configured source's name.
        for name in ["maildir:inbox", "IMAP:office/INBOX", "drop:scans"] {
            #expect(throws: OperatorInputError.self) { try FileImport.checkSourceName(name) }
        }
        try FileImport.checkSourceName("file:archive")
        #expect(try answer(s, from: "boss@firma.example", source: "imap:office/INBOX").next == .decided)
    }

    @Test("keys, references and tokens are keyed with each store's own secret: not computable from the mail and the rules")
    func keyedTokens() throws {
        let a = try IngestScratch("tokens-a"), b = try IngestScratch("tokens-b")
        defer { a.remove(); b.remove() }
        let storeA = try a.makeStore(), storeB = try b.makeStore()
        let action = IntendedAction(rule: "quotes", ruleFile: "rules/quotes.yaml", ruleFileSHA256: "ab", index: 0, connector: "erp",
                                    action: "confirm_quotation", parameters: ["quotation_id": 5], approval: "sales")
        var keys: [String] = []
        for (scratch, store) in [(a, storeA), (b, storeB)] {
            let id = try #require(try Intake(store: store, spool: try scratch.makeSpool())
                .receive(Data(SampleMail.text(1, subject: "Please quote").utf8), source: "maildir:inbox", location: "q").messageID)
            #expect(id == 1)
            let entry = try #require(try store.enqueue(messageID: id, actions: [action], actor: "test").first)
            #expect(entry.idempotencyKey != action.idempotencyKey(messageID: id), "the unkeyed hash anyone can compute")
            #expect(entry.idempotencyKey == (try store.idempotencyKey(action, messageID: id)))
            keys.append(entry.idempotencyKey)
        }
        #expect(keys[0] != keys[1], "two stores, the same mail and action: different keys")
        #expect(try storeA.keyedToken("approval-request") != (try storeB.keyedToken("approval-request")))
        // The secret is made once and kept: the same store (opened again) gives the same token.
        #expect(try storeA.keyedToken("x") == (try a.makeStore().keyedToken("x")))
    }

    @Test("a rejection by mail cancels the action with the reason given")
    func rejection() throws {
        let s = try setup()
        defer { s.scratch.remove() }
        let outcome = try answer(s, from: "boss@firma.example", text: "Abgelehnt – falscher Kunde")
        #expect(outcome.next == .decided)
        let rejected = try #require(try s.store.outboxEntry(s.reference))
        #expect(rejected.state == .rejected)
        #expect(rejected.decisionReason == "falscher Kunde")
    }
}

@Suite("approval roles: rules/approvers.yaml, rules check, the command line", .serialized)
struct ApprovalRoleTests {
    @Test("rules check reports approvers-file mistakes and undefined roles with file:line:column")
    func check() throws {
        let dir = try RuleFixtures.write([
            "rules/approvers.yaml": "notify_via: mial\nroles:\n  sales:\n    mail: [not-an-address]\n    user: [anna]\n",
            "rules/q.yaml": """
                rules:
                  - name: needs finance
                    when: kind == "invoice"
                    actions:
                      - connector: erp
                        action: request
                        approval: finanse
                        params: {path: /x}
                """,
            "connectors/mail.yaml": "type: smtp\nhost: 127.0.0.1\nsecurity: none\nfrom: office@firma.example\n",
            "connectors/erp.yaml": "type: http\nbase_url: https://erp.example.com\n",
        ])
        defer { StoreScratch.remove(dir) }
        let env = RuleEnvironment.load(rulesDirectory: dir.appendingPathComponent("rules"), connectorsDirectory: dir.appendingPathComponent("connectors"),
                                       environment: [:])
        let text = env.problems.map(\.description).joined(separator: "\n")
        #expect(text.contains("approvers.yaml:4:12: 'not-an-address' is not a mail address"), "\(text)")
        #expect(text.contains("approvers.yaml:5:5: unknown key 'user' in role 'sales'"), "\(text)")
        #expect(text.contains("did you mean 'users'?"))
        #expect(text.contains("approvers.yaml:1:13: `notify_via` names no connector 'mial'"), "\(text)")
        #expect(text.contains("q.yaml:5:") && text.contains("role 'finanse', which"), "\(text)")
        #expect(env.rules.rules.count == 1, "approvers.yaml is not read as a rule file")
    }

    @Test("approvers.yaml: authserv_id is read; the old require_authentication: false and the written opt-out are warned about")
    func authenticationKeys() throws {
        let (plain, none) = ApproverDirectory.read(yaml: "authserv_id: MX.Firma.example\nroles:\n  sales:\n    mail: [a@firma.example]\n", file: "approvers.yaml")
        #expect(none.isEmpty)
        #expect(plain?.authservID == "mx.firma.example")
        #expect(plain?.acceptsUnauthenticatedMail == false, "authentication is required by default")
        let (old, oldProblems) = ApproverDirectory.read(yaml: "require_authentication: false\nroles:\n  sales:\n    mail: [a@firma.example]\n", file: "approvers.yaml")
        #expect(old?.acceptsUnauthenticatedMail == false, "the earlier key does not turn the check off")
        #expect(oldProblems.count == 1 && oldProblems[0].severity == .warning)
        #expect(oldProblems.first?.message.contains("no longer turns the check off") == true)
        let (insecure, insecureProblems) = ApproverDirectory.read(
            yaml: "insecure_unauthenticated_mail_approvals: true\nroles:\n  sales:\n    mail: [a@firma.example]\n", file: "approvers.yaml")
        #expect(insecure?.acceptsUnauthenticatedMail == true)
        #expect(insecureProblems.count == 1 && insecureProblems[0].severity == .warning)
        #expect(insecureProblems.first?.description.contains("approvers.yaml:1:") == true)
    }

    @Test("mailroom approve: only a user listed for the role, as the real login; refusals audited")
    func commandLine() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("approve-roles")
        defer { scratch.remove() }
        try scratch.write("store:\n  path: mailroom.sqlite\nspool:\n  path: spool\nrules:\n  path: rules\n  connectors: connectors\n", to: "mailroom.yaml")
        try scratch.write("roles:\n  sales:\n    users: [somebody-else]\n", to: "rules/approvers.yaml")
        let store = try scratch.makeStore()
        let intake = Intake(store: store, spool: try scratch.makeSpool())
        let id = try #require(try intake.receive(Data(SampleMail.text(1).utf8), source: "maildir:inbox", location: "a").messageID)
        let action = IntendedAction(rule: "q", ruleFile: "rules/q.yaml", ruleFileSHA256: "ab", index: 0, connector: "erp",
                                    action: "confirm_quotation", parameters: [:], approval: "sales")
        let reference = try #require(try store.enqueue(messageID: id, actions: [action], actor: "test").first?.approvalReference)
        let config = scratch.path("mailroom.yaml")
        let login = Approvals.localUser()

        let refused = try await MailroomProcess.run(["approve", reference, "--config", config], in: scratch.root)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("\(login) may not approve for role 'sales'"), "\(refused.stderr)")
        #expect(try store.outboxEntry(reference)?.state == .awaitingApproval)

        try scratch.write("roles:\n  sales:\n    users: [\(login)]\n", to: "rules/approvers.yaml")
        let impersonating = try await MailroomProcess.run(["approve", reference, "--by", "somebody-else", "--config", config], in: scratch.root)
        #expect(impersonating.status != 0)
        #expect(impersonating.stderr.contains("--by somebody-else is not the login"), "\(impersonating.stderr)")
        #expect(try store.auditEvents(matching: AuditFilter(messageID: id, eventType: "approval_refused")).count == 2)

        let approved = try await MailroomProcess.run(["approve", reference, "--config", config], in: scratch.root)
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(try store.outboxEntry(reference)?.decidedBy == "operator:\(login)")
    }
}
