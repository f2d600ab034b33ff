import Foundation
import Testing
@testable import Vocabulary
@testable import Parse
@testable import Understand

/// Totals read from the right line (gross, not net, subtotal or an advance), credit notes with their signs and
/// their document type, CSV totals rows (issue 13, point 4). Each mail is written for the test.
private func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

private enum Mail {
    static func kind(_ name: String) throws -> KindDefinition { try #require(try RepositoryFiles.catalogue().kind(named: name)) }

    static func content(_ body: String, subject: String) -> MessageContent {
        MessageContent.read(raw: TestMail.make(from: "Accounts <accounts@supplier.example>", subject: subject, body: body))
    }

    /// Extraction, validation and grounding as the Understander does them.
    static func understood(_ kind: String, _ content: MessageContent) throws -> UnderstandingValidator.Result {
        let definition = try Mail.kind(kind)
        let extracted = FieldExtraction.extract(kind: definition, from: content)
        var groundings = extracted.compactMapValues(\.grounding)
        for e in extracted.values { groundings.merge(e.rowGroundings) { a, _ in a } }
        return UnderstandingValidator.validate(kind: definition, fields: extracted.mapValues(\.value), groundings: groundings,
                                               sources: content.sourceTexts)
    }

    static func invoice(_ body: String, subject: String = "Rechnung") throws -> UnderstandingValidator.Result {
        try understood("invoice", content(body, subject: subject))
    }

    static func order(_ body: String, subject: String = "Order") throws -> UnderstandingValidator.Result {
        try understood("purchase_order", content(body, subject: subject))
    }

    /// A mail with a CSV attachment.
    static func withCSV(_ body: String, csv: String, subject: String) -> MessageContent {
        let raw = """
            From: Billing <billing@kestrel.example>
            To: accounts@brightwater-components.example
            Subject: \(subject)
            Date: Mon, 23 Nov 2026 08:00:00 +0000
            Message-ID: <csv-\(abs(subject.hashValue))@kestrel.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/plain; charset=utf-8

            \(body)
            --b1
            Content-Type: text/csv; charset=utf-8; name="invoice.csv"
            Content-Disposition: attachment; filename="invoice.csv"

            \(csv)
            --b1--

            """
        return MessageContent.read(raw: Data(raw.replacingOccurrences(of: "\n", with: "\r\n").utf8))
    }
}

@Suite struct DetachedMinusTests {
    @Test func aMinusStandingApartInATableCellIsTheSign() {
        let text = "Totale nota di credito                  - 366,00 €"
        let found = AmountRecogniser.all(in: text)
        #expect(found.map(\.value.value) == [dec("-366.00")])
        #expect(found.first?.excerpt == "- 366,00 €")
        #expect(AmountRecogniser.all(in: "Gutschriftsbetrag: - 164,78 EUR").first?.value.value == dec("-164.78"))
        #expect(AmountRecogniser.all(in: "Total\t- 20.00 GBP").first?.value.value == dec("-20.00"))
    }

    @Test func aRangeABulletOrAHyphenatedWordKeepsItsAmountPositive() {
        #expect(AmountRecogniser.all(in: "Preis 10 - 12,50 EUR je Stück").map(\.value.value).allSatisfy { $0 > 0 })
        #expect(AmountRecogniser.all(in: "- 12,50 € Versandkosten").first?.value.value == dec("12.50"))
        #expect(AmountRecogniser.all(in: "  - 3 Paletten").first?.value.value == 3)
        #expect(AmountRecogniser.all(in: "Lieferung Hamburg - 366,00 EUR").first?.value.value == dec("366.00"))
    }

    @Test func anItalianCreditNoteWithDetachedMinusesIsNegativeGroundedAndACreditNote() throws {
        let r = try Mail.invoice("""
            Spett.le Ferrovia Logistica S.r.l.,

            NOTA DI CREDITO N. NC 14/2026 del 20/11/2026
            rif. fattura 218/2026

              Abbuono per ritardata consegna          - 300,00 €
              IVA 22%                                  - 66,00 €
              Totale nota di credito                  - 366,00 €

            Autotrasporti Brambilla S.n.c.
            """, subject: "Nota di credito NC 14/2026 rif. fattura 218/2026")
        #expect(r.fields["gross_total"] == .money(dec("-366.00"), currency: "EUR"))
        #expect(r.fields["tax_total"] == .money(dec("-66.00"), currency: "EUR"))
        #expect(r.fields["document_type"] == .text("credit_note"))
        #expect(r.groundings["gross_total"] != nil, "\(r.problems)")
        #expect(!r.problems.contains { $0.contains("gross_total") }, "\(r.problems)")
    }
}

@Suite struct DocumentTypeFromWordsTests {
    @Test(arguments: [
        ("Gutschrift GS-2026-0412", "Guten Tag, anbei die Gutschrift.\nGutschrift total CHF -417.27"),
        ("Credit memo CM-2026-00417 issued to your account", "Credit memo number: CM-2026-00417\nCredit amount: -$250.00 USD"),
        ("Avoir n° AV-2026-118", "Madame, Monsieur,\nveuillez trouver notre avoir.\nTotal TTC : -120,00 €"),
        ("贷项通知单 HR-2026-077", "您好，附上贷项通知单。\n价税合计：-1,130.00 元"),
        ("Your account", "Please note:\n\nCREDIT NOTE NO. CN-4471\nTotal credit: -£262.08"),
    ])
    func aCreditNoteIsToldByItsTitle(subject: String, body: String) throws {
        let r = try Mail.invoice(body, subject: subject)
        #expect(r.fields["document_type"] == .text("credit_note"), "\(subject)")
    }

    @Test func anOrdinaryInvoiceIsNoCreditNote() throws {
        // French "avoir" is also the verb "to have"; an invoice asking for a credit note later is still an invoice.
        let r = try Mail.invoice("""
            Bonjour, nous espérons vous avoir donné satisfaction.
            Facture n° F-2026-0091 du 02/11/2026
            Total TTC : 1 200,00 €
            """, subject: "Facture F-2026-0091")
        #expect(r.fields["document_type"] != .text("credit_note"))
        #expect(r.fields["gross_total"] == .money(dec("1200.00"), currency: "EUR"))
    }

    @Test func aCorrectionInvoiceIsACorrection() throws {
        let r = try Mail.invoice("Rechnungskorrektur Nr. RK-2026-11 zur Rechnung 2026-0815\nGesamtbetrag: 119,00 EUR",
                                 subject: "Rechnungskorrektur RK-2026-11")
        #expect(r.fields["document_type"] == .text("correction"))
    }
}

@Suite struct TaxTotalLineTests {
    @Test func aVATRegistrationNumberIsNoTaxAmount() throws {
        let r = try Mail.invoice("""
            Harbourline Instruments Ltd, 4 Quay Street, Bristol BS1 4DJ
            VAT Reg. GB 318 5520 91

            Invoice INV-55120   Date 02/11/2026
            Net total                                   £2,150.00
            VAT 0% (export of goods outside the UK)         £0.00
            Total due                                   £2,150.00
            """, subject: "Invoice INV-55120")
        #expect(r.fields["tax_total"] == .money(dec("0.00"), currency: "GBP"))
        #expect(!r.problems.contains { $0.contains("net plus tax") })
    }

    @Test func aLawArticleAfterAZeroRateIsNoTaxAmount() throws {
        let r = try Mail.invoice("""
            Facture F-2026-0418 du 05/11/2026
            Total HT :                 4 120,00 €
            TVA 0 % :                      0,00 €   (exonération - livraison hors UE, art. 262 I du CGI)
            Total TTC :                4 120,00 €
            """, subject: "Facture F-2026-0418")
        #expect(r.fields["tax_total"] == .money(dec("0.00"), currency: "EUR"))
    }
}

@Suite struct GrossTotalLineTests {
    @Test func aSwissReminderTakesTheOpenAmountNotTheNetTotal() throws {
        let r = try Mail.invoice("""
            Guten Tag

            Unsere Rechnung 2026-1187 vom 02.10.2026 ist noch offen.

              Total exkl. MWST                             CHF 640.00
              MWST 8.1 %                                   CHF  51.84
              Offener Betrag                               CHF 691.84
            """, subject: "Zahlungserinnerung Rechnung 2026-1187")
        #expect(r.fields["gross_total"] == .money(dec("691.84"), currency: "CHF"))
        #expect(r.fields["tax_total"] == .money(dec("51.84"), currency: "CHF"))
    }

    @Test func aTaxNameAfterExcludingIsNoTaxAmount() throws {
        let r = try Mail.invoice("""
            RECHNUNG Nr. 2026-40817        Datum: 14.09.2026
                         Total exkl. MWST          1'485.00
                         MWST 8.1 %                 120.29
                         Total CHF                1'605.29
            """)
        #expect(r.fields["tax_total"] == .money(dec("120.29"), currency: "CHF"))
        #expect(r.fields["gross_total"] == .money(dec("1605.29"), currency: "CHF"))
    }

    @Test func anItalianInvoiceTakesTheDocumentTotalNotTheAdvances() throws {
        let r = try Mail.invoice("""
            Fattura n. 2026/0412 del 03/11/2026
              Servizi doganali                                 € 1.180,00
              IVA 22%                                          €   259,60
              Totale anticipazioni                             € 2.314,50
              TOTALE DOCUMENTO                                 € 3.754,10
            """, subject: "Fattura 2026/0412")
        #expect(r.fields["gross_total"] == .money(dec("3754.10"), currency: "EUR"))
    }

    @Test func aChineseVATInvoiceTakesTheTotalWithTaxNotTheTaxTotal() throws {
        let r = try Mail.invoice("""
            发票号码：26442000000188
            合计金额：￥55,176.00
            合计税额（13%）：￥7,172.88
            价税合计（大写）：陆万贰仟叁佰肆拾捌元捌角捌分   （小写）￥62,348.88
            """, subject: "增值税专用发票")
        #expect(r.fields["gross_total"] == .money(dec("62348.88"), currency: "CNY"))
    }

    @Test func aSentenceThatStatesGrossNetAndTaxGivesTheGrossFirst() throws {
        let r = try Mail.invoice("""
            anbei unsere Rechnung 2026-104377.
            Rechnungsbetrag: 2.450,51 EUR (netto 2.290,20 EUR zzgl. 7 % USt 160,31 EUR)
            """)
        #expect(r.fields["gross_total"] == .money(dec("2450.51"), currency: "EUR"))
    }

    @Test func aCSVTotalsRowGivesTheGrossFromItsLastColumn() throws {
        let content = Mail.withCSV("Your December invoice KIT-2026-1211 is attached.", csv: """
            Invoice Number,Invoice Date,Description,Quantity,Unit Price,Net,VAT Rate,VAT,Gross
            KIT-2026-1211,01/12/2026,Managed IT support,25,38.00,950.00,20%,190.00,1140.00
            KIT-2026-1211,01/12/2026,Offsite backup,1,45.00,45.00,20%,9.00,54.00
            KIT-2026-1211,01/12/2026,TOTAL,,,995.00,,199.00,1194.00
            """, subject: "Invoice KIT-2026-1211")
        let r = try Mail.understood("invoice", content)
        #expect(r.fields["gross_total"].map { Evaluation.same($0.json, .string("1194.00")) } == true, "\(r.fields)")
        #expect(r.fields["invoice_number"] == .text("KIT-2026-1211"))
    }
}

@Suite struct OrderTotalLineTests {
    @Test func theTotalBeatsTheSubtotalWrittenBeforeIt() throws {
        let r = try Mail.order("""
            Please supply according to our PO 4500078213:
            Subtotal CHF         4'050.00
            VAT 8.1%              328.05
            Total CHF           4'378.05
            """, subject: "Purchase order 4500078213")
        #expect(r.fields["total"] == .money(dec("4378.05"), currency: "CHF"))
    }

    @Test func aJapaneseOrderTakesTheGrandTotalAfterAnIdeographicSpace() throws {
        let r = try Mail.order("""
            注文No. M-1024
            ・ペティナイフ 13cm　5本 × 6,200円 ＝ 31,000円
            　小計 80,000円　消費税 8,000円　合計 88,000円
            """, subject: "ご注文 M-1024")
        #expect(r.fields["total"] == .money(dec("88000"), currency: "JPY"))
    }

    @Test func anAmountMarkedGrossWinsOnItsLine() throws {
        let r = try Mail.order("Auftrag Nr. NA-2026-07\nNachtragssumme:     10.659,00 € netto, 12.684,21 € brutto", subject: "Auftrag NA-2026-07")
        #expect(r.fields["total"] == .money(dec("12684.21"), currency: "EUR"))
    }

    @Test func aFrenchOrderTakesTheTotalWithTax() throws {
        let r = try Mail.order("""
            Bon de commande n° BC-2026-311
            Total HT        1 250,00 €
            TVA 20 %          250,00 €
            Total TTC       1 500,00 €
            """, subject: "Commande BC-2026-311")
        #expect(r.fields["total"] == .money(dec("1500.00"), currency: "EUR"))
    }

    @Test func aNetTotalIsTakenWhenNothingElseIsStated() throws {
        let r = try Mail.order("Bestellung 2026-117\nTotal exkl. MWST   CHF 3'150.00\nLieferung bis 12.12.2026", subject: "Bestellung 2026-117")
        #expect(r.fields["total"] == .money(dec("3150.00"), currency: "CHF"))
    }
}

/// An order names what it orders: its lines, or our quotation it accepts (`one_of: [lines, quotation_reference]`).
@Suite struct OrderWithoutLinesTests {
    @Test func anOrderAcceptingOurQuotationNeedsNoLines() throws {
        let r = try Mail.order("""
            Sehr geehrte Damen und Herren,
            auf Ihr Angebot vom 03.11.2026 (Angebots-Nr. AN-26-0733) erteilen wir Ihnen hiermit den Auftrag.
            Bestellnummer: 2026/1190
            Auftragssumme: 18.400,00 € netto
            Mit freundlichen Grüßen
            Hausverwaltung Lindner GmbH
            """, subject: "Auftrag 2026/1190")
        #expect(r.fields["quotation_reference"] == .text("AN-26-0733"))
        #expect(!r.problems.contains { $0.contains("lines") })
    }

    @Test func quotationNumbersInOtherLanguages() throws {
        for (body, expected) in [("Vi confermiamo l'ordine come da Vs. offerta n. 2026/0412 del 21/10/2026.", "2026/0412"),
                                 ("We hereby order as per your quotation QT-5531-B.", "QT-5531-B"),
                                 ("Suite à votre devis n° DV-2026-118, nous commandons la prestation.", "DV-2026-118"),
                                 ("Aceptamos su presupuesto P-26-0091 y le confirmamos el pedido.", "P-26-0091")] {
            let r = try Mail.order(body + "\nTotal: 1.000,00 EUR\nOrder No. 88-1\nAcme Wholesale Ltd", subject: "Order 88-1")
            #expect(r.fields["quotation_reference"] == .text(expected), "\(body)")
        }
    }

    @Test func anOrderWithNeitherLinesNorAQuotationGoesToAPerson() throws {
        let r = try Mail.order("""
            Please go ahead with the works we discussed on the phone.
            PO number: 4500-2291
            Total: USD 12,000.00
            Best regards, Acme Facilities Inc.
            """, subject: "PO 4500-2291")
        #expect(r.fields["quotation_reference"] == nil)
        #expect(r.problems.contains("none of `lines` or `quotation_reference` was found (one of them is required)"))
    }

    @Test func aDateAfterTheWordQuotationIsNoReference() throws {
        let r = try Mail.order("As per your quote of 12.10.2026 and quotation 2026-10-12 we order.\nPO 7781\nTotal 500.00 EUR",
                               subject: "PO 7781")
        #expect(r.fields["quotation_reference"] == nil)
    }
}

@Suite struct AccountNumberTests {
    @Test func anAccountNumberPrintedInGroupsIsReadWhole() throws {
        let r = try Mail.invoice("""
            COMMERCIAL INVOICE No. CI-2026-0877   Date: 12 Nov 2026
            Total USD 18,400.00
            Bank: Harbour Commerce Bank, Penang   SWIFT: HCBKMYKL
            A/C No: 7710 2045 9931 (USD account)
            """, subject: "Commercial invoice CI-2026-0877")
        #expect(r.fields["account_number"] == .text("7710 2045 9931"))
        #expect(!r.problems.contains { $0.contains("account_number") })
    }

    @Test func aUKAccountNumberBesideItsSortCode() throws {
        let r = try Mail.invoice("Invoice 5521 dated 02/11/2026\nTotal due £1,200.00\nSort code 20-45-77  Account number 41235678",
                                 subject: "Invoice 5521")
        #expect(r.fields["account_number"] == .text("41235678"))
    }
}

@Suite struct ParagraphNumberTests {
    @Test func aReverseChargeParagraphIsNoTaxAmount() throws {
        let r = try Mail.invoice("""
            Rechnung Nr.: 2026-44       Datum: 01.10.2026
            Pos Leistung                          Menge     EP EUR GP EUR
            1 Abbund und Aufrichten Dachstuhl, pauschal         1 psch 9.800,00 9.800,00
            2 Konstruktionsvollholz C24, geliefert      12,5 m3 480,00 6.000,00
            Summe netto                                     15.800,00
            USt: Steuerschuldnerschaft des Leistungsempfaengers (Par. 13b UStG)     0,00
            Rechnungsbetrag EUR                                  15.800,00
            """, subject: "Rechnung 2026-44")
        #expect(r.fields["tax_total"] == .money(dec("0.00"), currency: nil) || r.fields["tax_total"] == .money(dec("0.00"), currency: "EUR"))
        guard case .list(let rows)? = r.fields["lines"] else { Issue.record("no lines"); return }
        #expect(rows.count == 2)
        #expect(rows.last?["quantity"] == .number(dec("12.5")))
        #expect(!r.problems.contains { $0.contains("net plus tax") || $0.contains("lines") }, "\(r.problems)")
    }
}

@Suite struct WithholdingTests {
    @Test func aSpanishFreelancersInvoiceDeductsIRPF() throws {
        let r = try Mail.invoice("""
            FACTURA Nº 2026-052   Fecha: 30/11/2026
            Base imponible                                                     1.800,00 €
            IVA 21%                                                              378,00 €
            Retención IRPF 15%                                                  -270,00 €
            TOTAL FACTURA                                                      1.908,00 €
            """, subject: "Factura 2026-052")
        #expect(r.fields["withholding_total"] == .money(dec("-270.00"), currency: "EUR"))
        #expect(!r.problems.contains { $0.contains("net plus tax") }, "\(r.problems)")
    }

    @Test func anItalianRitenutaWrittenWithoutMinus() throws {
        let r = try Mail.invoice("""
            Fattura n. 14/2026 del 02/12/2026
            Imponibile                 1.000,00 €
            IVA 22%                      220,00 €
            Ritenuta d'acconto 20%       200,00 €
            Totale documento           1.020,00 €
            """, subject: "Fattura 14/2026")
        #expect(!r.problems.contains { $0.contains("net plus tax") }, "\(r.problems)")
    }

    @Test func absReadsAFieldsMagnitude() throws {
        let check = try CheckExpression.parse("net_total + tax_total - abs(withholding_total) == gross_total")
        #expect(check.fieldNames.contains("withholding_total"))
        #expect(throws: CheckExpression.ParseError.self) { _ = try CheckExpression.parse("abs(lines.total) == 1") }
    }
}

/// The total of an order whose writer did the sums without labelling them (`sum_of: lines` in
/// rules/kinds/purchase_order.yaml), and the result of a calculation after a total's label.
@Suite struct OrderTotalFromItsLinesTests {
    @Test func aSingleLineOrderWhoseLineTotalIsTheTotal() throws {
        let r = try Mail.order("""
            danke für das Angebot. Wir beauftragen Sie für November:

            Bestellnummer 4711-2026-088
            6 Komplettladungen Bobingen -> Verona à 1.125,00 € = 6.750,00 € netto

            Gruß, Lechtal Kunststofftechnik GmbH
            """, subject: "AW: Ihr Angebot 2026/0402")
        #expect(r.fields["total"] == .money(dec("6750.00"), currency: "EUR"))
    }

    @Test func theWrittenGrossWhenTheTaxIsWrittenBesideTheSumOfTheLines() throws {
        let r = try Mail.order("""
            Please process this as an order, our PO number is ORHC-1147.

            5000 x needles 23G 25mm (blue) @ 0.04 = 200.00
            2000 x spot plasters @ 0.02 = 40.00
            20 x sharps bins 1 litre @ 1.45 = 29.00

            = 269.00 + VAT 53.80 = 322.80

            Amanda, Otley Road Health Centre
            """, subject: "FW: flu clinic stock")
        #expect(r.fields["total"] == .money(dec("322.80"), currency: nil))
        guard case .list(let rows)? = r.fields["lines"] else { Issue.record("no lines"); return }
        #expect(rows.count == 3)
    }

    @Test func theWritersOwnSumCountsARowThatIsNoItem() throws {
        // "1 Kiste Zitronen 16,50" has no unit price: it is no item row, yet it is in the writer's sum.
        let r = try Mail.order("""
            Jens, für Freitag bitte:

            10 kg Lachsfilet à 18,90 = 189,00
            15 kg Miesmuscheln à 4,80 = 72,00
            1 Kiste Zitronen 16,50

            = 277,50 €. Bestellnr. KM-118 wie immer auf den Lieferschein.

            LG Jana, Bistro Kleine Möwe
            """, subject: "Best. 118")
        #expect(r.fields["total"] == .money(dec("277.50"), currency: "EUR"))
    }

    @Test func aSumTheMailDoesNotWriteIsNoTotal() throws {
        let r = try Mail.order("""
            Order KM-200, please deliver on Friday:

            10 kg salmon fillet at 18.90 = 189.00
            15 kg mussels at 4.80 = 72.00

            Thanks, Bistro Seagull Ltd
            """, subject: "Order KM-200")
        #expect(r.fields["total"] == nil)
        #expect(r.problems.contains("the required field `total` was not found"))
    }

    @Test func aLabelledTotalWinsOverARowsLineTotalAfterAnEqualsSign() throws {
        let r = try Mail.order("""
            ORDINE N. 45/2026

            - 10 conf. Silicone light body 2x50 ml   a CHF 32.80   = CHF 328.00
            -  8 conf. Alginato 500 g                a CHF 18.90   = CHF 151.20
                                                      Imponibile    CHF 480.00
                                                      IVA 8,1%      CHF  38.88
                                                      Totale        CHF 518.88

            Studio Dentistico Rezzonico
            """, subject: "Ordine 45/2026")
        #expect(r.fields["total"] == .money(dec("518.88"), currency: "CHF"))
        guard case .list(let rows)? = r.fields["lines"] else { Issue.record("no lines"); return }
        #expect(rows.count == 2)
        #expect(rows.first?["unit"] == .text("conf."))
        #expect(rows.first?["description"] == .text("Silicone light body 2x50 ml"))
    }

    @Test func theTotalBelowTheNetValueOfAPDFOrder() throws {
        let r = try Mail.order("""
            Order number: 4500287731               Order date: 24/09/2026
            Line Item code Description                  Qty UoM Unit price Net value
            10 MMS-NG-M     Nitrile exam glove PF non-sterile Medium 200 BX100   3.62     724.00
            20 MMS-FD-1010 Silicone foam dressing bordered 10x10cm 500 EA        1.18      590.00

                                            Total net value GBP 1,314.00
                                            VAT 20%             262.80
                                            Total GBP         1,576.80
            """, subject: "Purchase order 4500287731")
        #expect(r.fields["total"] == .money(dec("1576.80"), currency: "GBP"))
    }

    @Test func aCalculationAfterATotalsLabelGivesItsResult() throws {
        let r = try Mail.order("PO 4500-7781\nOrder total: 6 x 1,125.00 = 6,750.00 USD\nAcme Wholesale Ltd", subject: "PO 4500-7781")
        #expect(r.fields["total"] == .money(dec("6750.00"), currency: "USD"))
        #expect(ExtractionScope.calculationResult("269.00 + VAT 53.80 = 322.80") == " 322.80")
        #expect(ExtractionScope.calculationResult("= 277,50 €") == nil)
        #expect(ExtractionScope.calculationResult("1.000,00 EUR (Preis = Listenpreis)") == nil)
    }
}
