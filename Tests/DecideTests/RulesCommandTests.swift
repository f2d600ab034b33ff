import Foundation
import Testing
@testable import Vocabulary
@testable import Store
import MailroomTesting

/// `mailroom rules check | test`, `approvals`, `approve`, `reject`, `outbox` as an operator runs them.
@Suite(.serialized) struct RulesCommandTests {
    static let planted = """
        rules:
          - name: big invoices
            when: kind == "invoice" and fields.gross_totl > 10000
            actions:
              - connector: erp
                action: create_supplier_invoice
                params: {party_id: "1", invoice_number: "{{ fields.invoice_number }}", gross_total: "1"}
                # (the three parameters the action needs)
          - name: quotes
            when: kind = "quote_request"
            priorty: 5
            actions:
              - connector: erpp
                action: create_quotation
                params: {party_id: "x", lines: "{{ fields.lines }}"}
              - connector: erp
                action: create_quotaton
                params: {party_id: "x", lines: "{{ fields.lines }}"}

        """

    func scratch(_ label: String) throws -> IngestScratch {
        let scratch = try IngestScratch(label)
        try scratch.write("store:\n  path: mailroom.sqlite\nspool:\n  path: spool\n", to: "mailroom.yaml")
        let root = RuleFixtures.repositoryRoot
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("connectors").path, toPath: scratch.path("connectors"))
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("rules").path, toPath: scratch.path("rules"))
        return scratch
    }

    @Test func rulesCheckReportsEveryPlantedMistakeAndExitsNonZero() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let s = try scratch("cli-rules-check")
        defer { s.remove() }
        let good = try await MailroomProcess.run(["rules", "check", "--config", s.path("mailroom.yaml")], in: s.root)
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.contains("no errors"))

        try s.write(Self.planted, to: "rules/planted.yaml")
        let bad = try await MailroomProcess.run(["rules", "check", "--config", s.path("mailroom.yaml")], in: s.root)
        #expect(bad.status == 1)
        let lines = bad.stdout.split(separator: "\n").map(String.init).filter { $0.contains("planted.yaml:") }
        #expect(lines == [
            "rules/planted.yaml:3:40: kind invoice has no field 'gross_totl'; did you mean 'gross_total'?",
            "rules/planted.yaml:10:16: '=' alone is not a comparison; write `==` to compare",
            "rules/planted.yaml:11:5: unknown key 'priorty' in a rule; did you mean 'priority'?",
            "rules/planted.yaml:13:20: unknown connector 'erpp'; did you mean 'erp'?",
            "rules/planted.yaml:17:17: the tryton connector 'erp' has no action 'create_quotaton'; did you mean 'create_quotation'?",
        ], "\(bad.stdout)")
        #expect(bad.stdout.contains("5 error(s)"))

        let tests = try await MailroomProcess.run(["rules", "test", "--config", s.path("mailroom.yaml"), "--rules", s.path("rules")], in: s.root)
        #expect(tests.status == 1, "rules with errors are not tested: \(tests.stdout)")
        try FileManager.default.removeItem(atPath: s.path("rules/planted.yaml"))
        let passing = try await MailroomProcess.run(["rules", "test", "--config", s.path("mailroom.yaml")], in: s.root)
        #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
        #expect(passing.stdout.contains("PASS  rules/tests/quote-request.yaml"))
    }

    @Test func approvalsAreListedApprovedAndRejectedFromTheCommandLine() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let s = try scratch("cli-approvals")
        defer { s.remove() }
        let store = try MailStore(path: s.path("mailroom.sqlite"))
        let id = try store.recordReceived(StoreScratch.received("cli"), actor: "test").messageID
        let rows = try store.enqueue(messageID: id, actions: [
            OutboxFixtures.action("confirm_quotation", index: 0, rule: "quotes", approval: "sales", parameters: ["quotation": 42]),
            OutboxFixtures.action("create_supplier_invoice", index: 0, rule: "invoices", approval: "finance"),
        ], actor: "test")
        let config = s.path("mailroom.yaml")
        let list = try await MailroomProcess.run(["approvals", "list", "--config", config], in: s.root)
        #expect(list.status == 0)
        let first = try #require(rows[0].approvalReference)
        let second = try #require(rows[1].approvalReference)
        #expect(list.stdout.contains("\(first)  role sales"))
        #expect(list.stdout.contains("\(second)  role finance"))

        let approve = try await MailroomProcess.run(["approve", first, "--by", "anna", "--config", config], in: s.root)
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stdout.contains("approved by person:anna via operator:"))
        let again = try await MailroomProcess.run(["approve", first, "--config", config], in: s.root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("not waiting for approval"))
        let noReason = try await MailroomProcess.run(["reject", second, "--config", config], in: s.root)
        #expect(noReason.status != 0)
        let reject = try await MailroomProcess.run(["reject", second, "--reason", "duplicate invoice", "--by", "olga", "--config", config], in: s.root)
        #expect(reject.status == 0, "\(reject.stderr)")

        let json = try await MailroomProcess.run(["outbox", "list", "--json", "--config", config], in: s.root)
        let states = json.stdout.split(separator: "\n").compactMap { try? JSONValue(parsing: String($0)).objectValue }
            .map { "\($0["state"]?.stringValue ?? "")/\($0["decided_by"]?.stringValue ?? "")" }
        let login = AuditActor.currentLogin()
        #expect(states == ["queued/person:anna via operator:\(login)", "rejected/person:olga via operator:\(login)"])
        let events = try store.auditEvents(matching: AuditFilter(messageID: id))
        #expect(events.contains { $0.eventType == "action_approved" && $0.actor.hasPrefix("person:anna via operator:") })
        #expect(events.contains { $0.eventType == "action_rejected" && $0.detailsValue?["reason"] == .string("duplicate invoice") })
    }
}
