import Foundation
@testable import Vocabulary
@testable import Store
@testable import Parse
@testable import Understand
import MailroomTesting

/// The repository root.
let gatewayRepoRoot: URL = Repository.root

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
