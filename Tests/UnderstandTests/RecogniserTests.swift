import Foundation
import Testing
@testable import Understand

@Suite struct AmountRecogniserTests {
    func amount(_ text: String) -> MoneyAmount? { AmountRecogniser.first(in: text)?.value }
    func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))! }

    @Test(arguments: [
        ("Summe: 1.234,56 €", "1234.56", "EUR"),          // German
        ("Total $1,234.56 due", "1234.56", "USD"),          // US
        ("金额：¥1,234.56（含税）", "1234.56", "CNY"),        // Chinese yuan
        ("合計 ¥1,234 です", "1234", "JPY"),                // Japanese yen (kana in the text)
        ("Montant : 1 234,56 EUR", "1234.56", "EUR"),        // French, space grouping
        ("Betrag CHF 1'234.50", "1234.50", "CHF"),           // Swiss apostrophe
        ("Price EUR 12.50 per piece", "12.50", "EUR"),
        ("Preis 12,50 EUR", "12.50", "EUR"),
        ("USD 31,437.50", "31437.50", "USD"),
        ("4.482,30 EUR", "4482.30", "EUR"),
        ("£99.99", "99.99", "GBP"),
        ("共计 30,000 元", "30000", "CNY"),
        ("1.234.567,89 €", "1234567.89", "EUR"),
    ])
    func localFormats(text: String, value: String, currency: String) {
        let found = amount(text)
        #expect(found?.value == d(value), "\(text)")
        #expect(found?.currency == currency, "\(text)")
    }

    @Test func numbersWithoutCurrencyAndTheirSeparators() {
        #expect(AmountRecogniser.parseNumber("1.234") == 1234)
        #expect(AmountRecogniser.parseNumber("1,234") == 1234)
        #expect(AmountRecogniser.parseNumber("12,5") == d("12.5"))
        #expect(AmountRecogniser.parseNumber("1 234,56") == d("1234.56"))
        #expect(AmountRecogniser.parseNumber("1.2.3") == nil)
        #expect(AmountRecogniser.parseNumber("abc") == nil)
    }

    @Test func percentagesAndArticleNumbersAreNoAmounts() {
        #expect(AmountRecogniser.all(in: "USt 19 %").isEmpty)
        #expect(AmountRecogniser.all(in: "Artikel BW-6205").isEmpty)
        // The amount after the percentage is found.
        #expect(AmountRecogniser.first(in: "MwSt. 19 %: 715,65 €")?.value.value == d("715.65"))
    }
}

@Suite struct DateRecogniserTests {
    @Test(arguments: [
        ("Rechnung vom 23.11.2026", "2026-11-23"),
        ("due 11/23/2026", "2026-11-23"),
        ("due 23/11/2026", "2026-11-23"),
        ("issued 2026-11-23", "2026-11-23"),
        ("开票日期：2026年11月23日", "2026-11-23"),
        ("希望交期 115年12月31日前", "2026-12-31"),          // Minguo calendar
        ("delivery 23 Nov 2026", "2026-11-23"),
        ("delivery 23. November 2026", "2026-11-23"),
        ("by November 23, 2026", "2026-11-23"),
        ("by Nov. 23rd, 2026", "2026-11-23"),
        ("am 3. März 2027", "2027-03-03"),
        ("bis 1. Dezember 2026", "2026-12-01"),
        ("le 5 janvier 2027", "2027-01-05"),
        ("Lieferung 14.12.26", "2026-12-14"),
    ])
    func forms(text: String, iso: String) {
        #expect(DateRecogniser.first(in: text)?.value.description == iso, "\(text)")
    }

    @Test func dayFirstSlashesWhenAsked() {
        #expect(DateRecogniser.first(in: "04/05/2026")?.value.description == "2026-04-05")
        #expect(DateRecogniser.first(in: "04/05/2026", dayFirst: true)?.value.description == "2026-05-04")
    }

    @Test func impossibleDatesAreNotDates() {
        #expect(DateRecogniser.all(in: "31.02.2026 and 2026-13-01 and 1.2.3.4").isEmpty)
        #expect(CalendarDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
    }
}

@Suite struct IdentifierRecogniserTests {
    @Test(arguments: ["DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32", "FR14 2004 1010 0505 0001 3M02 606",
                      "CH93 0076 2011 6238 5295 7", "NL91ABNA0417164300", "DE04 2006 9130 0071 1844 02"])
    func validIBANs(text: String) {
        let found = IBANRecogniser.all(in: "IBAN: \(text) BIC XYZ")
        #expect(found.first?.value == text.replacingOccurrences(of: " ", with: ""), "\(text)")
    }

    @Test func wrongCheckDigitsOrLengthAreRefused() {
        #expect(IBANRecogniser.normalise("DE89 3704 0044 0532 0130 01") == nil)   // one digit off
        #expect(IBANRecogniser.normalise("DE89 3704 0044 0532 0130") == nil)      // too short for DE
        #expect(IBANRecogniser.all(in: "IBAN DE89 3704 0044 0532 0130 01").isEmpty)
    }

    @Test(arguments: ["DE136695976", "DE247853016", "ATU13585627", "BE0403019261", "NL004495445B01", "IT00743110157",
                      "FR40303265045", "PL8567346215", "DK13585628", "FI20774740", "PT501964843", "LU15027442",
                      "SE123456789701", "ESB12345678"])
    func validVATIDs(id: String) {
        #expect(VATRecogniser.normalise(id) == id, "\(id)")
        #expect(VATRecogniser.all(in: "USt-IdNr. \(id) · Amtsgericht").first?.value == id, "\(id)")
    }

    @Test func vatIDsWithSpacesAndWrongCheckDigits() {
        #expect(VATRecogniser.normalise("DE 136 695 976") == "DE136695976")
        #expect(VATRecogniser.normalise("DE136695977") == nil)
        #expect(VATRecogniser.normalise("ATU13585628") == nil)
        #expect(VATRecogniser.normalise("IT00743110158") == nil)
        #expect(VATRecogniser.normalise("NL004495446B01") == nil)
        #expect(VATRecogniser.normalise("XX123456789") == nil)
    }

    @Test func luhn() {
        #expect(Luhn.isValid("4111111111111111"))
        #expect(!Luhn.isValid("4111111111111112"))
    }

    @Test func emailsAndPhones() {
        #expect(EmailRecogniser.all(in: "write to <Sales@Example.COM>, thanks").first?.value == "sales@example.com")
        #expect(EmailRecogniser.normalise("not an address") == nil)
        #expect(PhoneRecogniser.all(in: "Tel. +49 40 7090 118-40").first?.value == "+4940709011840")
        #expect(PhoneRecogniser.all(in: "电话：0574-8688 2316").first?.value == "057486882316")
        #expect(PhoneRecogniser.all(in: "Tel 0049 (0) 421 690 44-214").first?.value == "+4942169044214")
        #expect(PhoneRecogniser.all(in: "am 23.11.2026").isEmpty)
    }

    @Test func orderAndQuoteReferences() {
        let refs = ReferenceRecogniser.all(in: "zu Ihrem Angebot Q-2026-1187, Bestellung 4500123456, PO-GLC-77120 und [APR-2026-0041]").map(\.value)
        #expect(refs == ["Q-2026-1187", "4500123456", "PO-GLC-77120", "APR-2026-0041"])
        #expect(ReferenceRecogniser.all(in: "Hello there, nothing here").isEmpty)
    }
}
