import Foundation
import Testing
import Patterns
@testable import Vocabulary
@testable import Parse
@testable import Understand

/// Patterns run in RE2 (linear time): the attacking inputs of issue 14 finish, with the same results as before.
/// No assertion on time: a backtracking engine would hang here, and that is the failure signal.
@Suite struct LinearPatternTests {
    /// One line of "A-A-A-…" of about `bytes` bytes: a backtracking engine takes quadratic time (or worse) on it
    /// with `\p{Lu}[\p{L}.\-]*(?:[ \-][\p{L}.()]+){0,3}` and similar field patterns.
    static func attack(_ bytes: Int) -> String { String(repeating: "A-", count: bytes / 2) }

    static let quoteBody = "Dear sales team,\n\nplease quote:\n\nBW-6205-2RS  Deep groove ball bearing  500 pcs\n\n"

    @Test func anEightyKilobyteLineInAQuoteRequestIsClassifiedAndRead() async throws {
        let raw = TestMail.make(subject: "Request for quotation", body: Self.quoteBody + Self.attack(80_000) + "\n\nBest regards\nJane")
        let u = try await Understander(catalogue: try RepositoryFiles.catalogue(), classifier: TestMail.classifier)
            .understand(MessageContent.read(raw: raw))
        #expect(u.kind == "quote_request")
        #expect("\(u.fields)".contains("BW-6205-2RS"), "\(u.fields)")
    }

    @Test func aOneMegabyteLineGoesThroughFieldExtraction() throws {
        let understander = Understander(catalogue: try RepositoryFiles.catalogue(), classifier: TestMail.classifier)
        let kind = try #require(understander.catalogue.kind(named: "quote_request"))
        let raw = TestMail.make(subject: "Request for quotation " + Self.attack(2_000),
                                body: Self.quoteBody + Self.attack(1_000_000) + "\n\nBest regards\nJane")
        let content = MessageContent.read(raw: raw)
        let u = understander.finish(kind: kind, confidence: 1, method: "test", content: content, sources: content.sourceTexts,
                                    preset: [:], steps: [], review: [])
        #expect(u.kind == "quote_request")
        #expect("\(u.fields)".contains("BW-6205-2RS"), "\(u.fields)")
    }

    @Test func theRecognisersFinishOnHostileLines() {
        let line = Self.attack(1_000_000)
        #expect(ExtractionScope.postalAddress.contains(line) == false)
        #expect(AmountRecogniser.all(in: line, requireCurrency: false).isEmpty)
        let digits = String(repeating: "1 ", count: 10_000)  // space-grouped digits: every group a start
        #expect(!AmountRecogniser.all(in: digits, requireCurrency: false).isEmpty)
        #expect(PromptCompression.relevance(digits + "1.00", fields: []) == 1)  // the gateway's amount pattern: one match
        let mailish = String(repeating: "a", count: 1_000_000)  // no @: a backtracking e-mail pattern rescans from each a
        var redaction = Redaction()
        #expect(redaction.redact(mailish, names: []).count == mailish.count)
    }

    // MARK: The wrapper

    @Test func namedGroupsOffsetsAndUnicodeClassesKeepTheirICUMeaning() throws {
        let p = try TextPattern(#"(?<unit_price>\d+[.,]\d{2})\s(?<currency>€|EUR)"#)
        let text = "Grüße 😀 – 12,50\u{00A0}€ und ٣٤.٠٠ EUR"
        let all = p.matches(in: text)
        #expect(all.map(\.value) == ["12,50\u{00A0}€", "٣٤.٠٠ EUR"])
        #expect(all.first?.group(named: "unit_price") == "12,50")
        #expect(all.first?.utf16Offset == (text as NSString).range(of: "12,50").location)
        #expect(all.first?.groupOffset(named: "currency") == (text as NSString).range(of: "€").location)
        #expect(p.groupNames == ["unit_price", "currency"])
        let word = try TextPattern(#"\w+"#)
        #expect(word.matches(in: "Müller-Lüdenscheidt").map(\.value) == ["Müller", "Lüdenscheidt"])
        let dot = try TextPattern("a.c")
        #expect(!dot.contains("a\rc") && dot.contains("a-c"))
    }

    @Test func edgeLookaroundInSwiftSourcePatternsMatchesAsICUDid() throws {
        let sources = [#"(?<![\p{L}\d])\d+(?![\p{L}])"#, #"(?<!\d)\d{3}-\d{2}-\d{4}(?!\d)"#,
                       #"(?i)(?<![\p{L}])(?:total|summe)(?![\p{L}])"#, #"(?<=\p{L} )[A-Z]{2} \d{5}(?!\d)"#]
        let texts = ["a12 34 56b 7", "123-45-6789 1123-45-6789 123-45-67890", "Total: 5, Zwischensumme, SUMME", "Austin TX 78701",
                     "", "7", "1a", "ab 12 ü3 4ü"]
        for source in sources {
            let re2 = TextPattern(known: source)
            #expect(re2.isLinearEngine, "\(source)")
            let icu = try NSRegularExpression(pattern: source, options: [.anchorsMatchLines])
            for text in texts {
                let expected = icu.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length))
                    .map { (text as NSString).substring(with: $0.range) }
                #expect(re2.matches(in: text).map(\.value) == expected, "\(source) on \(text)")
            }
        }
    }

    @Test func theAmountPatternFindsWhatICUsFoundWithLookahead() throws {
        let icu = try NSRegularExpression(pattern: AmountRecogniser.icuPattern, options: [.caseInsensitive, .anchorsMatchLines])
        let texts = ["Total 1.234,56 EUR", "EUR 1,234.56", "€12,50", "USD -12.00", "(119.00)", "(119.00", "119,-", "119,– €", "12,--5",
                     "1 234 567,89 €", "1 2345", "1,2345", "50%", "50 %", "50 pcs", "12 EURO", "12 EURx", "12 eur.", "CHF 1'234.50",
                     "1.000.000.000,00", "12345678901234567", "ab12 34", "Preis: 27,30 € je Stück, 3 x 4,50", "-−5 $", "$5.00)",
                     "1\u{00A0}234,00 €", "合计：¥1,234.00元", "100 1 000", "12.3.2026", "5-10", "a 7", "7"]
        for text in texts {
            let expected = icu.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)).map { result in
                [(text as NSString).substring(with: result.range)]
                    + ["num", "pre", "post", "sign", "sign2", "open", "close"].map { name -> String in
                        let r = result.range(withName: name)
                        return r.location == NSNotFound ? "-" : (text as NSString).substring(with: r)
                    }
            }
            let found = AmountRecogniser.pattern.matches(in: text).map { m in
                [m.value] + ["num", "pre", "post", "sign", "sign2", "open", "close"].map { m.group(named: $0) ?? "-" }
            }
            #expect(found == expected, "\(text)")
        }
    }

    @Test func whatRE2CannotRunIsRefusedWithItsPlace() {
        for (source, offset, words) in [("Invoice(?!s)", 7, "lookahead"), ("(?<![A-Z])INV", 0, "lookbehind"), (#"(a)\1"#, 3, "backreference"),
                                        ("a++", 2, "possessive"), ("(?>ab)", 0, "atomic")] {
            do {
                _ = try TextPattern(source)
                Issue.record("\(source) compiled")
            } catch {
                #expect(error.offset == offset, "\(source): \(error)")
                #expect(error.message.contains(words), "\(source): \(error)")
            }
        }
        #expect(throws: PatternProblem.self) { try TextPattern("(unclosed") }
    }

    @Test func aKindPatternWithLookaheadIsRefusedWithFileLineAndColumn() {
        let yaml = """
            kind: quote
            business: true
            fields:
              - name: reference
                type: text
                extract:
                  - pattern: '(?<value>RFQ-\\d+)(?![\\d])'
            """
        do {
            _ = try KindCatalogue.parse(yaml: yaml, file: "rules/kinds/quote.yaml")
            Issue.record("a lookahead pattern loaded")
        } catch {
            let text = error.problems.map(\.description)
            #expect(text.contains { $0.hasPrefix("rules/kinds/quote.yaml:7:18:") && $0.contains("lookahead") && $0.contains("(at character 18)") }, "\(text)")
        }
    }

    @Test func thePatternsRunOverWholeTextsAreRE2s() {
        let linear: [TextPattern] = [Redaction.email, Redaction.iban, Redaction.cardNumber, Redaction.chineseID, Redaction.ssn,
                                     Redaction.labelledPhone, Redaction.phone, Redaction.chineseMobile,
                                     IBANRecogniser.pattern, VATRecogniser.pattern, EmailRecogniser.pattern, PhoneRecogniser.pattern,
                                     ReferenceRecogniser.pattern, CurrencyRecogniser.pattern,
                                     ExtractionScope.postalAddress, ExtractionScope.streetAddress, ExtractionScope.townAfterCode,
                                     ExtractionScope.documentNumber, OrganisationRecogniser.closing, OrganisationRecogniser.replyHeader,
                                     OrganisationRecogniser.forwardedFrom, OrganisationRecogniser.cjkCompany, DateRecogniser.usState,
                                     LineItems.totalsRow, LineItems.totalsCell, LineItems.trailingQuantity, LineItems.notItems,
                                     LineItems.priceMark, AmountRecogniser.pattern]
            + DateRecogniser.patterns.map(\.0)
        for p in linear { #expect(p.isLinearEngine, "\(p.source)") }
    }

    @Test func everyShippedKindPatternRunsInRE2() throws {
        // Loading compiles each one through `TextPattern(_:)`, which has no other engine.
        let catalogue = try RepositoryFiles.catalogue()
        #expect(!catalogue.kinds.isEmpty)
    }
}
