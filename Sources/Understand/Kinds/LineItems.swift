import Patterns
import Foundation
import Vocabulary

/// Line items (what is ordered, asked for or invoiced) read from a text without a kind-specific pattern
/// (`line_items: true` in a kind's `extract:`): tables recognised by their header line (column names in many
/// languages; cells split by wide gaps as `pdftotext -layout` and mail writers align them, by tabs as CSV and
/// spreadsheet attachments are stored, or by `|` as HTML and Markdown tables become text), tables without a
/// header recognised by the shape of their rows, labelled items ("品名：不锈钢法兰 DN50，数量：200件") and
/// list lines ("2x Hydraulic pump HP-200 à 1.234,00 €", "- 200 pcs 6204-2RS", "Pos. 1: 50 Stk. Gelenklager").
///
/// Totals, subtotal and tax rows are no items. Every value is read by the recognisers (`ValueReader`, so
/// numbers in any locale's format) and grounded in the text it came from. Only the first `maximumLines`
/// lines of a text and `maximumRows` items are looked at; every pattern is linear in its line.
package enum LineItems {
    package static let maximumLines = 4000
    package static let maximumRows = 200
    /// Longer lines are prose or garbage, not an item.
    package static let maximumLineLength = 400

    /// One item: values by item field name, each with where it was read.
    package struct Item: Sendable {
        package var values: [String: FieldValue] = [:]
        package var groundings: [String: Grounding] = [:]
        /// UTF-16 offset of the item's line.
        package var line: Int = 0
    }

    /// What a column (or a labelled value) holds.
    package enum Role: String, Sendable, CaseIterable {
        case position, sku, description, quantity, unit
        case unitPrice = "unit_price"
        case lineTotal = "line_total"
        var numeric: Bool { self == .position || self == .quantity || self == .unitPrice || self == .lineTotal }
    }

    /// How the items were found: a table (by header or row shape) is surer than list lines.
    package enum Method: Int, Sendable, Comparable {
        case lines = 0, table = 1
        package static func < (a: Method, b: Method) -> Bool { a.rawValue < b.rawValue }
    }

    /// The items of one text, read for the item fields `items` (only declared fields are kept).
    package static func read(_ source: SourceText, items: [FieldDefinition],
                             context: ReadingContext = .neutral) -> (items: [Item], method: Method) {
        var reader = Reader(source: source, items: items, context: context)
        return reader.run()
    }

    // MARK: Vocabulary

    /// Column names and labels, folded (`fold`), by role. A name matches a folded header cell that equals it
    /// or starts with it and a space; names in scripts without spaces match anywhere in the cell.
    package static let vocabulary: [Role: [String]] = [
        .position: ["pos", "position", "posnr", "pos nr", "lp", "nr", "no", "n°", "nº", "line", "ln", "zeile",
                    "序号", "序號", "項番", "行号"],
        .sku: ["artnr", "art nr", "artikelnr", "artikel nr", "artikelnummer", "sku", "part no", "part number", "partnr",
               "pn", "p n", "item no", "item number", "item code", "product code", "product no", "material no",
               "materialnr", "materialnummer", "matnr", "mat nr", "code", "article no", "article number", "cat no",
               "catalog no", "catalogue no", "model", "model no", "mpn", "ref", "réf", "référence", "reference",
               "ref no", "referencia", "código", "codigo", "codice", "cod", "codice articolo", "indeks", "kod",
               "numer katalogowy", "typ", "artikelcode", "artnr lief", "料号", "料號", "物料编码", "物料号", "型号",
               "型號", "货号", "貨號", "编号", "編號", "产品编号", "品番", "型番", "商品コード", "品目コード"],
        .description: ["description", "desc", "bezeichnung", "beschreibung", "artikelbezeichnung", "produktbezeichnung",
                       "leistung", "leistungsbeschreibung", "artikel", "item", "items", "article", "product", "produkt",
                       "product name", "product description", "goods", "material", "materialbezeichnung", "service",
                       "designation", "désignation", "libellé", "libelle", "produit", "descripción", "descripcion",
                       "artículo", "articulo", "producto", "concepto", "descrizione", "articolo", "prodotto", "nazwa",
                       "nazwa towaru", "opis", "towar", "omschrijving", "beskrivning", "benämning", "varenavn",
                       "popis", "název", "品名", "名称", "名稱", "产品名称", "產品名稱", "商品名称", "货物名称", "规格",
                       "描述", "商品名", "品目", "摘要", "内容", "項目", "商品", "产品"],
        .quantity: ["menge", "qty", "quantity", "quantities", "qté", "qte", "quantité", "quantite", "cantidad", "cant",
                    "quantità", "quantita", "qtà", "qta", "ilość", "ilosc", "anzahl", "stück", "stückzahl", "stk", "pcs",
                    "units", "pieces", "bottles", "flaschen", "bouteilles", "cases", "cartons", "boxes", "antal", "aantal", "množství", "mnozstvi", "počet", "kpl", "数量", "數量", "個数", "件数"],
        .unit: ["einheit", "me", "unit", "uom", "um", "unité", "unite", "unidad", "ud", "unità", "jednostka", "jm", "j m",
                "enhet", "eenheid", "jednotka", "单位", "單位", "単位"],
        .unitPrice: ["preis", "einzelpreis", "epreis", "ep", "stückpreis", "unit price", "price", "unit cost", "price each",
                     "rate", "price unit", "prix", "prix unitaire", "prix unit", "pu", "precio", "precio unitario",
                     "precio unit", "prezzo", "prezzo unitario", "prezzo unit", "cena", "cena jedn", "cena jednostkowa",
                     "cena netto", "styckpris", "pris", "apris", "ápris", "stykpris", "prijs", "stuksprijs", "cena za kus",
                     "单价", "單價", "単価", "价格", "價格"],
        .lineTotal: ["total", "line total", "amount", "betrag", "gesamt", "gesamtpreis", "gesamtbetrag", "summe", "wert",
                     "positionswert", "ext price", "extended", "extended price", "extension", "net amount", "total price",
                     "montant", "montant ht", "total ht", "importe", "importe total", "importo", "importo totale", "totale",
                     "wartość", "wartosc", "wartość netto", "kwota", "belopp", "summa", "bedrag", "totaal", "celkem",
                     "cena celkem", "金额", "金額", "总价", "總價", "小计", "小計"],
    ]

    /// Description words that name an article column; when a table also has a stronger description column
    /// ("Artikel" beside "Bezeichnung"), the weak one holds the article number.
    static let weakDescriptions: Set<String> = ["artikel", "item", "items", "article", "product", "produkt", "material",
                                                "artículo", "articulo", "producto", "articolo", "prodotto", "towar", "商品", "产品"]

    /// The role a header cell names, nil when it names none.
    package static func role(ofHeader text: String) -> Role? {
        let folded = fold(text)
        guard !folded.isEmpty, folded.count <= 40 else { return nil }
        var best: (Role, Int)?
        for (role, names) in vocabulary {
            for name in names {
                let cjk = name.unicodeScalars.contains { $0.value >= 0x3000 }
                let hit = folded == name || folded.hasPrefix(name + " ") || (cjk && folded.contains(name))
                if hit, best == nil || name.count > best!.1 { best = (role, name.count) }
            }
        }
        return best?.0
    }

    /// Lower case, without bracketed parts ("(EUR)"), dots, dashes and colons; `/` and `#` as spaces and "no".
    package static func fold(_ text: String) -> String {
        var out = ""
        var depth = 0
        for ch in text.lowercased() {
            switch ch {
            case "(", "[", "（", "【": depth += 1
            case ")", "]", "）", "】": depth = max(0, depth - 1)
            case _ where depth > 0: continue
            case ".", "-", "_", ":", "：", "*", "'", "’": continue
            case "/", "\\", "|": out.append(" ")
            case "#": out.append(" no ")
            default: out.append(ch)
            }
        }
        return out.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    // Patterns here run over one line or cell. Those with lookaround in the middle (the quantities, the price
    // mark, labelled fields and article codes) run in ICU through `TextPattern(known:)`: every repetition in
    // them is bounded, so a search stays linear in the line.

    /// Rows that close a table: totals, subtotals, taxes.
    package static let totalsRow = TextPattern(known: #"(?i)^[ \t*>|]*(?:sub[- ]?totals?|totals?|grand total|summe|zwischensumme|gesamt(?:summe|betrag|preis|wert)?|endsumme|endbetrag|nettobetrag|netto(?:summe|betrag)?|brutto(?:summe|betrag)?|rechnungsbetrag|net(?:[ ]total|[ ]amount)?|gross(?:[ ]total|[ ]amount)?|mwst\.?|ust\.?|umsatzsteuer|vat|tax|sales[ ]tax|gst|hst|igst|cgst|sgst|iva|tva|btw|moms|mva|dph|sous[- ]total|montant[ ]total|totale|subtotale|imponibile|importe[ ]total|base[ ]imponible|razem|suma|podatek|合计|合計|总计|總計|小计|小計|税额|稅額|税金|消費税|总金额|總金額|税)(?![\p{L}])"#)

    /// A short first cell that names a total after a word or two ("PO Total", "Order total", "Net Summe").
    package static let totalsCell = TextPattern(known: #"(?i)^(?:[^\d|]{0,23}[^\d|\p{L}])?(?:sub[- ]?total|totals?|summe|gesamtsumme|gesamtbetrag|合计|合計|总计|總計|小计|小計)(?:[^\d\p{L}][^\d]{0,15})?$"#)

    static func closesTable(_ cell: String) -> Bool {
        totalsRow.contains(cell) || (cell.count <= 40 && totalsCell.contains(cell))
    }

    /// Units written after a quantity.
    static let units = ["Stk.", "Stk", "Stck.", "Stck", "Stück", "St.", "pcs.", "pcs", "pc.", "pc", "pieces", "piece",
                        "pce", "units", "unit", "ea.", "ea", "pz.", "pz", "pezzi", "pezzo", "uds.", "uds", "ud.", "ud",
                        "unidades", "szt.", "szt", "sztuk", "pièces", "pièce", "pces", "ks", "kpl", "VE", "Pkt.", "packs",
                        "pack", "boxes", "box", "cartons", "carton", "Karton", "Kartons", "rolls", "roll", "Rollen",
                        "Rolle", "sets", "set", "Satz", "pairs", "pair", "Paar", "bottles", "bottle", "Flaschen", "Flasche",
                        "bouteilles", "bouteille", "btls", "btl", "bts", "bt", "cases", "case", "caisses", "caisse", "cajas", "caja", "pallets",
                        "Paletten", "Palette", "bags", "Sack", "nos", "Nos.", "reels", "coils", "lfm", "lfdm", "m²", "m2", "m³", "m3", "qm", "cbm", "m", "kg",
                        "l", "Meter", "meters", "metres", "ft", "lbs", "doz", "conf.", "conf", "confezioni", "confezione",
                        "Kiste", "Kisten", "Beutel", "Dosen", "Eimer", "tubes", "tube", "vials",
                        "件", "個", "个", "只", "套", "台", "根", "条", "條", "支", "箱", "瓶", "片", "卷", "张", "張",
                        "本", "枚", "組", "组", "セット", "ケース"]
    static let unitAlternatives = units.sorted { $0.count > $1.count }
        .map { TextPattern.escaped($0) }.joined(separator: "|")

    /// A quantity as written: grouped thousands or a plain number, with up to three decimals (bounded, so
    /// that a line of digit groups is not scanned again from every group).
    static let quantityNumber = #"\d{1,3}(?:[.,'’ ]\d{3}){1,3}(?:[.,]\d{1,3})?|\d{1,7}(?:[.,]\d{1,3})?"#

    /// The marks that start a list line: a bullet, "1.", "1)", "(1)", "a)", "Pos. 1:", "Item 2 -".
    static let listPrefix = TextPattern(known: #"^[ \t\u3000]*(?:[-–*•·・+▪►◦■□][ \t\u3000]*|\(?\d{1,3}[.)](?![\d])[ \t]*|[a-z]\)[ \t]*|(?:Pos(?:ition)?\.?|Item|Line|Zeile|Nr\.?|No\.?|#)[ \t]*\d{1,3}[ \t]*[.:)\-–]?[ \t]*)?"#,
                                        caseInsensitive: true)
    /// "200 pcs …", "2x …", "2 × …", "50 Stk. …" at the start of the (prefix-stripped) line.
    static let leadingQuantity = TextPattern(known: #"^(?<q>"# + quantityNumber + #")[ \t]*(?:(?<u>"# + unitAlternatives
        + #")(?![\p{L}\d])|(?<x>[x×])(?=[ \t\p{L}\d]))[ \t]*(?:(?:of|de|di|x|×)[ \t]+)?(?<d>\S)"#, caseInsensitive: true)
    /// A quantity with its unit inside or at the end of the line: "Gelenklager GE 30 ES – 50 Stk.".
    static let trailingQuantity = TextPattern(known: #"(?<![\p{L}\d.,:/\-])(?<q>"# + quantityNumber + #")[ \t]*(?<u>"# + unitAlternatives
        + #")(?![\p{L}\d])"#, caseInsensitive: true)
    /// "… 500 x GBP 334.54", "… 20 btl x Rs. 310.00", "… 60 @ 6.80": a quantity times a price.
    static let quantityTimesPrice = TextPattern(known: #"(?<![\p{L}\d.,:/\-])(?<q>"# + quantityNumber + #")[ \t]*(?:(?<u>"# + unitAlternatives
        + #")(?![\p{L}\d])\.?)?[ \t]*(?:[x×@]|à|je|a|at)[ \t]+(?=(?:[A-Z]{3}[ \t]?|Rs\.?[ \t]?|[$€£¥￥₹]|US\$)?\d{1,3}(?:[.,' ]?\d{3}){0,4}(?:[.,]\d{1,2})?(?![\d\p{L}]))"#, caseInsensitive: true)
    /// "Hydraulic pump HP-200 x 2", "Menge: 5", "qty 50", "数量：200".
    static let labelledQuantity = TextPattern(known: #"(?:(?<![\p{L}])(?:qty|quantity|menge|anzahl|quantité|qté|cantidad|quantità|ilość|antal|aantal)\.?[ \t]*[:：=]?|数量[ \t]*[:：]?|數量[ \t]*[:：]?|(?<=[ \t])[x×])[ \t]*(?<q>"#
        + quantityNumber + #")(?![\d])[ \t]*(?<u>(?:"# + unitAlternatives + #")(?![\p{L}\d]))?"#, caseInsensitive: true)
    /// Where a price follows the description: "à 1.234,00 €", "@ $5.00", "je 3,50", "each 4.00", "单价：27.30".
    static let priceMark = TextPattern(known: #"(?:[ \t]+(?:à|a|@|je|zu je|zu|each|per|por|at|á)[ \t]+|[ \t]*[@à][ \t]*|[ \t]*[,;，][ \t]*(?:unit price|price|preis|einzelpreis|prix|precio|prezzo|cena|单价|單價|単価)[ \t]*[:：]?[ \t]*|[ \t]*(?:unit price|einzelpreis|单价|單價|単価)[ \t]*[:：]?[ \t]*)(?=(?:[A-Z]{3}|[$€£¥￥]|US\$)?[ \t]?\d)"#,
                                     caseInsensitive: true)
    /// Labelled article numbers: "Art.-Nr. 4711", "SKU: AB-12", "(part no. TB-8M-1200)", "型号 LG-20-HA".
    static let labelledSKU = TextPattern(known: #"(?:(?<![\p{L}])(?:Art(?:ikel)?\.?[ ]?-?[ ]?Nr\.?|Artikelnummer|SKU|Part[ ]?(?:No\.?|#|number)|Item[ ]?(?:No\.?|#)|P/N|Ref\.|Réf\.|Référence|Codice|Cod\.|Código|Kat\.?[ ]?Nr\.?|Indeks|Best\.?-?Nr\.?)|型号|型號|料号|料號|品番|型番|货号|貨號)[ \t]*[:：#]?[ \t]*(?<sku>[A-Za-z0-9][A-Za-z0-9./\-]{0,30}[A-Za-z0-9]|[A-Za-z0-9])"#,
                                       caseInsensitive: true)
    /// An article code written on its own: capitals and digits with a dash ("HP-200", "6204-2RS"), or a long
    /// mix of capitals and digits ("7208BEP"); never digits alone ("25/20").
    static let codeToken = TextPattern(known: #"(?<![\p{L}\d\-./])(?=[A-Za-z0-9./\-]{0,40}\d)(?=[A-Za-z0-9./\-]{0,40}[A-Z])(?:[A-Z0-9]{1,20}(?:[-/.][A-Za-z0-9]{1,20}){1,5}|(?=[0-9]{0,20}[A-Z]{2})[A-Z0-9]{6,20})(?![\p{L}\d\-])"#)
    /// Quantities that are durations or ages in prose, not items.
    static let notItems = TextPattern(known: #"(?i)^(?:days?|weeks?|months?|years?|hours?|minutes?|tage?n?|wochen?|monate?n?|jahre?n?|stunden?|jours?|semaines?|mois|ans?|días?|semanas?|meses|años?|giorni|settimane|mesi|anni|dni|tygodni|miesięcy|lat|%|percent|prozent)(?![\p{L}])"#)

    /// Labels of labelled items ("Artikel: …, Menge: …", "品名：…，数量：…"), by role.
    static let labelledField: TextPattern = {
        let labels: [(Role, [String])] = [
            (.description, ["Artikelbezeichnung", "Bezeichnung", "Beschreibung", "Artikel", "Description", "Item", "Product",
                            "Produkt", "Désignation", "Article", "Produit", "Descripción", "Artículo", "Producto",
                            "Descrizione", "Articolo", "Prodotto", "Nazwa", "Towar", "品名", "名称", "名稱", "产品名称",
                            "產品名稱", "商品名", "货物名称", "品目"]),
            (.quantity, ["Menge", "Anzahl", "Stückzahl", "Quantity", "Qty", "Quantité", "Qté", "Cantidad", "Quantità",
                         "Ilość", "数量", "數量"]),
            (.sku, ["Artikelnummer", "Art.-Nr.", "Art.Nr.", "Artikel-Nr.", "SKU", "Part No.", "Part number", "Item No.",
                    "Réf.", "Référence", "Codice", "Código", "Referencia", "Indeks", "型号", "型號", "料号", "料號", "货号",
                    "品番", "型番"]),
            (.unitPrice, ["Einzelpreis", "Stückpreis", "Preis", "Unit price", "Price", "Prix unitaire", "Prix", "Precio",
                          "Prezzo", "Cena", "单价", "單價", "単価"]),
            (.unit, ["Einheit", "Unit", "Unité", "Unidad", "Jednostka", "单位", "單位", "単位"]),
        ]
        let alternatives = labels.flatMap { role, names in names.map { (role, $0) } }
            .sorted { $0.1.count > $1.1.count }
            .map { TextPattern.escaped($0.1) }
            .joined(separator: "|")
        return TextPattern(known: #"(?:^|(?<=[,，;；|、])|(?<=[ \t]{2})|(?<=\t))[ \t]*(?<label>"# + alternatives
            + #")(?![\p{L}])[ \t]*[:：][ \t]*"#, caseInsensitive: true)
    }()
    static let labelRoles: [String: Role] = {
        var map: [String: Role] = [:]
        for (role, names) in [(Role.description, ["artikelbezeichnung", "bezeichnung", "beschreibung", "artikel", "description",
                                                    "item", "product", "produkt", "désignation", "article", "produit",
                                                    "descripción", "artículo", "producto", "descrizione", "articolo",
                                                    "prodotto", "nazwa", "towar", "品名", "名称", "名稱", "产品名称",
                                                    "產品名稱", "商品名", "货物名称", "品目"]),
                              (.quantity, ["menge", "anzahl", "stückzahl", "quantity", "qty", "quantité", "qté", "cantidad",
                                           "quantità", "ilość", "数量", "數量"]),
                              (.sku, ["artikelnummer", "art.-nr.", "art.nr.", "artikel-nr.", "sku", "part no.", "part number",
                                      "item no.", "réf.", "référence", "codice", "código", "referencia", "indeks", "型号",
                                      "型號", "料号", "料號", "货号", "品番", "型番"]),
                              (.unitPrice, ["einzelpreis", "stückpreis", "preis", "unit price", "price", "prix unitaire", "prix",
                                            "precio", "prezzo", "cena", "单价", "單價", "単価"]),
                              (.unit, ["einheit", "unit", "unité", "unidad", "jednostka", "单位", "單位", "単位"])] {
            for name in names { map[name] = role }
        }
        return map
    }()
}

// MARK: - Reading one text

extension LineItems {
    struct Line {
        var text: String
        /// UTF-16 offset of `text` in the source text.
        var offset: Int
        /// Inside quoted mail ("> ").
        var quoted: Bool
    }

    /// A cell of a line: text and its UTF-16 offsets within the line.
    struct Cell {
        var text: String
        var start: Int
        var end: Int
    }

    struct Reader {
        let source: SourceText
        let fields: [String: FieldDefinition]
        let context: ReadingContext
        var lines: [Line] = []
        var used: Set<Int> = []

        init(source: SourceText, items: [FieldDefinition], context: ReadingContext) {
            self.source = source
            self.fields = Dictionary(items.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
            self.context = context
        }

        mutating func run() -> (items: [Item], method: Method) {
            lines = Self.split(source.text)
            for quoted in [false, true] {
                // Rows whose quantity × price makes their total are sure whatever the layout; a table read by its
                // header or its rows' shape is taken unless it found fewer items than the arithmetic.
                let proved = arithmeticRows(quoted: quoted)
                let tables = headerTables(quoted: quoted)
                if !tables.isEmpty { return (Array((tables.count >= proved.count ? tables : proved).prefix(maximumRows)), .table) }
                var found = labelledItems(quoted: quoted) + listItems(quoted: quoted)
                let shaped = shapeTables(quoted: quoted)
                if !proved.isEmpty, proved.count >= shaped.count, proved.count >= found.count { return (proved, .table) }
                if !shaped.isEmpty, shaped.count >= found.count { return (Array(shaped.prefix(maximumRows)), .table) }
                found.sort { $0.line < $1.line }
                if !found.isEmpty { return (Array(found.prefix(maximumRows)), .lines) }
                used = []
            }
            return ([], .lines)
        }

        /// The lines with their offsets; a quote prefix ("> ", ">> ") is taken off and remembered.
        static func split(_ text: String) -> [Line] {
            var out: [Line] = []
            for (line, offset) in TableLayout.lines(text).prefix(maximumLines) {
                let ns = line as NSString
                var i = 0
                var quoted = false
                while i < ns.length, ns.character(at: i) == 0x3E {  // ">"
                    quoted = true
                    i += 1
                    if i < ns.length, ns.character(at: i) == 0x20 { i += 1 }
                }
                var body = i == 0 ? line : ns.substring(from: i)
                if body.hasSuffix("\r") { body.removeLast() }
                out.append(Line(text: body, offset: offset + i, quoted: quoted))
            }
            return out
        }

        // MARK: cells

        enum Split { case bars, tabs, gaps }

        static func splitMode(_ line: String) -> Split {
            if line.contains("|") || line.contains("│") { return .bars }
            if line.contains("\t") { return .tabs }
            return .gaps
        }

        /// Cells of a line. Bars and tabs keep empty cells (columns by index); wide gaps do not (columns by
        /// position).
        static func cells(_ line: String, _ mode: Split) -> [Cell] {
            let ns = line as NSString
            var out: [Cell] = []
            func add(_ a: Int, _ b: Int, keepEmpty: Bool) {
                var s = a, e = b
                while s < e, let c = UnicodeScalar(ns.character(at: s)), c == " " || c == "\u{00A0}" || c == "\u{3000}" { s += 1 }
                while e > s, let c = UnicodeScalar(ns.character(at: e - 1)), c == " " || c == "\u{00A0}" || c == "\u{3000}" || c == "\r" { e -= 1 }
                if s < e || keepEmpty { out.append(Cell(text: ns.substring(with: NSRange(location: s, length: e - s)), start: s, end: e)) }
            }
            switch mode {
            case .bars, .tabs:
                var start = 0
                for i in 0..<ns.length {
                    let c = ns.character(at: i)
                    if (mode == .bars && (c == 0x7C || c == 0x2502)) || (mode == .tabs && c == 0x09) {
                        add(start, i, keepEmpty: true)
                        start = i + 1
                    }
                }
                add(start, ns.length, keepEmpty: true)
                if mode == .bars {
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if trimmed.first == "|" || trimmed.first == "│", out.first?.text.isEmpty == true { out.removeFirst() }
                    if trimmed.last == "|" || trimmed.last == "│", out.last?.text.isEmpty == true { out.removeLast() }
                }
            case .gaps:
                var start = 0, i = 0
                while i < ns.length {
                    let c = ns.character(at: i)
                    let wide = (c == 0x20 || c == 0xA0) && i + 1 < ns.length && (ns.character(at: i + 1) == 0x20 || ns.character(at: i + 1) == 0xA0)
                    if wide || c == 0x3000 {
                        add(start, i, keepEmpty: false)
                        var j = i
                        while j < ns.length, [0x20, 0xA0, 0x3000].contains(ns.character(at: j)) { j += 1 }
                        start = j
                        i = j
                        continue
                    }
                    i += 1
                }
                add(start, ns.length, keepEmpty: false)
            }
            return out
        }

        static func isBlank(_ line: String) -> Bool { line.allSatisfy { $0.isWhitespace } }

        /// "|---|:--:|", "-----", "=====", "───".
        static func isRule(_ line: String) -> Bool {
            !isBlank(line) && line.allSatisfy { " \t-–—=_|:+─│┼".contains($0) }
        }

        // MARK: header tables

        /// Roles of a header line's cells, when the line is a line-item table's header: a quantity column and
        /// a description or article column, no digits outside brackets.
        static func headerRoles(_ cells: [Cell]) -> [Role?]? {
            guard cells.count >= 2, cells.count <= 20 else { return nil }
            var roles: [Role?] = []
            var names: [String] = []
            for cell in cells {
                if fold(cell.text).contains(where: \.isNumber) { return nil }
                var role = cell.text.isEmpty ? nil : role(ofHeader: cell.text)
                // "Unit (USD)", "EUR": a column of amounts.
                if role == nil || role == .unit, !cell.text.isEmpty, CurrencyRecogniser.first(in: cell.text) != nil {
                    role = roles.contains(.unitPrice) ? .lineTotal : .unitPrice
                }
                roles.append(role)
                names.append(fold(cell.text))
            }
            let recognised = roles.compactMap { $0 }
            guard recognised.contains(.quantity), recognised.contains(.description) || recognised.contains(.sku),
                  recognised.count * 2 >= cells.filter({ !$0.text.isEmpty }).count else { return nil }
            // "Artikel | Bezeichnung": the weak description column is the article number.
            let descriptions = roles.indices.filter { roles[$0] == .description }
            if descriptions.count > 1 {
                let strong = descriptions.filter { !weakDescriptions.contains(names[$0]) }
                let keep = strong.first ?? descriptions.last!
                for i in descriptions where i != keep {
                    roles[i] = (!roles.contains(.sku) && weakDescriptions.contains(names[i])) ? .sku : nil
                }
            }
            // One column per role: the first, but the last of several totals ("Netto | MwSt | Brutto").
            for role in Role.allCases {
                let at = roles.indices.filter { roles[$0] == role }
                guard at.count > 1 else { continue }
                let keep = role == .lineTotal ? at.last! : at.first!
                for i in at where i != keep { roles[i] = nil }
            }
            return roles
        }

        mutating func headerTables(quoted: Bool) -> [Item] {
            var items: [Item] = []
            var i = 0
            while i < lines.count, items.count < maximumRows {
                let line = lines[i]
                guard line.quoted == quoted, !used.contains(i), line.text.count <= maximumLineLength else { i += 1; continue }
                let mode = Self.splitMode(line.text)
                let header = Self.cells(line.text, mode)
                guard let roles = Self.headerRoles(header) else { i += 1; continue }
                used.insert(i)
                var misses = 0, blanks = 0
                var j = i + 1
                var rows: [Item] = []
                while j < lines.count, rows.count + items.count < maximumRows {
                    let row = lines[j]
                    if row.quoted != quoted { break }
                    if Self.isBlank(row.text) {
                        blanks += 1
                        if blanks > 2 { break }
                        j += 1
                        continue
                    }
                    blanks = 0
                    if Self.isRule(row.text) { j += 1; continue }
                    let rowMode = Self.splitMode(row.text)
                    let cells = Self.cells(row.text, mode == .gaps ? .gaps : (rowMode == .gaps ? mode : rowMode))
                    if Self.headerRoles(cells) != nil { break }  // the next table
                    if let first = cells.first(where: { !$0.text.isEmpty }), closesTable(first.text) { break }
                    if let item = tableRow(cells, header: header, roles: roles, mode: mode, line: row) {
                        if let d = item.values["description"], case .text(let t) = d, closesTable(t) { break }
                        rows.append(item)
                        used.insert(j)
                        misses = 0
                    } else {
                        misses += 1
                        if misses > 3 { break }
                    }
                    j += 1
                }
                items += rows
                i = j
            }
            return items
        }

        /// One row of a table: its cells put into the header's columns (by index for bars and tabs, by
        /// position for aligned text) and read.
        func tableRow(_ cells: [Cell], header: [Cell], roles: [Role?], mode: Split, line: Line) -> Item? {
            var byRole: [Role: (start: Int, end: Int)] = [:]
            if mode == .bars || mode == .tabs {
                guard cells.count <= header.count + 1, cells.count >= 2 else { return nil }
                for (k, cell) in cells.enumerated() where k < roles.count && !cell.text.isEmpty {
                    if let role = roles[k] { byRole[role] = (cell.start, cell.end) }
                }
            } else {
                guard !cells.isEmpty else { return nil }
                // Each cell goes to the header column it overlaps most, else the nearest one; a cell with letters
                // is not a number column's (a long description reaching under "Menge").
                for cell in cells {
                    var best: (index: Int, score: Int)?
                    let letters = !Self.numericCell(cell.text, context: context)
                    for (k, h) in header.enumerated() {
                        guard let role = roles[k] else { continue }
                        if letters && role.numeric { continue }
                        let overlap = min(cell.end, h.end) - max(cell.start, h.start)
                        let score = overlap > 0 ? overlap : overlap - 1000  // overlap beats distance
                        if best == nil || score > best!.score { best = (k, score) }
                    }
                    guard let b = best, let role = roles[b.index] else { continue }
                    if let had = byRole[role] {
                        // Several cells under one column: one stretch of the line (a description with wide gaps).
                        byRole[role] = (min(had.start, cell.start), max(had.end, cell.end))
                    } else {
                        byRole[role] = (cell.start, cell.end)
                    }
                }
            }
            return item(from: byRole, line: line)
        }

        /// An item from the stretches of a line that hold each role; nil unless it has a quantity and a
        /// description (or an article number standing in for it).
        func item(from byRole: [Role: (start: Int, end: Int)], line: Line) -> Item? {
            let ns = line.text as NSString
            func text(_ role: Role) -> (String, Int)? {
                guard let r = byRole[role], r.end > r.start else { return nil }
                let s = ns.substring(with: NSRange(location: r.start, length: r.end - r.start))
                return s.trimmingCharacters(in: .whitespaces).isEmpty ? nil : (s, r.start)
            }
            var item = Item(line: line.offset)
            guard let (qtyText, qtyAt) = text(.quantity),
                  let (qty, qtyExcerpt, qtyOffset) = ValueReader.read(qtyText, as: .number, whole: true, context: context),
                  case .number(let q) = qty, q > 0, q < 10_000_000,
                  ValueReader.amounts(in: qtyText, context: context).first?.value.currency == nil else { return nil }
            // Nothing but the number and perhaps a unit in the quantity cell.
            let afterQty = (qtyText as NSString).substring(from: qtyOffset + (qtyExcerpt as NSString).length)
                .trimmingCharacters(in: .whitespaces)
            guard (qtyText as NSString).substring(to: qtyOffset).trimmingCharacters(in: .whitespaces).isEmpty,
                  afterQty.count <= 12, !afterQty.contains(where: \.isNumber) else { return nil }
            set(&item, "quantity", qty, qtyExcerpt, line.offset + qtyAt + qtyOffset)
            if !afterQty.isEmpty, byRole[.unit] == nil {
                let unitOffset = (qtyText as NSString).range(of: afterQty, options: .backwards).location
                set(&item, "unit", .text(afterQty), afterQty, line.offset + qtyAt + unitOffset)
            }
            if let (d, at) = text(.description), d.contains(where: \.isLetter) {
                set(&item, "description", .text(d), d, line.offset + at)
            }
            if let (s, at) = text(.sku), s.count <= 40 {
                set(&item, "sku", .text(s), s, line.offset + at)
                if item.values["description"] == nil { set(&item, "description", .text(s), s, line.offset + at) }
            }
            guard item.values["description"] != nil else { return nil }
            if let (u, at) = text(.unit), u.count <= 12, !u.contains(where: \.isNumber) {
                set(&item, "unit", .text(u), u, line.offset + at)
            }
            for role in [Role.unitPrice, .lineTotal] {
                guard let (m, at) = text(role), let (value, excerpt, offset) = ValueReader.read(m, as: .money, whole: true, context: context)
                else { continue }
                set(&item, role.rawValue, value, excerpt, line.offset + at + offset)
            }
            return complete(item) ? item : nil
        }

        /// Keeps only declared item fields.
        func set(_ item: inout Item, _ name: String, _ value: FieldValue, _ excerpt: String, _ offset: Int) {
            guard fields[name] != nil else { return }
            item.values[name] = value
            item.groundings[name] = Grounding(location: source.location, offset: offset, excerpt: excerpt)
        }

        /// Every required item field has a value.
        func complete(_ item: Item) -> Bool {
            !item.values.isEmpty && fields.values.allSatisfy { !$0.required || item.values[$0.name] != nil }
        }

        // MARK: tables without a header

        /// Runs of at least two lines with the same number (3 to 12) of cells, whose columns read as a quantity
        /// column, a text column and perhaps article numbers and amounts.
        mutating func shapeTables(quoted: Bool) -> [Item] {
            var items: [Item] = []
            var i = 0
            while i < lines.count {
                guard lines[i].quoted == quoted, !used.contains(i) else { i += 1; continue }
                let mode = Self.splitMode(lines[i].text)
                let first = Self.cells(lines[i].text, mode)
                guard first.count >= 3, first.count <= 12, lines[i].text.count <= maximumLineLength else { i += 1; continue }
                var run = [(i, first)]
                var j = i + 1
                while j < lines.count, run.count < maximumRows, lines[j].quoted == quoted, !used.contains(j),
                      Self.splitMode(lines[j].text) == mode {
                    let cells = Self.cells(lines[j].text, mode)
                    guard cells.count == first.count else { break }
                    run.append((j, cells))
                    j += 1
                }
                if run.count >= 2, let roles = shapeRoles(run.map(\.1)) {
                    var found: [Item] = []
                    for (k, cells) in run {
                        var byRole: [Role: (start: Int, end: Int)] = [:]
                        for (c, cell) in cells.enumerated() { if let r = roles[c] { byRole[r] = (cell.start, cell.end) } }
                        if let first = cells.first, closesTable(first.text) { continue }
                        if let item = item(from: byRole, line: lines[k]) {
                            found.append(item)
                            used.insert(k)
                        }
                    }
                    if found.count >= 2 { items += found.enumerated().map { Self.withoutPosition($0.element, $0.offset + 1) } }
                }
                i = max(j, i + 1)
            }
            return items
        }

        /// "1 Bordeaux Supérieur": a running position number written into the description is not part of it.
        static func withoutPosition(_ item: Item, _ number: Int) -> Item {
            guard case .text(let d)? = item.values["description"], let g = item.groundings["description"] else { return item }
            let prefix = "\(number)"
            guard d.hasPrefix(prefix + " ") || d.hasPrefix(prefix + ". ") || d.hasPrefix(prefix + ") ") else { return item }
            let rest = d.dropFirst(prefix.count + 1).trimmingCharacters(in: .whitespaces)
            guard rest.filter(\.isLetter).count >= 2 else { return item }
            var copy = item
            let skipped = (d as NSString).range(of: rest).location
            copy.values["description"] = .text(rest)
            copy.groundings["description"] = Grounding(location: g.location, offset: g.offset.map { $0 + skipped }, excerpt: rest)
            return copy
        }

        /// Column roles from the cells' content: a running position, whole quantities (perhaps with a unit),
        /// article codes, text, and amounts (the first the unit price, the last the line total).
        func shapeRoles(_ rows: [[Cell]]) -> [Role?]? {
            let width = rows[0].count
            enum Content { case position, quantity, money, code, text, other }
            var kinds: [Content] = []
            for c in 0..<width {
                let column = rows.map { $0[c].text }
                let numbers = column.map { cell -> Recognised<MoneyAmount>? in
                    let found = ValueReader.amounts(in: cell, context: context)
                    guard found.count == 1, let a = found.first, cell.hasPrefix(a.excerpt) || cell.hasSuffix(a.excerpt) else { return nil }
                    return a
                }
                if numbers.allSatisfy({ $0 != nil }) {
                    let values = numbers.map { $0!.value }
                    let whole = values.allSatisfy { $0.scale == 0 && $0.currency == nil }
                    let running = whole && values.enumerated().allSatisfy { $0.element.value == Decimal($0.offset + 1) }
                    if running && c == 0 { kinds.append(.position) }
                    else if values.allSatisfy({ $0.currency != nil || $0.scale == 2 }) { kinds.append(.money) }
                    else if whole || column.allSatisfy({ cell in trailingUnitOnly(cell) }) { kinds.append(.quantity) }
                    else { kinds.append(.other) }
                } else if column.allSatisfy({ codeToken.firstMatch(in: $0)?.value == $0 }) {
                    kinds.append(.code)
                } else if column.allSatisfy({ $0.filter(\.isLetter).count >= 3 }) {
                    kinds.append(.text)
                } else {
                    kinds.append(.other)
                }
            }
            var roles = [Role?](repeating: nil, count: width)
            guard let d = kinds.firstIndex(of: .text) else { return nil }
            roles[d] = .description
            guard let q = kinds.indices.first(where: { kinds[$0] == .quantity }) else { return nil }
            roles[q] = .quantity
            if let s = kinds.firstIndex(of: .code) { roles[s] = .sku }
            let money = kinds.indices.filter { kinds[$0] == .money && $0 > q }
            if let p = money.first { roles[p] = .unitPrice }
            if money.count >= 2 { roles[money.last!] = .lineTotal }
            return roles
        }

        /// "200 Stk.", "12 pcs": a number and a known unit, nothing else.
        func trailingUnitOnly(_ cell: String) -> Bool {
            guard let m = trailingQuantity.firstMatch(in: cell) else { return false }
            return m.utf16Offset == 0 && m.utf16Length == (cell as NSString).length
        }

        // MARK: labelled items

        /// "品名：不锈钢法兰 DN50，数量：200件", "Artikel: Gelenklager GE 30 ES, Menge: 50 Stk.", and the same
        /// labels one per line in a block.
        mutating func labelledItems(quoted: Bool) -> [Item] {
            var items: [Item] = []
            var current: [Role: (Line, Int, Int)] = [:]  // role → line, start, end of the value in the line
            func flush() {
                defer { current = [:] }
                guard current[.quantity] != nil, current[.description] != nil || current[.sku] != nil,
                      let line = current[.quantity]?.0 else { return }
                var item = Item(line: current[.description]?.0.offset ?? line.offset)
                // Each value is read in its own line.
                for (role, (l, s, e)) in current {
                    let raw = (l.text as NSString).substring(with: NSRange(location: s, length: e - s))
                    let at = l.offset + s
                    switch role {
                    case .quantity:
                        guard let (v, ex, off) = ValueReader.read(raw, as: .number, whole: true, context: context),
                              off < 3 else { continue }
                        set(&item, "quantity", v, ex, at + off)
                        let rest = (raw as NSString).substring(from: off + (ex as NSString).length)
                        if let u = trailingUnit(rest) { set(&item, "unit", .text(u.0), u.0, at + off + (ex as NSString).length + u.1) }
                    case .description, .sku, .unit:
                        let v = ValueReader.cutText(raw)
                        guard !v.isEmpty, v.count <= 200 else { continue }
                        let off = (raw as NSString).range(of: v).location
                        set(&item, role.rawValue, .text(v), v, at + (off == NSNotFound ? 0 : off))
                    case .unitPrice, .lineTotal:
                        guard let (v, ex, off) = ValueReader.read(raw, as: .money, whole: true, context: context) else { continue }
                        set(&item, role.rawValue, v, ex, at + off)
                    case .position: continue
                    }
                }
                if item.values["description"] == nil, let sku = item.values["sku"], let g = item.groundings["sku"] {
                    item.values["description"] = sku
                    item.groundings["description"] = g
                }
                if complete(item), item.values["quantity"] != nil { items.append(item) }
            }
            for (index, line) in lines.enumerated() where line.quoted == quoted && !used.contains(index) {
                guard line.text.count <= maximumLineLength else { flush(); continue }
                let matches = labelledField.matches(in: line.text, limit: 12)
                if matches.isEmpty { flush(); continue }
                let ns = line.text as NSString
                for (k, m) in matches.enumerated() {
                    guard let label = m.group(named: "label"), let role = labelRoles[label.lowercased()] else { continue }
                    let start = m.utf16Offset + m.utf16Length
                    var end = k + 1 < matches.count ? matches[k + 1].utf16Offset : ns.length
                    // The separator before the next label is not the value's.
                    while end > start, let c = UnicodeScalar(ns.character(at: end - 1)), ",，;；|、 \t".unicodeScalars.contains(c) { end -= 1 }
                    guard end > start else { continue }
                    if current[role] != nil { flush() }
                    current[role] = (line, start, end)
                    used.insert(index)
                }
            }
            flush()
            return items
        }

        /// A unit at the start of `text` ("件", " Stk."), with its offset.
        func trailingUnit(_ text: String) -> (String, Int)? {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, let m = trailingQuantity.firstMatch(in: "1" + trimmed), m.utf16Offset == 0,
                  let u = m.group(named: "u") else { return nil }
            let r = (text as NSString).range(of: u)
            return r.location == NSNotFound ? nil : (u, r.location)
        }

        // MARK: list lines

        /// "2x Hydraulic pump HP-200 à 1.234,00 €", "- 200 pcs 6204-2RS", "Pos. 1: 50 Stk. Gelenklager GE 30 ES",
        /// "200 Stück Art.-Nr. 4711 Rillenkugellager", "Gelenklager GE 30 ES – 50 Stk.", "Pump HP-200 x 2".
        mutating func listItems(quoted: Bool) -> [Item] {
            var items: [Item] = []
            for (index, line) in lines.enumerated() where line.quoted == quoted && !used.contains(index) {
                guard items.count < maximumRows, line.text.count <= 200, !Self.isBlank(line.text) else { continue }
                if let item = listItem(line) {
                    items.append(item)
                    used.insert(index)
                }
            }
            return items
        }

        func listItem(_ line: Line) -> Item? {
            let ns = line.text as NSString
            let prefixLength = listPrefix.firstMatch(in: line.text)?.utf16Length ?? 0
            let rest = ns.substring(from: prefixLength)
            let restNS = rest as NSString
            if let first = rest.first, totalsRow.contains(String(rest.prefix(40))), first.isLetter { return nil }
            var qty: (start: Int, end: Int, unit: (Int, Int)?)
            var desc: (start: Int, end: Int)
            if let m = leadingQuantity.firstMatch(in: rest), let q = m.group(named: "q"), let d = m.groupOffset(named: "d") {
                let qStart = m.groupOffset(named: "q")!
                let unit = m.groupOffset(named: "u").map { ($0, $0 + (m.group(named: "u")! as NSString).length) }
                qty = (qStart, qStart + (q as NSString).length, unit)
                desc = (d, restNS.length)
            } else if let m = (trailingQuantity.matches(in: rest, limit: 6) + labelledQuantity.matches(in: rest, limit: 6)
                               + quantityTimesPrice.matches(in: rest, limit: 3))
                        .sorted(by: { $0.utf16Offset < $1.utf16Offset })
                        .first(where: { $0.utf16Offset > 0 && Self.onlyPriceFollows(restNS.substring(from: $0.utf16Offset + $0.utf16Length)) }),
                      let q = m.group(named: "q"), let qStart = m.groupOffset(named: "q") {
                // The description before it; after it only a price, a total or nothing.
                let unit = m.groupOffset(named: "u").map { ($0, $0 + (m.group(named: "u")! as NSString).length) }
                qty = (qStart, qStart + (q as NSString).length, unit)
                var end = m.utf16Offset
                while end > 0, let c = UnicodeScalar(restNS.character(at: end - 1)), " \t:：,，;–—-=(".unicodeScalars.contains(c) { end -= 1 }
                desc = (0, end)
            } else {
                return nil
            }
            // A year is no quantity: "Date: Mon, 7 Sept 2026 at 15:12" (a forwarded mail's header) is no item.
            if DateRecogniser.all(in: rest).contains(where: { d in
                d.offset < qty.end && qty.start < d.offset + (d.excerpt as NSString).length
            }) { return nil }
            // The description ends where a price starts ("à 1.234,00 €") or at a wide gap.
            let descText = restNS.substring(with: NSRange(location: desc.start, length: desc.end - desc.start))
            var priceText: (String, Int)?
            if let p = priceMark.firstMatch(in: descText) {
                priceText = ((descText as NSString).substring(from: p.utf16Offset + p.utf16Length), desc.start + p.utf16Offset + p.utf16Length)
                desc.end = desc.start + p.utf16Offset
            } else if desc.start > 0 {
                // Leading quantity: "… 1.234,00 €" after a wide gap or a dash is a price too.
                let gap = (descText as NSString).range(of: "  ")
                if gap.location != NSNotFound {
                    priceText = ((descText as NSString).substring(from: gap.location), desc.start + gap.location)
                    desc.end = desc.start + gap.location
                }
            }
            if priceText == nil, desc.start == 0 {
                let after = qty.unit.map { $0.1 } ?? qty.end
                priceText = (restNS.substring(from: after), after)
            }
            var dText = restNS.substring(with: NSRange(location: desc.start, length: max(0, desc.end - desc.start)))
            let trimmedEnd = dText.trimmingCharacters(in: CharacterSet(charactersIn: " \t\u{3000}\u{00A0},，、;:：–—-"))
            guard let range = dText.range(of: trimmedEnd), !trimmedEnd.isEmpty else { return nil }
            desc.start += dText.utf16.distance(from: dText.utf16.startIndex, to: range.lowerBound.samePosition(in: dText.utf16)!)
            dText = trimmedEnd
            desc.end = desc.start + (dText as NSString).length
            guard dText.filter(\.isLetter).count >= 2, dText.count <= 160, !dText.hasSuffix("?"),
                  !notItems.contains(dText), !totalsRow.contains(dText) else { return nil }
            // Every way in carries a mark of a quantity: a unit, an "x", a label or a price after it.
            var item = Item(line: line.offset)
            let base = line.offset + prefixLength
            let qText = restNS.substring(with: NSRange(location: qty.start, length: qty.end - qty.start))
            guard let (q, qEx, qOff) = ValueReader.read(qText, as: .number, whole: true, context: context),
                  case .number(let n) = q, n > 0, n < 10_000_000 else { return nil }
            set(&item, "quantity", q, qEx, base + qty.start + qOff)
            if let (us, ue) = qty.unit {
                let u = restNS.substring(with: NSRange(location: us, length: ue - us))
                if u != "x" && u != "×" { set(&item, "unit", .text(u), u, base + us) }
            }
            // An article number: labelled, else a code among the words.
            if let m = labelledSKU.firstMatch(in: dText), let sku = m.group(named: "sku"), let at = m.groupOffset(named: "sku") {
                set(&item, "sku", .text(sku), sku, base + desc.start + at)
                // The description is the text around the labelled number.
                let before = (dText as NSString).substring(to: m.utf16Offset).trimmingCharacters(in: CharacterSet(charactersIn: " \t,，;:–—-(（"))
                let after = (dText as NSString).substring(from: m.utf16Offset + m.utf16Length).trimmingCharacters(in: CharacterSet(charactersIn: " \t,，;:–—-)）"))
                let pick = before.filter(\.isLetter).count >= 2 ? before : after
                if pick.filter(\.isLetter).count >= 2 {
                    let r = (dText as NSString).range(of: pick)
                    set(&item, "description", .text(pick), pick, base + desc.start + r.location)
                } else {
                    set(&item, "description", .text(sku), sku, base + desc.start + at)
                }
            } else if let m = codeToken.firstMatch(in: dText) {
                set(&item, "sku", .text(m.value), m.value, base + desc.start + m.utf16Offset)
                // "PG-90-10 Planetary gearbox 90 mm": the article number first, then its description.
                let after = (dText as NSString).substring(from: m.utf16Offset + m.utf16Length)
                let rest = after.trimmingCharacters(in: CharacterSet(charactersIn: " \t,，;:–—-"))
                if m.utf16Offset == 0, rest.filter(\.isLetter).count >= 3 {
                    let r = (dText as NSString).range(of: rest, options: [], range: NSRange(location: m.utf16Length, length: (dText as NSString).length - m.utf16Length))
                    set(&item, "description", .text(rest), rest, base + desc.start + r.location)
                } else {
                    set(&item, "description", .text(dText), dText, base + desc.start)
                }
            } else {
                set(&item, "description", .text(dText), dText, base + desc.start)
            }
            if let (p, at) = priceText {
                let amounts = ValueReader.amounts(in: p, context: context)
                if let first = amounts.first, (p as NSString).substring(to: first.offset).filter(\.isLetter).count <= 12 {
                    set(&item, "unit_price", .money(first.value.value, currency: first.value.currency), first.excerpt, base + at + first.offset)
                    if amounts.count >= 2, let last = amounts.last {
                        set(&item, "line_total", .money(last.value.value, currency: last.value.currency), last.excerpt, base + at + last.offset)
                    }
                }
            }
            return complete(item) ? item : nil
        }

        /// After a quantity in the middle of a line, only a price or total may follow ("à 6,80 EUR", "= 408,00"),
        /// not more words ("2 Stück liefern", "10 m lang").
        static func onlyPriceFollows(_ text: String) -> Bool {
            let t = text.trimmingCharacters(in: CharacterSet(charactersIn: " \t,;:–—-=/(."))
            guard let first = t.first else { return true }
            // Another quantity is no price ("500 ml - 20 btl").
            if let q = trailingQuantity.firstMatch(in: t), q.utf16Offset == 0 { return false }
            if first.isNumber || "$€£¥￥₹".contains(first) { return true }
            let lower = t.lowercased()
            return ["à ", "a ", "@", "je ", "each", "per ", "zu ", "por ", "at ", "ea ", "eur", "usd", "chf", "gbp", "price", "x ", "× ", "rs.",
                    "preis", "prix", "precio", "prezzo", "cena", "单价", "單價", "単価", "total", "gesamt", "netto", "net"]
                .contains { lower.hasPrefix($0) }
        }

        /// A cell that is one amount or quantity, perhaps with its currency or unit ("1.234,00 €", "60 Stk.").
        static func numericCell(_ text: String, context: ReadingContext) -> Bool {
            let found = ValueReader.amounts(in: text, context: context)
            guard found.count == 1, let a = found.first else { return false }
            let rest = (text as NSString).replacingCharacters(in: NSRange(location: a.offset, length: (a.excerpt as NSString).length), with: "")
            return rest.filter(\.isLetter).count <= 6 && !rest.contains(where: \.isNumber)
        }
    }
}
