import Foundation
import Testing
@testable import Vocabulary
@testable import Parse
@testable import Understand
import MailroomTesting

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/einvoice")

private func document(_ name: String) throws -> BusinessDocument {
    let data = try Data(contentsOf: fixtures.appendingPathComponent(name))
    return try #require(BusinessDocumentReader.read(xml: data), "\(name) was not recognised")
}

private func decimal(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }
private func money(_ s: String, _ currency: String = "EUR") -> FieldValue { .money(decimal(s), currency: currency) }
private func number(_ s: String) -> FieldValue { .number(decimal(s)) }

private func lines(_ fields: [String: FieldValue]) -> [[String: FieldValue]] {
    if case .list(let rows)? = fields["lines"] { return rows }
    return []
}

/// Invoices beyond the plain case: other currencies, allowances and charges, several VAT rates, totals left
/// out, credit notes and corrections, CII credit notes and ZUGFeRD 1.0.
@Suite struct EInvoiceVariantTests {
    @Test func allowancesChargesPrepaymentAndTwoVATRates() throws {
        let d = try document("ubl-invoice-sek-allowances.xml")
        #expect(d.kind == "invoice" && d.syntax == "UBL Invoice")
        #expect(d.problems.isEmpty, "\(d.problems)")
        let f = d.fields
        #expect(f["currency"] == .text("SEK"))
        #expect(f["seller"] == .text("Fjällgren Verktyg AB"))
        #expect(f["net_total"] == money("15755.00", "SEK"))
        #expect(f["tax_total"] == money("3665.75", "SEK"))
        #expect(f["gross_total"] == money("19420.75", "SEK"))
        #expect(f["payable_total"] == money("14420.75", "SEK"))
        #expect(f["allowance_total"] == money("695.00", "SEK"))
        #expect(f["charge_total"] == money("450.00", "SEK"))
        #expect(f["document_type"] == .text("invoice"))
        #expect(lines(f).count == 4)
        #expect(lines(f)[3]["line_total"] == money("2100.00", "SEK"))
    }

    @Test func payableAmountIsTheGrossWhenTaxInclusiveIsMissing() throws {
        let d = try document("ubl-invoice-gbp-payable-only.xml")
        #expect(d.problems.isEmpty, "\(d.problems)")
        let f = d.fields
        #expect(f["currency"] == .text("GBP"))
        #expect(f["gross_total"] == money("1712", "GBP"))
        #expect(f["payable_total"] == money("1712", "GBP"))
        // Written "1712" in the XML: leaves with its scale.
        #expect(f["gross_total"]?.json == .string("1712.00"))
        #expect(f["net_total"]?.json == .string("1426.67"))
        // Taken from the AllowanceCharge element, as the totals do not state it.
        #expect(f["allowance_total"] == money("321.33", "GBP"))
        #expect(f["charge_total"] == nil)
        #expect(lines(f)[0]["line_total"]?.json == .string("1200.00"))
    }

    @Test func anInvoiceWithTypeCode381IsACreditNoteWithNegativeTotals() throws {
        let d = try document("ubl-invoice-381-credit.xml")
        #expect(d.problems.isEmpty, "\(d.problems)")
        #expect(d.amountsNegated)
        #expect(d.fields["document_type"] == .text("credit_note"))
        #expect(d.fields["gross_total"]?.json == .string("-119.00"))
        #expect(d.fields["net_total"] == money("-95.20", "DKK"))
        #expect(d.fields["tax_total"] == money("-23.80", "DKK"))
        #expect(lines(d.fields)[0]["quantity"] == number("-1"))
    }

    @Test func aCorrectionKeepsTheSignsItStates() throws {
        let d = try document("ubl-invoice-384-correction.xml")
        #expect(d.problems.isEmpty, "\(d.problems)")
        #expect(!d.amountsNegated)
        #expect(d.fields["document_type"] == .text("correction"))
        #expect(d.fields["gross_total"]?.json == .string("-60.00"))
        #expect(d.fields["tax_total"] == money("-10.00"))
        #expect(lines(d.fields)[0]["quantity"] == number("-2000"))
        #expect(lines(d.fields)[0]["unit_price"] == money("0.025"))
    }

    @Test func aCIICreditNoteHasNegativeTotals() throws {
        let d = try document("cii-creditnote.xml")
        #expect(d.syntax == "CII")
        #expect(d.problems.isEmpty, "\(d.problems)")
        #expect(d.fields["document_type"] == .text("credit_note"))
        #expect(d.fields["gross_total"] == money("-357.00"))
        #expect(d.fields["payable_total"] == money("-357.00"))
        #expect(d.fields["seller"] == .text("Lichtwerk Saar GmbH"))
        #expect(lines(d.fields).map { $0["line_total"] } == [money("-252.00"), money("-48.00")])
    }

    @Test func zugferd1() throws {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("zugferd1-invoice.xml"))
        let invoice = try #require(EInvoiceReader.read(xml: data))
        #expect(invoice.syntax == "ZUGFeRD 1.0")
        #expect(invoice.guidelineName == "ZUGFeRD 1.0 COMFORT")
        #expect(invoice.problems.isEmpty, "\(invoice.problems)")
        let f = invoice.fields
        #expect(f["invoice_number"] == .text("RWE-2019-04417"))
        #expect(f["issue_date"] == .date("2019-06-11"))
        #expect(f["due_date"] == .date("2019-06-25"))
        #expect(f["seller"] == .text("Rheinwerk Elektrotechnik GmbH"))
        #expect(f["seller_vat_id"] == .text("DE811907980"))
        #expect(f["buyer"] == .text("Brightwater Components GmbH"))
        #expect(f["currency"] == .text("EUR"))
        #expect(f["net_total"] == money("913.40"))
        #expect(f["tax_total"] == money("161.57"))
        #expect(f["gross_total"] == money("1074.97"))
        #expect(f["payable_total"] == money("1074.97"))
        #expect(f["payment_terms"] == .text("Zahlbar innerhalb von 14 Tagen ohne Abzug."))
        guard case .text(let iban)? = f["iban"] else { Issue.record("no IBAN"); return }
        #expect(IBANCheck.isValid(iban))
        let rows = lines(f)
        #expect(rows.count == 3)
        #expect(rows[0]["description"] == .text("Installationskabel NYM-J 3x1,5 mm², Ring 100 m"))
        #expect(rows[0]["quantity"] == number("12"))
        #expect(rows[0]["unit_price"] == money("52.40"))
        #expect(rows[2]["line_total"] == money("99.80"))
    }

    @Test func theVATOfTheRatesMustAddUp() throws {
        var xml = String(decoding: try Data(contentsOf: fixtures.appendingPathComponent("zugferd1-invoice.xml")), as: UTF8.self)
        xml = xml.replacingOccurrences(of: ">6.99<", with: ">7.99<")
        let invoice = try #require(EInvoiceReader.read(xml: Data(xml.utf8)))
        #expect(invoice.problems == ["the VAT of the 2 rates adds up to 162.57, but the VAT total is 161.57"])
    }
}

@Suite struct BusinessDocumentReaderTests {
    @Test func aUBLOrderIsAPurchaseOrder() throws {
        let d = try document("ubl-order.xml")
        #expect(d.kind == "purchase_order" && d.syntax == "UBL Order")
        #expect(d.guideline == "urn:fdc:peppol.eu:poacc:trns:order:3")
        #expect(d.problems.isEmpty, "\(d.problems)")
        let f = d.fields
        #expect(f["order_number"] == .text("KA-PO-2026-0931"))
        #expect(f["order_date"] == .date("2026-11-09"))
        #expect(f["buyer"] == .text("Kaskade Anlagenbau GmbH"))
        #expect(f["currency"] == .text("EUR"))
        #expect(f["total"] == money("11180.05"))
        #expect(f["total"]?.json == .string("11180.05"))
        let rows = lines(f)
        #expect(rows.count == 3)
        #expect(rows[1] == ["sku": .text("VLV-BALL-25"), "description": .text("Ball valve DN25 stainless"),
                            "quantity": number("60"), "unit_price": money("46.50")])
        #expect(Set(f.keys) == ["order_number", "order_date", "buyer", "currency", "total", "lines"])
    }

    @Test func aBareOrderIsStillAnOrderNotAnInvoice() throws {
        let data = try Data(contentsOf: fixtures.appendingPathComponent("not-an-invoice-order.xml"))
        #expect(EInvoiceReader.read(xml: data) == nil)
        let d = try document("not-an-invoice-order.xml")
        #expect(d.kind == "purchase_order")
        #expect(d.fields["order_number"] == .text("PO-4711"))
        #expect(d.problems == ["the buyer's name is missing", "the order lines are missing"])
    }

    @Test func aRequestForQuotationIsAQuoteRequest() throws {
        let d = try document("ubl-request-for-quotation.xml")
        #expect(d.kind == "quote_request" && d.syntax == "UBL RequestForQuotation")
        #expect(d.problems.isEmpty, "\(d.problems)")
        let f = d.fields
        #expect(f["customer_company"] == .text("Nordhavn Marine ApS"))
        #expect(f["contact_email"] == .text("indkob@nordhavn-marine.example"))
        #expect(f["reference"] == .text("NM-RFQ-2026-051"))
        #expect(f["delivery_date"] == .date("2027-01-15"))
        let rows = lines(f)
        #expect(rows.count == 3)
        #expect(rows[0] == ["sku": .text("PMP-SUB"), "description": .text("Submersible pump SP-40"), "quantity": number("8")])
        #expect(rows[2] == ["description": .text("Spare seal kit for SP-40"), "quantity": number("16")])
    }

    @Test func anOrderResponseIsReadButIsNoKindOfTheExampleRules() throws {
        let d = try document("ubl-order-response.xml")
        #expect(d.kind == "order_response")
        #expect(d.problems.isEmpty, "\(d.problems)")
        #expect(d.fields["response_number"] == .text("OM-OB-77120"))
        #expect(d.fields["order_number"] == .text("BW-PO-2026-1184"))
        #expect(d.fields["response"] == .text("CA"))
        #expect(d.fields["seller"] == .text("Oostpoort Metaal B.V."))
        #expect(lines(d.fields)[1] == ["sku": .text("RVS-B-424"), "description": .text("RVS buis 42,4 x 2 mm"),
                                       "quantity": number("300"), "unit_price": money("7.45")])
    }

    @Test func wrongOrderSumsAreFlagged() throws {
        var xml = String(decoding: try Data(contentsOf: fixtures.appendingPathComponent("ubl-order.xml")), as: UTF8.self)
        xml = xml.replacingOccurrences(of: ">2790.00<", with: ">2970.00<")
        let d = try #require(BusinessDocumentReader.read(xml: Data(xml.utf8)))
        #expect(d.problems.contains("line 2: quantity 60 × price 46.50 = 2790.00, but the line amount is 2970.00"), "\(d.problems)")
        #expect(d.problems.contains("the 3 line amounts add up to 9570.00, but the order states a line total of 9390.00"), "\(d.problems)")
    }
}

/// Mails with structured documents attached, through the whole Understander (kinds from rules/kinds/).
@Suite struct StructuredDocumentMailTests {
    func mail(subject: String, attachment name: String, type: String, data: Data) -> Data {
        let text = """
            From: Purchasing <purchasing@customer.example>
            To: sales@brightwater-components.example
            Subject: \(subject)
            Date: Mon, 23 Nov 2026 08:00:00 +0000
            Message-ID: <doc-\(name)@customer.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: text/plain; charset=utf-8

            Please see the attached document.
            --b
            Content-Type: \(type); name="\(name)"
            Content-Disposition: attachment; filename="\(name)"
            Content-Transfer-Encoding: base64

            \(data.base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]))
            --b--

            """
        return Data(text.utf8)
    }

    func understand(_ fixture: String, subject: String) throws -> Understanding {
        let data = try Data(contentsOf: fixtures.appendingPathComponent(fixture))
        let raw = mail(subject: subject, attachment: fixture, type: "application/xml", data: data)
        return Understander(catalogue: try RepositoryFiles.catalogue(), classifier: TestMail.classifier)
            .understandNow(MessageContent.read(raw: raw))
    }

    @Test func anAttachedOrderMakesAPurchaseOrder() throws {
        let u = try understand("ubl-order.xml", subject: "Order KA-PO-2026-0931")
        #expect(u.kind == "purchase_order" && u.method == "einvoice")
        #expect(u.review.isEmpty, "\(u.review)")
        #expect(u.fields["order_number"] == .text("KA-PO-2026-0931"))
        #expect(u.fields["total"]?.json == .string("11180.05"))
        #expect(lines(u.fields).count == 3)
    }

    @Test func anAttachedRequestForQuotationMakesAQuoteRequest() throws {
        let u = try understand("ubl-request-for-quotation.xml", subject: "RFQ NM-RFQ-2026-051")
        #expect(u.kind == "quote_request" && u.method == "einvoice")
        #expect(u.review.isEmpty, "\(u.review)")
        #expect(u.fields["customer_company"] == .text("Nordhavn Marine ApS"))
        #expect(u.fields["contact_email"] == .text("indkob@nordhavn-marine.example"))
        #expect(lines(u.fields)[1]["sku"] == .text("VLV-GATE-80"))
    }

    @Test func aCreditNoteWithNegativeTotalsNeedsNoReview() throws {
        let u = try understand("ubl-invoice-381-credit.xml", subject: "Kreditnota KN-2026-0077")
        #expect(u.kind == "invoice")
        #expect(u.review.isEmpty, "\(u.review)")
        #expect(u.fields["gross_total"]?.json == .string("-119.00"))
        #expect(u.groundings["gross_total"]?.excerpt == "119.00")
    }

    /// Allowances and charges, a payable-only total, a credit note, a correction, CII credit, ZUGFeRD 1.0: each is
    /// an invoice that passes the kind's checks and grounding without a person.
    @Test(arguments: ["ubl-invoice-sek-allowances.xml", "ubl-invoice-gbp-payable-only.xml", "ubl-invoice-381-credit.xml",
                      "ubl-invoice-384-correction.xml", "cii-creditnote.xml", "zugferd1-invoice.xml"])
    func invoicesPassTheKindChecks(fixture: String) throws {
        let u = try understand(fixture, subject: "Invoice")
        #expect(u.kind == "invoice" && u.method == "einvoice")
        #expect(u.review.isEmpty, "\(fixture): \(u.review)")
    }

    @Test func anOrderResponseIsLeftToTheOtherMethods() throws {
        let u = try understand("ubl-order-response.xml", subject: "Orderbevestiging OM-OB-77120")
        #expect(u.method != "einvoice")
        #expect(u.steps.contains { $0.method == "einvoice" && $0.note.contains("no kind `order_response`") })
    }

    @Test(.enabled(if: DocumentFixtures.popplerInstalled))
    func aZUGFeRD1PDFMakesAnInvoice() throws {
        let pdf = try DocumentFixtures.data("zugferd1.pdf")
        let raw = mail(subject: "Rechnung RWE-2019-04417", attachment: "RWE-2019-04417.pdf", type: "application/pdf", data: pdf)
        let u = Understander(catalogue: try RepositoryFiles.catalogue(), classifier: TestMail.classifier)
            .understandNow(MessageContent.read(raw: raw))
        #expect(u.kind == "invoice" && u.method == "einvoice")
        #expect(u.review.isEmpty, "\(u.review)")
        #expect(u.fields["gross_total"] == money("1074.97"))
        #expect(u.steps.contains { $0.note.contains("ZUGFeRD 1.0") && $0.note.contains("ZUGFeRD-invoice.xml") })
    }
}
