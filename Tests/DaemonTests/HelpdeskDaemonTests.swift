import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Act
import MailroomTesting

/// The helpdesk end to end: mails in a Maildir → the real `mailroom` daemon (the repository's support rule) →
/// tickets in a real Redmine; and the daemon killed between "sent" and "recorded", then restarted.
@Suite("helpdesk end to end through the daemon", .serverLogsOnFailure, .serialized)
struct HelpdeskDaemonTests {
    /// A scratch folder: config, Maildir, a support kind matched by the To address, the repository's
    /// rules/support.yaml, and a connectors/helpdesk.yaml for the test's Redmine (key in a file).
    func prepare(_ label: String, server: RedmineTestServer) throws -> IngestScratch {
        let scratch = try IngestScratch(label)
        _ = try scratch.makeMaildir()
        try scratch.write("""
            store:
              path: state/mailroom.sqlite
            spool:
              path: state/spool
            sources:
              maildir:
                - name: inbox
                  path: Maildir
            rules:
              path: rules
              connectors: connectors
              max_attempts: 3
              first_retry_seconds: 1
            log:
              level: info
            """, to: "mailroom.yaml")
        try scratch.write("""
            kind: support_ticket
            description: A customer reports a problem with something we delivered.
            business: true
            accept_confidence: 0.75
            fields:
              - name: customer_email
                type: email
                required: true
                extract:
                  - recogniser: true
                    from: sender
              - name: product
                type: text
                extract:
                  - pattern: '(?<value>\\bBW-[A-Z0-9]+)'
              - name: order_reference
                type: text
                extract:
                  - pattern: '(?i)order\\s+(?<value>AB-\\d+)'
              - name: severity
                type: enum
                values: [low, normal, high, urgent]
                extract:
                  - keywords:
                      urgent: [urgent]
                      high: [line stopped]
            matchers:
              - name: mail to the service address
                when: {header: To, matches: 'service@brightwater\\.example'}
                confidence: 0.95
            """, to: "rules/kinds/support_ticket.yaml")
        try FileManager.default.copyItem(atPath: MailroomProcess.root.appendingPathComponent("rules/support.yaml").path,
                                         toPath: scratch.path("rules/support.yaml"))
        try scratch.write(server.apiKey + "\n", to: "connectors/redmine.key")
        try scratch.write(server.connectorYAML(apiKeyFile: "redmine.key"), to: "connectors/helpdesk.yaml")
        return scratch
    }

    static func mail(id: String, from: String, subject: String, body: String, inReplyTo: String? = nil) -> String {
        var headers = """
            From: \(from)
            To: Brightwater Service <service@brightwater.example>
            Subject: \(subject)
            Date: Tue, 24 Nov 2026 07:12:00 +0000
            Message-ID: <\(id)>
            """
        if let inReplyTo { headers += "\nIn-Reply-To: <\(inReplyTo)>\nReferences: <\(inReplyTo)>" }
        return (headers + "\nContent-Type: text/plain; charset=utf-8\n\n" + body + "\n").replacingOccurrences(of: "\n", with: "\r\n")
    }

    static let request = mail(id: "req-1@acme.example", from: "Anna Buyer <anna@acme.example>", subject: "Pump BW-P200 failed",
                              body: "Our pump BW-P200 from order AB-035453 failed this morning. Urgent, please help.")
    static let followUp = mail(id: "req-2@acme.example", from: "Anna Buyer <anna@acme.example>", subject: "Re: Pump BW-P200 failed",
                               body: "It failed again after the restart.", inReplyTo: "req-1@acme.example")

    func deliver(_ text: String, _ name: String, to scratch: IngestScratch) throws {
        try scratch.write(text, to: "Maildir/new/\(name)")
    }

    func runOnce(_ scratch: IngestScratch, failPoint: String? = nil) async throws -> (status: Int32, stdout: String, stderr: String) {
        let p = try MailroomProcess.start(["run", "--once", "--config", scratch.path("mailroom.yaml")], in: scratch.root,
                                          environment: failPoint.map { ["MAILROOM_FAILPOINT": $0] } ?? [:])
        let exited = await p.waitForExit(timeout: .seconds(300))
        if !exited {
            p.signal(SIGKILL)
            _ = await p.waitForExit(timeout: .seconds(10))
            Issue.record("mailroom run --once did not finish in 300 s: \(p.stderr)")
        }
        return (p.process.terminationStatus, p.stdout, p.stderr)
    }

    @Test("support request → ticket → follow-up in the thread → one ticket with two entries; a quoted number is not honoured")
    func supportThread() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let server = try RedmineTestServer()
        let scratch = try prepare("helpdesk-e2e", server: server)
        defer { scratch.remove() }

        try deliver(Self.request, "1795000001.M1P1.test", to: scratch)
        var run = try await runOnce(scratch)
        #expect(run.status == 0, "\(run.stderr)")
        var issues = try await server.issues()
        #expect(issues.count == 1)
        let ticket = try #require(issues.first?["id"]?.intValue)
        let created = try await server.issue(ticket)
        #expect(created["subject"] == "Pump BW-P200 failed")
        #expect(created["priority"]?["name"] == "Urgent")
        #expect(RedmineConnector.customField(Int64(server.requesterFieldID), of: created) == "anna@acme.example")
        #expect(created["description"]?.stringValue?.contains("|*Product*|BW-P200|") == true)
        #expect(created["description"]?.stringValue?.contains("|*Order reference*|AB-035453|") == true)
        #expect(created["description"]?.stringValue?.contains("failed this morning. Urgent, please help.") == true)

        try deliver(Self.followUp, "1795000002.M2P1.test", to: scratch)
        run = try await runOnce(scratch)
        #expect(run.status == 0, "\(run.stderr)")
        issues = try await server.issues()
        #expect(issues.count == 1, "the follow-up opened another ticket")
        let journals = try await server.issue(ticket)["journals"]?.arrayValue ?? []
        #expect(journals.count == 1)
        #expect(journals.first?["notes"]?.stringValue?.contains("It failed again after the restart.") == true)

        // Another customer quoting Anna's ticket number gets a ticket of their own; Anna's stays as it was.
        try deliver(Self.mail(id: "eve-1@other.example", from: "Eve <eve@other.example>", subject: "Same as [BW-T-\(ticket)]: pump failed",
                              body: "Our pump BW-P200 failed too."), "1795000003.M3P1.test", to: scratch)
        run = try await runOnce(scratch)
        #expect(run.status == 0, "\(run.stderr)")
        issues = try await server.issues()
        #expect(issues.count == 2)
        #expect(try await server.issue(ticket)["journals"]?.arrayValue?.count == 1)
        let eve = try #require(issues.first { $0["id"]?.intValue != ticket })
        #expect(RedmineConnector.customField(Int64(server.requesterFieldID), of: eve) == "eve@other.example")

        let store = try MailStore(path: scratch.path("state/mailroom.sqlite"))
        #expect(try store.messages(inStates: [.acted], limit: 10).count == 3)
        let refusals = try store.auditEvents(matching: AuditFilter(eventType: "ticket_reference_refused"))
        #expect(refusals.count == 1)
        #expect(try JSONValue.parse(Data(try #require(refusals.first).details.utf8))["senders"] == ["eve@other.example"])
        #expect(try store.helpdeskThreads(connector: "helpdesk", ticketID: String(ticket)).map(\.mailMessageID)
            == ["req-1@acme.example", "req-2@acme.example"])
        let verify = try await MailroomProcess.run(["audit", "verify", "--config", scratch.path("mailroom.yaml")], in: scratch.root)
        #expect(verify.status == 0, "audit verify: \(verify.stdout) \(verify.stderr)")
    }

    @Test("killed between sent and recorded, restarted: no second ticket, no second note")
    func exactlyOnceAcrossACrash() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let server = try RedmineTestServer()
        let scratch = try prepare("helpdesk-crash", server: server)
        defer { scratch.remove() }

        try deliver(Self.request, "1795000001.M1P1.test", to: scratch)
        var run = try await runOnce(scratch, failPoint: "after-send:helpdesk")
        #expect(run.status == 86, "the fail point was not reached: \(run.stderr)")
        #expect(try await server.issues().count == 1, "the ticket was not created before the crash")
        run = try await runOnce(scratch)
        #expect(run.status == 0, "\(run.stderr)")
        let issues = try await server.issues()
        #expect(issues.count == 1, "a second ticket after the restart")
        let ticket = try #require(issues.first?["id"]?.intValue)

        try deliver(Self.followUp, "1795000002.M2P1.test", to: scratch)
        run = try await runOnce(scratch, failPoint: "after-send:helpdesk")
        #expect(run.status == 86, "the fail point was not reached: \(run.stderr)")
        #expect(try await server.issue(ticket)["journals"]?.arrayValue?.count == 1)
        run = try await runOnce(scratch)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try await server.issues().count == 1)
        #expect(try await server.issue(ticket)["journals"]?.arrayValue?.count == 1, "a second note after the restart")

        // Both outbox rows are done, each by finding its earlier result after the crash.
        let store = try MailStore(path: scratch.path("state/mailroom.sqlite"))
        #expect(try store.messages(inStates: [.acted], limit: 10).count == 2)
        let completed = try store.auditEvents(matching: AuditFilter(eventType: "action_done"))
        #expect(completed.count == 2)
        #expect(completed.allSatisfy { (try? JSONValue.parse(Data($0.details.utf8)))?["found_earlier_result"] == true },
                "\(completed.map(\.details))")
    }
}
