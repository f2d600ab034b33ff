import Foundation
import Testing
@testable import Vocabulary
@testable import Ingest
@testable import Parse
@testable import Understand
@testable import Decide
@testable import Act
@testable import Daemon
import MailroomTesting

/// Quote drafting inside Decide: the shipped rules/quotes.yaml prices quote requests from rules/catalogue.csv
/// (`quote.lines`), sends a request with an unmatched line to review naming the line, and records the match
/// confidences; rules check reports catalogue problems and connector warnings.
@Suite struct QuoteDecisionTests {
    static let root = RuleFixtures.repositoryRoot

    /// A rules folder with the shipped kinds, catalogue and quotes.yaml (plus `extra` files).
    static func rulesFolder(_ extra: [String: String] = [:], catalogue: String? = nil, quotes: Bool = true) throws -> URL {
        var files = extra
        if quotes { files["quotes.yaml"] = try String(contentsOf: root.appendingPathComponent("rules/quotes.yaml"), encoding: .utf8) }
        files["catalogue.csv"] = try catalogue ?? String(contentsOf: root.appendingPathComponent("rules/catalogue.csv"), encoding: .utf8)
        let dir = try RuleFixtures.write(files)
        try FileManager.default.copyItem(at: root.appendingPathComponent("rules/kinds"), to: dir.appendingPathComponent("kinds"))
        return dir
    }

    static func environment(_ dir: URL, env: [String: String] = ["TRYTON_PASSWORD": "x", "REDMINE_API_KEY": "y"]) -> RuleEnvironment {
        RuleEnvironment.load(rulesDirectory: dir, connectorsDirectory: root.appendingPathComponent("connectors"), environment: env)
    }

    static func quote(_ lines: [[String: FieldValue]]) -> DecisionInput {
        var fields = DecideFixtures.quoteFields
        fields["lines"] = .list(lines)
        fields["reference"] = .text("RFQ-7")
        return DecideFixtures.input(kind: "quote_request", fields: fields)
    }

    @Test func matchedLinesArePricedFromTheCatalogueAndBecomeTheQuotation() throws {
        let dir = try Self.rulesFolder()
        defer { StoreScratch.remove(dir) }
        let env = Self.environment(dir)
        #expect(env.errors.isEmpty, "\(env.errors)")
        let decision = env.decider.decide(Self.quote([
            ["sku": .text("PMP-100"), "description": .text("Centrifugal pump"), "quantity": .number(2)],
            ["description": .text("Kugelhahn DN50 Edelstahl"), "quantity": .number(4), "unit": .text("Stk")],
            ["description": .text("pressure gauges 0-16 bar, 63mm dial"), "quantity": .number(10)],
        ]))
        #expect(decision.review.isEmpty)
        #expect(decision.actions.map(\.action) == ["find_or_create_party", "create_quotation", "confirm_quotation"])
        let create = decision.actions[1].parameters
        let lines = try #require(create["lines"]?.arrayValue)
        #expect(lines.map { $0["sku"]?.stringValue } == ["PMP-100", "VLV-BALL-50", "GAU-PRS-63"])
        #expect(lines.map { $0["unit_price"]?.stringValue } == ["1250.00", "112.00", "18.90"])  // money keeps its scale
        #expect(lines.map { $0["quantity"]?.doubleValue } == [2, 4, 10])
        #expect(lines.map { $0["matched_by"]?.stringValue } == ["sku", "alias", "fuzzy"])
        #expect(lines.map { $0["description"]?.stringValue } == ["Centrifugal pump CP-100", "Ball valve DN50 stainless", "Pressure gauge 63 mm 0-16 bar"])
        #expect(lines[2]["confidence"]?.doubleValue.map { $0 > 0.55 && $0 < 1 } == true)
        #expect(create["total"]?.stringValue == "3137.00")
        #expect(create["currency"] == "EUR")
        #expect(create["reference"] == "RFQ-7")

        // The audit: every line with what it matched, how and how sure; the catalogue's hash among the rule files.
        let audit = decision.auditDetails
        let audited = try #require(audit["quote"]?["lines"]?.arrayValue)
        #expect(audited.map { $0["confidence"]?.doubleValue } == decision.quote?.lines.map(\.confidence))
        #expect(audited[1]["matched_text"] == "Kugelhahn DN50 Edelstahl")
        #expect(audit["quote"]?["catalogue_sha256"]?.stringValue?.count == 64)
        #expect(audit["rule_files"]?.arrayValue?.contains { $0["file"]?.stringValue?.hasSuffix("catalogue.csv") == true } == true)
    }

    @Test func anUnmatchedLineSendsTheRequestToReviewNamingTheLineAndNothingIsIntended() throws {
        let dir = try Self.rulesFolder()
        defer { StoreScratch.remove(dir) }
        let decision = Self.environment(dir).decider.decide(Self.quote([
            ["description": .text("centrifugal pump 100"), "quantity": .number(2)],
            ["sku": .text("ZZ-9"), "description": .text("unicorn saddle"), "quantity": .number(1)],
            ["description": .text("Ball valve"), "quantity": .number(3)],
        ]))
        #expect(decision.actions.isEmpty)
        #expect(decision.matchedRules == ["quote lines not in the catalogue"])
        let reason = decision.review.joined()
        #expect(reason.contains("2 of 3 quote line(s) not matched"), "\(reason)")
        #expect(reason.contains("line 2 '1 × unicorn saddle' (SKU ZZ-9): best guess"), "\(reason)")
        // "Ball valve" fits DN25 and DN50 equally: ambiguous, a person chooses.
        #expect(reason.contains("line 3 '3 × Ball valve': ambiguous"), "\(reason)")
        #expect(!reason.contains("line 1"))
        #expect(decision.auditDetails["review"] != nil)
        #expect(decision.auditDetails["quote"]?["needs_review"] == true)
    }

    @Test func actionsBuiltFromQuoteLinesAreNeverTakenWhileALineIsUnmatchedEvenWithoutAReviewRule() throws {
        let dir = try Self.rulesFolder(["mine.yaml": """
            rules:
              - name: quotation at once
                when: kind == "quote_request"
                actions:
                  - connector: erp
                    action: create_quotation
                    params: {party_id: 1, lines: "{{ quote.lines }}"}
            """], quotes: false)
        defer { StoreScratch.remove(dir) }
        let env = Self.environment(dir)
        #expect(env.errors.isEmpty, "\(env.errors)")
        let decision = env.decider.decide(Self.quote([["description": .text("unicorn saddle"), "quantity": .number(1)]]))
        #expect(decision.actions.isEmpty)
        #expect(decision.review.first?.contains("rule 'quotation at once' would act on the quote, but line 1 '1 × unicorn saddle'") == true)
        // The same rule on a request that matches acts.
        let ok = env.decider.decide(Self.quote([["description": .text("Tauchpumpe SP-40"), "quantity": .number(1)]]))
        #expect(ok.review.isEmpty)
        #expect(ok.actions.first?.parameters["lines"]?.arrayValue?.first?["sku"] == "PMP-SUB")
    }

    @Test func rulesCheckReportsCatalogueMistakesWithLinesAndMissingCatalogueAndReviewMistakes() throws {
        let broken = """
            sku,name,aliases,unit,unit_price,currency
            A-1,Thing,,piece,10.00,EUR
            A-2,Other,,piece,ten,EUR
            A-1,Twice,,piece,1.00,EUR
            """
        let dir = try Self.rulesFolder(catalogue: broken)
        defer { StoreScratch.remove(dir) }
        let problems = Self.environment(dir).errors.map(\.description)
        #expect(problems.contains { $0.contains("catalogue.csv:3") && $0.contains("'ten' is not a number") }, "\(problems)")
        #expect(problems.contains { $0.contains("catalogue.csv:4:1") && $0.contains("listed twice") }, "\(problems)")

        let noCatalogue = try RuleFixtures.write(["quotes.yaml": try String(contentsOf: Self.root.appendingPathComponent("rules/quotes.yaml"), encoding: .utf8)])
        defer { StoreScratch.remove(noCatalogue) }
        let missing = Self.environment(noCatalogue).errors.map(\.description)
        #expect(missing.contains { $0.contains("quotes.yaml:9:5") && $0.contains("reads `quote`, but there is no catalogue") }, "\(missing)")

        let wrongReview = try Self.rulesFolder(["r.yaml": """
            rules:
              - name: both
                when: kind == "quote_request"
                review: "check {{ quote.unmatchd }}"
                actions:
                  - connector: erp
                    action: confirm_quotation
                    params: {quotation_id: 1}
            """], quotes: false)
        defer { StoreScratch.remove(wrongReview) }
        let reviewProblems = Self.environment(wrongReview).errors.map(\.description)
        #expect(reviewProblems.contains { $0.contains("r.yaml:4:") && $0.contains("`quote` has no field 'unmatchd'") && $0.contains("did you mean 'unmatched'") }, "\(reviewProblems)")
        #expect(reviewProblems.contains { $0.contains("r.yaml:6:") && $0.contains("takes no actions") }, "\(reviewProblems)")
    }

    @Test func rulesCheckShowsTheConnectorWarnings() throws {
        let dir = try Self.rulesFolder()
        defer { StoreScratch.remove(dir) }
        let env = Self.environment(dir, env: [:])
        #expect(env.errors.isEmpty)
        let warnings = env.problems.filter { $0.severity == .warning }.map(\.description)
        #expect(warnings.contains { $0.contains("connectors/erp.yaml:") && $0.contains("TRYTON_PASSWORD") }, "\(warnings)")
        #expect(warnings.contains { $0.contains("connectors/helpdesk.yaml:") && $0.contains("REDMINE_API_KEY") }, "\(warnings)")
        let mixed = try Self.rulesFolder(catalogue: "sku,name,aliases,unit,unit_price,currency\nA-1,Thing,,piece,1,EUR\nB-1,Other,,piece,2,USD\n")
        defer { StoreScratch.remove(mixed) }
        #expect(Self.environment(mixed).problems.contains { $0.severity == .warning && $0.message.contains("mixes currencies (EUR, USD)") })
    }

    /// In the pipeline: the request waits in review with the reason; a person corrects the line's SKU and
    /// accepts, and Decide then intends the quotation.
    @Test func aPersonResolvesTheLineAndTheQuotationIsIntended() async throws {
        let dir = try Self.rulesFolder()
        defer { StoreScratch.remove(dir) }
        let env = Self.environment(dir)
        let scratch = try IngestScratch("quote-review")
        defer { scratch.remove() }
        let store = try scratch.makeStore()
        let spool = try scratch.makeSpool()
        let erp = RecordingConnector.erp()
        let outbox = Outbox(store: store, connectors: ConnectorCatalogue(connectors: [erp]))
        let understanding = Understanding(kind: "quote_request", confidence: 0.95, method: "test", fields: [
            "customer_company": .text("ACME GmbH"), "contact_email": .text("buyer@acme.example"),
            "lines": .list([["description": .text("Kreiselpumpe CP-100"), "quantity": .number(1)],
                            ["description": .text("Einhorn-Sattel"), "quantity": .number(2)]]),
        ])
        let understand = StubUnderstandStage(understanding: understanding)
        let decide = DecideStage(store: store, decider: env.decider)
        let pipeline = Pipeline(store: store, stages: [ParseStage(spool: spool), understand, decide, ActStage(outbox: outbox)],
                                workers: 1, logger: TestLog.logger, retryDelay: .milliseconds(50), idlePoll: .milliseconds(50))
        let id = try #require(try Intake(store: store, spool: spool).receive(Data(SampleMail.text(1, subject: "RFQ pumps").utf8),
                                                                          source: "maildir:inbox", location: "m1").messageID)
        _ = await pipeline.drain()
        let held = try #require(try store.message(id: id))
        #expect(held.state == .review)
        #expect(held.flagReason?.contains("line 2 '2 × Einhorn-Sattel'") == true, "\(held.flagReason ?? "")")
        #expect(held.flagReason?.contains("review accept \(id)") == true)
        #expect(try store.outboxEntries(messageID: id).isEmpty)
        #expect(erp.performed.isEmpty)

        _ = try ReviewQueue(store: store, catalogue: DecideFixtures.kinds)
            .correct(id, [try .init(parsing: "lines[1].sku=SPR-SEAL-100")], by: "anna")
        _ = await pipeline.drain()
        let entries = try store.outboxEntries(messageID: id)
        #expect(entries.map(\.action.action) == ["find_or_create_party", "create_quotation", "confirm_quotation"])
        let lines = entries[1].action.parameters["lines"]?.arrayValue ?? []
        #expect(lines.map { $0["sku"]?.stringValue } == ["PMP-100", "SPR-SEAL-100"])
        #expect(lines.last?["matched_by"] == "sku")
        #expect(entries[1].action.parameters["total"]?.stringValue == "1442.00")  // 1250 + 2 × 96
    }
}

/// An Understand stage that records a fixed understanding (the pipeline tests' stand-in for the real one).
struct StubUnderstandStage: PipelineStage {
    let understanding: Understanding
    var name: String { "understand" }
    var input: MessageState { .parsed }
    func process(_ message: StoredMessage) async throws -> StageOutcome {
        StageOutcome(next: .understood, update: MessageUpdate(kind: understanding.kind, understanding: understanding),
                     details: UnderstandStage.auditDetails(understanding, content: nil))
    }
}
