import Foundation
import Testing
@testable import Vocabulary
@testable import Parse
@testable import Understand
import MailroomTesting

private enum EInvoiceFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/einvoice")

    static func read(_ name: String) throws -> EInvoice {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return try #require(EInvoiceReader.read(xml: data), "\(name) was not recognised as an e-invoice")
    }
}

private func money(_ s: String, _ currency: String = "EUR") -> FieldValue {
    .money(Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))!, currency: currency)
}

private func number(_ s: String) -> FieldValue {
    .number(Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))!)
}

@Suite struct EInvoiceReaderTests {
    @Test func ublInvoice() throws {
        let invoice = try EInvoiceFixtures.read("ubl-invoice.xml")
        #expect(invoice.syntax == "UBL Invoice")
        #expect(invoice.guideline == "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0")
        #expect(invoice.guidelineName == "Peppol BIS Billing 3.0")
        #expect(invoice.problems.isEmpty, "\(invoice.problems)")
        let f = invoice.fields
        #expect(f["invoice_number"] == .text("NB-2026-1187"))
        #expect(f["issue_date"] == .date("2026-11-18"))
        #expect(f["due_date"] == .date("2026-12-18"))
        #expect(f["seller"] == .text("Nordlicht Bürobedarf GmbH"))
        #expect(f["buyer"] == .text("Müller Maschinenbau AG"))
        #expect(f["seller_vat_id"] == .text("DE813456782"))
        #expect(f["buyer_vat_id"] == .text("DE298765431"))
        #expect(f["currency"] == .text("EUR"))
        #expect(f["net_total"] == money("1000.00"))
        #expect(f["tax_total"] == money("190.00"))
        #expect(f["gross_total"] == money("1190.00"))
        #expect(f["payable_total"] == money("1190.00"))
        #expect(f["payment_terms"] == .text("Zahlbar innerhalb von 30 Tagen ohne Abzug."))
        #expect(f["document_type"] == .text("invoice"))
        guard case .text(let iban)? = f["iban"] else { Issue.record("no IBAN"); return }
        #expect(IBANCheck.isValid(iban) && iban.hasPrefix("DE"))
        guard case .list(let lines)? = f["lines"] else { Issue.record("no lines"); return }
        #expect(lines.count == 3)
        #expect(lines[1]["description"] == .text("Toner HP 305A schwarz"))
        #expect(lines[1]["quantity"] == number("4"))
        #expect(lines[1]["unit_price"] == money("89.90"))
        #expect(lines[1]["line_total"] == money("359.60"))
        // The JSON form the review and `classify --json` show.
        #expect(f["gross_total"]?.json == .string("1190.00"))
    }

    @Test func ublCreditNoteHasNegativeAmountsAndSaysCredit() throws {
        let note = try EInvoiceFixtures.read("ubl-creditnote.xml")
        #expect(note.syntax == "UBL CreditNote")
        #expect(note.problems.isEmpty, "\(note.problems)")
        #expect(note.amountsNegated)
        #expect(note.fields["document_type"] == .text("credit_note"))
        #expect(note.fields["invoice_number"] == .text("NB-GS-2026-0031"))
        #expect(note.fields["gross_total"] == money("-273.94"))
        #expect(note.fields["gross_total"]?.json == .string("-273.94"))
        #expect(note.fields["net_total"] == money("-230.20"))
        #expect(note.fields["tax_total"] == money("-43.74"))
        #expect(note.fields["due_date"] == .date("2026-11-28"))
        guard case .list(let lines)? = note.fields["lines"] else { Issue.record("no lines"); return }
        #expect(lines.first?["quantity"] == number("-1"))
        #expect(lines.first?["unit_price"] == money("230.20"))
        #expect(lines.first?["line_total"] == money("-230.20"))
        #expect(lines.first?["description"] == .text("Bürostuhl Ergo Plus (Rücknahme)"))
    }

    @Test func xrechnungUBL() throws {
        let invoice = try EInvoiceFixtures.read("xrechnung-ubl.xml")
        #expect(invoice.syntax == "UBL Invoice")
        #expect(invoice.guidelineName == "XRechnung")
        #expect(invoice.problems.isEmpty, "\(invoice.problems)")
        #expect(invoice.fields["invoice_number"] == .text("XR-2026-00042"))
        #expect(invoice.fields["gross_total"] == money("1815.35"))
        #expect(invoice.fields["tax_total"] == money("289.85"))
    }

    @Test func ciiFacturX() throws {
        let invoice = try EInvoiceFixtures.read("cii-facturx.xml")
        #expect(invoice.syntax == "CII")
        #expect(invoice.guideline == "urn:cen.eu:en16931:2017")
        #expect(invoice.problems.isEmpty, "\(invoice.problems)")
        let f = invoice.fields
        #expect(f["invoice_number"] == .text("HS-R-2026-0815"))
        #expect(f["issue_date"] == .date("2026-11-20"))   // format 102 → ISO
        #expect(f["due_date"] == .date("2026-12-04"))
        #expect(f["seller"] == .text("Hanse Service & Technik GmbH"))
        #expect(f["seller_vat_id"] == .text("DE287654329"))  // the VA registration, not the FC tax number
        #expect(f["buyer"] == .text("Alpenblick Hotel KG"))
        #expect(f["net_total"] == money("759.00"))
        #expect(f["tax_total"] == money("144.21"))
        #expect(f["gross_total"] == money("903.21"))
        #expect(f["iban"] == .text("DE18120300000012345678"))
        #expect(f["payment_terms"] == .text("Zahlbar bis 04.12.2026 ohne Abzug."))
        guard case .list(let lines)? = f["lines"] else { Issue.record("no lines"); return }
        #expect(lines.count == 3)
        #expect(lines[1]["description"] == .text("Anfahrtspauschale"))
        #expect(lines[1]["quantity"] == number("2"))
        #expect(lines[1]["unit_price"] == money("35.00"))
        #expect(lines[1]["line_total"] == money("70.00"))
    }

    @Test func xrechnungCIIWithPrepaidAmount() throws {
        let invoice = try EInvoiceFixtures.read("xrechnung-cii.xml")
        #expect(invoice.syntax == "CII")
        #expect(invoice.guidelineName == "XRechnung")
        #expect(invoice.problems.isEmpty, "\(invoice.problems)")
        #expect(invoice.fields["gross_total"] == money("1428.00"))
        #expect(invoice.fields["payable_total"] == money("1000.00"))
        #expect(invoice.fields["buyer"] == .text("Stadtverwaltung Musterstadt"))
    }

    @Test func wrongSumsAreFlagged() throws {
        let invoice = try EInvoiceFixtures.read("broken-ubl-wrong-sums.xml")
        let problems = invoice.problems.joined(separator: "\n")
        // Line 2: 4 × 89.90 is 359.60, not 395.60; the lines add up to 1036.00, not 1000.00; 1000 + 190 is not 1209.
        #expect(problems.contains("line 2: quantity 4 × price 89.90 = 359.60, but the line amount is 395.60"), "\(problems)")
        #expect(problems.contains("the 3 line amounts add up to 1036.00, but the invoice states a line total of 1000.00"), "\(problems)")
        #expect(problems.contains("total without VAT 1000.00 + VAT 190.00 = 1190.00, but the total with VAT is 1209.00"), "\(problems)")
        #expect(invoice.problems.count == 3, "\(problems)")
        // The values are still there for a person to look at.
        #expect(invoice.fields["gross_total"] == money("1209.00"))
    }

    @Test func badIBANIsFlagged() throws {
        let invoice = try EInvoiceFixtures.read("broken-cii-bad-iban.xml")
        #expect(invoice.problems.count == 1, "\(invoice.problems)")
        #expect(invoice.problems.first?.contains("IBAN DE18120300000012345687 is not valid") == true, "\(invoice.problems)")
        #expect(invoice.problems.first?.contains("mod 97") == true)
    }

    @Test func missingInvoiceNumberIsFlagged() throws {
        let invoice = try EInvoiceFixtures.read("broken-ubl-missing-number.xml")
        #expect(invoice.problems == ["the invoice number is missing"])
        #expect(invoice.fields["invoice_number"] == nil)
    }

    @Test func impossibleDateIsFlagged() throws {
        let invoice = try EInvoiceFixtures.read("broken-cii-bad-date.xml")
        #expect(invoice.fields["issue_date"] == nil)
        #expect(invoice.problems.contains { $0.contains("issue date \"20261131\"") }, "\(invoice.problems)")
        #expect(invoice.problems.contains("the issue date is missing"))
    }

    @Test func otherXMLIsNoInvoice() throws {
        let order = try Data(contentsOf: EInvoiceFixtures.directory.appendingPathComponent("not-an-invoice-order.xml"))
        #expect(EInvoiceReader.read(xml: order) == nil)
        #expect(EInvoiceReader.read(xml: Data("<html><body>Rechnung</body></html>".utf8)) == nil)
        #expect(EInvoiceReader.read(xml: Data("not xml at all".utf8)) == nil)
        #expect(EInvoiceReader.read(xml: Data()) == nil)
    }

    @Test func invoiceInsideAnEnvelopeAndWithPrefixedRoot() throws {
        var xml = String(decoding: try Data(contentsOf: EInvoiceFixtures.directory.appendingPathComponent("ubl-invoice.xml")), as: UTF8.self)
        xml = xml.replacingOccurrences(of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", with: "")
        let wrapped = "<sh:StandardBusinessDocument xmlns:sh=\"http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader\"><sh:StandardBusinessDocumentHeader/>\(xml)</sh:StandardBusinessDocument>"
        let invoice = try #require(EInvoiceReader.read(xml: Data(wrapped.utf8)))
        #expect(invoice.fields["invoice_number"] == .text("NB-2026-1187"))
        #expect(invoice.problems.isEmpty)
    }

    @Test func ibanCheck() {
        #expect(IBANCheck.isValid("DE89 3704 0044 0532 0130 00"))
        #expect(IBANCheck.isValid("GB82WEST12345698765432"))
        #expect(!IBANCheck.isValid("DE89370400440532013001"))
        #expect(!IBANCheck.isValid("DE8937040044"))
        #expect(!IBANCheck.isValid("1234567890123456"))
    }
}

@Suite struct EInvoiceDisagreementTests {
    @Test func matchingPDFTextGivesNoDisagreement() throws {
        let invoice = try EInvoiceFixtures.read("ubl-invoice.xml")
        let text = "Rechnung Nr. NB-2026-1187   Datum 18.11.2026\nGesamtbetrag\u{00A0}1.190,00 €"
        #expect(EInvoiceReader.disagreements(invoice, pdfText: text) == [])
        #expect(EInvoiceReader.disagreements(invoice, pdfText: "Invoice nb-2026-1187 total EUR 1,190.00") == [])
        #expect(EInvoiceReader.disagreements(invoice, pdfText: "NB-2026-1187 Summe 1190,00") == [])
        #expect(EInvoiceReader.disagreements(invoice, pdfText: "NB–2026–1187 Summe 1 190,00 EUR") == [])
    }

    @Test func differentTotalAndNumberAreReported() throws {
        let invoice = try EInvoiceFixtures.read("ubl-invoice.xml")
        let found = EInvoiceReader.disagreements(invoice, pdfText: "Rechnung NB-2026-1178\nGesamtbetrag 1.109,00 €\nNetto 1.000,00")
        #expect(found == [
            "invoice number NB-2026-1187 in the XML, not found in the PDF text",
            "gross total 1190.00 EUR in the XML, not found in the PDF text",
        ])
        // A longer number that merely contains the total or the invoice number does not count.
        let longer = EInvoiceReader.disagreements(invoice, pdfText: "NB-2026-11870 Betrag 21.190,00 und 1.190,001")
        #expect(longer.count == 2, "\(longer)")
    }

    @Test func emptyPDFTextIsSaid() throws {
        let invoice = try EInvoiceFixtures.read("cii-facturx.xml")
        let found = EInvoiceReader.disagreements(invoice, pdfText: " \n\u{0C}")
        #expect(found.count == 1 && found[0].contains("no text layer"))
    }

    @Test func amountSpellings() {
        let spellings = EInvoiceReader.amountSpellings(Decimal(string: "1234567.5")!)
        #expect(spellings.contains("1234567.50"))
        #expect(spellings.contains("1,234,567.50"))
        #expect(spellings.contains("1.234.567,50"))
        #expect(spellings.contains("1 234 567,50"))
        #expect(spellings.contains("1'234'567.50"))
        #expect(EInvoiceReader.amountSpellings(Decimal(string: "-43.74")!).contains("43,74"))
    }

    @Test(.enabled(if: DocumentFixtures.popplerInstalled))
    func facturXPDFEndToEnd() throws {
        let agreeing = DocumentReader.read(try DocumentFixtures.data("facturx.pdf"), filename: "rechnung.pdf", contentType: "application/pdf")
        let xml = try #require(agreeing.embeddedFiles.first)
        let invoice = try #require(EInvoiceReader.read(xml: xml.data))
        #expect(invoice.fields["gross_total"] == money("903.21"))
        #expect(EInvoiceReader.disagreements(invoice, pdfText: agreeing.text) == [])

        let mismatched = DocumentReader.read(try DocumentFixtures.data("zugferd-mismatch.pdf"), filename: "rechnung.pdf", contentType: "application/pdf")
        let embedded = try #require(mismatched.embeddedFiles.first { $0.name == "ZUGFeRD-invoice.xml" })
        let same = try #require(EInvoiceReader.read(xml: embedded.data))
        #expect(EInvoiceReader.disagreements(same, pdfText: mismatched.text) == ["gross total 903.21 EUR in the XML, not found in the PDF text"])
    }
}

/// The demo mailbox's e-invoices were written by another generator (demo/make_demo.py) than these fixtures:
/// reading them is an independent check of both the document reader and the e-invoice reader.
@Suite struct DemoMailboxEInvoiceTests {
    static let demo = Repository.root.appendingPathComponent("demo/Maildir/new")

    /// (mail file, what it is) from demo/manifest.json: the invoices that carry XML.
    static let invoices: [(String, String)] = [
        ("1794563053.M15P1.demo", "XRechnung UBL as an XML attachment"),
        ("1794921639.M21P1.demo", "CII XML attachment beside its PDF"),
        ("1795771016.M36P1.demo", "Factur-X PDF with embedded factur-x.xml"),
    ]

    @Test(.enabled(if: DocumentFixtures.popplerInstalled), arguments: invoices)
    func demoEInvoicesReadCleanly(file: String, what: String) throws {
        let raw = try Data(contentsOf: Self.demo.appendingPathComponent(file))
        let parsed = MessageParser.parse(raw)
        var xmls: [Data] = []
        var pdfTexts: [String] = []
        for (info, data) in zip(parsed.normalised.attachments, parsed.attachmentData) {
            let doc = DocumentReader.read(data, filename: info.filename, contentType: info.contentType)
            #expect(!doc.needsOCR)
            if doc.method == "xml" { xmls.append(data) }
            if doc.method == "pdftotext" { pdfTexts.append(doc.text) }
            xmls += doc.embeddedFiles.filter { $0.name.lowercased().hasSuffix(".xml") }.map(\.data)
        }
        let xml = try #require(xmls.first, "\(what): no XML found")
        let invoice = try #require(EInvoiceReader.read(xml: xml), "\(what): XML not recognised")
        #expect(invoice.problems.isEmpty, "\(what): \(invoice.problems)")
        #expect(invoice.fields["invoice_number"] != nil && invoice.fields["gross_total"] != nil && invoice.fields["currency"] != nil)
        for text in pdfTexts {
            #expect(EInvoiceReader.disagreements(invoice, pdfText: text) == [], "\(what)")
        }
    }
}
