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

    @Test("Authentication-Results count only from our own mail system, and every result there must pass")
    func authentication() {
        let ours = HeaderField(name: "Authentication-Results", value: "mx.firma.example; spf=pass smtp.mailfrom=firma.example; dkim=pass header.d=firma.example; dmarc=pass")
        let forged = HeaderField(name: "Authentication-Results", value: "evil.example; dkim=pass; spf=pass; dmarc=pass")
        let failing = HeaderField(name: "Authentication-Results", value: "mx.firma.example; spf=softfail; dkim=fail; dmarc=fail")
        #expect(MailApprovals.checkAuthentication([ours], authservID: "mx.firma.example", required: true).0 == nil)
        #expect(MailApprovals.checkAuthentication([forged], authservID: "mx.firma.example", required: false).0 == nil, "not ours: ignored")
        #expect(MailApprovals.checkAuthentication([forged], authservID: "mx.firma.example", required: true).0?.contains("no Authentication-Results") == true)
        let refused = MailApprovals.checkAuthentication([forged, failing], authservID: "mx.firma.example", required: false)
        #expect(refused.0?.contains("dkim=fail") == true)
        #expect(refused.1 == ["dkim=fail", "spf=softfail", "dmarc=fail"])
        #expect(MailApprovals.checkAuthentication([failing], authservID: nil, required: false).0 == nil, "no authserv_id: not checked")
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
        let approvers = ApproverDirectory(roles: ["sales": .init(mail: ["Boss@firma.example", "deputy@firma.example"], users: [])],
                                          notifyVia: "mail", authservID: "mx.firma.example")
        return Setup(scratch: scratch, store: store, intake: intake, entry: entry, approvals: MailApprovals(store: store, approvers: approvers))
    }

    func answer(_ s: Setup, from sender: String, inReplyTo: String? = "mailroom.notice1@firma.example", reference: String? = nil,
                text: String = "Approve", extraHeaders: String = "") throws -> StageOutcome {
        let raw = """
            From: \(sender)
            To: office@firma.example
            Subject: Re: [\(reference ?? s.reference)] Approval needed
            Message-ID: <\(UUID().uuidString)@firma.example>
            \(inReplyTo.map { "In-Reply-To: <\($0)>\n" } ?? "")\(extraHeaders)
            \(text)

            > quoted request: APPROVE or REJECT
            """.replacingOccurrences(of: "\n\n\n", with: "\n\n")
        let id = try #require(try s.intake.receive(Data(raw.utf8), source: "maildir:inbox", location: UUID().uuidString).messageID)
        let stored = try #require(try s.store.message(id: id))
        let understanding = Understanding(kind: "approval", confidence: 0.97, method: "test")
        return try s.approvals.handle(stored, normalised: MessageParser.parse(Data(raw.utf8)).normalised, understanding: understanding)
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
                           extraHeaders: "Authentication-Results: mx.firma.example; dkim=fail; spf=pass; dmarc=fail\n"), "dkim=fail")
        refused(try answer(s, from: "boss@firma.example", text: "Let me think about it"), "does not say approve or reject")
        #expect(try s.store.outboxEntry(s.reference)?.state == .awaitingApproval)
        #expect(try s.store.auditEvents(matching: AuditFilter(messageID: s.entry.messageID, eventType: "approval_refused")).count == 5)

        // The approver, with our mail system's passing results (a forged header from elsewhere is ignored).
        let ok = try answer(s, from: "Boss@Firma.example", extraHeaders: """
            Authentication-Results: evil.example; dkim=fail
            Authentication-Results: mx.firma.example; spf=pass smtp.mailfrom=firma.example; dkim=pass; dmarc=pass

            """)
        #expect(ok.next == .decided, "\(ok.update.flagReason ?? "")")
        let released = try #require(try s.store.outboxEntry(s.reference))
        #expect(released.state == .queued)
        #expect(released.decidedBy == "mail:boss@firma.example")
        refused(try answer(s, from: "boss@firma.example"), "no longer waits")
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
