import Foundation
import Testing
@testable import Vocabulary
@testable import Decide
import MailroomTesting

@Suite("Quote drafting: matching request lines to rules/catalogue.csv")
struct QuoteDraftTests {
    static let catalogueURL = Repository.root.appendingPathComponent("rules/catalogue.csv")

    func catalogue() throws -> ProductCatalogue { try ProductCatalogue.load(csv: Self.catalogueURL) }

    @Test("the shipped catalogue loads: 20–60 products with EN, DE and ZH aliases")
    func loads() throws {
        let c = try catalogue()
        #expect((20...60).contains(c.products.count))
        #expect(c.product(sku: "mtr-075")?.aliases.contains("Elektromotor 0,75 kW") == true)
        #expect(c.products.allSatisfy { $0.currency == "EUR" && $0.unitPrice > 0 })
    }

    @Test("English lines: SKU, alias and fuzzy matches, priced, with the total")
    func english() throws {
        let draft = QuoteDraft(lines: [
            QuoteRequestLine(sku: "PMP-100", description: "pump", quantity: 2),
            QuoteRequestLine(description: "Stainless ball valve 1 inch", quantity: 10),
            QuoteRequestLine(description: "pressure gauges 0-16 bar, 63mm dial", quantity: 4),
            QuoteRequestLine(description: "a unicorn saddle", quantity: 1),
        ], catalogue: try catalogue())
        #expect(draft.lines[0].product?.sku == "PMP-100")
        #expect(draft.lines[0].method == .sku)
        #expect(draft.lines[0].confidence == 1)
        #expect(draft.lines[1].product?.sku == "VLV-BALL-25")
        #expect(draft.lines[1].method == .alias)
        #expect(draft.lines[2].product?.sku == "GAU-PRS-63")
        #expect(draft.lines[2].method == .fuzzy)
        #expect(!draft.lines[2].needsReview)
        #expect(draft.lines[3].needsReview)
        #expect(draft.lines[3].lineTotal == nil)
        let expected: Double = 2500.0 + 465.0 + 75.6
        #expect(abs(draft.total - expected) < 0.001)
        #expect(draft.needsReview)
        #expect(draft.quotationLines.count == 3)
    }

    @Test("German lines, with umlauts, ß and numbers that tell sizes apart")
    func german() throws {
        let draft = QuoteDraft(lines: [
            QuoteRequestLine(description: "Kugelhahn DN50 aus Edelstahl", quantity: 3),
            QuoteRequestLine(description: "Rückschlagventil DN 40", quantity: 2),
            QuoteRequestLine(description: "GROSSE WASSERPUMPE", quantity: 1),
            QuoteRequestLine(description: "Sechskantschrauben M8x30", quantity: 5),
        ], catalogue: try catalogue())
        #expect(draft.lines.map { $0.product?.sku } == ["VLV-BALL-50", "VLV-CHK-40", "PMP-250", "SCR-M8-30"])
        #expect(draft.lines.allSatisfy { !$0.needsReview })
        #expect(draft.lines.allSatisfy { $0.confidence >= QuoteDraft.reviewThreshold })
        let expected: Double = 336.0 + 128.0 + 2890.0 + 72.5
        #expect(abs(draft.total - expected) < 0.001)
    }

    @Test("Chinese lines by character bigrams")
    func chinese() throws {
        let draft = QuoteDraft(lines: [
            QuoteRequestLine(description: "离心泵", quantity: 1),
            QuoteRequestLine(description: "不锈钢球阀DN50", quantity: 6),
            QuoteRequestLine(description: "需要压力变送器", quantity: 2),
            QuoteRequestLine(description: "办公室椅子", quantity: 2),
        ], catalogue: try catalogue())
        #expect(draft.lines[0].product?.sku == "PMP-100")
        #expect(draft.lines[1].product?.sku == "VLV-BALL-50")
        #expect(draft.lines[2].product?.sku == "SNS-PRS-10")
        #expect(!draft.lines[2].needsReview)
        #expect(draft.lines[3].needsReview, "office chairs are not in the catalogue")
        #expect(draft.lines[3].reason != nil)
    }

    @Test("catalogue mistakes are reported with their line")
    func badCatalogue() throws {
        let text = "sku,name,aliases,unit,unit_prise,currency\nA,B,,piece,1,EUR\n"
        #expect(throws: RuleFileProblems.self) { try ProductCatalogue.parse(text, file: "rules/catalogue.csv") }
        do {
            _ = try ProductCatalogue.parse("sku,name,aliases,unit,unit_price,currency\nA-1,B,,piece,abc,EUR\nA-1,C,,piece,2,EURO\n", file: "rules/catalogue.csv")
            Issue.record("expected problems")
        } catch {
            let text = error.description
            #expect(text.contains("rules/catalogue.csv:2"))
            #expect(text.contains("rules/catalogue.csv:3"))
            #expect(error.problems.count == 2)
        }
    }
}
