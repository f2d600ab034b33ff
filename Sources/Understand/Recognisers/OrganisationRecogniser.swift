import Patterns
import Foundation
import Vocabulary
import Parse

/// The company on the other side of a mail: the sender's organisation (the buyer of an order, the customer of a
/// quote request) or the document's issuer (the seller of an invoice) — never our own company, the mailbox's
/// owner.
///
/// Evidence, most trusted first: a value labelled with the party's role (`Käufer`, `Buyer`, `客户` … or
/// `Lieferant`, `Seller`, `供应商` …); a name with a legal form (`GmbH`, `Ltd`, `S.r.l.`, `Sp. z o.o.`,
/// `株式会社`, `有限公司` …) or an institution word (`University`, `Hospital`, `Stadt` …), counted higher in the
/// signature block, the letterhead and the subject and when it matches the sender's mail domain; for an issuer
/// the first line of the document; and the organisation part of the From display name. Our own company is
/// what the To:/Cc: domains and display names name, what follows a greeting (`Dear`, `Sehr geehrte`) and what
/// the other party's labels (`Bill to`, `Rechnung an`, `Lieferant` in an order) head.
///
/// All patterns are linear on hostile input: no nested unbounded quantifiers; names are built by walking
/// words in Swift.
public enum OrganisationRecogniser {
    /// Which organisation an extractor looks for (`recogniser: sender_organisation` or `document_issuer`).
    public enum Subject: String, Sendable, Hashable, CaseIterable {
        case senderOrganisation = "sender_organisation"
        case documentIssuer = "document_issuer"
        /// The person who wrote: a private customer, or a practice or office that names no company. Meant
        /// after `sender_organisation` in a field's extractors; never our own colleague forwarding a mail.
        case senderPerson = "sender_person"

        /// Whether the recogniser needs `party:` (which labels name the company).
        public var needsParty: Bool { self != .senderPerson }
    }

    /// The role of the wanted party in the business document (`party: buyer` or `party: seller`): which
    /// labels name it, and which name the other side (us).
    public enum Party: String, Sendable, Hashable, CaseIterable {
        case buyer, seller
    }

    public struct Request: Sendable, Hashable {
        public var subject: Subject
        public var party: Party
        public init(subject: Subject, party: Party) {
            self.subject = subject
            self.party = party
        }
    }

    /// A name found, with where.
    public struct Found: Sendable, Equatable {
        public var value: String
        public var location: String
        public var offset: Int
        public var score: Int
    }

    // MARK: Vocabulary

    /// Labels that name the buyer (the customer) of a document.
    package static let buyerLabels = [
        "Buyer", "Purchaser", "Customer", "Client", "Ordered by", "Company", "Customer name", "Company name",
        "Käufer", "Besteller", "Auftraggeber", "Kunde", "Firma", "Bestellt von",
        "Acheteur", "Client", "Donneur d'ordre", "Société", "Raison sociale",
        "Cliente", "Committente", "Ordinante", "Ragione sociale", "Azienda",
        "Comprador", "Empresa", "Razón social", "Kupujący", "Zamawiający", "Nabywca", "Klient", "Firma",
        "Koper", "Opdrachtgever", "Köpare", "Kunde", "Beställare", "Kupující", "Odběratel", "Objednatel",
        "客户", "客户名称", "买方", "采购方", "订购方", "公司名称", "購入者", "発注者", "発注元", "会社名", "御社名",
    ]

    /// Labels that name the seller (the supplier) of a document, also as the payee of its bank details.
    package static let sellerLabels = [
        "Seller", "Supplier", "Vendor", "Payee", "Beneficiary", "Account name", "Account holder", "Remit to",
        "Verkäufer", "Lieferant", "Rechnungssteller", "Auftragnehmer", "Kontoinhaber", "Zahlungsempfänger",
        "Fournisseur", "Vendeur", "Bénéficiaire", "Titulaire du compte", "Fornitore", "Venditore", "Beneficiario",
        "Intestatario", "Proveedor", "Vendedor", "Titular", "Sprzedawca", "Dostawca", "Wystawca", "Leverancier",
        "Leverantör", "Dodavatel", "供应商", "卖方", "销售方", "销售方名称", "收款人", "户名", "販売者", "仕入先", "請求元",
    ]

    /// Labels that head the addressee or ship-to block of an invoice: the buyer there is us.
    package static let billToLabels = [
        "Bill to", "Billed to", "Invoice to", "Sold to", "Ship to", "Deliver to", "Invoice address", "Billing address",
        "Rechnung an", "Rechnungsempfänger", "Rechnungsadresse", "Rechnungsanschrift", "Lieferadresse", "Lieferanschrift",
        "Facturer à", "Facturé à", "Adresse de facturation", "Destinataire", "Livrer à", "Fatturare a", "Intestata a",
        "Destinatario", "Facturar a", "Nabywca", "Odbiorca", "Factuur aan", "Faktura till", "Odběratel",
        "购买方", "购买方名称", "收货方", "請求先",
    ]

    /// Words that precede the name of the addressee: what follows them is us.
    package static let greeting = TextPattern(known: #"(?i)^[ \t>]*(?:dear|hello|hi|sehr geehrte[rs]?|liebe[rs]?|hallo|guten tag|bonjour|madame|monsieur|chère|cher|gentile|gentili|egregio|spett\.?le|estimad[oa]s?|hola|szanown[iay]|dzień dobry|geachte|beste|hej|kære|bästa|vážen[ýá]|dobrý den|to|an|à|a|attn\.?|attention|z\.\s?hd\.?|zu händen|尊敬的|致)(?![\p{L}])[ \t:,]*(?<rest>[^\n]{0,160})"#)

    /// A line that closes the letter: the signature block follows.
    package static let closing = TextPattern(known: #"(?i)^[ \t]*(?:best regards|kind regards|warm regards|regards|best wishes|best|thanks|thank you|many thanks|cheers|sincerely|yours sincerely|yours faithfully|yours truly|mit freundlichen grüßen|mit freundlichem gruß|freundliche grüße|beste grüße|viele grüße|liebe grüße|herzliche grüße|mfg|gruß|grüße|cordialement|bien cordialement|bien à vous|salutations|sincères salutations|meilleures salutations|distinti saluti|cordiali saluti|saluti|un saluto|saludos|saludos cordiales|un saludo|atentamente|cordialmente|pozdrawiam|z poważaniem|z wyrazami szacunku|med vänlig hälsning|vänliga hälsningar|med venlig hilsen|med vennlig hilsen|met vriendelijke groet|vriendelijke groeten|s pozdravem|děkuji|此致|敬礼|谢谢|よろしくお願いいたします|よろしくお願いします|以上)(?:[^\p{L}\n][^\n]{0,39})?$"#)

    /// A reply's quoted original starts here.
    package static let replyHeader = TextPattern(known: #"(?im)^[ \t]*(?:on [^\n]{1,200} wrote:|am [^\n]{1,200} schrieb[^\n]{0,60}|le [^\n]{1,200} a écrit ?:|el [^\n]{1,200} escribió:|il [^\n]{1,200} ha scritto:|op [^\n]{1,200} schreef[^\n]{0,40}|w dniu [^\n]{1,200} napisał[^\n]{0,40}|-{2,}[ \t]*(?:original message|ursprüngliche nachricht|message d'origine|messaggio originale|mensaje original|oryginalna wiadomość)[ \t]*-{2,}|_{10,})[ \t]*$"#)

    /// A forwarded message starts here; its From line names the real sender.
    package static let forwardedFrom = TextPattern(known: #"(?im)^[ \t>*]*(?:from|von|de|da|od|van|från|发件人|差出人)[ \t]*[:：][^\n<]{0,120}<?(?<address>[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,24})"#)

    /// Legal forms at the end of a company name. Two-letter forms that are also words (`AS`, `SA`, `AB`, `SE`,
    /// …) only count at the end of a line or cell, before a comma, or before a footer's separator (" · ", " – ").
    package static let legalForm = TextPattern(known: #"(?<form>(?:,[ ]?|(?<![\p{L}\p{N}]))(?:Inc\.?|INC\.?|inc\.?|LLC|L\.L\.C\.?|LLP|L\.P\.|Ltd\.?|LTD\.?|Limited|LIMITED|Corp\.?|CORP\.?|Corporation|Co\.,?[ ]?Ltd\.?|CO\.,?[ ]?LTD\.?|Co\.,?[ ]?Limited|Pvt\.?[ ]?Ltd\.?|PVT\.?[ ]?LTD\.?|Private Limited|PRIVATE LIMITED|Pty\.?[ ]?Ltd\.?|Pte\.?[ ]?Ltd\.?|Sdn\.?[ ]?Bhd\.?|PLC|plc|GmbH[ ]?&[ ]?Co\.?[ ]?KGaA|GmbH[ ]?&[ ]?Co\.?[ ]?KG|AG[ ]?&[ ]?Co\.?[ ]?KG|gGmbH|GmbH|GMBH|mbH|UG \(haftungsbeschränkt\)|KGaA|e\.[ ]?K\.|e\.[ ]?G\.|eG|e\.[ ]?V\.|S\.A\. de C\.V\.|S\.A\.S\.?|S\.A\.R\.L\.|S\.à[ ]?r\.l\.|S\.A\.|S\.R\.L\.|S\.r\.l\.|S\.p\.A\.|S\.P\.A\.|S\.L\.U\.|S\.L\.|S\.C\.|s\.c\.|SASU|SARL|Sarl|SAS|SRL|Srl|SpA|Lda\.?|Ltda\.?|B\.V\.|N\.V\.|A/S|ApS|Oyj|ASA|Sp\.[ ]?z[ ]?o\.[ ]?o\.|SP\.[ ]?Z[ ]?O\.[ ]?O\.|sp\.[ ]?z[ ]?o\.[ ]?o\.|s\.r\.o\.|a\.s\.|Kft\.|Zrt\.|d\.o\.o\.|K\.K\.|FZ-LLC|FZCO|FZE|W\.L\.L\.?|SAOG|SAOC|enr\.|Co-op|Coop)|(?<![\p{L}\p{N}])(?<short>AG|KG|OHG|SE|UG|AB|AS|Oy|SA|BV|NV|SL|KK))(?![\p{L}\p{N}])"#)

    /// Words that make a capitalised phrase an organisation without a legal form.
    package static let institutionWords: Set<String> = [
        "university", "universität", "universitaet", "université", "universidad", "università", "universidade", "uniwersytet",
        "univerzita", "universiteit", "universitet", "college", "institute", "institut", "instituto", "istituto", "instytut",
        "academy", "akademie", "akademia", "académie", "accademia", "academia", "school", "schule", "école", "escuela", "scuola",
        "hospital", "hôpital", "hospitale", "ospedale", "szpital", "klinikum", "klinik", "clinic", "clinique", "clínica", "clinica",
        "krankenhaus", "spital", "medicare", "laboratory", "laboratories", "labs", "ministry", "ministerium", "ministère",
        "council", "county", "municipality", "gemeinde", "stadtwerke", "stadt", "ville", "comune", "ayuntamiento", "gmina",
        "city", "centre", "center", "zentrum", "foundation", "stiftung", "fondation", "fondazione", "fundación", "fundacja",
        "association", "verein", "verband", "société", "cooperative", "genossenschaft", "partners", "group", "gruppe", "groupe",
        "gruppo", "grupo", "grupa", "industries", "enterprises", "trading", "holding", "holdings", "services", "systems",
        "solutions", "logistics", "products", "supplies", "supply", "company", "compagnie", "compañía", "bistrot", "bistro",
        "restaurant", "hotel", "hôtel", "brasserie", "caves", "cave", "tonnellerie", "imprimerie", "domaine", "château",
        "transports", "spedition", "werke", "werk", "fabrik", "handel", "technik", "tech", "comptoir", "agency", "agentur",
    ]

    /// Words that are never the start of a name (a label, a department, a preposition).
    package static let leadingNoise: Set<String> = [
        "firma", "fa", "company", "messrs", "m/s", "société", "ditta", "spett.le", "empresa", "from", "von", "de", "des", "du",
        "for", "für", "to", "an", "at", "bei", "chez", "by", "per", "with", "mit", "and", "und", "et", "the", "our", "your",
        "unsere", "unser", "ihre", "ihr", "notre", "votre", "nostra", "vostra", "nuestra", "su", "please", "bitte", "team",
        "accounts", "accounting", "billing", "sales", "purchasing", "procurement", "buchhaltung", "einkauf", "vertrieb",
        "verkauf", "kundendienst", "rechnungswesen", "finance", "finanzen", "comptabilité", "achats", "facturation", "compras",
        "acquisti", "amministrazione", "contabilidad", "zakupy", "dział", "eft", "bestellung",
        "order", "invoice", "rechnung", "facture", "factura", "fattura", "faktura", "commande", "pedido", "ordine", "angebot",
        "quote", "quotation", "devis", "anfrage", "ship-to", "bill-to", "dear", "regards", "thanks", "hello", "hi",
    ]

    /// Department and role words at the end of a From display name ("Northshore Wire & Cable AR").
    package static let displayNoise: Set<String> = [
        "ar", "ap", "accounts", "receivable", "payable", "accounting", "billing", "invoicing", "invoices", "invoice", "sales",
        "purchasing", "procurement", "buying", "orders", "order", "team", "dept", "dept.", "department", "service", "services",
        "support", "sap", "erp", "noreply", "no-reply", "finance", "office", "admin", "info", "einkauf", "buchhaltung",
        "vertrieb", "verkauf", "rechnungswesen", "bestellungen", "rechnungen", "comptabilité", "achats", "facturation",
        "compras", "facturación", "acquisti", "amministrazione", "zakupy", "księgowość", "fakturowanie", "portal", "system",
        "procurement-system", "notifications",
    ]

    /// Document titles that head a PDF without naming its issuer.
    package static let documentTitles: Set<String> = [
        "invoice", "tax invoice", "commercial invoice", "proforma invoice", "pro forma invoice", "credit note", "credit memo",
        "debit note", "statement", "receipt", "rechnung", "gutschrift", "proforma-rechnung", "facture", "avoir", "factura",
        "fattura", "faktura", "faktura vat", "factuur", "purchase order", "order", "bestellung", "bon de commande", "pedido",
        "ordine", "zamówienie", "page", "seite", "original", "copy", "duplicate", "发票", "增值税专用发票", "請求書", "注文書", "订单",
    ]

    /// Mail providers whose domain names no company.
    package static let freeMailDomains: Set<String> = [
        "gmail", "googlemail", "yahoo", "hotmail", "outlook", "live", "msn", "icloud", "me", "aol", "gmx", "web", "t-online",
        "freenet", "posteo", "mailbox", "protonmail", "proton", "orange", "wanadoo", "free", "laposte", "libero", "virgilio",
        "tiscali", "alice", "qq", "163", "126", "sina", "sohu", "yeah", "foxmail", "aliyun", "naver", "daum", "yandex",
        "mail", "rediffmail", "wp", "onet", "interia", "o2", "seznam", "bluewin", "telenet", "skynet", "ziggo", "kpnmail",
    ]

    // MARK: Finding

    /// The wanted organisation of `content`, or nil.
    public static func find(_ request: Request, in content: MessageContent) -> Found? {
        if request.subject == .senderPerson { return person(in: content) }
        return candidates(request, in: content).first
    }

    /// The From display name when it is a person's ("Sebastian Becker", "Dr. Anna Roth"): two to five words,
    /// no legal form, no department word, a sender outside our own domains (a colleague's forward names the
    /// colleague, not the customer).
    package static func person(in content: MessageContent) -> Found? {
        let setting = Setting(request: Request(subject: .senderPerson, party: .buyer), content: content)
        // A mail provider's address ("…@gmail.com") names no company but may well be a private customer's.
        let from = (content.message.from.isEmpty ? content.message.sender : content.message.from).first
        let fromLabel = from.flatMap { domainLabel($0.address) }
        guard fromLabel.map({ !setting.ownLabels.contains($0) }) ?? true,
              let raw = setting.displayName?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        let name = raw.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        let words = name.split(separator: " ")
        guard words.count >= 2, words.count <= 5, looksLikeName(name), names(in: name).isEmpty,
              !name.contains(where: { $0.isNumber || "@|/()".contains($0) }),
              !words.contains(where: { displayNoise.contains($0.lowercased()) }) else { return nil }
        return Found(value: name, location: "header:From", offset: max(0, (raw as NSString).range(of: name).location), score: 1)
    }

    /// Every candidate, best first.
    package static func candidates(_ request: Request, in content: MessageContent) -> [Found] {
        let setting = Setting(request: request, content: content)
        var found: [String: Found] = [:]
        var order: [String] = []
        func add(_ value: String, _ location: String, _ offset: Int, _ score: Int) {
            let value = tidy(value)
            let key = compact(value)
            guard key.count >= 2, !setting.isOurs(value) else { return }
            if var f = found[key] {
                // The same name again: it counts once more; the written form with its accents is kept
                // ("Möbel Krämer" rather than a PDF's "Moebel Kraemer").
                let accented = value.unicodeScalars.contains { !$0.isASCII } && !f.value.unicodeScalars.contains { !$0.isASCII }
                if score > f.score || accented {
                    f.value = value; f.location = location; f.offset = offset
                }
                f.score = max(f.score, score) + 1
                found[key] = f
            } else {
                found[key] = Found(value: value, location: location, offset: offset, score: score)
                order.append(key)
            }
        }
        let affinityBonus = 5
        for text in setting.texts {
            let lines = TableLayout.lines(text.text)
            let nonEmpty = lines.indices.filter { !lines[$0].text.trimmingCharacters(in: .whitespaces).isEmpty }
            let head = Set(nonEmpty.prefix(text.isAttachment ? 6 : 3))
            let signature = setting.signatureLines(lines, nonEmpty: nonEmpty, isBody: text.location == "body")
            for (i, line) in lines.enumerated() where !line.text.isEmpty && line.text.utf16.count <= 400 {
                var place = 0
                if text.location == "subject" { place = 2 }
                if head.contains(i) { place = text.isAttachment ? (request.subject == .documentIssuer ? 5 : 3) : 1 }
                if signature.contains(i) { place = max(place, request.subject == .documentIssuer && text.isAttachment ? 1 : 3) }
                if setting.otherPartyLines[text.location]?.contains(i) == true { continue }
                for name in names(in: line.text) {
                    var score = (name.legal ? 6 : 4) + place
                    if setting.affine(name.value) { score += affinityBonus }
                    add(name.value, text.location, line.offset + name.offset, score)
                }
            }
            // A short line of the signature or letterhead that names the sender's domain ("Bistrot Margaux").
            for i in signature.union(head) where text.location != "subject" && setting.otherPartyLines[text.location]?.contains(i) != true {
                let line = lines[i]
                for cell in TableLayout.cells(of: line.text, lineStart: line.offset) {
                    let value = cell.text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:-–—|"))
                    guard looksLikeName(value), value.split(separator: " ").count <= 6, !value.contains(where: \.isNumber),
                          setting.affine(value) else { continue }
                    // One word alone ("Praxismanagerin", a job title sharing "praxis" with praxis-seerhein) names the
                    // company only when it is the domain's name or holds it ("Siemens").
                    if !value.contains(" "), let label = setting.senderLabel.map(compact) {
                        let word = compact(value)
                        guard word.contains(label) || label.contains(word) else { continue }
                    }
                    add(value, text.location, cell.offset, 3 + affinityBonus)
                }
            }
            // A document's first line names its issuer.
            if request.subject == .documentIssuer, text.isAttachment {
                for i in nonEmpty.prefix(3) {
                    let line = lines[i]
                    guard let cell = TableLayout.cells(of: line.text, lineStart: line.offset).first else { continue }
                    let value = cell.text.trimmingCharacters(in: CharacterSet(charactersIn: " ,;:|"))
                    if documentTitles.contains(value.lowercased()) { continue }
                    guard looksLikeName(value) else { break }
                    add(value, text.location, cell.offset, 7 + (setting.affine(value) ? affinityBonus : 0))
                    break
                }
            }
        }
        // Labelled values: the party's own labels.
        let labelPattern = FieldExtraction.labelPattern(request.party == .buyer ? buyerLabels : sellerLabels)
        for text in setting.texts where text.location != "subject" {
            for match in labelPattern.matches(in: text.text) {
                guard let rest = match.group(named: "rest") else { continue }
                var value = rest, base = match.groupOffset(named: "rest") ?? match.utf16Offset
                if value.trimmingCharacters(in: .whitespaces).isEmpty || TableLayout.isHeaderCell(match, in: text.text) && value.trimmingCharacters(in: .whitespaces).count < 2 {
                    if TableLayout.isHeaderCell(match, in: text.text), let cell = TableLayout.cellBelow(match, in: text.text) {
                        value = cell.text; base = cell.offset
                    } else if let next = match.group(named: "next") {
                        value = next; base = match.groupOffset(named: "next") ?? base
                    }
                }
                if let name = names(in: value).first {
                    add(name.value, text.location, base + name.offset, 12 + (setting.affine(name.value) ? affinityBonus : 0))
                    continue
                }
                let cut = ValueReader.cutText(value)
                guard looksLikeName(cut), !setting.isPerson(cut) else { continue }
                let offset = base + max(0, (value as NSString).range(of: cut).location)
                add(cut, text.location, offset, setting.affine(cut) ? 12 + affinityBonus : 5)
            }
        }
        // The From display name's organisation part.
        if let (value, raw) = setting.displayOrganisation() {
            let offset = max(0, (raw as NSString).range(of: value).location)
            let legal = !names(in: value).isEmpty
            add(value, "header:From", offset, (legal ? 4 : 2) + (setting.affine(value) ? affinityBonus : 0))
        }
        return order.compactMap { found[$0] }.enumerated()
            .sorted { a, b in a.element.score != b.element.score ? a.element.score > b.element.score : a.offset < b.offset }
            .map(\.element)
    }

    // MARK: Names in a line

    package struct Name: Equatable {
        var value: String
        var offset: Int
        var legal: Bool
    }

    /// Company names in one line: words before a legal form, a CJK company name, or a capitalised phrase
    /// around an institution word.
    package static func names(in line: String) -> [Name] {
        let ns = line as NSString
        var out: [Name] = []
        for match in legalForm.matches(in: line, limit: 20) {
            guard let formStart = match.groupOffset(named: "form") ?? match.groupOffset(named: "short") else { continue }
            let formEnd = match.utf16Offset + match.utf16Length
            if match.group(named: "short") != nil {
                // "AS", "SA", "AB": only at the end of a line or cell, or before a comma or bracket.
                let after = ns.substring(from: formEnd)
                let ok = after.trimmingCharacters(in: .whitespaces).isEmpty || after.hasPrefix(",") || after.hasPrefix(")")
                    || after.hasPrefix("  ") || after.hasPrefix("\t") || after.hasPrefix(" |") || after.hasPrefix(";")
                    || after.hasPrefix(" ·") || after.hasPrefix(" •") || after.hasPrefix(" – ") || after.hasPrefix(" - ")
                guard ok else { continue }
            }
            guard let start = nameStart(in: ns, before: formStart) else { continue }
            var value = ns.substring(with: NSRange(location: start, length: formEnd - start))
            // "TONNELLERIE MARCHAND - SAS": the name without its detached form.
            let head = ns.substring(with: NSRange(location: start, length: formStart - start))
            if head.hasSuffix(" - ") || head.hasSuffix(" – ") { value = String(head.dropLast(3)) }
            out.append(Name(value: value.trimmingCharacters(in: .whitespaces), offset: start, legal: true))
        }
        for match in cjkCompany.matches(in: line, limit: 10) {
            var value = match.value
            var offset = match.utf16Offset
            // "我们是上海…有限公司": the name starts after the last particle.
            if let cut = value.lastIndex(where: { "是的由向致为給给：:".contains($0) }), !value.hasPrefix("株式会社") {
                let drop = value[...cut]
                offset += drop.utf16.count
                value = String(value[value.index(after: cut)...])
            }
            guard value.count >= 4 else { continue }
            out.append(Name(value: value, offset: offset, legal: true))
        }
        if out.isEmpty { out += institutionNames(in: ns) }
        return out
    }

    package static let cjkCompany = TextPattern(known: #"(?:株式会社|有限会社|合同会社)[\p{Han}\p{Katakana}\p{Hiragana}ーA-Za-z・&]{1,20}|[\p{Han}\p{Katakana}ーA-Za-z・&]{1,20}(?:株式会社|有限会社|合同会社)|\p{Han}[\p{Han}（）()]{1,29}?(?:股份有限公司|有限责任公司|有限責任公司|有限公司|集团公司|集团|集團)"#)

    /// Connecting words inside a name: "La Cave de Saint-Gilles", "City of West St. Paul".
    package static let connectors: Set<String> = [
        "de", "la", "le", "les", "du", "des", "der", "die", "das", "den", "von", "van", "vom", "zum", "zur", "und", "and", "of", "the",
        "et", "e", "y", "i", "di", "del", "della", "dei", "da", "do", "dos", "w", "z", "na", "im", "am", "&", "+", "for", "für", "en",
    ]

    /// Where the name ending at `end` starts: capitalised words (with connecting words between them), back to
    /// the start of the line, a wide gap or punctuation; nil when there is none.
    package static func nameStart(in ns: NSString, before end: Int) -> Int? {
        var tokens: [(text: String, start: Int)] = []
        var i = end
        // Skip the space between the name and its form.
        while i > 0, ns.character(at: i - 1) == 0x20 { i -= 1 }
        var guardCount = 0
        while i > 0, tokens.count < 8, guardCount < 40 {
            guardCount += 1
            // A wide gap, a tab or a separator ends the name.
            var j = i
            while j > 0 {
                let c = ns.character(at: j - 1)
                if c == 0x20 || c == 0x09 || c == 0x28 || c == 0xFF08 || c == 0x5B || c == 0x300C || c == 0x3A || c == 0xFF1A { break }
                j -= 1
            }
            let word = ns.substring(with: NSRange(location: j, length: i - j))
            if word.isEmpty { break }
            let trimmedWord = word.trimmingCharacters(in: CharacterSet(charactersIn: "\"'«»„“”()[]"))
            if trimmedWord.isEmpty { break }
            // Punctuation that ends what came before: "Ship-to: Aravalli …", "business. Northshore …".
            if let last = word.last, ":;|,".contains(last) || (last == "." && !tokens.isEmpty && !abbreviations.contains(word.lowercased()) && word.count > 2 && !word.dropLast().contains(".")) {
                break
            }
            tokens.append((trimmedWord, j))
            if j == 0 { break }
            let spaceAt = j - 1
            if ns.character(at: spaceAt) != 0x20 { break }
            if spaceAt > 0, ns.character(at: spaceAt - 1) == 0x20 { break }  // a wide gap
            i = spaceAt
        }
        // tokens run from the form backwards; keep a run of name words, from the form back.
        var keep = 0
        for (k, token) in tokens.enumerated() {
            let lower = token.text.lowercased()
            let first = token.text.unicodeScalars.first!
            let capital = CharacterSet.uppercaseLetters.contains(first) || CharacterSet.decimalDigits.contains(first)
            if capital && !leadingNoise.contains(lower) { keep = k + 1; continue }
            if connectors.contains(lower) || (token.text == "-" && k == 0) { continue }
            if leadingNoise.contains(lower) && capital { break }
            break
        }
        guard keep > 0 else { return nil }
        // Pure numbers at the start are no part of the name ("0000310457 DECCAN LABCHEM").
        var startIndex = keep - 1
        while startIndex >= 0, tokens[startIndex].text.allSatisfy({ $0.isNumber }) { startIndex -= 1 }
        guard startIndex >= 0 else { return nil }
        return tokens[startIndex].start + leadingTrim(ns, tokens[startIndex].start)
    }

    private static func leadingTrim(_ ns: NSString, _ at: Int) -> Int {
        var k = 0
        while at + k < ns.length, "\"'«»„“”([".utf16.contains(ns.character(at: at + k)) { k += 1 }
        return k
    }

    package static let abbreviations: Set<String> = ["st.", "co.", "dr.", "mt.", "ste.", "gebr.", "bros.", "sr.", "jr.", "inc.", "int.", "intl.", "nat.", "dept."]

    /// "Kaveri University", "City of West St. Paul", "St. Boniface Community Health Centre": a run of
    /// capitalised words (and connecting words) that holds an institution word.
    package static func institutionNames(in ns: NSString) -> [Name] {
        let line = ns as String
        // Split into segments at wide gaps and separators, then words.
        var out: [Name] = []
        var segmentStart = 0
        let separators = CharacterSet(charactersIn: ":;|,()[]\t•·–—/")
        func scan(_ start: Int, _ end: Int) {
            guard end > start else { return }
            let segment = ns.substring(with: NSRange(location: start, length: end - start))
            var words: [(String, Int)] = []
            var offset = 0
            for part in segment.split(separator: " ", omittingEmptySubsequences: false) {
                let s = String(part)
                if !s.isEmpty { words.append((s, start + offset)) }
                offset += s.utf16.count + 1
            }
            var runStart: Int? = nil
            var hasInstitution = false
            var lastCapital = -1
            func close(_ k: Int) {
                if let r = runStart, hasInstitution, lastCapital >= r {
                    var first = r
                    while first <= lastCapital, leadingNoise.contains(words[first].0.lowercased())
                            || (connectors.contains(words[first].0.lowercased()) && words[first].0.first?.isLowercase == true) { first += 1 }
                    if first <= lastCapital, lastCapital - first < 9 {
                        let a = words[first].1
                        let lastWord = words[lastCapital]
                        let b = lastWord.1 + lastWord.0.utf16.count
                        let value = ns.substring(with: NSRange(location: a, length: b - a)).trimmingCharacters(in: CharacterSet(charactersIn: ".!? "))
                        if value.split(separator: " ").count >= 2 { out.append(Name(value: value, offset: a, legal: false)) }
                    }
                }
                runStart = nil; hasInstitution = false
            }
            for (k, (word, _)) in words.enumerated() {
                let clean = word.trimmingCharacters(in: CharacterSet(charactersIn: ".!?\"'"))
                let lower = clean.lowercased()
                let first = clean.unicodeScalars.first
                let capital = first.map { CharacterSet.uppercaseLetters.contains($0) } ?? false
                if capital && !(runStart == nil && leadingNoise.contains(lower)) {
                    if runStart == nil { runStart = k }
                    lastCapital = k
                    if institutionWords.contains(lower) { hasInstitution = true }
                    if word.hasSuffix(".") && !abbreviations.contains(word.lowercased()) && word.count > 3 { close(k) }
                } else if runStart != nil, connectors.contains(lower) {
                    continue
                } else {
                    close(k)
                }
            }
            close(words.count)
        }
        let ns16 = line.utf16
        var idx = 0
        for unit in ns16 {
            let scalar = Unicode.Scalar(unit)
            let isSep = scalar.map { separators.contains($0) } ?? false
            let wide = unit == 0x20 && idx + 1 < ns.length && ns.character(at: idx + 1) == 0x20
            if isSep || wide {
                scan(segmentStart, idx)
                segmentStart = idx + 1
            }
            idx += 1
        }
        scan(segmentStart, ns.length)
        return out
    }

    /// A short run of words that could be a name: starts with a capital or a CJK character, 1–8 words, no
    /// digits only, no address or e-mail.
    package static func looksLikeName(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard t.count >= 3, t.count <= 80, !t.contains("@"), !t.contains("http"), !t.contains("www.") else { return false }
        guard let first = t.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(first) || first.properties.isIdeographic else { return false }
        let words = t.split(separator: " ")
        guard words.count <= 8 else { return false }
        let digits = t.filter(\.isNumber).count
        guard digits * 3 < t.count else { return false }
        if ExtractionScope.postalAddress.contains(t) || ExtractionScope.streetAddress.contains(t) { return false }
        if DateRecogniser.first(in: t) != nil { return false }
        if documentTitles.contains(t.lowercased()) { return false }
        return true
    }

    /// Letters and digits only, lower-case, without diacritics.
    package static func compact(_ text: String) -> String {
        // German umlauts as their ASCII spellings write them: "Möbel Krämer" is "Moebel Kraemer".
        var text = text.lowercased()
        for (umlaut, spelled) in [("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")] where text.contains(umlaut) {
            text = text.replacingOccurrences(of: umlaut, with: spelled)
        }
        return text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
            .unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(String.init).joined()
    }

    /// The name without surrounding punctuation (the legal form's final dot stays).
    package static func tidy(_ value: String) -> String {
        var v = value.trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ",;:|\"'«»„“”*")))
        if v.hasSuffix(")") && !v.contains("(") { v.removeLast() }
        return v.trimmingCharacters(in: .whitespaces)
    }

    /// The name without its legal form, compacted: what a mail domain is compared with.
    package static func stem(_ name: String) -> String {
        var v = name
        if let m = legalForm.matches(in: v).last, m.utf16Offset + m.utf16Length >= (v as NSString).length - 1 {
            v = (v as NSString).substring(to: m.utf16Offset)
        }
        return compact(v)
    }

    /// The label of a domain that names its owner: "mail.deccanlabchem.co.in" → "deccanlabchem".
    package static func domainLabel(_ address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        var labels = address[address.index(after: at)...].lowercased().split(separator: ".").map(String.init)
        guard labels.count >= 2 else { return nil }
        labels.removeLast()
        let secondLevel: Set<String> = ["co", "com", "net", "org", "ac", "gov", "edu", "or", "ne", "go", "gob", "gouv", "nic", "ltd", "plc"]
        if labels.count >= 2, let last = labels.last, secondLevel.contains(last) { labels.removeLast() }
        guard let label = labels.last else { return nil }
        let clean = label.filter { $0.isLetter || $0.isNumber }
        guard clean.count >= 3, !freeMailDomains.contains(label) else { return nil }
        return clean
    }

    /// Whether a name and a domain label name the same company: one contains the other, they share a start of
    /// five letters, or a long word of the name is in the domain.
    /// `strict` (is it our own company?): only containment, or a shared start longer than the name's first
    /// word ("aravallils" for Aravalli Life Sciences, not "deccanlabchem" for Deccan Central University);
    /// otherwise also a long word of the name in the domain, or the name's initials ("rvuc").
    package static func affine(_ name: String, _ label: String, strict: Bool = false) -> Bool {
        let n = stem(name)
        guard n.count >= 3, label.count >= 3 else { return false }
        if n.contains(label) || (n.count >= 4 && label.contains(n)) { return true }
        let shared = zip(n, label).prefix { $0 == $1 }.count
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { compact(String($0)) }.filter { !$0.isEmpty }
        let firstWord = words.first?.count ?? 0
        if shared >= 5, shared > firstWord { return true }
        if strict { return false }
        if shared >= 5 { return true }
        let initials = String(words.filter { !connectors.contains($0) }.compactMap(\.first))
        if initials.count >= 3, label == initials || (label.hasPrefix(initials) && initials.count >= 4) { return true }
        let genericWords: Set<String> = ["university", "hospital", "health", "services", "service", "group", "international",
                                         "supply", "supplies", "electric", "solutions", "systems", "trading", "industries",
                                         "company", "logistics", "products", "global", "europe", "technik", "handel"]
        for word in name.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let w = compact(String(word))
            if w.count >= 5, !genericWords.contains(w), label.contains(w) { return true }
        }
        return false
    }

    // MARK: The mail's setting

    struct Text {
        var location: String
        var text: String
        var isAttachment: Bool { location.hasPrefix("attachment") }
    }

    /// What a message says about who is who.
    struct Setting {
        var texts: [Text] = []
        var ownLabels: [String] = []
        var ownNames: [String] = []
        var senderLabel: String?
        var senderPerson: String?
        var displayName: String?
        /// Per text: lines that belong to the other party (an addressee block, the line after a greeting).
        var otherPartyLines: [String: Set<Int>] = [:]
        var ourNames: Set<String> = []

        init(request: Request, content: MessageContent) {
            let message = content.message
            let from = (message.from.isEmpty ? message.sender : message.from).first
            senderLabel = from.flatMap { OrganisationRecogniser.domainLabel($0.address) }
            // Us: the To: addresses, and Cc: addresses outside the sender's company (a buyer copies colleagues).
            let recipients = message.to + message.cc.filter { OrganisationRecogniser.domainLabel($0.address) != senderLabel }
            ownLabels = recipients.compactMap { OrganisationRecogniser.domainLabel($0.address) }
            ownNames = recipients.compactMap(\.name).map { OrganisationRecogniser.compact(Self.stripDepartments($0)) }.filter { $0.count >= 4 }
            displayName = from?.name
            // Texts: the subject, the body without a reply's quoted original, the attachments.
            if let s = message.subject, !s.isEmpty { texts.append(Text(location: "subject", text: s)) }
            var body = message.text
            if let cut = OrganisationRecogniser.replyHeader.firstMatch(in: body) {
                body = (body as NSString).substring(to: cut.utf16Offset)
            }
            body = body.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(">") ? "" : String($0) }.joined(separator: "\n")
            if !body.isEmpty { texts.append(Text(location: "body", text: body)) }
            for text in content.sourceTexts where text.location.hasPrefix("attachment") && !text.location.contains("/") {
                texts.append(Text(location: text.location, text: text.text))
            }
            // A forward from a colleague: the forwarded From line names the sender.
            if senderLabel == nil || ownLabels.contains(senderLabel ?? "") {
                if let m = OrganisationRecogniser.forwardedFrom.matches(in: message.text, limit: 5)
                    .first(where: { OrganisationRecogniser.domainLabel($0.group(named: "address") ?? "").map { !ownLabels.contains($0) } ?? false }),
                   let address = m.group(named: "address") {
                    senderLabel = OrganisationRecogniser.domainLabel(address)
                    displayName = nil
                } else if ownLabels.contains(senderLabel ?? "") {
                    senderLabel = nil
                }
            }
            if let name = displayName {
                let words = name.split(separator: " ")
                // "Ceramica Dentale Ticinese <contabilita@ceramica-ticinese…>": a display name whose first word the
                // sender's domain holds is the company's, not a person's ("Bernd Jessen <…@jessen-kaelte…>" is one).
                let first = words.first.map { OrganisationRecogniser.compact(String($0)) } ?? ""
                let namesDomain = first.count >= 4 && (senderLabel.map { OrganisationRecogniser.compact($0).hasPrefix(first) } ?? false)
                if words.count >= 2, words.count <= 3, !namesDomain, OrganisationRecogniser.names(in: name).isEmpty {
                    senderPerson = OrganisationRecogniser.compact(name)
                }
            }
            // Lines after a greeting or under the other party's labels are the addressee's.
            let otherLabels = request.party == .buyer ? OrganisationRecogniser.sellerLabels : OrganisationRecogniser.buyerLabels + OrganisationRecogniser.billToLabels
            let otherPattern = FieldExtraction.labelPattern(otherLabels)
            for text in texts where text.location != "subject" {
                let lines = TableLayout.lines(text.text)
                var marked = Set<Int>()
                func lineIndex(_ offset: Int) -> Int? { lines.lastIndex { $0.offset <= offset } }
                for m in OrganisationRecogniser.greeting.matches(in: text.text, limit: 20) {
                    guard let i = lineIndex(m.utf16Offset) else { continue }
                    let rest = m.group(named: "rest") ?? ""
                    for name in OrganisationRecogniser.names(in: rest) { ourNames.insert(OrganisationRecogniser.stem(name.value)) }
                    marked.insert(i)
                }
                for m in otherPattern.matches(in: text.text, limit: 40) {
                    guard let i = lineIndex(m.utf16Offset) else { continue }
                    let header = TableLayout.isHeaderCell(m, in: text.text)
                    let restEmpty = (m.group(named: "rest") ?? "").trimmingCharacters(in: .whitespaces).isEmpty
                    let rest = m.group(named: "rest") ?? ""
                    // "Lieferant: Brightwater GmbH": the value; "Bill to:" alone: the block below it.
                    if !header {
                        if !restEmpty {
                            let cut = (rest as NSString).range(of: "  ")
                            let cell = cut.location == NSNotFound ? rest : (rest as NSString).substring(to: cut.location)
                            for name in OrganisationRecogniser.names(in: cell) { ourNames.insert(OrganisationRecogniser.stem(name.value)) }
                            if OrganisationRecogniser.names(in: cell).isEmpty, OrganisationRecogniser.looksLikeName(ValueReader.cutText(cell)) {
                                ourNames.insert(OrganisationRecogniser.stem(ValueReader.cutText(cell)))
                            }
                        }
                        var k = i + (restEmpty ? 1 : 0)
                        var taken = 0
                        while k < lines.count, taken < (restEmpty ? 4 : 1) {
                            if lines[k].text.trimmingCharacters(in: .whitespaces).isEmpty { if taken > 0 { break } else { k += 1; continue } }
                            // Only the part of the line in the label's column (a two-column letterhead).
                            if k == i && !restEmpty {
                                // the label's own line: names in it are ours only in the label's cell (done above)
                            } else {
                                let cells = TableLayout.cells(of: lines[k].text, lineStart: lines[k].offset)
                                let column = (m.groupOffset(named: "label") ?? 0) - lines[i].offset
                                let near = cells.min { abs($0.column - column) < abs($1.column - column) }
                                if let cell = near {
                                    for name in OrganisationRecogniser.names(in: cell.text) { ourNames.insert(OrganisationRecogniser.stem(name.value)) }
                                    if cells.count == 1 { marked.insert(k) }
                                }
                            }
                            taken += 1
                            k += 1
                        }
                    } else if let cell = TableLayout.cellBelow(m, in: text.text) {
                        for name in OrganisationRecogniser.names(in: cell.text) { ourNames.insert(OrganisationRecogniser.stem(name.value)) }
                    }
                }
                otherPartyLines[text.location] = marked
            }
            ourNames.remove("")
            // A name the sender's domain names is never ours, even when it is addressed (a reply quoting it).
            if let sender = senderLabel {
                ourNames = ourNames.filter { !OrganisationRecogniser.affine($0, sender) }
            }
        }

        /// Whether a name is the mailbox owner's: it matches a recipient's domain (and not the sender's), a
        /// recipient's display name, or a name addressed in the mail.
        func isOurs(_ name: String) -> Bool {
            let stem = OrganisationRecogniser.stem(name)
            guard !stem.isEmpty else { return true }
            let sender = affine(name)
            if !sender, ownLabels.contains(where: { OrganisationRecogniser.affine(name, $0, strict: true) }) { return true }
            if !sender, ownNames.contains(where: { $0 == stem || ($0.count >= 6 && stem.hasPrefix($0)) || (stem.count >= 6 && $0.hasPrefix(stem)) }) { return true }
            if ourNames.contains(stem) { return true }
            if let person = senderPerson, person == stem { return true }
            return false
        }

        func isPerson(_ value: String) -> Bool {
            guard let person = senderPerson else { return false }
            return OrganisationRecogniser.compact(value) == person
        }

        func affine(_ name: String) -> Bool {
            guard let label = senderLabel else { return false }
            return OrganisationRecogniser.affine(name, label)
        }

        /// Lines of the signature block: after a closing line, else the last eight lines of the body.
        func signatureLines(_ lines: [(text: String, offset: Int)], nonEmpty: [Int], isBody: Bool) -> Set<Int> {
            guard isBody else { return Set(nonEmpty.suffix(4)) }
            if let closingIndex = lines.indices.last(where: { OrganisationRecogniser.closing.contains(lines[$0].text) }) {
                return Set(nonEmpty.filter { $0 > closingIndex }.prefix(10))
            }
            return Set(nonEmpty.suffix(8))
        }

        static func stripDepartments(_ name: String) -> String {
            name.split(separator: " ").filter { !OrganisationRecogniser.displayNoise.contains($0.lowercased()) }.joined(separator: " ")
        }

        /// "Northshore Wire & Cable AR" → "Northshore Wire & Cable"; "Anna Berg | Fjord Kontor AS" → "Fjord Kontor AS";
        /// nil for a person's name alone.
        func displayOrganisation() -> (String, String)? {
            guard let raw = displayName?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            let parts = raw.components(separatedBy: CharacterSet(charactersIn: "|()/,")).flatMap { $0.components(separatedBy: " - ") }
                .flatMap { $0.components(separatedBy: " – ") }.flatMap { $0.components(separatedBy: " via ") }
                .flatMap { $0.components(separatedBy: " at ") }.flatMap { $0.components(separatedBy: " @ ") }
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for part in parts {
                if let name = OrganisationRecogniser.names(in: part).first { return (name.value, raw) }
            }
            for part in parts {
                var words = part.split(separator: " ").map(String.init)
                let before = words.count
                while let last = words.last, OrganisationRecogniser.displayNoise.contains(last.lowercased()) { words.removeLast() }
                while let first = words.first, OrganisationRecogniser.displayNoise.contains(first.lowercased()) { words.removeFirst() }
                let value = words.joined(separator: " ")
                guard OrganisationRecogniser.looksLikeName(value) else { continue }
                if affine(value) || (words.count < before && words.count >= 1) { return (value, raw) }
            }
            return nil
        }
    }
}
