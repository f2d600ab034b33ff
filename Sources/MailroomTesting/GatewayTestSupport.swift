import Foundation
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

/// The repository root, from this file's place.
let gatewayRepoRoot: URL = Repository.root

/// scripts/fake-openai-server.py on a loopback port it binds itself ("listening on n"), stopped when released.
final class FakeOpenAIServer: TestServer, @unchecked Sendable {
    static let name = "fake-openai-server.py"
    static func prepare() -> String? { PortReportingProcess.python3() }

    let server: PortReportingProcess
    let http = HTTPClient()
    var port: Int { server.port }
    var logFile: String? { server.logFile }

    init() throws {
        try Self.requireAvailable()
        server = try PortReportingProcess(script: "fake-openai-server.py", arguments: ["--port", "0"]) { line in
            Int(line.replacingOccurrences(of: "listening on", with: "").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        TestServers.started(self)
    }

    func stop() {
        TestServers.stopped(ObjectIdentifier(self))
        server.stop()
    }
    deinit { stop() }

    var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    func script(model: String, _ responses: [JSONValue]) async throws {
        let body = JSONValue.object(["model": .string(model), "responses": .array(responses)])
        _ = try await http.send(HTTPRequest(method: "POST", url: URL(string: "http://127.0.0.1:\(port)/_script")!,
                                            headers: [("Content-Type", "application/json")], body: Data(body.canonicalJSON.utf8), timeoutSeconds: 5))
    }

    /// Every request body received, in order.
    func received() async throws -> [JSONValue] {
        let r = try await http.send(HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:\(port)/_received")!, timeoutSeconds: 5))
        return try JSONValue.parse(r.body).arrayValue?.compactMap { $0["body"] } ?? []
    }

    func provider(_ name: String, model: String, external: Bool = false, schema: Bool = true, price: (Double, Double) = (0, 0),
                  timeout: Double = 5, attempts: Int = 3, budget: BudgetSettings = BudgetSettings()) -> ProviderSettings {
        ProviderSettings(name: name, baseURL: baseURL, model: model, priceInputPerMillion: price.0, priceOutputPerMillion: price.1,
                         external: external, allowedData: .redacted, concurrency: 2, timeoutSeconds: timeout,
                         supportsJSONSchema: schema, maxAttempts: attempts, budget: budget)
    }
}

enum GatewayFixtures {
    static let catalogue = KindCatalogue(kinds: [
        KindDefinition(name: "quote_request", description: "a customer asks for prices", business: true, fields: [
            FieldDefinition(name: "customer_company", type: .text, required: false),
            FieldDefinition(name: "contact_email", type: .email, required: true),
            FieldDefinition(name: "reference", type: .text, required: false),
        ], acceptConfidence: 0.8),
        KindDefinition(name: "support_ticket", description: "a customer reports a problem", business: true, fields: [
            FieldDefinition(name: "customer_email", type: .email, required: true),
            FieldDefinition(name: "severity", type: .enumeration(["low", "normal", "high", "urgent"]), required: false),
        ], acceptConfidence: 0.8),
        KindDefinition(name: "approval", description: "an approver approves or rejects a pending request", business: true, fields: [
            FieldDefinition(name: "decision", type: .enumeration(["approve", "reject"]), required: true),
            FieldDefinition(name: "reference", type: .text, required: true),
            FieldDefinition(name: "approver", type: .email, required: true),
        ], acceptConfidence: 0.8),
        KindDefinition(name: "invoice", description: "a supplier's invoice", business: true, fields: [
            FieldDefinition(name: "invoice_number", type: .text, required: false),
            FieldDefinition(name: "gross_total", type: .money, required: false),
            FieldDefinition(name: "iban", type: .iban, required: false),
        ], acceptConfidence: 0.8),
        KindDefinition(name: "other", description: "newsletters, personal mail, anything else", business: false, fields: [], acceptConfidence: 0.6),
    ])

    static func mail(_ text: String) -> MessageContent { MessageContent.read(raw: Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)) }

    static let quoteMail = """
        From: Anna Schmidt <anna.schmidt@kunde-gmbh.de>
        To: sales@example.com
        Subject: Request for quotation
        Date: Mon, 23 Nov 2026 09:00:00 +0000
        Message-ID: <q1@kunde-gmbh.de>
        Content-Type: text/plain; charset=utf-8

        Hello,

        please quote 20 pallets of item A-100 for our plant. Our reference is PO-2026-77.

        Best regards
        Anna Schmidt
        Kunde GmbH
        Tel. +49 30 1234567

        On Fri, 20 Nov 2026 at 10:00, Sales <sales@example.com> wrote:
        > Thank you for your interest in our products.
        > Prices are on request.
        """

    static func tempStore() throws -> MailStore {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gateway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return try MailStore(path: dir.appendingPathComponent("store.sqlite").path)
    }

    static func gateway(_ providers: [ProviderSettings], models: [String], store: MailStore?, budget: BudgetSettings = BudgetSettings(),
                        failuresBeforePause: Int = 3) -> ModelGateway {
        var g = ModelGateway(settings: GatewaySettings(providers: providers, models: models, budget: budget,
                                                       failuresBeforePause: failuresBeforePause, pauseSeconds: 300),
                             store: store)
        g.backoffBase = 0.05
        return g
    }

    static let unknownPrior = Understanding(kind: "unknown", confidence: 0, method: "classifier")
}
