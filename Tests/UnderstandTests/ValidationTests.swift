import Foundation
import Testing
@testable import Vocabulary
@testable import Understand

@Suite struct GroundingTests {
    let sources = [
        SourceText(location: "subject", text: "Rechnung RE-2026-11873"),
        SourceText(location: "body", text: "Rechnungsbetrag: 4.482,30 EUR, zahlbar bis 06.12.2026.\nIBAN DE04 2006 9130 0071 1844 02\nTel. +49 40 7090 118-40"),
        SourceText(location: "attachment:rechnung.xml", text: "<cbc:IssueDate>20261106</cbc:IssueDate>"),
    ]

    @Test func valuesAreGroundedByTheirWrittenForms() throws {
        let money = try #require(Grounder.ground(.money(Decimal(string: "4482.30")!, currency: "EUR"), type: .money, in: sources))
        #expect(money.location == "body")
        #expect(money.excerpt == "4.482,30 EUR")
        #expect(Grounder.ground(.date("2026-12-06"), type: .date, in: sources)?.excerpt == "06.12.2026")
        #expect(Grounder.ground(.date("2026-11-06"), type: .date, in: sources)?.location == "attachment:rechnung.xml")
        #expect(Grounder.ground(.text("DE04200691300071184402"), type: .iban, in: sources)?.excerpt == "DE04 2006 9130 0071 1844 02")
        #expect(Grounder.ground(.text("re-2026-11873"), type: .text, in: sources)?.location == "subject")
        #expect(Grounder.ground(.text("+4940709011840"), type: .phone, in: sources) != nil)
    }

    @Test func aUnitPriceWithFourDecimalsIsGroundedButNotInsideALongerNumber() {
        let table = [SourceText(location: "attachment:po.pdf", text: "1 GLF-VB-220 Valve body 1,200 14.3500 17,220.00\n2 Plug 400 0,1234 49,36")]
        #expect(Grounder.ground(.money(Decimal(string: "14.35")!, currency: nil), type: .money, in: table)?.excerpt == "14.3500")
        #expect(Grounder.ground(.money(Decimal(string: "0.1234")!, currency: nil), type: .money, in: table)?.excerpt == "0,1234")
        let longer = [SourceText(location: "body", text: "serial 1.23456.7 and 314.15926535")]
        #expect(Grounder.ground(.number(Decimal(string: "1.23456")!), type: .number, in: longer) == nil)
        #expect(Grounder.ground(.number(Decimal(string: "314.1592")!), type: .number, in: longer) == nil)
    }

    @Test func anInjectedValueAbsentFromTheSourceIsFlagged() throws {
        let kind = try #require(try RepositoryFiles.catalogue().kind(named: "invoice"))
        let fields: [String: FieldValue] = [
            "invoice_number": .text("RE-2026-11873"),
            "gross_total": .money(Decimal(string: "4482.30")!, currency: "EUR"),
            "iban": .text("DE89370400440532013000"),     // a valid IBAN, but not this mail's
            "due_date": .date("2026-12-07"),            // one day off
        ]
        let result = UnderstandingValidator.validate(kind: kind, fields: fields, groundings: [:], sources: sources)
        #expect(result.groundings["invoice_number"]?.location == "subject")
        #expect(result.groundings["gross_total"]?.excerpt == "4.482,30 EUR")
        #expect(result.groundings["iban"] == nil)
        #expect(result.groundings["due_date"] == nil)
        #expect(result.problems.contains { $0.contains("`iban`") && $0.contains("not grounded") })
        #expect(result.problems.contains { $0.contains("`due_date` 2026-12-07") && $0.contains("not grounded") })
        #expect(!result.problems.contains { $0.contains("`gross_total`") })
        #expect(result.problems.contains { $0.contains("required field `seller`") })
    }

    @Test func aRecordedGroundingIsCheckedNotTrusted() throws {
        let kind = try #require(try RepositoryFiles.catalogue().kind(named: "invoice"))
        let forged = Grounding(location: "body", offset: 0, excerpt: "9.999,00 EUR")
        let result = UnderstandingValidator.validate(kind: kind, fields: ["net_total": .money(9999, currency: "EUR")],
                                                     groundings: ["net_total": forged], sources: sources)
        #expect(result.groundings["net_total"] == nil)
        #expect(result.problems.contains { $0.contains("`net_total`") && $0.contains("not grounded") })
    }

    @Test func typeChecksAndKindChecks() throws {
        let kind = try #require(try RepositoryFiles.catalogue().kind(named: "invoice"))
        let body = "Netto 1.000,00 EUR\nUSt 190,00 EUR\nGesamt 1.200,00 EUR\nIBAN DE89 3704 0044 0532 0130 00\nUSt-IdNr. DE136695977"
        let src = [SourceText(location: "body", text: body)]
        let result = UnderstandingValidator.validate(kind: kind, fields: [
            "net_total": .money(1000, currency: "EUR"), "tax_total": .money(190, currency: "EUR"),
            "gross_total": .money(1200, currency: "EUR"), "iban": .text("DE89 3704 0044 0532 0130 01"),
            "seller_vat_id": .text("DE136695977"), "currency": .text("EUR"),
        ], groundings: [:], sources: src)
        #expect(result.problems.contains { $0.contains("net plus tax (less tax withheld) does not make the gross total") && $0.contains("1190.00 vs 1200.00") })
        #expect(result.problems.contains { $0.contains("`iban`") && $0.contains("not a valid IBAN") })
        #expect(result.problems.contains { $0.contains("`seller_vat_id`") && $0.contains("not a valid EU VAT id") })
        #expect(result.fields["iban"] == nil)
        #expect(result.fields["net_total"] != nil)
    }
}
