import Foundation
import Testing
@testable import Vocabulary
@testable import Parse
@testable import Understand

/// Fields read exactly from mail of many companies, languages and layouts (issue 13, points 4 and 8).
private func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

private enum Invoices {
    static func kind() throws -> KindDefinition { try #require(try RepositoryFiles.catalogue().kind(named: "invoice")) }

    static func content(_ body: String, subject: String = "Invoice", from: String = "Billing <billing@supplier.example>") -> MessageContent {
        MessageContent.read(raw: TestMail.make(from: from, subject: subject, body: body))
    }

    static func fields(_ body: String, subject: String = "Invoice") throws -> [String: FieldValue] {
        FieldExtraction.extract(kind: try kind(), from: content(body, subject: subject)).mapValues(\.value)
    }

    /// Extraction, then validation and grounding, as the Understander does it.
    static func understood(_ body: String, subject: String = "Invoice", oneOf: [[[String]]]? = nil) throws -> UnderstandingValidator.Result {
        var kind = try kind()
        if let oneOf { kind.oneOf = oneOf }
        let content = content(body, subject: subject)
        let extracted = FieldExtraction.extract(kind: kind, from: content)
        return UnderstandingValidator.validate(kind: kind, fields: extracted.mapValues(\.value),
                                               groundings: extracted.compactMapValues(\.grounding), sources: content.sourceTexts)
    }
}

@Suite struct CurrencyExactnessTests {
    @Test(arguments: [
        ("Total: $1,234.56", "USD"), ("Total: US$ 1,234.56", "USD"), ("Total: USD 1,234.56", "USD"),
        ("Summe 1.234,56 €", "EUR"), ("Summe EUR 1.234,56", "EUR"), ("Summe 1.234,56 Euro", "EUR"),
        ("Total £1,234.56", "GBP"), ("Total GBP 1,234.56", "GBP"),
        ("合计 ¥12,345.00 元", "CNY"), ("合计：¥12,345.00（人民币）", "CNY"), ("合計 ¥123,456 です", "JPY"),
        ("Total ¥123,456 (JPY)", "JPY"), ("金额 12,345.00元", "CNY"), ("RMB 12,345.00", "CNY"),
        ("Betrag CHF 1'234.50", "CHF"), ("Betrag Fr. 1’234.50", "CHF"), ("Betrag SFr. 80.–", "CHF"),
        ("Razem 1 234,56 zł", "PLN"), ("Razem PLN 1 234,56", "PLN"),
        ("I alt 1.234,50 kr (DKK)", "DKK"), ("Totalt 1 234,50 kr, belopp i SEK", "SEK"), ("NOK 1 234,50", "NOK"),
        ("Total R$ 1.234,56", "BRL"), ("Total ₹1,23,456.00", "INR"), ("INR 1,234.00", "INR"),
    ])
    func signsAndWordsBecomeISOCodes(text: String, code: String) {
        let found = AmountRecogniser.first(in: text)
        #expect(found?.value.currency == code, "\(text)")
    }

    @Test func kroneWithoutAHintHasNoCurrency() {
        #expect(AmountRecogniser.first(in: "Total 1.234,50 kr")?.value.currency == nil)
        #expect(AmountRecogniser.first(in: "Total 1.234,50 kr")?.value.value == dec("1234.50"))
    }

    @Test func theGrounderAcceptsACodeWrittenAsASign() throws {
        let kind = try Invoices.kind()
        let field = try #require(kind.field(named: "currency"))
        let dollar = SourceText(location: "body", text: "Amount due: $1,712.00")
        #expect(Grounder.ground(.text("USD"), type: field.type, in: [dollar]) != nil)
        #expect(Grounder.ground(.text("EUR"), type: field.type, in: [dollar]) == nil)
        let yuan = SourceText(location: "body", text: "价税合计 ¥1,130.00")
        #expect(Grounder.ground(.text("CNY"), type: field.type, in: [yuan]) != nil)
        #expect(Grounder.ground(.text("JPY"), type: field.type, in: [yuan]) == nil)
        // A currency kept in a plain text field is grounded the same way.
        #expect(Grounder.ground(.text("GBP"), type: .text, in: [SourceText(location: "body", text: "Total £20.00")]) != nil)
    }

    @Test func aDollarInvoiceIsNotReviewedForItsCurrency() throws {
        let result = try Invoices.understood("""
            Invoice No.: INV-10442
            Invoice date: 12/07/2026
            Bill to: Brightwater Components GmbH
            Subtotal: $1,600.00
            Sales tax: $112.00
            Amount due: $1,712.00
            """, subject: "Invoice INV-10442 from Acme Tools Inc.")
        #expect(result.fields["currency"] == .text("USD"))
        #expect(!result.problems.contains { $0.contains("currency") }, "\(result.problems)")
        #expect(result.fields["gross_total"] == .money(dec("1712"), currency: "USD"))
        #expect(result.fields["issue_date"] == .date("2026-12-07"))  // US mail: month first
    }
}

@Suite struct AmountExactnessTests {
    @Test(arguments: [
        ("1.234,56", "1234.56", 2), ("1,234.56", "1234.56", 2), ("1'234.56", "1234.56", 2), ("1’234.56", "1234.56", 2),
        ("1 234,56", "1234.56", 2), ("1\u{00A0}234,56", "1234.56", 2), ("1\u{202F}234,56", "1234.56", 2), ("1234", "1234", 0),
        ("¥123,456", "123456", 0), ("12,345.00元", "12345", 2), ("-119,00", "-119", 2), ("(119.00)", "-119", 2),
        ("€ -119,00", "-119", 2), ("-€119.00", "-119", 2), ("119,-", "119", 2), ("1.712,00 EUR", "1712", 2),
    ])
    func everyLocalesFormat(text: String, value: String, scale: Int) {
        let found = AmountRecogniser.first(in: "Betrag \(text) gesamt")
        #expect(found?.value.value == dec(value), "\(text)")
        #expect(found?.value.scale == scale, "\(text)")
    }

    @Test func aHyphenBetweenWordsIsNoMinus() {
        #expect(AmountRecogniser.first(in: "Widget - 119,00")?.value.value == dec("119"))
        #expect(AmountRecogniser.first(in: "Pos 10-12")?.value.value == dec("10"))
    }

    @Test(arguments: [
        // (body, net, tax, gross)
        ("Nettobetrag: 1.000,00 EUR\nMwSt. 19 %: 190,00 EUR\nGesamtbetrag: 1.190,00 EUR", "1000", "190", "1190"),
        ("Zwischensumme   1.000,00 €\nUSt. 19 %   190,00 €\nRechnungsbetrag   1.190,00 €", "1000", "190", "1190"),
        ("Total net: 1,000.00 GBP\nVAT 20%: 200.00 GBP\nTotal: 1,200.00 GBP", "1000", "200", "1200"),
        ("Total HT : 1 000,00 €\nTVA 20 % : 200,00 €\nTotal TTC : 1 200,00 €", "1000", "200", "1200"),
        ("Imponibile: 1.000,00 €\nIVA 22%: 220,00 €\nTotale documento: 1.220,00 €", "1000", "220", "1220"),
        ("Base imponible: 1.000,00 €\nIVA 21%: 210,00 €\nImporte total: 1.210,00 €", "1000", "210", "1210"),
        ("金额合计：¥1,000.00\n税额：¥130.00\n价税合计：¥1,130.00", "1000", "130", "1130"),
        ("小計 ¥100,000\n消費税 ¥10,000\n合計金額（税込） ¥110,000", "100000", "10000", "110000"),
        ("Subtotal $1,000.00\nSales tax $70.00\nBalance due $1,070.00", "1000", "70", "1070"),
        ("Nettobetrag 1'000.00 CHF\nMWST 8.1% 81.00 CHF\nTotal 1'081.00 CHF", "1000", "81", "1081"),
        ("total excl. VAT      1.395,00\nVAT 0% intra-community supply (reverse charge)      0,00\nTO PAY      EUR 1.395,00", "1395", "0", "1395"),
    ])
    func theLabelledTotalsAreTaken(body: String, net: String, tax: String, gross: String) throws {
        let f = try Invoices.fields(body)
        #expect(f["net_total"].flatMap(amount) == dec(net), "\(body)")
        #expect(f["tax_total"].flatMap(amount) == dec(tax), "\(body)")
        #expect(f["gross_total"].flatMap(amount) == dec(gross), "\(body)")
    }

    @Test func theAmountACoveringMailGivesItsInvoiceWithSwissGrouping() throws {
        let f = try Invoices.fields("In der Beilage senden wir Ihnen unsere Rechnung 26-4471 über CHF 1'845.50.")
        #expect(f["gross_total"] == .money(dec("1845.50"), currency: "CHF"))
    }

    @Test func grossIsNotTakenFromANetOrTaxLine() throws {
        // "Total net" and "Total VAT" start with "Total", the gross label: they belong to other fields.
        let f = try Invoices.fields("Total net 500.00 EUR\nTotal VAT 95.00 EUR\nTotal 595.00 EUR")
        #expect(f["gross_total"].flatMap(amount) == dec("595"))
        #expect(f["net_total"].flatMap(amount) == dec("500"))
        #expect(f["tax_total"].flatMap(amount) == dec("95"))
    }

    func amount(_ v: FieldValue) -> Decimal? {
        if case .money(let d, _) = v { return d }
        return nil
    }
}

@Suite struct DateExactnessTests {
    @Test(arguments: [
        ("07.12.2026", "2026-12-07"), ("7.12.26", "2026-12-07"), ("07/12/2026", "2026-12-07"), ("7 Dec 2026", "2026-12-07"),
        ("December 7, 2026", "2026-12-07"), ("7. Dezember 2026", "2026-12-07"), ("7 décembre 2026", "2026-12-07"),
        ("7 dicembre 2026", "2026-12-07"), ("7 de diciembre de 2026", "2026-12-07"), ("2026年12月7日", "2026-12-07"),
        ("2026/12/07", "2026-12-07"), ("令和8年12月7日", "2026-12-07"), ("2026-12-07", "2026-12-07"), ("1er décembre 2026", "2026-12-01"),
        ("7 de dezembro de 2026", "2026-12-07"), ("7 december 2026", "2026-12-07"),
    ])
    func writtenForms(text: String, iso: String) throws {
        let f = try Invoices.fields("Rechnungsdatum: \(text)\nGesamtbetrag: 119,00 EUR")
        #expect(f["issue_date"] == .date(iso), "\(text)")
    }

    @Test func slashedDatesFollowTheMail() {
        // US English with dollars: month first; European or British mail: day first.
        #expect(ReadingContext(texts: ["Invoice date 12/07/2026, amount due $1,712.00"]).dayFirst == false)
        #expect(ReadingContext(texts: ["Invoice date 07/12/2026, total £1,712.00"]).dayFirst == true)
        #expect(ReadingContext(texts: ["Acme Tools Inc., 100 Main St, Springfield, IL 62701"]).dayFirst == false)
        #expect(ReadingContext(texts: ["Rechnungsdatum 07/12/2026"]).dayFirst == true)
    }

    @Test func aDateIsGroundedEitherWayRound() {
        let source = SourceText(location: "body", text: "Invoice date: 07/12/2026")
        #expect(Grounder.ground(.date("2026-12-07"), type: .date, in: [source]) != nil)
        #expect(Grounder.ground(.date("2026-07-12"), type: .date, in: [source]) != nil)
        #expect(Grounder.ground(.date("2026-12-08"), type: .date, in: [source]) == nil)
    }
}

@Suite struct LabelExactnessTests {
    @Test(arguments: [
        ("Rechnungsnummer: RE-2026-0815", "RE-2026-0815"), ("Rechnung Nr. 2026/0815", "2026/0815"),
        ("Invoice No. INV-77812", "INV-77812"), ("Inv# 77812", "77812"), ("Facture n° FA-2026-112", "FA-2026-112"),
        ("Fattura n. 112/2026", "112/2026"), ("Factura nº F-2026-0042", "F-2026-0042"), ("发票号码：04412233", "04412233"),
        ("請求書番号：INV-2026-12", "INV-2026-12"), ("Invoice number ........ 55-1002", "55-1002"),
        ("Numéro de facture    F2026-9", "F2026-9"),
    ])
    func invoiceNumbers(line: String, number: String) throws {
        let f = try Invoices.fields("Sehr geehrte Damen und Herren,\n\n\(line)\n\nGesamtbetrag: 119,00 EUR")
        #expect(f["invoice_number"] == .text(number), "\(line)")
    }

    @Test func aValueBelowItsHeaderInAPdfTable() throws {
        let layout = """
            ACME Werkzeuge GmbH · Industriestraße 4 · 80333 München

            Rechnungsnummer     Kundennummer     Rechnungsdatum     Seite
            RE-2026-4711        K-10023          07.12.2026         1/1

            Pos  Bezeichnung            Menge   Einzelpreis      Gesamt
            1    Bohrer HSS 8 mm           10         4,50        45,00
                                                 Gesamtbetrag    53,55 EUR
            """
        let f = try Invoices.fields(layout, subject: "Ihre Rechnung")
        #expect(f["invoice_number"] == .text("RE-2026-4711"))
        #expect(f["issue_date"] == .date("2026-12-07"))
        #expect(f["gross_total"] == .money(dec("53.55"), currency: "EUR"))
    }

    @Test func aBarSeparatedHeaderRow() throws {
        let f = try Invoices.fields("| Invoice No. | Customer | Date |\n|---|---|---|\n| 2026-0042 | Brightwater Components GmbH | 2026-12-07 |\nTotal: 10.00 EUR")
        #expect(f["invoice_number"] == .text("2026-0042"))
        #expect(f["issue_date"] == .date("2026-12-07"))
    }

    @Test func valuesThatAreLabelsAddressesDatesOrAmountsAreRefused() throws {
        let kind = try Invoices.kind()
        let scope = ExtractionScope(kind: kind, content: Invoices.content(""))
        let buyer = try #require(kind.field(named: "buyer"))
        let number = try #require(kind.field(named: "invoice_number"))
        #expect(!scope.plausible(.text("Kundennummer"), field: buyer, following: ""))
        #expect(!scope.plausible(.text("80333 München"), field: number, following: ""))
        #expect(!scope.plausible(.text("D-80333 München"), field: number, following: ""))
        #expect(!scope.plausible(.text("80333"), field: number, following: " München"))
        #expect(!scope.plausible(.text("SW1A 1AA"), field: number, following: ""))
        #expect(!scope.plausible(.text("Leopoldstraße 12"), field: buyer, following: ""))
        #expect(!scope.plausible(.text("07.12.2026"), field: number, following: ""))
        #expect(!scope.plausible(.text("1.234,56 €"), field: number, following: ""))
        #expect(scope.plausible(.text("RE-2026-4711"), field: number, following: ""))
        #expect(scope.plausible(.text("80333"), field: number, following: " vom 07.12.2026"))
        #expect(scope.plausible(.text("Brightwater Components GmbH"), field: buyer, following: ""))
    }

    @Test func aLabelIsAWholeWord() throws {
        // "Kunde" (buyer) does not fire inside "Kundennummer"; "Customer No." is a number, not the customer.
        let f = try Invoices.fields("Kundennummer: 10023\nCustomer No.: 10023\nRechnungsnummer: RE-1\nGesamtbetrag: 1,00 EUR")
        #expect(f["buyer"].map { $0 == .text("10023") || $0 == .text("nnummer: 10023") } != true)
    }
}

@Suite struct PaymentDetailsExactnessTests {
    @Test(arguments: ["DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "FR14 2004 1010 0505 0001 3M02 606",
                      "PL61 1090 1014 0000 0712 1981 2874", "NO93 8601 1117 947"])
    func ibansOfAnyCountry(iban: String) throws {
        let f = try Invoices.fields("Bitte überweisen Sie auf\nIBAN: \(iban)\nBIC: XXXXDEXX")
        #expect(f["iban"] == .text(iban.replacingOccurrences(of: " ", with: "")))
    }

    @Test func aSortCodeAndAccountNumberStandInForTheIBAN() throws {
        let body = """
            Invoice No.: INV-2291
            Invoice date: 07/12/2026
            Bill to: Brightwater Components GmbH
            Net total: £100.00
            VAT: £20.00
            Total: £120.00
            Please pay by bank transfer:
            Sort code: 20-00-00
            Account number: 55779911
            """
        let result = try Invoices.understood(body, subject: "Invoice INV-2291 - Fenwick Supplies Ltd")
        #expect(result.fields["sort_code"] == .text("20-00-00"))
        #expect(result.fields["account_number"] == .text("55779911"))
        #expect(!result.problems.contains { $0.contains("iban") }, "\(result.problems)")
        // The shipped kind does not require payment details (booking does not need them)…
        let without = try Invoices.understood(body.replacingOccurrences(of: "Account number: 55779911", with: ""),
                                              subject: "Invoice INV-2291 - Fenwick Supplies Ltd")
        #expect(!without.problems.contains { $0.contains("iban") || $0.contains("account_number") }, "\(without.problems)")
        // …a rule set that pays says `one_of: [[iban, sort_code + account_number]]`, and then half of the UK pair is not enough.
        let paying = try Invoices.understood(body.replacingOccurrences(of: "Account number: 55779911", with: ""),
                                             subject: "Invoice INV-2291 - Fenwick Supplies Ltd", oneOf: [[["iban"], ["sort_code", "account_number"]]])
        #expect(paying.problems.contains { $0.contains("none of `iban` or `sort_code` + `account_number`") }, "\(paying.problems)")
        let payingComplete = try Invoices.understood(body, subject: "Invoice INV-2291 - Fenwick Supplies Ltd",
                                                     oneOf: [[["iban"], ["sort_code", "account_number"]]])
        #expect(!payingComplete.problems.contains { $0.contains("none of") }, "\(payingComplete.problems)")
    }

    @Test func oneOfIsCheckedWhenTheKindFileIsRead() {
        var reader = KindFileReader(file: "kinds/x.yaml")
        _ = reader.read(text: """
            kind: x
            business: true
            fields:
              - {name: iban, type: iban}
            one_of:
              - [iban, sort_code + account_number]
            """)
        #expect(reader.problems.contains { $0.message.contains("'sort_code' is not a field") })
    }
}

@Suite struct MoneySerialisationTests {
    @Test func moneyIsADecimalStringWithItsScale() throws {
        #expect(FieldValue.money(dec("1712"), currency: "EUR").json == .string("1712.00"))
        #expect(FieldValue.money(dec("123456"), currency: "JPY").json == .string("123456"))
        #expect(FieldValue.money(dec("1.5"), currency: "KWD").json == .string("1.500"))
        let stored = try JSONEncoder().encode(FieldValue.money(dec("1712"), currency: "USD"))
        #expect(String(decoding: stored, as: UTF8.self).contains("\"1712.00\""))
        #expect(try JSONDecoder().decode(FieldValue.self, from: stored) == .money(dec("1712"), currency: "USD"))
    }
}
