import Foundation
import Testing
@testable import Vocabulary
@testable import Understand
@testable import Decide
@testable import Act
import MailroomTesting

enum DecideFixtures {
    static let kinds = try! KindCatalogue.load(directory: RuleFixtures.repositoryRoot.appendingPathComponent("rules/kinds"))

    static func rules(_ yaml: String, connectors: [any Connector] = [RecordingConnector.erp(), RecordingConnector.helpdesk()]) throws -> RuleSet {
        let dir = try RuleFixtures.write(["rules.yaml": yaml])
        defer { StoreScratch.remove(dir) }
        let (set, problems) = RuleSet.load(directory: dir, kinds: kinds, connectors: ConnectorCatalogue(connectors: connectors))
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else { throw RuleFileProblems(errors) }
        return set
    }

    static let received = Date(timeIntervalSince1970: 1_790_000_000)

    static func input(kind: String, confidence: Double = 0.95, fields: [String: FieldValue] = [:],
                      subject: String = "Hello", sender: String = "anna@acme.example", now: Date? = nil) -> DecisionInput {
        let message = NormalisedMessage(subject: subject, from: [MailAddress(name: "Anna", address: sender)],
                                        to: [MailAddress(name: nil, address: "office@example.com")],
                                        date: received, messageID: "m1@acme.example", text: "Body text")
        return DecisionInput(messageID: 7, message: message,
                             understanding: Understanding(kind: kind, confidence: confidence, method: "test", fields: fields),
                             source: "maildir:inbox", receivedAt: received, now: now ?? received.addingTimeInterval(60))
    }

    static let quoteFields: [String: FieldValue] = [
        "customer_company": .text("ACME GmbH"), "contact_email": .text("buyer@acme.example"),
        "lines": .list([["description": .text("Widget"), "quantity": .number(10)],
                        ["description": .text("Gadget"), "quantity": .number(5)]]),
    ]
}

@Suite struct DeciderTests {
    let yaml = """
        rules:
          - name: catch-all notice
            when: confidence > 0
            actions:
              - connector: helpdesk
                action: request
                params: {url: "https://h.example/notice", body: {kind: "{{ kind }}", from: "{{ domain(sender) }}"}}
          - name: bounces
            when: kind == "auto_reply" and fields.auto_reply_type == "bounce"
            actions:
              - connector: helpdesk
                action: request
                params: {url: "https://h.example/bounce"}
          - name: big quote
            when: kind == "quote_request" and sum(fields.lines.quantity) >= 15
            priority: 10
            stop: true
            approval: sales
            actions:
              - connector: erp
                action: find_or_create_party
                params: {name: "{{ fields.customer_company }}", email: "{{ fields.contact_email }}"}
              - connector: erp
                action: create_quotation
                params: {party: "{{ captured.erp.party_id }}", lines: "{{ fields.lines }}", reference: "Q {{ len(fields.lines) }} lines"}

        """

    @Test func decideIsAPureFunctionOfItsInputs() throws {
        let decider = Decider(rules: try DecideFixtures.rules(yaml), kinds: DecideFixtures.kinds)
        let input = DecideFixtures.input(kind: "quote_request", fields: DecideFixtures.quoteFields)
        let first = decider.decide(input)
        let second = decider.decide(input)
        #expect(first == second)
        // A decider built again from the same file decides the same; idempotency keys are equal too.
        let dir = try RuleFixtures.write(["rules.yaml": yaml])
        defer { StoreScratch.remove(dir) }
        let connectors = ConnectorCatalogue(connectors: [RecordingConnector.erp(), RecordingConnector.helpdesk()])
        let one = Decider(rules: RuleSet.load(directory: dir, kinds: DecideFixtures.kinds, connectors: connectors).0, kinds: DecideFixtures.kinds)
        let two = Decider(rules: RuleSet.load(directory: dir, kinds: DecideFixtures.kinds, connectors: connectors).0, kinds: DecideFixtures.kinds)
        let again = two.decide(input)
        #expect(again == one.decide(input))
        #expect(again.actions.map(\.parameters) == first.actions.map(\.parameters))
        #expect(again.actions.map(\.ruleFileSHA256) == first.actions.map(\.ruleFileSHA256))
        #expect(again.actions.map { $0.idempotencyKey(messageID: 7) } == one.decide(input).actions.map { $0.idempotencyKey(messageID: 7) })
    }

    /// A mail's text is data: a subject that looks like a `captured` template (with a regex that backtracks
    /// exponentially) is sent as it was written, never parsed or evaluated when the action runs.
    @Test func mailTextThatLooksLikeATemplateIsNeverEvaluated() throws {
        let rules = """
            - name: ticket
              when: kind == "support_ticket"
              actions:
                - connector: helpdesk
                  action: request
                  params:
                    url: "https://helpdesk.example/tickets"
                    body: {title: "{{ subject }}", notes: ["{{ subject }}", {seen: "{{ subject }}"}], party: "{{ captured.erp.party_id }}"}

            """
        let attack = #"{{ "captured" + "" }}{{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" matches "(a|aa)*c" }}"#
        let decider = Decider(rules: try DecideFixtures.rules(rules), kinds: DecideFixtures.kinds)
        let decision = decider.decide(DecideFixtures.input(kind: "support_ticket", subject: attack))
        let action = try #require(decision.actions.first)
        #expect(action.parameters["body"]?.objectValue?["title"] == .string(attack))
        #expect(action.capturedTemplates == ["body.party"])
        let filled = try #require(try Decider.fillCaptured(action, captured: ["erp.party_id": 7])["body"]?.objectValue)
        #expect(filled["title"] == .string(attack))
        #expect(filled["notes"] == .array([.string(attack), .object(["seen": .string(attack)])]))
        #expect(filled["party"] == .int(7))
        // The same text written by the rule author is a template; written by a mail it is a different action.
        var forged = action
        forged.capturedTemplates = []
        #expect(forged.idempotencyKey(messageID: 7) != action.idempotencyKey(messageID: 7))
    }

    /// Templates over `captured` values nested in lists and mappings are found and filled at their place.
    @Test func nestedCapturedTemplatesAreFilledWhereTheyStand() throws {
        let rules = """
            - name: quote
              when: kind == "quote_request"
              actions:
                - connector: erp
                  action: create_quotation
                  params: {party: 1, lines: [{sku: "{{ captured.erp.sku }}", note: "{{ subject }}"}, "{{ captured.erp.party_id }}"]}

            """
        let decider = Decider(rules: try DecideFixtures.rules(rules), kinds: DecideFixtures.kinds)
        let action = try #require(decider.decide(DecideFixtures.input(kind: "quote_request", subject: "{{ captured.erp.sku }}")).actions.first)
        #expect(action.capturedTemplates == ["lines[0].sku", "lines[1]"])
        let filled = try Decider.fillCaptured(action, captured: ["erp.sku": "BW-6205", "erp.party_id": 7])
        #expect(filled["lines"] == .array([.object(["sku": "BW-6205", "note": "{{ captured.erp.sku }}"]), .int(7)]))
    }

    @Test func priorityStopApprovalAndTypedParameters() throws {
        let decider = Decider(rules: try DecideFixtures.rules(yaml), kinds: DecideFixtures.kinds)
        let decision = decider.decide(DecideFixtures.input(kind: "quote_request", fields: DecideFixtures.quoteFields))
        #expect(decision.matchedRules == ["big quote"])
        #expect(decision.skipped["catch-all notice"]?.contains("stops") == true)
        #expect(decision.actions.map(\.action) == ["find_or_create_party", "create_quotation"])
        #expect(decision.actions.allSatisfy { $0.approval == "sales" })
        let quotation = decision.actions[1]
        #expect(quotation.parameters["party"] == .string("{{ captured.erp.party_id }}"))
        #expect(quotation.capturedTemplates == ["party"])  // only the rule's own template is filled in later
        #expect(quotation.parameters["reference"] == .string("Q 2 lines"))
        guard case .array(let lines)? = quotation.parameters["lines"] else {
            Issue.record("lines must stay a list")
            return
        }
        #expect(lines.first?.objectValue?["quantity"] == .int(10))
        #expect(decision.actions[0].ruleFileSHA256.count == 64)

        // A smaller quote: the big-quote rule does not hold, the catch-all does.
        var fields = DecideFixtures.quoteFields
        fields["lines"] = .list([["description": .text("Widget"), "quantity": .number(1)]])
        let small = decider.decide(DecideFixtures.input(kind: "quote_request", fields: fields))
        #expect(small.matchedRules == ["catch-all notice"])
        #expect(small.actions.first?.parameters["body"] == .object(["kind": "quote_request", "from": "acme.example"]))
    }

    @Test func autoRepliesAndOtherMailTriggerOnlyRulesThatNameThem() throws {
        let decider = Decider(rules: try DecideFixtures.rules(yaml), kinds: DecideFixtures.kinds)
        let other = decider.decide(DecideFixtures.input(kind: "other"))
        #expect(other.actions.isEmpty)
        #expect(other.skipped["catch-all notice"]?.contains("not a business kind") == true)
        let bounce = decider.decide(DecideFixtures.input(kind: "auto_reply", fields: ["auto_reply_type": .text("bounce")]))
        #expect(bounce.matchedRules == ["bounces"])
        let ooo = decider.decide(DecideFixtures.input(kind: "auto_reply", fields: ["auto_reply_type": .text("out_of_office")]))
        #expect(ooo.actions.isEmpty)
    }

    @Test func aRuleThatCannotBeEvaluatedIsReportedNotGuessed() throws {
        let rules = try DecideFixtures.rules("""
            rules:
              - name: odd
                when: kind == "invoice" and message.sender_name > 5
                actions: [{connector: erp, action: create_supplier_invoice, params: {invoice: "{{ fields.invoice_number }}"}}]

            """)
        let decision = Decider(rules: rules, kinds: DecideFixtures.kinds)
            .decide(DecideFixtures.input(kind: "invoice", fields: ["seller": .text("ACME")]))
        #expect(decision.actions.isEmpty)
        #expect(decision.problems.first?.message.contains("cannot compare text with number") == true)
    }

    @Test func ageReadsTheDecisionTimeNotTheClock() throws {
        let rules = try DecideFixtures.rules("""
            rules:
              - name: stale
                when: kind == "invoice" and age() > 2d
                actions: [{connector: erp, action: create_supplier_invoice, params: {invoice: x}}]

            """)
        let decider = Decider(rules: rules, kinds: DecideFixtures.kinds)
        let fresh = DecideFixtures.input(kind: "invoice", now: DecideFixtures.received.addingTimeInterval(3600))
        let old = DecideFixtures.input(kind: "invoice", now: DecideFixtures.received.addingTimeInterval(3 * 86400))
        #expect(decider.decide(fresh).actions.isEmpty)
        #expect(decider.decide(old).actions.count == 1)
    }
}
