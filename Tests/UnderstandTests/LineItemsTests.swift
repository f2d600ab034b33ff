import Foundation
import Testing
@testable import Vocabulary
@testable import Parse
@testable import Understand

/// Line items from tables, labelled items and list lines in many languages and layouts (`LineItems`).
private func dec(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

private enum Lines {
    /// Every item field any kind declares.
    static let items: [FieldDefinition] = [
        FieldDefinition(name: "sku", type: .text),
        FieldDefinition(name: "description", type: .text, required: true),
        FieldDefinition(name: "quantity", type: .number, required: true),
        FieldDefinition(name: "unit", type: .text),
        FieldDefinition(name: "unit_price", type: .money),
        FieldDefinition(name: "line_total", type: .money),
    ]

    static func read(_ text: String, location: String = "body") -> (items: [[String: FieldValue]], method: LineItems.Method) {
        let source = SourceText(location: location, text: text)
        let found = LineItems.read(source, items: items, context: ReadingContext(texts: [text]))
        // Every value is grounded: its excerpt stands at its offset in the text.
        for item in found.items {
            for (name, g) in item.groundings {
                let ns = text as NSString
                let offset = g.offset ?? -1
                let ok = offset >= 0 && offset + (g.excerpt as NSString).length <= ns.length
                    && ns.substring(with: NSRange(location: offset, length: (g.excerpt as NSString).length)) == g.excerpt
                #expect(ok, "\(name): '\(g.excerpt)' is not at \(offset)")
                #expect(g.location == location)
            }
        }
        return (found.items.map(\.values), found.method)
    }

    static func text(_ v: FieldValue?) -> String? { if case .text(let s) = v { return s }; return nil }
    static func number(_ v: FieldValue?) -> Decimal? {
        switch v {
        case .number(let d): return d
        case .money(let d, _): return d
        default: return nil
        }
    }
}

@Suite struct LineItemTableTests {
    @Test func anAlignedGermanTableWithItsHeaderStopsAtTheTotals() {
        let text = """
            Sehr geehrte Damen und Herren,
            wir bestellen wie folgt:

            Pos.  Art.-Nr.     Bezeichnung                     Menge   Einheit   Einzelpreis       Gesamt
             1    4711-001     Rillenkugellager 6204 2RS          200   Stk.           3,20 €     640,00 €
             2    4711-002     Gelenklager GE 30 ES                50   Stk.          18,90 €     945,00 €
                                                                    Zwischensumme            1.585,00 €
                                                                    MwSt. 19 %                 301,15 €

            Mit freundlichen Grüßen
            """
        let (items, method) = Lines.read(text)
        #expect(method == .table)
        #expect(items.count == 2)
        #expect(Lines.text(items.first?["sku"]) == "4711-001")
        #expect(Lines.text(items.first?["description"]) == "Rillenkugellager 6204 2RS")
        #expect(Lines.number(items.first?["quantity"]) == 200)
        #expect(Lines.text(items.first?["unit"]) == "Stk.")
        #expect(items.first?["unit_price"] == .money(dec("3.20"), currency: "EUR"))
        #expect(items.last?["line_total"] == .money(dec("945.00"), currency: "EUR"))
    }

    @Test func aMarkdownTableInEnglish() {
        let text = """
            Please supply:

            | Line | Part No. | Description              | Qty | Unit Price | Ext. Price |
            |------|----------|--------------------------|-----|------------|------------|
            | 1    | TB-8M-1200 | Timing belt 8M, 1200 mm | 40  | $33.11     | $1,324.40  |
            | 2    | 6204-2RS | Deep groove ball bearing | 1,500 | $1.95    | $2,925.00  |
            | | | **Total** | | | $4,249.40 |
            """
        let (items, _) = Lines.read(text)
        #expect(items.count == 2)
        #expect(Lines.text(items[0]["sku"]) == "TB-8M-1200")
        #expect(Lines.text(items[0]["description"]) == "Timing belt 8M, 1200 mm")
        #expect(Lines.number(items[1]["quantity"]) == 1500)
        #expect(items[1]["unit_price"] == .money(dec("1.95"), currency: "USD"))
        #expect(items[1]["line_total"] == .money(dec("2925.00"), currency: "USD"))
    }

    @Test func anHTMLTableAsTextInFrench() {
        // HTML tables become rows of cells joined with " | " (HTMLText).
        let text = HTMLText.plainText(fromHTML: """
            <p>Bon de commande</p>
            <table><tr><th>Réf.</th><th>Désignation</th><th>Qté</th><th>Prix unitaire HT</th><th>Montant HT</th></tr>
            <tr><td>BT-75</td><td>Bouteille bordelaise 75 cl</td><td>1 200</td><td>0,42 €</td><td>504,00 €</td></tr>
            <tr><td>BC-49</td><td>Bouchon liège 49 mm</td><td>1 200</td><td>0,18 €</td><td>216,00 €</td></tr>
            <tr><td></td><td>Total HT</td><td></td><td></td><td>720,00 €</td></tr></table>
            """)
        let (items, _) = Lines.read(text)
        #expect(items.count == 2)
        #expect(Lines.text(items[0]["description"]) == "Bouteille bordelaise 75 cl")
        #expect(Lines.number(items[0]["quantity"]) == 1200)
        #expect(items[1]["unit_price"] == .money(dec("0.18"), currency: "EUR"))
        #expect(Lines.text(items[1]["sku"]) == "BC-49")
    }

    @Test func aTabSeparatedSheetInSpanishWithDecimalCommas() {
        // CSV and spreadsheet attachments are stored as tab-separated lines, empty cells kept.
        let text = "Código\tDescripción\tCantidad\tUnidad\tPrecio\tImporte\n"
            + "RD-6206\tRodamiento rígido de bolas 6206\t12\tuds.\t4,75\t57,00\n"
            + "\tJunta tórica 40x3\t100\t\t0,35\t35,00\n"
            + "\t\t\t\tTotal\t92,00\n"
        let (items, _) = Lines.read(text, location: "attachment:pedido.csv")
        #expect(items.count == 2)
        #expect(Lines.text(items[0]["unit"]) == "uds.")
        #expect(items[0]["unit_price"] == .money(dec("4.75"), currency: nil))
        #expect(items[1]["sku"] == nil)
        #expect(Lines.text(items[1]["description"]) == "Junta tórica 40x3")
        #expect(Lines.number(items[1]["quantity"]) == 100)
    }

    @Test func aJapaneseTableAlignedWithSpaces() {
        let text = """
            品番          品名                    数量      単価
            NSK-6204     深溝玉軸受 6204          300個     ¥420
            THK-SR20     リニアガイド SR20        20個      ¥18,500
            合計                                             ¥496,000
            """
        let (items, _) = Lines.read(text)
        #expect(items.count == 2)
        #expect(Lines.text(items[0]["description"]) == "深溝玉軸受 6204")
        #expect(Lines.number(items[0]["quantity"]) == 300)
        #expect(Lines.text(items[0]["unit"]) == "個")
        #expect(Lines.number(items[1]["unit_price"]) == 18500)
    }

    @Test func aPolishTableWhoseHeaderRepeatsOnTheNextPage() {
        let text = """
            Lp.  Indeks      Nazwa                         Ilość   J.m.   Cena netto   Wartość netto
            1    KRZ-100     Krzesło biurowe Ergo 100         10   szt.     450,00        4 500,00
                                                                            Strona 1 z 2
            \u{0C}
            Lp.  Indeks      Nazwa                         Ilość   J.m.   Cena netto   Wartość netto
            2    BIU-160     Biurko 160x80 dąb                 5   szt.   1 200,00        6 000,00
                                                      Razem netto                      10 500,00
            """
        let (items, _) = Lines.read(text)
        #expect(items.count == 2)
        #expect(Lines.text(items[0]["sku"]) == "KRZ-100")
        #expect(Lines.text(items[1]["description"]) == "Biurko 160x80 dąb")
        #expect(Lines.number(items[1]["unit_price"]) == 1200)
        #expect(Lines.number(items[1]["line_total"]) == 6000)
    }

    @Test func aTableWithoutAHeaderIsKnownByTheShapeOfItsRows() {
        let text = """
            Wir bestellen:

            1   Rillenkugellager 6204 2RS      200     3,20     640,00
            2   Gelenklager GE 30 ES            50    18,90     945,00

            Danke
            """
        let (items, method) = Lines.read(text)
        #expect(method == .table)
        #expect(items.count == 2)
        #expect(Lines.text(items[0]["description"]) == "Rillenkugellager 6204 2RS")
        #expect(Lines.number(items[0]["quantity"]) == 200)
        #expect(Lines.number(items[0]["unit_price"]) == dec("3.20"))
        #expect(Lines.number(items[1]["line_total"]) == dec("945.00"))
    }

    @Test func aHeaderWithoutAQuantityColumnOrOnlyTotalsMakesNoItems() {
        #expect(Lines.read("""
            Description              Amount
            Consulting, November     1.200,00 €
            """).items.isEmpty)
        #expect(Lines.read("""
            Artikel        Menge     Preis
            Summe                    640,00 €
            MwSt. 19 %               121,60 €
            """).items.isEmpty)
    }

    @Test func aHugeTableIsReadUpToItsBound() {
        var text = "Item\tQty\tPrice\n"
        for i in 1...5000 { text += "Widget \(i)\t\(i)\t1,00\n" }
        let start = Date()
        let (items, _) = Lines.read(text)
        #expect(items.count == LineItems.maximumRows)
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func hostileLinesEndQuickly() {
        let garbage = String(repeating: "1 2 3 4 5 6 7 8 9 0 | x × Stk. ", count: 4000) + "\n"
            + String(repeating: "Menge: ", count: 5000) + "\n" + String(repeating: "- 2x ", count: 20000)
        let start = Date()
        _ = Lines.read(garbage)
        #expect(Date().timeIntervalSince(start) < 10)
    }
}

@Suite struct LineItemListTests {
    @Test(arguments: [
        ("2x Hydraulic pump HP-200 à 1.234,00 €", "Hydraulic pump HP-200", "2", "HP-200", "1234.00"),
        ("- 200 pcs 6204-2RS", "6204-2RS", "200", "6204-2RS", nil),
        ("Pos. 1: 50 Stk. Gelenklager GE 30 ES", "Gelenklager GE 30 ES", "50", nil, nil),
        ("200 Stück Art.-Nr. 4711 Rillenkugellager", "Rillenkugellager", "200", "4711", nil),
        ("• 30 pz. Cuscinetto a sfere 6205 a 2,80 €", "Cuscinetto a sfere 6205", "30", nil, "2.80"),
        ("- 12 uds. Rodamiento rígido 6206", "Rodamiento rígido 6206", "12", nil, nil),
        ("3) 40 szt. Łożysko kulkowe 6305", "Łożysko kulkowe 6305", "40", nil, nil),
        ("Gelenklager GE 30 ES – 50 Stk.", "Gelenklager GE 30 ES", "50", nil, nil),
        ("Hydraulic pump HP-200 x 2", "Hydraulic pump HP-200", "2", "HP-200", nil),
        ("Nadellager NK 25/20: 60 Stk. je 6,80 EUR", "Nadellager NK 25/20", "60", nil, "6.80"),
        ("1 200 pièces Bouchon liège 49 mm", "Bouchon liège 49 mm", "1200", nil, nil),
        ("・Saint-Emilion Grand Cru 2020\u{3000}120本", "Saint-Emilion Grand Cru 2020", "120", nil, nil),
        ("1) Leishman stain 500 ml     - 20 btl x Rs. 310.00 = Rs. 6,200.00", "Leishman stain 500 ml", "20", nil, "310.00"),
        ("RWDR-45x62x8 Radial shaft seal 45x62x8 NBR 100 x GBP 1.85", "Radial shaft seal 45x62x8 NBR", "100", "RWDR-45x62x8", "1.85"),
        ("- 70 szt. Kontener mobilny 3-szufladowy", "Kontener mobilny 3-szufladowy", "70", nil, nil),
    ] as [(String, String, String, String?, String?)])
    func aListLine(line: String, description: String, quantity: String, sku: String?, price: String?) {
        let (items, method) = Lines.read("Hello,\n\nplease send:\n\(line)\n\nRegards")
        // A line whose quantity × price makes its total is proved by the arithmetic (read as a table row).
        #expect(method == .lines || items.first?["line_total"] != nil)
        #expect(items.count == 1, "\(line)")
        #expect(Lines.text(items.first?["description"]) == description, "\(line)")
        #expect(Lines.number(items.first?["quantity"]) == dec(quantity), "\(line)")
        #expect(Lines.text(items.first?["sku"]) == sku, "\(line)")
        #expect(Lines.number(items.first?["unit_price"]) == price.map(dec), "\(line)")
    }

    @Test func labelledItemsInChineseOnOneLineEach() {
        let (items, _) = Lines.read("""
            您好，我司需采购以下产品：
            品名：不锈钢法兰 DN50，数量：200件，单价：35.50
            品名：不锈钢弯头 DN50，数量：150件
            谢谢
            """)
        #expect(items.count == 2)
        #expect(Lines.text(items[0]["description"]) == "不锈钢法兰 DN50")
        #expect(Lines.number(items[0]["quantity"]) == 200)
        #expect(Lines.text(items[0]["unit"]) == "件")
        #expect(Lines.number(items[0]["unit_price"]) == dec("35.50"))
        #expect(Lines.text(items[1]["description"]) == "不锈钢弯头 DN50")
    }

    @Test func labelledItemsInABlockOfLines() {
        let (items, _) = Lines.read("""
            Artikel: Gelenklager GE 30 ES
            Menge: 50 Stk.
            Preis: 18,90 €

            Artikel: Rillenkugellager 6204
            Menge: 200 Stk.
            """)
        #expect(items.count == 2)
        #expect(Lines.number(items[1]["quantity"]) == 200)
        #expect(Lines.text(items[0]["unit"]) == "Stk.")
        #expect(items[0]["unit_price"] == .money(dec("18.90"), currency: "EUR"))
    }

    @Test(arguments: [
        "We need the goods within 2 weeks, please.",
        "Bitte liefern Sie 2 Stück bis Freitag an unser Lager.",
        "- 3 years warranty",
        "1. Please quote your best price.",
        "Total: 2 pcs",
        "12. März 2026",
        "Bordeaux Superieur 2022 (6 x 75cl)",
        "acetonitrile 4x2.5L - 50 nos and methanol 2.5L - 30 nos. delivery by October",
    ])
    func proseIsNoItem(line: String) {
        #expect(Lines.read("Hello,\n\(line)\nRegards").items.isEmpty, "\(line)")
    }

    @Test func quotedLinesCountOnlyWhenTheNewTextHasNone() {
        let reply = Lines.read("""
            Please add:
            - 10 pcs 6205-2RS

            > - 200 pcs 6204-2RS
            """)
        #expect(reply.items.count == 1)
        #expect(Lines.text(reply.items.first?["sku"]) == "6205-2RS")
        let forwarded = Lines.read("""
            See below.

            > - 200 pcs 6204-2RS
            """)
        #expect(Lines.text(forwarded.items.first?["sku"]) == "6204-2RS")
    }
}

@Suite struct LineItemKindTests {
    static func kind(_ name: String) throws -> KindDefinition { try #require(try RepositoryFiles.catalogue().kind(named: name)) }

    static func lines(_ kind: KindDefinition, _ content: MessageContent) -> (FieldValue?, ExtractedValue?) {
        let found = FieldExtraction.extract(kind: kind, from: content)
        return (found["lines"]?.value, found["lines"])
    }

    @Test func aPurchaseOrderWithASemicolonCSVAttachment() throws {
        let csv = "Indeks;Nazwa;Ilość;Cena;Wartość\r\nKRZ-100;Krzesło biurowe Ergo 100;10;450,00;4500,00\r\nBIU-160;Biurko 160x80 dąb;5;1200,00;6000,00\r\n"
        let raw = """
            From: Zakupy <zakupy@biuromax.example>
            To: sales@brightwater-components.example
            Subject: Zamówienie 2026/114
            Date: Mon, 23 Nov 2026 08:00:00 +0000
            Message-ID: <z-114@biuromax.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain; charset=utf-8

            Dzień dobry, w załączniku zamówienie.
            --b
            Content-Type: text/csv; charset=utf-8; name=zamowienie.csv
            Content-Disposition: attachment; filename=zamowienie.csv

            \(csv)
            --b--
            """
        let content = MessageContent.read(raw: Data(raw.utf8))
        let (value, extracted) = Self.lines(try Self.kind("purchase_order"), content)
        guard case .list(let rows) = value else { Issue.record("no lines"); return }
        #expect(rows.count == 2)
        #expect(rows.first?["sku"] == .text("KRZ-100"))
        #expect(rows.first?["line_total"] == .money(dec("4500.00"), currency: nil))
        #expect(rows.last?["unit_price"] == .money(dec("1200.00"), currency: nil))
        #expect(extracted?.rowGroundings["lines[1].description"]?.location == "attachment:zamowienie.csv")
    }

    @Test func aQuoteRequestWhoseTableIsOnlyInTheHTMLPart() throws {
        let raw = """
            From: Purchasing <buy@example-hospital.example>
            To: sales@brightwater-components.example
            Subject: RFQ luminaires
            Date: Mon, 23 Nov 2026 08:00:00 +0000
            Message-ID: <rfq-7@example-hospital.example>
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary=a

            --a
            Content-Type: text/plain; charset=utf-8

            Please quote the items in the table below.
            --a
            Content-Type: text/html; charset=utf-8

            <p>Please quote the items in the table below.</p>
            <table><tr><th>Item</th><th>Quantity</th><th>UOM</th></tr>
            <tr><td>LED troffer 2x4 ft, 4000K</td><td>120</td><td>ea</td></tr>
            <tr><td>Emergency exit sign, red</td><td>16</td><td>ea</td></tr></table>
            --a--
            """
        let content = MessageContent.read(raw: Data(raw.utf8))
        #expect(content.message.text == "Please quote the items in the table below.")
        let kind = try Self.kind("quote_request")
        let (value, extracted) = Self.lines(kind, content)
        guard case .list(let rows) = value else { Issue.record("no lines"); return }
        #expect(rows.count == 2)
        #expect(rows.first?["description"] == .text("LED troffer 2x4 ft, 4000K"))
        #expect(rows.first?["quantity"] == .number(120))
        #expect(rows.first?["unit"] == .text("ea"))
        let g = try #require(extracted?.rowGroundings["lines[0].quantity"])
        #expect(g.location == MessageContent.htmlTablesLocation)
        // The grounding holds in the texts the Understander checks groundings against.
        #expect(Grounder.confirms(g, value: .number(120), type: .number, in: content.sourceTexts))
    }

    @Test func anInvoiceKeepsOnlyRowsWithALineTotal() throws {
        let body = """
            Rechnung 2026-0815

            | Leistung | Menge | Einzelpreis | Betrag |
            | Wartung Hydraulikanlage | 6 h | 95,00 € | 570,00 € |
            | Anfahrt | 1 | 45,00 € | |
            | Nettobetrag | | | 615,00 € |
            """
        let content = MessageContent.read(raw: TestMail.make(from: "Service <rechnung@service.example>", subject: "Rechnung", body: body))
        let (value, _) = Self.lines(try Self.kind("invoice"), content)
        guard case .list(let rows) = value else { Issue.record("no lines"); return }
        #expect(rows.count == 1)
        #expect(rows.first?["line_total"] == .money(dec("570.00"), currency: "EUR"))
        #expect(rows.first?["unit"] == .text("h"))
    }

    @Test func theKindFilesDeclareLineItemsAndOnlyListsMayUseThem() throws {
        for name in ["purchase_order", "quote_request", "invoice"] {
            let field = try #require(try Self.kind(name).field(named: "lines"))
            #expect(field.extractors.contains { if case .lineItems = $0 { return true }; return false }, "\(name)")
        }
        #expect(throws: RuleFileProblems.self) {
            _ = try KindCatalogue.parse(yaml: """
                kind: demo
                description: d
                fields:
                  - name: total
                    type: money
                    extract:
                      - line_items: true
                """, file: "demo.yaml")
        }
    }
}

/// Rows whose quantity × unit price makes their total (`LineItems.Reader.arithmeticRows`): tables whose
/// columns touch, as `pdftotext -layout` gives them when a description runs into the next column.
@Suite struct LineItemArithmeticTests {
    @Test func aPDFTableWhoseDescriptionsRunIntoTheQuantityColumn() {
        let text = """
            ACME CLINICS INC - PURCHASE ORDER
            PO Number: 5521-A           PO Date: 11/02/2026

            Line Description                      Qty Unit Price   Amount
            1 Scheduling suite, annual licence per site 9 $1,850.00 $16,650.00
            2 Text message credits, 50,000 per year         1 $1,200.00    $1,200.00
            3 Interface to the lab system (fixed fee)      1 $7,400.00 $7,400.00

                                           TOTAL USD          $25,250.00
            """
        let (items, method) = Lines.read(text, location: "attachment:po.pdf")
        #expect(method == .table)
        #expect(items.count == 3)
        #expect(Lines.text(items[0]["description"]) == "Scheduling suite, annual licence per site")
        #expect(Lines.number(items[0]["quantity"]) == 9)
        #expect(items[0]["unit_price"] == .money(dec("1850.00"), currency: "USD"))
        #expect(items[0]["line_total"] == .money(dec("16650.00"), currency: "USD"))
        #expect(Lines.text(items[1]["description"]) == "Text message credits, 50,000 per year")
    }

    @Test func germanRowsWithAUnitBetweenQuantityAndPrice() {
        let text = """
            Pos Leistung                         Menge EP EUR       GP EUR
            1 Estrich ausbauen und entsorgen inkl. Container 64 m2 38,50 2.464,00
            2 Trittschalldämmung verlegen             64 m2 12,20 780,80
            3 Baustelleneinrichtung             1 psch 1.150,00 1.150,00
            Gesamtbetrag netto                                 4.394,80
            """
        let (items, _) = Lines.read(text, location: "attachment:bestellung.pdf")
        #expect(items.count == 3)
        #expect(Lines.text(items[0]["description"]) == "Estrich ausbauen und entsorgen inkl. Container")
        #expect(Lines.text(items[0]["unit"]) == "m2")
        #expect(Lines.number(items[1]["quantity"]) == 64)
        #expect(items[1]["line_total"] == .money(dec("780.80"), currency: nil))
        #expect(Lines.text(items[2]["unit"]) == "psch")
    }

    @Test func spaceGroupedThousandsAndArticleCodesInFrench() {
        let text = """
            Réf.    Désignation                      Qté    P.U. EUR Montant EUR
            GNT-08  Gants nitrile taille M, boîte de 100 2 400 4,15     9 960,00
            CMP-10  Compresses stériles 10x10 cm        800 0,21     168,00
                                           Total HT EUR     10 128,00
            """
        let (items, _) = Lines.read(text)
        #expect(items.count == 2)
        #expect(Lines.text(items[0]["sku"]) == "GNT-08")
        #expect(Lines.text(items[0]["description"]) == "Gants nitrile taille M, boîte de 100")
        #expect(Lines.number(items[0]["quantity"]) == 2400)
        #expect(items[0]["line_total"] == .money(dec("9960.00"), currency: nil))
        #expect(Lines.number(items[1]["quantity"]) == 800)
    }

    @Test func theQuantityFirstAndNumbersInTheDescription() {
        let text = """
            Qté Désignation                            P.U. CHF   Total CHF
            1 Inlay céramique 36, teinte A2 890.00    890.00
            3 Couronne zircone 14, 15, 16                 720.00   2'160.00
                                           Total HT CHF        3'050.00
            """
        let (items, _) = Lines.read(text)
        #expect(items.count == 2)
        #expect(Lines.number(items[0]["quantity"]) == 1)
        #expect(Lines.text(items[0]["description"]) == "Inlay céramique 36, teinte A2")
        #expect(Lines.number(items[1]["quantity"]) == 3)
        #expect(Lines.text(items[1]["description"]) == "Couronne zircone 14, 15, 16")
        #expect(items[1]["line_total"] == .money(dec("2160.00"), currency: nil))
    }

    @Test func fourDecimalPricesYenWithoutDecimalsAndADiscount() {
        let text = """
            1 PMP-330 Gear pump, cast housing      2,500 3.4120       8,530.00
            2 4417785     Tea kettle enamel 1.6 l      96     4,200     403,200
            3 Hose clamp 40 mm, zinc 1,000 0.80 10 % 720.00
            """
        let (items, _) = Lines.read(text)
        #expect(items.count == 3)
        #expect(Lines.number(items[0]["quantity"]) == 2500)
        #expect(Lines.text(items[0]["sku"]) == "PMP-330")
        #expect(Lines.number(items[0]["unit_price"]) == dec("3.412"))
        #expect(Lines.text(items[1]["sku"]) == "4417785")
        #expect(Lines.number(items[1]["line_total"]) == 403200)
        #expect(Lines.text(items[2]["description"]) == "Hose clamp 40 mm, zinc")
        #expect(Lines.number(items[2]["quantity"]) == 1000)
    }

    @Test func quantitiesJoinedToPricesAndTotalsByWordsAndSigns() {
        let text = """
            6 Komplettladungen Bobingen -> Verona à 1.125,00 € = 6.750,00 € netto
            - 10 conf. Silicone light body 2x50 ml   a CHF 32.80   = CHF 328.00
            • 3 x Hose clamp 40 mm @ 2.50 = 7.50
            """
        let (items, _) = Lines.read(text)
        #expect(items.count == 3)
        #expect(Lines.text(items[0]["description"]) == "Komplettladungen Bobingen -> Verona")
        #expect(Lines.number(items[0]["quantity"]) == 6)
        #expect(Lines.number(items[0]["line_total"]) == 6750)
        #expect(Lines.text(items[1]["unit"]) == "conf.")
        #expect(Lines.text(items[1]["description"]) == "Silicone light body 2x50 ml")
        #expect(Lines.number(items[1]["quantity"]) == 10)
        #expect(Lines.text(items[2]["description"]) == "Hose clamp 40 mm")
        #expect(Lines.number(items[2]["unit_price"]) == dec("2.50"))
    }

    @Test func aForwardedMailsDateLineIsNoItem() {
        let text = """
            Date: Mon, 7 Sept 2026 at 15:12
            Sent: 12 Oct 2026 at 09:30
            2000 x spot plasters @ 0.02 = 40.00
            """
        let (items, _) = Lines.read(text)
        #expect(items.count == 1)
        #expect(Lines.text(items.first?["description"]) == "spot plasters")
    }

    @Test func currencySignsGluedToNumbersAreReadTheSameEveryRun() {
        // "US$" and "HK$" before "$": a dictionary's order must not decide which sign is taken off.
        for _ in 0..<20 {
            #expect(LineItems.Reader.number(in: "12.50US$")?.value == dec("12.50"))
            #expect(LineItems.Reader.number(in: "1.10HK$")?.value == dec("1.10"))
            #expect(LineItems.Reader.number(in: "US$500.00")?.currency == true)
        }
        let (items, _) = Lines.read("40 Tea kettles enamel 12.50US$ 500.00US$")
        #expect(Lines.number(items.first?["line_total"]) == 500)
    }

    @Test func numbersThatDoNotComputeAreNoItems() {
        let text = """
            Please note our new opening hours from 1 December: 8 to 17 on weekdays.
            Invoice 2026-118 of 12.10.2026 over 1.450,00 EUR is still open, 30 days overdue.
            Total 3 items 120,00 360,00
            """
        let (items, _) = Lines.read(text)
        #expect(items.isEmpty)
    }
}
