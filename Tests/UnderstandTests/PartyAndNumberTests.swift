import Foundation
import Testing
@testable import Vocabulary
@testable import Parse
@testable import Understand

/// Mail from companies nobody here has seen: whose company it is, and its order and invoice numbers and totals.
enum PartyMail {
    static func content(from: String, to: String = "Brightwater Components <sales@brightwater-components.example>",
                        cc: String? = nil, subject: String, body: String) -> MessageContent {
        var text = "From: \(from)\nTo: \(to)\n"
        if let cc { text += "Cc: \(cc)\n" }
        text += "Subject: \(subject)\nDate: Mon, 23 Nov 2026 08:00:00 +0000\nMessage-ID: <p-\(abs(body.hashValue))@x.example>\n"
            + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n"
        return MessageContent.read(raw: Data(text.utf8))
    }

    static func fields(_ kind: String, _ content: MessageContent) throws -> [String: FieldValue] {
        let definition = try #require(try RepositoryFiles.catalogue().kind(named: kind))
        return FieldExtraction.extract(kind: definition, from: content).mapValues(\.value)
    }
}

@Suite struct OrganisationRecogniserTests {
    let buyer = OrganisationRecogniser.Request(subject: .senderOrganisation, party: .buyer)
    let issuer = OrganisationRecogniser.Request(subject: .documentIssuer, party: .seller)

    @Test func germanSignatureNotTheAddressedCompany() {
        let mail = PartyMail.content(from: "Klaus Weber <k.weber@pumpenwerke-hh.example>", subject: "Bestellung 2026-117", body: """
            Sehr geehrte Damen und Herren der Brightwater Components GmbH,

            hiermit bestellen wir gemäß Ihrem Angebot:
            Pos. 1  60 Stk. Nadellager NK 25/20

            Mit freundlichen Grüßen
            Klaus Weber
            Einkauf
            Hanseatische Pumpenwerke GmbH & Co. KG
            Am Hafen 3, 20457 Hamburg
            """)
        #expect(OrganisationRecogniser.find(buyer, in: mail)?.value == "Hanseatische Pumpenwerke GmbH & Co. KG")
    }

    @Test(arguments: [
        ("Acheteur : Vins du Rhône SARL", "Vins du Rhône SARL"),
        ("Zamawiający: Meble Nowak Sp. z o.o.", "Meble Nowak Sp. z o.o."),
        ("Comprador: Distribuciones Levante S.L.", "Distribuciones Levante S.L."),
        ("Cliente: Ferramenta Bassi S.r.l.", "Ferramenta Bassi S.r.l."),
        ("Buyer: Lindqvist Mechanical & Electric, Inc.", "Lindqvist Mechanical & Electric, Inc."),
        ("买方：上海明华贸易有限公司", "上海明华贸易有限公司"),
    ])
    func labelledBuyerInManyLanguages(line: String, expected: String) {
        let mail = PartyMail.content(from: "orders@buyer.example", subject: "Order", body: """
            Please deliver the items below.
            \(line)
            Lieferant: Brightwater Components GmbH
            Thank you
            """)
        #expect(OrganisationRecogniser.find(buyer, in: mail)?.value == expected)
    }

    @Test func ourOwnCompanyIsNeverTheSender() {
        // Our name, with its legal form, is the only company named: nothing is found rather than us.
        let mail = PartyMail.content(from: "Jane Doe <jane@gmail.com>", subject: "Order", body: """
            Dear Brightwater Components GmbH,
            please send 10 pieces of NK-25-20 to our workshop.
            Jane
            """)
        #expect(OrganisationRecogniser.find(buyer, in: mail) == nil)
        // … also when only the To: domain says it is ours.
        let other = PartyMail.content(from: "Jane Doe <jane@gmail.com>", subject: "Order", body: """
            Hello team,
            as agreed with Brightwater Components GmbH last week, please send 10 pieces.
            Jane
            """)
        #expect(OrganisationRecogniser.find(buyer, in: other) == nil)
    }

    @Test func invoiceIssuerNotTheBillToBlock() {
        let mail = PartyMail.content(from: "Accounts <ar@northshorewire.example>", subject: "Invoice NWC-884120", body: """
            Invoice NWC-884120

            Bill to:
            Brightwater Components GmbH
            Leopoldstraße 12, 80802 München

            Total due: USD 1,200.00

            Northshore Wire & Cable Ltd. · 88 Industrial Pkwy N, Aurora ON
            """)
        #expect(OrganisationRecogniser.find(issuer, in: mail)?.value == "Northshore Wire & Cable Ltd.")
    }

    @Test func nameWithoutLegalFormFromTheSendersDomain() {
        let mail = PartyMail.content(from: "Margaux Petit <margaux@bistrotmargaux.example>", subject: "Commande", body: """
            Bonjour,
            pour vendredi : 12 bouteilles de Bordeaux Supérieur.
            Merci !
            Margaux Petit
            Bistrot Margaux
            12 rue des Vignes, 33000 Bordeaux
            """)
        #expect(OrganisationRecogniser.find(buyer, in: mail)?.value == "Bistrot Margaux")
    }

    @Test func institutionsAndJapaneseCompanies() {
        let university = PartyMail.content(from: "Prof. R. Rao <purchase@kaveri-univ.example>", subject: "Purchase order", body: """
            Dear Sir,
            please supply the chemicals listed below.
            Regards,
            Purchase Section
            Kaveri University, Mysuru
            """)
        #expect(OrganisationRecogniser.find(buyer, in: university)?.value == "Kaveri University")
        let japanese = PartyMail.content(from: "山田 <yamada@toyo-wine.example>", subject: "注文書", body: """
            明水様
            いつもお世話になっております。下記の通り注文いたします。
            よろしくお願いいたします。
            株式会社東洋ワインセラーズ　購買部　山田
            """)
        #expect(OrganisationRecogniser.find(buyer, in: japanese)?.value == "株式会社東洋ワインセラーズ")
    }

    @Test func fromDisplayNameWhenTheTextNamesNoCompany() {
        let mail = PartyMail.content(from: "Northshore Wire & Cable AR <ar@northshorewire.example>", subject: "Invoice 4471",
                                     body: "Please find our invoice 4471 attached.\nThank you for your business.")
        #expect(OrganisationRecogniser.find(issuer, in: mail)?.value == "Northshore Wire & Cable")
    }

    @Test func aDisplayNameThatNamesTheDomainIsTheCompanyNotAPerson() {
        // Without a legal form the display name "Lagune Ottica Veneta" reads like a person's three names; the
        // sender's domain starting with its first word says it is the company, whose signature then counts.
        let mail = PartyMail.content(from: "Lagune Ottica Veneta <amministrazione@lagune-ottica.example>", subject: "Fattura 26-0311",
                                     body: "Spettabile Brightwater Components GmbH,\nin allegato la fattura n. 26-0311.\n\nDistinti saluti\nLagune Ottica Veneta SA\nVia Roma 4, 30171 Mestre")
        #expect(OrganisationRecogniser.find(issuer, in: mail)?.value == "Lagune Ottica Veneta SA")
        // A person's name stays a person's, even when the domain holds the surname.
        let person = PartyMail.content(from: "Bernd Carstens <b.carstens@carstens-kaelte.example>", subject: "Rechnung 118",
                                       body: "Anbei die Rechnung 118.\n\nGruß\nBernd Carstens")
        #expect(OrganisationRecogniser.find(issuer, in: person)?.value != "Bernd Carstens")
    }

    @Test func aPrivateCustomerIsThePersonWhoAsks() throws {
        let mail = PartyMail.content(from: "Tobias Lenhardt <t.lenhardt@web.example>", subject: "Anfrage Carport", body: """
            Guten Tag,
            wir möchten für unser Einfamilienhaus einen Carport (6 x 3 m, Holz) anbieten lassen.
            Bitte um ein Angebot.
            Viele Grüße
            Tobias Lenhardt
            """)
        let fields = try PartyMail.fields("quote_request", mail)
        #expect(fields["customer_company"] == .text("Tobias Lenhardt"))
        let person = OrganisationRecogniser.Request(subject: .senderPerson, party: .buyer)
        #expect(OrganisationRecogniser.find(person, in: mail)?.location == "header:From")
    }

    @Test func aColleaguesForwardOrADepartmentIsNoPerson() {
        let person = OrganisationRecogniser.Request(subject: .senderPerson, party: .buyer)
        let forward = PartyMail.content(from: "Jana Vogt <j.vogt@brightwater-components.example>", subject: "Fwd: Anfrage",
                                        body: "Kannst du das anbieten?\n\n---------- Forwarded message ---------\nFrom: info@kunde.example\nBitte um Angebot.")
        #expect(OrganisationRecogniser.find(person, in: forward)?.value != "Jana Vogt")
        let department = PartyMail.content(from: "Purchasing Department <buy@acme.example>", subject: "RFQ", body: "Please quote.")
        #expect(OrganisationRecogniser.find(person, in: department) == nil)
        let company = PartyMail.content(from: "Acme Tools Ltd <buy@acme.example>", subject: "RFQ", body: "Please quote.")
        #expect(OrganisationRecogniser.find(person, in: company) == nil)
    }

    @Test func aJobTitleIsNoCompanyName() {
        let mail = PartyMail.content(from: "Katrin Ebner <verwaltung@praxis-lindenhof.example>", subject: "Bestellung LH-2026-12", body: """
            Sehr geehrte Damen und Herren,
            anbei unsere Bestellung LH-2026-12.
            Mit freundlichen Grüßen
            Katrin Ebner
            Praxismanagerin
            Zahnarztpraxis am Lindenhof
            Lindenstraße 3, 78462 Konstanz
            """)
        #expect(OrganisationRecogniser.find(buyer, in: mail)?.value == "Zahnarztpraxis am Lindenhof")
    }

    @Test func aGermanCooperativeInAFooterWithSeparators() {
        let mail = PartyMail.content(from: "Buchhaltung <rechnung@moorland-molkerei.example>", subject: "Rechnung 2026-5512", body: """
            Sehr geehrte Damen und Herren,
            anbei unsere Rechnung Nr. 2026-5512.
            Diese E-Mail wurde automatisch erstellt.
            Moorland Molkerei eG · Meiereiweg 4 · 26169 Friesoythe
            """)
        #expect(OrganisationRecogniser.find(issuer, in: mail)?.value == "Moorland Molkerei eG")
        #expect(OrganisationRecogniser.names(in: "Fjordkontor AS – Strandgata 5 – 5004 Bergen").first?.value == "Fjordkontor AS")
    }

    @Test func colleaguesInCcAreNotUs() {
        // The buyer copies a colleague: the buyer's domain in Cc does not make the buyer's name ours.
        let mail = PartyMail.content(from: "TNM Purchasing <purchasing@thompson-nickel.example>",
                                     cc: "Jordan Sinclair <jsinclair@thompson-nickel.example>", subject: "PO 4700018834", body: """
            Attached please find Purchase Order 4700018834.
            Thompson Nickel Mines Ltd. - Supply Chain
            """)
        #expect(OrganisationRecogniser.find(buyer, in: mail)?.value == "Thompson Nickel Mines Ltd.")
    }

    @Test func hostileInputIsReadInLinearTime() {
        // Long runs of capitalised words, legal-form-like tokens and CJK characters without a break.
        let words = String(repeating: "Aaaa Bbbb & Cccc de ", count: 5_000) + "GmbH"
        let han = String(repeating: "上海明华贸易", count: 5_000) + "有限公司"
        let dots = String(repeating: "S.A. ", count: 10_000)
        let start = Date()
        for body in [words, han, dots] {
            let mail = PartyMail.content(from: "x@y.example", subject: "Order", body: body)
            _ = OrganisationRecogniser.find(buyer, in: mail)
        }
        #expect(Date().timeIntervalSince(start) < 20)
    }
}

@Suite struct DocumentNumberTests {
    @Test(arguments: [
        ("PO 4500123456", "Please deliver.", "4500123456"),
        ("Bestellung 2026-117", "anbei unsere Bestellung.", "2026-117"),
        ("Re: Devis DEV-2026-0371", "Bon de commande n° 2026/147\nMerci.", "2026/147"),
        ("注文書", "注文番号：TWC-26-1127\nよろしくお願いします。", "TWC-26-1127"),
        ("Zamówienie", "Nr zamówienia: ZAM/2026/10/0231\nPozdrawiam", "ZAM/2026/10/0231"),
        ("Pedido", "Nº de pedido: PV-88120 del 12/10/2026", "PV-88120"),
        ("Order", "Attached please find Purchase Order 4700018834, release 3.", "4700018834"),
        ("订单", "订单号：YL-PO-20261109：请确认。", "YL-PO-20261109"),
    ])
    func orderNumbers(subject: String, body: String, expected: String) throws {
        let mail = PartyMail.content(from: "buyer@customer.example", subject: subject, body: body)
        #expect(try PartyMail.fields("purchase_order", mail)["order_number"] == .text(expected))
    }

    @Test func aDatePhoneOrWordAfterTheLabelIsRefused() throws {
        let mail = PartyMail.content(from: "buyer@customer.example", subject: "Our order", body: """
            Order No.: must appear on all invoices
            PO: 12.10.2026
            Order number: +49 40 7090 118
            PO# 4711-A
            """)
        #expect(try PartyMail.fields("purchase_order", mail)["order_number"] == .text("4711-A"))
    }

    @Test(arguments: ["+49 40 7090118", "DE89370400440532013000", "DE136695976", "12.10.2026", "1.234,56", "Line", "invoices"])
    func notDocumentNumbers(text: String) {
        #expect(!ExtractionScope.plausibleDocumentNumber(text))
    }

    @Test(arguments: ["4500123456", "AAS/PO/0342", "FT 2026/1473", "CN/KSC/26-27/044", "PO0005599", "2026-1105-DB"])
    func documentNumbers(text: String) {
        #expect(ExtractionScope.plausibleDocumentNumber(text))
    }

    @Test(arguments: [
        ("Invoice INV-2026-0042", "Please pay within 30 days.", "INV-2026-0042"),
        ("Relance", "Facture n° IGE-F-2026-2291 du 15/09/2026 restée impayée.", "IGE-F-2026-2291"),
        ("Avoir", "Avoir n° AV-2026-00231\nrelatif à la facture FA-2026-08812", "AV-2026-00231"),
        ("Faktura", "Faktura VAT nr FV/2026/10/0457\nTermin płatności 14 dni", "FV/2026/10/0457"),
        ("Fatura", "Fatura FT 2026/1473\nObrigado", "FT 2026/1473"),
    ])
    func invoiceNumbers(subject: String, body: String, expected: String) throws {
        let mail = PartyMail.content(from: "billing@supplier.example", subject: subject, body: body)
        #expect(try PartyMail.fields("invoice", mail)["invoice_number"] == .text(expected))
    }
}

@Suite struct OrderTotalTests {
    func total(_ body: String) throws -> Decimal? {
        let mail = PartyMail.content(from: "buyer@customer.example", subject: "Purchase order 4711", body: body)
        guard case .money(let amount, _)? = try PartyMail.fields("purchase_order", mail)["total"] else { return nil }
        return amount
    }

    @Test func theGrandTotalRatherThanTheNetValue() throws {
        #expect(try total("Total net value   89,480.00 INR\nIGST 18%   16,106.40\nTotal PO value INR   105,586.40") == Decimal(string: "105586.40"))
        #expect(try total("Summe netto: 1.000,00 EUR\nMwSt. 19 %: 190,00 EUR\nGesamtsumme: 1.190,00 EUR") == 1190)
        #expect(try total("Total HT : 1 130,40 €\nTVA 20 % : 226,08 €\nTotal TTC : 1 356,48 €") == Decimal(string: "1356.48"))
        #expect(try total("小计：4,200.00\n税额：672.00\n价税合计：4,872.00 元") == 4872)
    }

    @Test func netWhenOnlyNetIsStated() throws {
        #expect(try total("Total before taxes: 27,615.00 CAD\nTaxes to be shown on invoice.") == 27615)
        #expect(try total("Razem netto: 54 392,00 zł") == 54392)
    }
}
