import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Ingest
@testable import Parse
@testable import Understand
@testable import Decide
@testable import Act
@testable import Audit
@testable import Daemon
import MailroomTesting

/// Decide and Act inside the pipeline: a quote waits for approval, an invoice is carried out, other mail is
/// left alone; then a rule change is replayed over the store.
@Suite struct DecideActPipelineTests {
    static func understanding(_ message: StoredMessage) -> Understanding? {
        let subject = message.subject ?? ""
        if subject.contains("quote") {
            return Understanding(kind: "quote_request", confidence: 0.9, method: "test", fields: DecideFixtures.quoteFields)
        }
        if subject.contains("invoice") {
            return Understanding(kind: "invoice", confidence: 0.97, method: "test", fields: [
                "invoice_number": .text("INV-118"), "seller": .text("Parts Ltd"), "gross_total": .money(1190, currency: "EUR"),
            ])
        }
        return Understanding(kind: "other", confidence: 0.99, method: "test")
    }

    static let rulesV1 = """
        rules:
          - name: quote to draft quotation
            when: kind == "quote_request" and len(fields.lines) > 0
            actions:
              - connector: erp
                action: find_or_create_party
                params: {name: "{{ fields.customer_company }}", email: "{{ fields.contact_email }}"}
              - connector: erp
                action: create_quotation
                params: {party: "{{ captured.erp.party_id }}", lines: "{{ fields.lines }}"}
              - connector: erp
                action: confirm_quotation
                approval: sales
                params: {quotation: "{{ captured.erp.quotation_id }}"}
          - name: supplier invoice
            when: kind == "invoice"
            actions:
              - connector: erp
                action: create_supplier_invoice
                params: {invoice: {number: "{{ fields.invoice_number }}", total: "{{ fields.gross_total }}"}}

        """

    struct Setup {
        let scratch: IngestScratch
        let store: MailStore
        let spool: Spool
        let intake: Intake
        let erp: RecordingConnector
        let outbox: Outbox

        func pipeline(_ rules: RuleSet) -> Pipeline {
            let decide = DecideStage(store: store, decider: Decider(rules: rules, kinds: DecideFixtures.kinds),
                                     understandingOf: { DecideActPipelineTests.understanding($0) })
            return Pipeline(store: store, stages: [ParseStage(spool: spool), UnderstandStage(), decide, ActStage(outbox: outbox)],
                            workers: 1, logger: TestLog.logger, retryDelay: .milliseconds(50), idlePoll: .milliseconds(50))
        }

        func receive(_ n: Int, subject: String) throws -> Int64 {
            try #require(try intake.receive(Data(SampleMail.text(n, subject: subject).utf8), source: "maildir:inbox", location: "m\(n)").messageID)
        }
    }

    func setup(_ label: String) throws -> Setup {
        let scratch = try IngestScratch(label)
        let store = try scratch.makeStore()
        let spool = try scratch.makeSpool()
        let erp = RecordingConnector.erp()
        erp.captures = ["find_or_create_party": ["party_id": 7], "create_quotation": ["quotation_id": 42]]
        let outbox = Outbox(store: store, connectors: ConnectorCatalogue(connectors: [erp]))
        return Setup(scratch: scratch, store: store, spool: spool, intake: Intake(store: store, spool: spool), erp: erp, outbox: outbox)
    }

    @Test func quoteWaitsForApprovalInvoiceIsCarriedOutOtherMailIsLeftAlone() async throws {
        let s = try setup("decide-act")
        defer { s.scratch.remove() }
        let quote = try s.receive(1, subject: "Please quote 15 widgets")
        let invoice = try s.receive(2, subject: "Your invoice INV-118")
        let newsletter = try s.receive(3, subject: "November newsletter")
        let report = await s.pipeline(try DecideFixtures.rules(Self.rulesV1)).drain()
        #expect(report.errors.isEmpty, "\(report.errors)")

        let waiting = try #require(try s.store.message(id: quote))
        #expect(waiting.state == .approval)
        let pending = try Approvals.pending(store: s.store)
        #expect(pending.count == 1)
        let reference = try #require(pending.first?.approvalReference)
        #expect(waiting.flagReason?.contains(reference) == true)
        #expect(try s.store.message(id: invoice)?.state == .acted)
        #expect(try s.store.message(id: newsletter)?.state == .noAction)
        #expect(s.erp.performed.map(\.action.action).sorted() == ["create_quotation", "create_supplier_invoice", "find_or_create_party"])
        let invoiceCall = try #require(s.erp.performed.first { $0.action.action == "create_supplier_invoice" })
        #expect(invoiceCall.action.parameters["invoice"] == .object(["number": "INV-118", "total": .string("1190.00")]))  // money as a decimal string with its scale

        let decided = try #require(try s.store.auditEvents(matching: AuditFilter(messageID: invoice, eventType: "decided")).first?.detailsValue)
        #expect(decided["rules_matched"] == .array(["supplier invoice"]))
        #expect(decided["rule_files"]?.arrayValue?.first?.objectValue?["sha256"]?.stringValue?.count == 64)

        try Approvals.approve(reference, by: "person:anna", store: s.store)
        try await s.outbox.runDue()
        #expect(try s.outbox.settleWaitingMessages() == [quote])
        #expect(try s.store.message(id: quote)?.state == .acted)
        #expect(s.erp.performed.last?.action.action == "confirm_quotation")
        #expect(s.erp.performed.last?.action.parameters["quotation"] == .int(42))
        #expect(s.erp.performed.count == 4)
        #expect(AuditVerifier.verify(store: s.store).isIntact)
    }

    @Test func replayPrintsTheExactActionDifferenceAfterARuleChange() async throws {
        let s = try setup("decide-replay")
        defer { s.scratch.remove() }
        let quote = try s.receive(1, subject: "Please quote 15 widgets")
        let invoice = try s.receive(2, subject: "Your invoice INV-118")
        _ = try s.receive(3, subject: "November newsletter")
        _ = await s.pipeline(try DecideFixtures.rules(Self.rulesV1)).drain()
        let performedBefore = s.erp.performed.count
        let auditBefore = try s.store.auditHead()

        // The change: invoices above 1000 now need finance's approval, and the invoice carries its seller;
        // quote requests additionally open a helpdesk ticket.
        let v2 = Self.rulesV1
            .replacingOccurrences(of: """
                params: {invoice: {number: "{{ fields.invoice_number }}", total: "{{ fields.gross_total }}"}}
            """, with: """
                approval: finance
                    params: {invoice: {number: "{{ fields.invoice_number }}", total: "{{ fields.gross_total }}", seller: "{{ fields.seller }}"}}
            """)
            + """
              - name: quote notice
                when: kind == "quote_request"
                actions:
                  - connector: helpdesk
                    action: request
                    params: {url: "https://h.example/q", body: {company: "{{ fields.customer_company }}"}}

            """
        let decider = Decider(rules: try DecideFixtures.rules(v2), kinds: DecideFixtures.kinds)
        var progress: [Int] = []
        let report = try await Replay.run(store: s.store, decider: decider, since: nil,
                                    understandingOf: { Self.understanding($0) }, progress: { done, _ in progress.append(done) })
        #expect(progress == [1, 2, 3])
        #expect(report.messagesReplayed == 3)
        #expect(report.messagesUnchanged == 1)
        #expect(report.differences.map(\.messageID) == [quote, invoice])

        let q = report.differences[0]
        #expect(q.removed.isEmpty && q.changed.isEmpty)
        #expect(q.added.map { "\($0.rule)/\($0.connector)/\($0.action)" } == ["quote notice/helpdesk/request"])
        #expect(q.added.first?.parameters["body"] == .object(["company": "ACME GmbH"]))

        let i = report.differences[1]
        #expect(i.added.isEmpty && i.removed.isEmpty)
        #expect(i.changed.count == 1)
        #expect(i.changed.first?.before.approval == nil)
        #expect(i.changed.first?.after.approval == "finance")
        #expect(i.changed.first?.after.parameters["invoice"]?.objectValue?["seller"] == .string("Parts Ltd"))

        let text = Replay.text(report)
        #expect(text.contains("+ rule 'quote notice' → helpdesk request {\"body\":{\"company\":\"ACME GmbH\"},\"url\":\"https://h.example/q\"}"))
        #expect(text.contains("~ rule 'supplier invoice' → erp create_supplier_invoice"))
        #expect(text.contains("3 message(s) replayed: 2 would change, 1 unchanged"))
        // Nothing was executed, nothing was written.
        #expect(s.erp.performed.count == performedBefore)
        #expect(try s.store.auditHead() == auditBefore)
    }
}
