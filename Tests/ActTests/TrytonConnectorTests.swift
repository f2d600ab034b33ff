import Foundation
import Testing
@testable import Vocabulary
@testable import Decide
@testable import Act
@testable import CurlTransport
import MailroomTesting

/// A real trytond (scripts/tryton-test-server.sh) on a fresh copy of the template database.

@Suite("tryton connector against a real Tryton", .serverLogsOnFailure, .serialized)
struct TrytonConnectorTests {
    static func action(_ name: String, _ parameters: [String: JSONValue], rule: String = "quote") -> OutboxAction {
        let intended = IntendedAction(rule: rule, ruleFile: "rules/quotes.yaml", ruleFileSHA256: "ab", index: 0,
                                      connector: "erp", action: name, parameters: parameters, approval: nil)
        return OutboxAction(id: 1, messageID: 42, idempotencyKey: intended.idempotencyKey(messageID: 42), action: intended, attempt: 1)
    }

    @Test("party, quotation from matched catalogue lines, exactly once, confirm after approval")
    func quotationFlow() async throws {
        let server = try TrytonTestServer()
        let erp = try server.connector()

        // The customer exists (by e-mail); a new one is created once and then found.
        let acme = try await erp.perform(Self.action("find_or_create_party", ["name": "Acme", "email": "Purchasing@acme.example"]))
        #expect(acme.captured["created"] == false)
        let partyID = try #require(acme.captured["party_id"]?.intValue)
        let newParty = Self.action("find_or_create_party", ["name": "Neue Kunde AG", "email": "einkauf@neue-kunde.example", "city": "Köln"])
        #expect(try await erp.earlierResult(of: newParty) == nil)
        let created = try await erp.perform(newParty)
        #expect(created.captured["created"] == true)
        #expect(try await erp.earlierResult(of: newParty)?.captured["party_id"] == created.captured["party_id"])

        // Lines matched against the catalogue (EN/DE/ZH), priced, turned into a Tryton quotation.
        let catalogue = try ProductCatalogue.load(csv: Repository.root.appendingPathComponent("rules/catalogue.csv"))
        let draft = QuoteDraft(lines: [
            QuoteRequestLine(sku: "PMP-100", description: "centrifugal pump", quantity: 2),
            QuoteRequestLine(description: "Kugelhahn DN50 Edelstahl", quantity: 4),
            QuoteRequestLine(description: "压力表", quantity: 10),
        ], catalogue: catalogue)
        #expect(!draft.needsReview)
        let quote = Self.action("create_quotation", ["party_id": .int(partyID), "reference": "RFQ-2026-17",
                                                     "lines": .array(draft.quotationLines)])
        #expect(try await erp.earlierResult(of: quote) == nil)
        let result = try await erp.perform(quote)
        let saleID = try #require(result.captured["quotation_id"]?.intValue)
        #expect(result.captured["state"] == "quotation")
        #expect(result.captured["total"]?.doubleValue == draft.total)
        let expected: Double = 2500.0 + 448.0 + 189.0
        #expect(abs(draft.total - expected) < 0.001)

        // Read it back from Tryton itself: customer, lines, total.
        let sale = try #require(try await erp.searchRead("sale.sale", [["id", "=", .int(saleID)]],
                                                        fields: ["party", "reference", "lines", "total_amount", "comment"]).first)
        #expect(sale["party"]?.intValue == partyID)
        #expect(sale["reference"] == "RFQ-2026-17")
        #expect(sale["lines"]?.arrayValue?.count == 3)
        #expect(sale["comment"]?.stringValue?.contains(quote.idempotencyKey) == true)

        // Exactly once: after a crash between "sent" and "recorded", earlierResult finds the quotation.
        let earlier = try #require(try await erp.earlierResult(of: quote))
        #expect(earlier.foundEarlierResult)
        #expect(earlier.captured["quotation_id"]?.intValue == saleID)
        let sales = try await erp.searchRead("sale.sale", [["party", "=", .int(partyID)]], fields: ["id"], limit: 10)
        #expect(sales.count == 1)

        // Approved → confirmed.
        let confirm = Self.action("confirm_quotation", ["quotation_id": .int(saleID)], rule: "approved")
        #expect(try await erp.earlierResult(of: confirm) == nil)
        let confirmed = try await erp.perform(confirm)
        #expect(confirmed.captured["state"] == "confirmed" || confirmed.captured["state"] == "processing")
        #expect(try await erp.earlierResult(of: confirm) != nil)

        // The original mail attached to the quotation.
        let attach = Self.action("attach_original", ["model": "sale.sale", "record_id": .int(saleID), "filename": "request.eml",
                                                     "data_base64": .string(Data("Subject: RFQ\r\n\r\nhello".utf8).base64EncodedString())])
        let attached = try await erp.perform(attach)
        #expect(attached.captured["attachment_id"] != nil)
        #expect(try await erp.earlierResult(of: attach)?.captured["attachment_id"] == attached.captured["attachment_id"])

        // A lead.
        let lead = try await erp.perform(Self.action("create_lead", ["party_id": .int(partyID), "description": "Pump station upgrade"]))
        #expect(lead.captured["lead_id"] != nil)
    }

    @Test("supplier invoice from an understood invoice: totals match; exactly once; mismatches refused")
    func supplierInvoice() async throws {
        let server = try TrytonTestServer()
        let erp = try server.connector()
        let supplier = try await erp.perform(Self.action("find_or_create_party", ["name": "Global Parts", "vat_id": "DE 811907980"]))
        #expect(supplier.captured["created"] == false)
        let partyID = try #require(supplier.captured["party_id"]?.intValue)
        let invoice = Self.action("create_supplier_invoice", [
            "party_id": .int(partyID), "invoice_number": "GP-2026-0815", "issue_date": "2026-11-20", "currency": "EUR",
            "net_total": 1000.0, "tax_total": 190.0, "gross_total": "1190.00",
            "lines": [["description": "Ball valves DN50", "quantity": 5, "unit_price": 112.0, "line_total": 560.0],
                      ["description": "Flow meter", "quantity": 1, "unit_price": 440.0, "line_total": 440.0]],
        ], rule: "invoices")
        #expect(try await erp.earlierResult(of: invoice) == nil)
        let result = try await erp.perform(invoice)
        let invoiceID = try #require(result.captured["invoice_id"]?.intValue)
        #expect(result.captured["total"]?.doubleValue == 1190)
        #expect(result.captured["tax_total"]?.doubleValue == 190)
        let stored = try #require(try await erp.searchRead("account.invoice", [["id", "=", .int(invoiceID)]],
                                                          fields: ["type", "state", "reference", "party"]).first)
        #expect(stored["type"] == "in")
        #expect(stored["state"] == "draft")
        #expect(stored["reference"] == "GP-2026-0815")
        let earlier = try #require(try await erp.earlierResult(of: invoice))
        #expect(earlier.captured["invoice_id"]?.intValue == invoiceID)

        // Totals that Tryton cannot reproduce (a 19 % tax but lines summing to 900) are refused, nothing kept.
        let wrong = Self.action("create_supplier_invoice", [
            "party_id": .int(partyID), "invoice_number": "GP-2026-0816", "net_total": 1000.0, "tax_total": 190.0, "gross_total": 1190.0,
            "lines": [["description": "Valves", "quantity": 1, "unit_price": 900.0]],
        ], rule: "invoices")
        do {
            _ = try await erp.perform(wrong)
            Issue.record("mismatching totals must be refused")
        } catch let e as ConnectorError {
            guard case .permanent(let m) = e else { Issue.record("expected permanent, got \(e)"); return }
            #expect(m.contains("900"))
        }
        let invoices = try await erp.searchRead("account.invoice", [["party", "=", .int(partyID)]], fields: ["id"], limit: 10)
        #expect(invoices.count == 1)
    }

    @Test("a wrong password is a clear permanent error")
    func wrongPassword() async throws {
        let server = try TrytonTestServer()
        let rpc = TrytonRPC(baseURL: URL(string: "http://127.0.0.1:\(server.port)")!, database: "mailroom", username: "admin",
                            password: "wrong", transport: ConnectorTransport(client: HTTPClient(allowedHosts: ["127.0.0.1"])))
        let erp = TrytonConnector(name: "erp", rpc: rpc)
        await #expect(throws: ConnectorError.self) {
            _ = try await erp.perform(Self.action("find_or_create_party", ["name": "X", "email": "x@example.com"]))
        }
    }

    @Test("REST with a user application key: party, priced quotation, exactly once, confirm, supplier invoice; a wrong key is refused clearly")
    func restProtocol() async throws {
        let server = try TrytonTestServer()
        let erp = try server.restConnector()
        #expect(erp.backend.protocolName == "rest")

        let acme = try await erp.perform(Self.action("find_or_create_party", ["name": "Acme", "email": "purchasing@acme.example"]))
        #expect(acme.captured["created"] == false)
        let newParty = Self.action("find_or_create_party", ["name": "REST Kunde GmbH", "email": "rest@kunde.example", "vat_id": "DE 123 456 788"])
        let created = try await erp.perform(newParty)
        #expect(created.captured["created"] == true)
        let partyID = try #require(created.captured["party_id"]?.intValue)
        #expect(try await erp.earlierResult(of: newParty)?.captured["party_id"]?.intValue == partyID)

        let catalogue = try ProductCatalogue.load(csv: Repository.root.appendingPathComponent("rules/catalogue.csv"))
        let draft = QuoteDraft(lines: [QuoteRequestLine(sku: "MTR-075", description: "motor", quantity: 3),
                                       QuoteRequestLine(description: "Schlauchschelle 16-27 mm", quantity: 20)], catalogue: catalogue)
        #expect(!draft.needsReview)
        let quote = Self.action("create_quotation", ["party_id": .int(partyID), "reference": "REST-1", "lines": .array(draft.quotationLines),
                                                     "currency": "EUR", "total": .number(draft.total)])
        #expect(try await erp.earlierResult(of: quote) == nil)
        let result = try await erp.perform(quote)
        let saleID = try #require(result.captured["quotation_id"]?.intValue)
        #expect(result.captured["state"] == "quotation")
        #expect(result.captured["untaxed_total"]?.doubleValue == 3 * 245 + 20 * 5.9)
        #expect(try await erp.earlierResult(of: quote)?.captured["quotation_id"]?.intValue == saleID)
        let lines = try await erp.searchRead("sale.line", [["sale", "=", .int(saleID)]], fields: ["quantity", "unit_price"], limit: 10)
        #expect(lines.count == 2)

        let confirm = Self.action("confirm_quotation", ["quotation_id": .int(saleID)], rule: "approved")
        let confirmed = try await erp.perform(confirm)
        #expect(["confirmed", "processing"].contains(confirmed.captured["state"]?.stringValue ?? ""))

        // A total the catalogue and Tryton disagree on: refused, and the draft removed.
        let wrongTotal = Self.action("create_quotation", ["party_id": .int(partyID), "reference": "REST-2", "lines": .array(draft.quotationLines),
                                                          "total": 1.0])
        await #expect(throws: ConnectorError.self) { _ = try await erp.perform(wrongTotal) }
        #expect(try await erp.searchRead("sale.sale", [["reference", "=", "REST-2"]], fields: ["id"]).isEmpty)
        // A SKU Tryton does not have is an error, not a guess by name.
        let unknown = Self.action("create_quotation", ["party_id": .int(partyID), "lines": [["sku": "NO-SUCH-SKU", "description": "Centrifugal pump CP-100", "quantity": 1]]])
        do {
            _ = try await erp.perform(unknown)
            Issue.record("an unknown SKU must not be replaced by a product found by name")
        } catch let e as ConnectorError {
            #expect("\(e)".contains("NO-SUCH-SKU"))
        }

        let invoice = Self.action("create_supplier_invoice", [
            "party_id": .int(partyID), "invoice_number": "REST-INV-1", "net_total": 200.0, "tax_total": 14.0, "gross_total": 214.0,
            "lines": [["description": "Service", "quantity": 2, "unit_price": 100.0]],
        ], rule: "invoices")
        let inv = try await erp.perform(invoice)
        #expect(inv.captured["total"]?.doubleValue == 214)
        #expect(inv.captured["tax_total"]?.doubleValue == 14)
        #expect(try await erp.earlierResult(of: invoice)?.captured["invoice_id"] == inv.captured["invoice_id"])

        // A wrong key: permanent, saying what to fix.
        let badKey = server.directory.appendingPathComponent("bad-key")
        try "0123456789abcdef".write(to: badKey, atomically: true, encoding: .utf8)
        let bad = try server.restConnector(keyFile: badKey.path)
        do {
            _ = try await bad.perform(Self.action("find_or_create_party", ["name": "X", "email": "x@example.com"]))
            Issue.record("a wrong key must be refused")
        } catch let e as ConnectorError {
            guard case .permanent(let m) = e else { Issue.record("expected permanent, got \(e)"); return }
            #expect(m.contains("application key"))
        }
    }

    @Test("tryton connector files: protocol rest needs a key, not a password; unknown protocols are refused")
    func protocolSettings() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mr-tryton-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "type: tryton\nprotocol: rest\nurl: http://127.0.0.1:8000\ndatabase: t\nusername: admin\n".write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try "type: tryton\nprotocol: soap\nurl: http://127.0.0.1:8000\ndatabase: t\n".write(to: dir.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try "type: tryton\nprotocol: rest\nurl: http://127.0.0.1:8000\ndatabase: t\nkey_env: ERP_KEY\n".write(to: dir.appendingPathComponent("c.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try ConnectorCatalogue.load(directory: dir, environment: [:])
            Issue.record("expected problems")
        } catch {
            let text = error.problems.map(\.description)
            #expect(text.contains { $0.contains("a.yaml") && $0.contains("needs `key`") })
            #expect(text.contains { $0.contains("a.yaml:5:1") && $0.contains("`username` is for protocol json-rpc") })
            #expect(text.contains { $0.contains("b.yaml:2:11") && $0.contains("unknown Tryton protocol 'soap'") })
            // c.yaml is fine but waits for its key: a warning only.
            #expect(text.contains { $0.contains("c.yaml") && $0.contains("warning") && $0.contains("ERP_KEY") })
        }
    }
}
