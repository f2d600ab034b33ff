import Foundation
import Testing
@testable import Vocabulary
@testable import Parse
@testable import Understand
@testable import Decide
@testable import Act
@testable import Daemon
import MailroomTesting


@Suite struct RuleFileTests {
    /// The demo kinds (rules/kinds/, CONTRACTS.md).
    let kinds = try! KindCatalogue.load(directory: RuleFixtures.repositoryRoot.appendingPathComponent("rules/kinds"))

    @Test func fivePlantedMistakesAreAllReportedWithLineAndColumn() throws {
        let text = """
            rules:
              - name: big invoices
                when: kind == "invoice" and fields.gross_totl > 10000
                actions:
                  - connector: erp
                    action: create_supplier_invoice
                    params:
                      invoice: "{{ fields.invoice_number }}"
              - name: quotes
                when: kind = "quote_request"
                priorty: 5
                actions:
                  - connector: erpp
                    action: create_quotation
                    params: {party: "x", lines: "{{ fields.lines }}"}
                  - connector: erp
                    action: create_quotaton
                    params: {party: "x", lines: "{{ fields.lines }}"}

            """
        let dir = try RuleFixtures.write(["planted.yaml": text])
        defer { StoreScratch.remove(dir) }
        let catalogue = ConnectorCatalogue(connectors: [RecordingConnector.erp()])
        let (_, problems) = RuleSet.load(directory: dir, kinds: kinds, connectors: catalogue)
        let errors = problems.filter { $0.severity == .error }
        let described = errors.map(\.description).joined(separator: "\n")
        #expect(errors.count == 5, "\(described)")
        func find(_ fragment: String) -> RuleFileProblem? { errors.first { $0.message.contains(fragment) } }

        let field = try #require(find("gross_totl"), "\(described)")
        #expect(field.line == 3 && field.column == 40)
        #expect(field.suggestion == "did you mean 'gross_total'?")

        let equals = try #require(find("'=' alone"), "\(described)")
        #expect(equals.line == 10 && equals.column == 16)
        #expect(equals.suggestion?.contains("==") == true)

        let key = try #require(find("priorty"), "\(described)")
        #expect(key.line == 11 && key.column == 5)
        #expect(key.suggestion == "did you mean 'priority'?")

        let connector = try #require(find("erpp"), "\(described)")
        #expect(connector.line == 13 && connector.column == 20)
        #expect(connector.suggestion == "did you mean 'erp'?")

        let action = try #require(find("create_quotaton"), "\(described)")
        #expect(action.line == 17 && action.column == 17)
        #expect(action.suggestion == "did you mean 'create_quotation'?")
        #expect(errors.allSatisfy { $0.file.hasSuffix("planted.yaml") })
    }

    @Test func columnsInsideQuotedAndBlockConditions() throws {
        let text = """
            rules:
              - name: quoted
                when: "kind == 'invoice' and fields.iban matches '('"
                actions: [{connector: erp, action: create_supplier_invoice, params: {invoice: x}}]
              - name: block
                when: |
                  kind == "invoice"
                    and fields.sellr == "ACME"
                actions: [{connector: erp, action: create_supplier_invoice, params: {invoice: x}}]

            """
        let dir = try RuleFixtures.write(["r.yaml": text])
        defer { StoreScratch.remove(dir) }
        let (_, problems) = RuleSet.load(directory: dir, kinds: kinds, connectors: ConnectorCatalogue(connectors: [RecordingConnector.erp()]))
        let regex = try #require(problems.first { $0.message.contains("regular expression") }, "\(problems)")
        #expect(regex.line == 3 && regex.column == 54)
        let field = try #require(problems.first { $0.message.contains("sellr") }, "\(problems)")
        #expect(field.line == 8 && field.column == 20)
        #expect(field.suggestion == "did you mean 'seller'?")
    }

    @Test func templateMistakesAndMissingParametersAreReported() throws {
        let text = """
            rules:
              - name: invoice
                when: kind == "invoice"
                actions:
                  - connector: erp
                    action: create_quotation
                    params:
                      party: "{{ fields.seller + }}"
                      referense: "{{ fields.invoice_number }}"

            """
        let dir = try RuleFixtures.write(["r.yaml": text])
        defer { StoreScratch.remove(dir) }
        let (set, problems) = RuleSet.load(directory: dir, kinds: kinds, connectors: ConnectorCatalogue(connectors: [RecordingConnector.erp()]))
        #expect(set.rules.isEmpty)
        let template = try #require(problems.first { $0.message.contains("missing") }, "\(problems)")
        #expect(template.line == 8 && template.column == 38)
        #expect(problems.contains { $0.message.contains("needs the parameter 'lines'") })
        let unused = try #require(problems.first { $0.message.contains("referense") })
        #expect(unused.severity == .warning)
        #expect(unused.suggestion == "did you mean 'reference'?")
    }

    @Test func aRuleWithOnlyWarningsIsKept() throws {
        let text = """
            rules:
              - name: invoice
                when: kind == "invoice"
                actions:
                  - connector: erp
                    action: create_supplier_invoice
                    params:
                      invoice: "{{ fields.invoice_number }}"
                      note: "not a parameter of this action"

            """
        let dir = try RuleFixtures.write(["r.yaml": text])
        defer { StoreScratch.remove(dir) }
        let (set, problems) = RuleSet.load(directory: dir, kinds: kinds, connectors: ConnectorCatalogue(connectors: [RecordingConnector.erp()]))
        #expect(problems.count == 1 && problems.allSatisfy { $0.severity == .warning }, "\(problems)")
        #expect(set.rules.map(\.name) == ["invoice"])
    }

    @Test func theExampleRulesPassTheCheck() throws {
        let root = RuleFixtures.repositoryRoot
        let environment = RuleEnvironment.load(rulesDirectory: root.appendingPathComponent("rules"),
                                               connectorsDirectory: root.appendingPathComponent("connectors"))
        #expect(environment.errors.isEmpty, "\(environment.errors.map(\.description).joined(separator: "\n"))")
        let names = Set(environment.rules.rules.map(\.name))
        #expect(names.isSuperset(of: ["quote request to draft quotation", "supplier invoice to draft", "support ticket to helpdesk"]))
    }

    @Test func theExampleRuleTestsPass() async throws {
        let root = RuleFixtures.repositoryRoot
        let environment = RuleEnvironment.load(rulesDirectory: root.appendingPathComponent("rules"),
                                               connectorsDirectory: root.appendingPathComponent("connectors"))
        // Fixtures without `given:` are understood as the daemon would (kinds, the examples' classifier).
        let cache = try StoreScratch.directory("rules-test-cache")
        defer { StoreScratch.remove(cache) }
        let classifier = try ExampleLibrary.classifier(examplesDirectory: root.appendingPathComponent("rules/examples"), cacheDirectory: cache)
        let understander = Understander(catalogue: try #require(environment.kinds), classifier: classifier)
        let outcomes = await RuleTestRunner.run(directory: root.appendingPathComponent("rules/tests"),
                                                decider: environment.decider, understand: { raw in
                                                    await understander.understand(MessageContent.read(raw: raw)) })
        #expect(outcomes.count >= 2)
        for o in outcomes { #expect(o.passed, "\(o.file): \(o.failures)") }
    }
}
