import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Parse
@testable import Act
import MailroomTesting

/// The approval notice mailed to an approver shows every parameter as it will be sent: values earlier actions
/// captured filled in, never the rule file's `{{ captured.… }}` text.
@Suite struct ApprovalNoticeParametersTests {
    @Test func theNoticeShowsTheCapturedQuotationNotATemplate() async throws {
        let sink = try await SMTPSink.started()
        let store = try SMTPConnectorTests.store()
        let id = try store.recordReceived(StoreScratch.received("notice"), actor: "test").messageID
        let rows = try store.enqueue(messageID: id, actions: [
            OutboxFixtures.action("create_quotation", index: 0, rule: "quotes", parameters: ["party_id": 7]),
            OutboxFixtures.action("confirm_quotation", index: 1, rule: "quotes", approval: "sales",
                                  parameters: ["quotation_id": "{{ captured.erp.quotation_id }}"], capturedTemplates: ["quotation_id"]),
        ], actor: "test")
        let before = Approvals.parametersAsSent(rows[1], store: store)
        #expect(before["quotation_id"] == .string("<filled from erp create_quotation when it runs>"))
        let claimed = try #require(try store.claimOutboxEntry(rows[0].id, from: [.queued], actor: "test", owner: "t", leaseSeconds: 60))
        try store.completeOutboxEntry(claimed.id, result: ConnectorResult(captured: ["quotation_id": .int(4711)]), actor: "test")

        let dir = try StoreScratch.directory("notice-connectors")
        defer { StoreScratch.remove(dir) }
        try sink.connectorFile().write(to: dir.appendingPathComponent("mail.yaml"), atomically: true, encoding: .utf8)
        let connectors = try ConnectorCatalogue.load(directory: dir, environment: [:])
        let requests = try #require(ApprovalRequests(store: store, approvers: ApproverDirectory(
            roles: ["sales": .init(mail: ["boss@firma.example"], users: [])], notifyVia: "mail"), connectors: connectors))
        #expect(await requests.notifyPending() == 1)
        let received = await sink.waitForMails(1)
        try #require(received.count == 1)
        let text = MessageParser.parse(received[0]).normalised.text
        #expect(text.contains("Parameters: {\"quotation_id\":4711}"), "\(text)")
        #expect(!text.contains("{{"), "\(text)")
    }
}
