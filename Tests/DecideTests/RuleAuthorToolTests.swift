import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Decide
import MailroomTesting

/// The rule author's tools as an operator runs them: `rules try`, the type check of `rules check`, `rules test
/// PATH`, nested expected values, and approval requests that show parameters as they will be sent.
@Suite(.serialized) struct RuleAuthorToolTests {
    func scratch(_ label: String) throws -> IngestScratch {
        let scratch = try IngestScratch(label)
        try scratch.write("store:\n  path: mailroom.sqlite\nspool:\n  path: spool\n", to: "mailroom.yaml")
        let root = RuleFixtures.repositoryRoot
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("connectors").path, toPath: scratch.path("connectors"))
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("rules").path, toPath: scratch.path("rules"))
        return scratch
    }

    @Test func rulesTryShowsTheMatchedRuleAndTheParametersAsTheyWouldBeSent() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let s = try scratch("cli-rules-try")
        defer { s.remove() }
        let run = try await MailroomProcess.run(["rules", "try", "rules/tests/quote-request.eml", "--config", s.path("mailroom.yaml")], in: s.root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let out = run.stdout
        #expect(out.contains("quote_request"))
        #expect(out.contains("MATCHED: quote request to draft quotation  (rules/quotes.yaml:"), "\(out)")
        #expect(out.contains("NOT MATCHED: quote lines not in the catalogue"), "\(out)")
        #expect(out.contains("`len(quote.unmatched) > 0` is false: len(quote.unmatched) is 0"), "\(out)")
        #expect(out.contains("Stopped by: rule 'quote request to draft quotation'"), "\(out)")
        #expect(out.contains("SKIPPED: quote request without readable lines to a sales lead"), "\(out)")
        #expect(out.contains("1. erp find_or_create_party"), "\(out)")
        #expect(out.contains("name: \"Acme Industries Ltd\""), "\(out)")
        #expect(out.contains("party_id: \"<captured by erp find_or_create_party>\""), "\(out)")
        #expect(out.contains("quotation_id: \"<captured by erp create_quotation>\""), "\(out)")
        #expect(out.contains("total: \"3137.00\""), "\(out)")
        #expect(out.contains("3. erp confirm_quotation  connector erp (tryton), rule 'quote request to draft quotation', waits for approval by role sales"), "\(out)")
        #expect(!out.contains("{{"), "\(out)")
        #expect(!FileManager.default.fileExists(atPath: s.path("mailroom.sqlite")), "nothing is stored")

        let json = try await MailroomProcess.run(["rules", "try", "--json", "rules/tests/quote-request.eml", "--config", s.path("mailroom.yaml")], in: s.root)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(try JSONValue(parsing: json.stdout).objectValue)
        #expect(object["kind"] == .string("quote_request"))
        #expect(object["stopped_by"] == .string("quote request to draft quotation"))
        let actions = object["actions"]?.arrayValue ?? []
        #expect(actions.count == 3)
        #expect(actions.last?.objectValue?["approval"] == .string("sales"))
        #expect(actions.last?.objectValue?["parameters"]?.objectValue?["quotation_id"] == .string("<captured by erp create_quotation>"))
        let rules = object["rules"]?.arrayValue?.compactMap { $0.objectValue?["outcome"]?.stringValue } ?? []
        #expect(rules.contains("matched") && rules.contains("not_matched") && rules.contains("skipped"), "\(rules)")
    }

    @Test func rulesTryOnAMailNoRuleMatchesSaysWhyForEachRule() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let s = try scratch("cli-rules-try-none")
        defer { s.remove() }
        for name in ["quotes.yaml", "invoices.yaml", "support.yaml", "archive.yaml"] {
            try FileManager.default.removeItem(atPath: s.path("rules/\(name)"))
        }
        try s.write("""
            rules:
              - name: big invoices
                when: kind == "invoice" and fields.gross_total > 10000
                review: "a big invoice"
              - name: odd quotes
                when: kind == "quote_request" and (subject contains "zzqx" or confidence > 1)
                review: "an odd quote"

            """, to: "rules/mine.yaml")
        let run = try await MailroomProcess.run(["rules", "try", "rules/tests/quote-request.eml", "--config", s.path("mailroom.yaml")], in: s.root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let out = run.stdout
        #expect(out.contains("NOT MATCHED: big invoices"), "\(out)")
        #expect(out.contains("`kind == \"invoice\"` is false: kind is \"quote_request\""), "\(out)")
        #expect(out.contains("NOT MATCHED: odd quotes"), "\(out)")
        #expect(out.contains("`subject contains \"zzqx\"` is false: subject is \""), "\(out)")
        #expect(out.contains("`confidence > 1` is false: confidence is 0."), "\(out)")
        #expect(out.contains("Actions that would be enqueued (nothing is executed):\n  none"), "\(out)")
        #expect(!out.contains(". MATCHED: "), "\(out)")

        let missing = try await MailroomProcess.run(["rules", "try", "no-such.eml", "--config", s.path("mailroom.yaml")], in: s.root)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no-such.eml does not exist; give the path of a mail (.eml) or a document"), "\(missing.stderr)")
        try s.write("", to: "empty.eml")
        let empty = try await MailroomProcess.run(["rules", "try", "empty.eml", "--config", s.path("mailroom.yaml")], in: s.root)
        #expect(empty.status == 1)
        #expect(empty.stderr.contains("empty.eml is empty"), "\(empty.stderr)")
    }

    @Test func rulesCheckReportsNumbersComparedWithTextWithLineAndColumn() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let s = try scratch("cli-rules-types")
        defer { s.remove() }
        try s.write("""
            rules:
              - name: typed
                when: kind == "invoice" and fields.gross_total > "1000"
                review: "x"
              - name: typed number
                when: kind == "invoice" and fields.invoice_number == 1000
                review: "x"
              - name: arithmetic on text
                when: kind == "invoice" and fields.seller * 2 > 5
                review: "x"

            """, to: "rules/typed.yaml")
        let bad = try await MailroomProcess.run(["rules", "check", "--config", s.path("mailroom.yaml")], in: s.root)
        #expect(bad.status == 1)
        let lines = bad.stdout.split(separator: "\n").map(String.init).filter { $0.contains("typed.yaml:") }
        #expect(lines == [
            "rules/typed.yaml:3:54: `fields.gross_total` is money, compared with the text \"1000\": write 1000 without quotes",
            "rules/typed.yaml:6:58: `fields.invoice_number` is text, compared with the number 1000: write \"1000\" in quotes, or number(fields.invoice_number) to compare numbers",
            "rules/typed.yaml:9:40: `fields.seller` is text; '*' needs numbers; use number(fields.seller) to read a number from the text",
        ], "\(bad.stdout)")
    }

    @Test func textJoinedWithPlusAndDatesComparedWithDatesAreFineButANumberInQuotesIsNot() throws {
        _ = try DecideFixtures.rules("""
            rules:
              - name: fine
                when: kind == "invoice" and "INV " + fields.invoice_number == "INV 1" and fields.due_date < "2026-12-01" and len(fields.lines) >= 1
                review: "x"

            """)
        do {
            _ = try DecideFixtures.rules("""
                rules:
                  - name: quoted
                    when: kind == "invoice" and fields.gross_total + "5" > 10
                    review: "x"

                """)
            Issue.record("a number in quotes added to money must be an error")
        } catch let error as RuleFileProblems {
            #expect(error.problems.map(\.message) == ["`fields.gross_total` is money, and '+' is given the text \"5\": write 5 without quotes"])
        }
    }

    @Test func rulesTestRunsOnlyTheNamedFilesAndComparesNestedValuesByTheKeysGiven() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let s = try scratch("cli-rules-test-one")
        defer { s.remove() }
        try s.write("""
            mail: quote-request.eml
            expect:
              actions:
                - {connector: erp, action: find_or_create_party}
                - connector: erp
                  action: create_quotation
                  params: {lines: [{sku: PMP-100}, {sku: VLV-BALL-50}, {sku: GAU-PRS-63}]}
                - {connector: erp, action: confirm_quotation}

            """, to: "rules/tests/nested.yaml")
        try s.write("""
            mail: quote-request.eml
            expect:
              actions:
                - {connector: erp, action: find_or_create_party}
                - connector: erp
                  action: create_quotation
                  params: {lines: [{sku: PMP-100}, {sku: WRONG}, {sku: GAU-PRS-63}]}
                - {connector: erp, action: confirm_quotation}

            """, to: "rules/tests/wrong.yaml")
        let config = s.path("mailroom.yaml")
        let one = try await MailroomProcess.run(["rules", "test", "rules/tests/nested.yaml", "--config", config], in: s.root)
        #expect(one.status == 0, "\(one.stdout)\(one.stderr)")
        #expect(one.stdout.contains("PASS  rules/tests/nested.yaml"), "\(one.stdout)")
        #expect(one.stdout.contains("1 test(s): 1 passed, 0 failed."), "\(one.stdout)")
        #expect(!one.stdout.contains("quote-request.yaml"), "only the named file runs: \(one.stdout)")

        let wrong = try await MailroomProcess.run(["rules", "test", "rules/tests/wrong.yaml", "--config", config], in: s.root)
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("action 2 parameter lines[1].sku: expected \"WRONG\", got \"VLV-BALL-50\""), "\(wrong.stdout)")

        let all = try await MailroomProcess.run(["rules", "test", "--config", config], in: s.root)
        #expect(all.stdout.contains("PASS  rules/tests/quote-request.yaml") && all.stdout.contains("FAIL  rules/tests/wrong.yaml"), "\(all.stdout)")
        let missing = try await MailroomProcess.run(["rules", "test", "rules/tests/nope.yaml", "--config", config], in: s.root)
        #expect(missing.status == 1)
    }

    @Test func expectedRecordsAreComparedByTheKeysTheyName() {
        let got: JSONValue = .array([.object(["sku": "A", "quantity": .int(2)]), .object(["sku": "B", "quantity": .int(5)])])
        #expect(RuleTestRunner.difference(expected: .array([.object(["sku": "A"]), .object(["quantity": .number(5.0)])]), got: got, at: "lines") == nil)
        #expect(RuleTestRunner.difference(expected: .array([.object(["sku": "A"])]), got: got, at: "lines")?.hasPrefix("lines: expected 1 item(s), got 2") == true)
        #expect(RuleTestRunner.difference(expected: .array([.object(["sku": "A"]), .object(["sku": "C"])]), got: got, at: "lines")
                == "lines[1].sku: expected \"C\", got \"B\"")
        #expect(RuleTestRunner.difference(expected: .object(["x": .object(["y": "1"])]), got: .object(["x": .null]), at: "p") == "p.x: expected {\"y\":\"1\"}, got null")
    }

    @Test func approvalListingShowsParametersAsTheyWillBeSentNeverATemplate() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let s = try scratch("cli-approvals-filled")
        defer { s.remove() }
        let store = try MailStore(path: s.path("mailroom.sqlite"))
        let id = try store.recordReceived(StoreScratch.received("filled"), actor: "test").messageID
        func action(_ name: String, _ index: Int, _ parameters: [String: JSONValue], captured: [String] = [], approval: String? = nil) -> IntendedAction {
            var a = OutboxFixtures.action(name, index: index, rule: "quotes", approval: approval, parameters: parameters, capturedTemplates: captured)
            a.connector = "erp"
            return a
        }
        let rows = try store.enqueue(messageID: id, actions: [
            action("find_or_create_party", 0, ["name": "ACME"]),
            action("create_quotation", 1, ["party_id": "{{ captured.erp.party_id }}"], captured: ["party_id"]),
            action("confirm_quotation", 2, ["quotation_id": "{{ captured.erp.quotation_id }}", "note": "for {{ fields.x }}"],
                   captured: ["quotation_id"], approval: "sales"),
        ], actor: "test")
        let config = s.path("mailroom.yaml")
        let before = try await MailroomProcess.run(["approvals", "list", "--config", config], in: s.root)
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stdout.contains("\"quotation_id\":\"<filled from erp create_quotation when it runs>\""), "\(before.stdout)")
        #expect(!before.stdout.contains("{{ captured"), "\(before.stdout)")
        #expect(before.stdout.contains("for {{ fields.x }}"), "a value that came from a mail stays as it is, never rendered")

        // create_quotation ran and captured the quotation: the approver sees the value that will be sent.
        let claimed = try #require(try store.claimOutboxEntry(rows[1].id, from: [.queued], actor: "test", owner: "t", leaseSeconds: 60))
        try store.completeOutboxEntry(claimed.id, result: ConnectorResult(captured: ["quotation_id": .int(4711)]), actor: "test")
        let after = try await MailroomProcess.run(["approvals", "list", "--config", config], in: s.root)
        #expect(after.stdout.contains("\"quotation_id\":4711"), "\(after.stdout)")
        #expect(!after.stdout.contains("{{ captured") && !after.stdout.contains("<filled from"), "\(after.stdout)")
        let json = try await MailroomProcess.run(["approvals", "list", "--json", "--config", config], in: s.root)
        #expect(json.stdout.contains("\"parameters_as_sent\":{"), "\(json.stdout)")
    }
}
