import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Ingest
@testable import Parse
@testable import Understand
@testable import Decide
@testable import Act
@testable import Audit
@testable import Daemon
@testable import LibEtpan
@testable import CurlTransport
@testable import Markup

/// A connector that records what it was asked to do (tests only).
final class RecordingConnector: Connector, @unchecked Sendable {
    let name: String
    let type: String
    let actions: [ConnectorActionSpec]
    private let lock = NSLock()
    private var _performed: [OutboxAction] = []
    private var _earlierAsked: [OutboxAction] = []
    /// What the target "has" by idempotency key: set when perform succeeds (the record exists remotely).
    private var _remote: [String: ConnectorResult] = [:]
    /// Errors to throw from the next performs, first first.
    var failures: [ConnectorError] = []
    /// Simulates a process killed after the target acted and before the outbox recorded it.
    var crashAfterPerform = false
    /// Values captured per action name (default: `record_id` = the number of performs so far).
    var captures: [String: [String: JSONValue]] = [:]

    init(name: String, type: String = "tryton", actions: [ConnectorActionSpec]) {
        self.name = name
        self.type = type
        self.actions = actions
    }

    var performed: [OutboxAction] { lock.withLock { _performed } }
    var earlierAsked: [OutboxAction] { lock.withLock { _earlierAsked } }

    struct SimulatedCrash: Error {}

    func earlierResult(of action: OutboxAction) async throws -> ConnectorResult? {
        lock.withLock {
            _earlierAsked.append(action)
            return _remote[action.idempotencyKey]
        }
    }

    func perform(_ action: OutboxAction) async throws -> ConnectorResult {
        let failure: ConnectorError? = lock.withLock { failures.isEmpty ? nil : failures.removeFirst() }
        if let failure { throw failure }
        let result = lock.withLock { () -> ConnectorResult in
            _performed.append(action)
            let r = ConnectorResult(captured: captures[action.action.action] ?? ["record_id": .int(Int64(_performed.count))],
                                    request: .object(["parameters": .object(action.action.parameters), "Authorization": "***"]),
                                    response: .object(["status": 200]))
            _remote[action.idempotencyKey] = r
            return r
        }
        if crashAfterPerform { throw SimulatedCrash() }
        return result
    }

    static func erp() -> RecordingConnector {
        RecordingConnector(name: "erp", actions: [
            ConnectorActionSpec(name: "find_or_create_party", requiredParameters: ["name"], optionalParameters: ["email"], summary: ""),
            ConnectorActionSpec(name: "create_quotation", requiredParameters: ["party", "lines"], optionalParameters: ["reference"], summary: ""),
            ConnectorActionSpec(name: "create_supplier_invoice", requiredParameters: ["invoice"], summary: ""),
            ConnectorActionSpec(name: "confirm_quotation", requiredParameters: ["quotation"], summary: ""),
        ])
    }

    static func helpdesk() -> RecordingConnector {
        RecordingConnector(name: "helpdesk", type: "http", actions: [
            ConnectorActionSpec(name: "request", requiredParameters: ["url"], optionalParameters: ["method", "headers", "body"], summary: ""),
        ])
    }
}

enum RuleFixtures {
    static func write(_ files: [String: String]) throws -> URL {
        let dir = try StoreScratch.directory("rules")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }
}

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
