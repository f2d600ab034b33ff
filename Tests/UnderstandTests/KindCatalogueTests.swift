import Foundation
import Testing
@testable import Vocabulary
@testable import Understand

@Suite struct KindCatalogueTests {
    /// The hash the `understood` events record: the same files give the same hash, an edited one another.
    @Test func theKindFilesHashChangesWhenAKindFileChanges() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kinds-hash-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.copyItem(at: RepositoryFiles.kinds, to: dir)
        let before = try #require(try KindCatalogue.load(directory: dir).filesSHA256)
        #expect(before == (try RepositoryFiles.catalogue().filesSHA256))
        let file = dir.appendingPathComponent("approval.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "\n# edited\n").write(to: file, atomically: true, encoding: .utf8)
        let after = try #require(try KindCatalogue.load(directory: dir).filesSHA256)
        #expect(after != before)
        #expect(KindCatalogue(kinds: []).filesSHA256 == nil)
    }

    @Test func theDemoKindsLoadWithTheContractFieldNames() throws {
        let catalogue = try RepositoryFiles.catalogue()
        #expect(Set(catalogue.kinds.map(\.name)) == ["quote_request", "support_ticket", "approval", "invoice",
                                                    "purchase_order", "auto_reply", "other"])
        let business = Set(catalogue.kinds.filter(\.business).map(\.name))
        #expect(business == ["quote_request", "support_ticket", "approval", "invoice", "purchase_order"])
        let expected: [String: [String]] = [
            "quote_request": ["customer_company", "contact_email", "reference", "delivery_date", "lines"],
            "support_ticket": ["customer_email", "product", "order_reference", "severity"],
            "approval": ["decision", "reference", "approver"],
            "invoice": ["invoice_number", "issue_date", "due_date", "seller", "buyer", "currency", "net_total", "tax_total",
                        "gross_total", "iban", "sort_code", "account_number", "seller_vat_id", "buyer_vat_id", "payable_total",
                        "withholding_total", "allowance_total", "charge_total", "payment_terms", "document_type", "lines"],
            "purchase_order": ["order_number", "order_date", "buyer", "currency", "total", "quotation_reference", "lines"],
            "auto_reply": ["auto_reply_type", "original_message_id"],
            "other": [],
        ]
        for (kind, fields) in expected {
            #expect(catalogue.kind(named: kind)?.fields.map(\.name) == fields, "\(kind)")
        }
        let invoice = try #require(catalogue.kind(named: "invoice"))
        #expect(invoice.field(named: "gross_total")?.type == .money)
        #expect(invoice.field(named: "iban")?.type == .iban)
        #expect(invoice.field(named: "seller_vat_id")?.type == .vatID)
        #expect(invoice.field(named: "lines")?.items.map(\.name) == ["description", "quantity", "unit_price", "line_total", "sku", "unit"])
        #expect(invoice.checks.map(\.source).contains("net_total + tax_total - abs(withholding_total) == gross_total"))
        #expect(invoice.checks.map(\.source).contains("sum(lines.line_total) - allowance_total + charge_total == net_total"))
        // Most invoices state no allowance or charge: the checks count them as 0.
        #expect(invoice.field(named: "allowance_total")?.checkDefault == 0)
        #expect(invoice.field(named: "charge_total")?.checkDefault == 0)
        #expect(catalogue.kind(named: "approval")?.field(named: "decision")?.type == .enumeration(["approve", "reject"]))
        #expect(catalogue.kind(named: "quote_request")?.field(named: "lines")?.items.map(\.name) == ["sku", "description", "quantity", "unit", "unit_price"])
    }

    @Test func aCheckDefaultAppliesWhenTheFieldIsAbsent() throws {
        let invoice = try #require(try RepositoryFiles.catalogue().kind(named: "invoice"))
        let lines: FieldValue = .list([["description": .text("Pumpe"), "quantity": .number(1),
                                        "line_total": .money(90, currency: "EUR")]])
        // No allowance stated: the lines must make the net total by themselves.
        let plain = UnderstandingValidator.validate(kind: invoice, fields: ["net_total": .money(100, currency: "EUR"), "lines": lines],
                                                    groundings: [:], sources: [], requireGrounding: false)
        #expect(plain.problems.contains { $0.hasPrefix("the invoice lines (less allowances, plus charges) do not add up") }, "\(plain.problems)")
        #expect(plain.fields["allowance_total"] == nil)
        let charged = UnderstandingValidator.validate(kind: invoice, fields: ["net_total": .money(100, currency: "EUR"), "lines": lines,
                                                                              "charge_total": .money(10, currency: "EUR")],
                                                      groundings: [:], sources: [], requireGrounding: false)
        #expect(!charged.problems.contains { $0.contains("do not add up") }, "\(charged.problems)")
    }

    @Test func everyMistakeOfAFileIsReportedWithItsPlaceAndASuggestion() {
        let yaml = """
            kind: quote
            descripton: typo in a key
            business: true
            accept_confidence: 1.5
            fields:
              - name: total
                type: mony
              - name: currency
                type: text
                extract:
                  - pattern: '(unclosed'
              - name: net
                type: money
            checks:
              - expression: net + tax == totl
              - expression: net +
            matchers:
              - name: list
                when: {header: List-Id}
                set: {curency: EUR}
            """
        #expect(throws: RuleFileProblems.self) { try KindCatalogue.parse(yaml: yaml, file: "rules/kinds/quote.yaml") }
        do {
            _ = try KindCatalogue.parse(yaml: yaml, file: "rules/kinds/quote.yaml")
        } catch {
            let text = error.problems.map(\.description)
            #expect(text.contains { $0.hasPrefix("rules/kinds/quote.yaml:2:1: unknown key 'descripton'; did you mean 'description'?") }, "\(text)")
            #expect(text.contains { $0.hasPrefix("rules/kinds/quote.yaml:4:20: accept_confidence") }, "\(text)")
            #expect(text.contains { $0.contains(":7:11: field 'total': unknown type 'mony'; did you mean 'money'?") }, "\(text)")
            #expect(text.contains { $0.contains(":11:18: '(unclosed' is not a valid regular expression") }, "\(text)")
            #expect(text.contains { $0.contains("reads 'tax', which is not a field") }, "\(text)")
            #expect(text.contains { $0.contains("reads 'totl', which is not a field") }, "\(text)")
            #expect(text.contains { $0.contains("cannot read the check 'net +'") }, "\(text)")
            #expect(text.contains { $0.contains("sets 'curency'") && $0.contains("did you mean 'currency'?") }, "\(text)")
            #expect(error.problems.count >= 8)
        }
    }

    @Test func sumOfNamesAListAndFillsOnlyMoney() {
        let yaml = """
            kind: order
            business: true
            fields:
              - name: total
                type: money
                extract:
                  - sum_of: line
              - name: reference
                type: text
                extract:
                  - sum_of: lines
              - name: lines
                type: list
                items:
                  - {name: description, type: text}
                  - {name: line_total, type: money}
                extract:
                  - line_items: true
            """
        do {
            _ = try KindCatalogue.parse(yaml: yaml, file: "rules/kinds/order.yaml")
            Issue.record("accepted")
        } catch {
            let text = error.problems.map(\.description)
            #expect(text.contains { $0.hasPrefix("rules/kinds/order.yaml:4:11: field 'total': sum_of 'line' is not a list field of this kind")
                && $0.contains("did you mean 'lines'?") }, "\(text)")
            #expect(text.contains { $0.contains("field 'reference': sum_of only applies to `type: money`") }, "\(text)")
        }
        let good = yaml.replacingOccurrences(of: "sum_of: line\n", with: "sum_of: lines\n")
            .replacingOccurrences(of: "type: text\n    extract:\n      - sum_of: lines", with: "type: text")
        #expect(throws: Never.self) { try KindCatalogue.parse(yaml: good, file: "rules/kinds/order.yaml") }
    }

    @Test func brokenYAMLNamesLineAndColumn() {
        do {
            _ = try KindCatalogue.parse(yaml: "kind: x\nfields: [a, b\n", file: "k.yaml")
            Issue.record("no error")
        } catch {
            #expect(error.problems.first?.line != nil)
            #expect(error.problems.first?.description.contains("not valid YAML") == true)
        }
    }

    @Test func aMissingFolderAndADuplicateKindAreReported() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kinds-\(UUID().uuidString.prefix(8))")
        #expect(throws: RuleFileProblems.self) { try KindCatalogue.load(directory: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "kind: other\nbusiness: false\nfields: []\n".write(to: dir.appendingPathComponent("other.yaml"), atomically: true, encoding: .utf8)
        try "kind: other\nbusiness: false\n".write(to: dir.appendingPathComponent("z.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try KindCatalogue.load(directory: dir)
            Issue.record("no error")
        } catch {
            #expect(error.problems.contains { $0.message.contains("declared a second time") })
        }
    }
}

@Suite struct CheckExpressionTests {
    @Test func arithmeticWithTolerance() throws {
        let e = try CheckExpression.parse("net_total + tax_total == gross_total")
        let ok: [String: FieldValue] = ["net_total": .money(1000, currency: "EUR"), "tax_total": .money(190, currency: "EUR"),
                                        "gross_total": .money(Decimal(string: "1190.01")!, currency: "EUR")]
        #expect(e.holds(fields: ok, tolerance: Decimal(string: "0.01")!)?.holds == true)
        var bad = ok
        bad["gross_total"] = .money(1200, currency: "EUR")
        #expect(e.holds(fields: bad, tolerance: Decimal(string: "0.01")!)?.holds == false)
        bad["gross_total"] = nil
        #expect(e.holds(fields: bad, tolerance: 0) == nil)  // a missing value: the check does not apply
    }

    @Test func sumsOverListsCountsAndDates() throws {
        let fields: [String: FieldValue] = [
            "net_total": .money(300, currency: nil),
            "lines": .list([["line_total": .money(100, currency: nil)], ["line_total": .money(200, currency: nil)]]),
            "issue_date": .date("2026-11-23"), "due_date": .date("2026-12-23"),
        ]
        #expect(try CheckExpression.parse("sum(lines.line_total) == net_total").holds(fields: fields, tolerance: 0)?.holds == true)
        #expect(try CheckExpression.parse("count(lines) >= 3").holds(fields: fields, tolerance: 0)?.holds == false)
        #expect(try CheckExpression.parse("due_date >= issue_date").holds(fields: fields, tolerance: 0)?.holds == true)
        #expect(try CheckExpression.parse("(net_total - 100) * 2 == 400").holds(fields: fields, tolerance: 0)?.holds == true)
    }

    @Test func mistakesAreParseErrors() {
        #expect(throws: CheckExpression.ParseError.self) { try CheckExpression.parse("net_total +") }
        #expect(throws: CheckExpression.ParseError.self) { try CheckExpression.parse("net_total") }
        #expect(throws: CheckExpression.ParseError.self) { try CheckExpression.parse("avg(lines.x) == 1") }
        #expect(throws: CheckExpression.ParseError.self) { try CheckExpression.parse("lines.x == 1") }
    }
}
