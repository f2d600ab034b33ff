import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Act
import MailroomTesting

/// A real Redmine 5.0.4 (scripts/redmine-test-server.sh) on a fresh copy of the template database.

@Suite("ticket numbers and threads in mail", .serverLogsOnFailure)
struct TicketReferenceTests {
    @Test func subjectForms() {
        let reader = TicketReferenceReader(ticketPrefix: "BW-T-")
        #expect(reader.ticketNumbers(inSubject: "Re: [#123] Pump failed") == ["123"])
        #expect(reader.ticketNumbers(inSubject: "Re: [Support - Support #45] (New) Pump failed") == ["45"])
        #expect(reader.ticketNumbers(inSubject: "AW: Ticket 77 – still broken") == ["77"])
        #expect(reader.ticketNumbers(inSubject: "Ticket #78") == ["78"])
        #expect(reader.ticketNumbers(inSubject: "Vorgang Nr. 12: Rückfrage") == ["12"])
        #expect(reader.ticketNumbers(inSubject: "回复：工单 9 还没有解决") == ["9"])
        #expect(reader.ticketNumbers(inSubject: "Re: [BW-T-310] Kurvenrolle") == ["310"])
        #expect(reader.ticketNumbers(inSubject: "Pump BW-P200 failed, order 4711") == [])
        #expect(reader.ticketNumbers(inSubject: "issue with the pump") == [])
        #expect(reader.ticketNumbers(inSubject: "[#5] and Ticket 6, again [#5]") == ["5", "6"])
    }

    @Test func customPatternsReplaceTheBuiltInOnes() {
        let reader = TicketReferenceReader(subjectPatterns: [#"\[HD-(\d+)\]"#])
        #expect(reader.ticketNumbers(inSubject: "[HD-42] [#7]") == ["42"])
        #expect(TicketReferenceReader.problems(in: [#"\[HD-\d+\]"#, "(unclosed"]).count == 2)
    }

    @Test func redmineNotificationReferences() {
        #expect(TicketReferenceReader.redmineTicketNumbers(inThread: [
            "redmine.journal-9.20261124071200.5@helpdesk.example", "redmine.issue-31.20261124070000.5@helpdesk.example",
            "support-1@acme.example",
        ]) == ["31"])
    }

    @Test func threadOrderIsInReplyToThenNewestReference() {
        let original = OriginalMessage(source: "maildir:inbox", location: "x", normalised: NormalisedMessage(
            subject: "Re: Pump", from: [MailAddress(name: nil, address: "Anna@Acme.example")], messageID: "c@x",
            inReplyTo: "b@x", references: ["a@x", "b@x"]), kind: nil, rawPath: nil)
        let mail = TicketMail(original, fallbackSubject: "", fallbackSender: nil)
        #expect(mail.threadIDs == ["b@x", "a@x"])
        #expect(mail.senders == ["anna@acme.example"])
    }

    @Test func connectorFileProblemsAreReported() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("mr-redmine-conf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try """
        type: redmine
        url: http://127.0.0.1:3000
        api_key: inline-secret
        key_field_id: first
        subject_patterns: ['\\[HD-\\d+\\]']
        """.write(to: dir.appendingPathComponent("helpdesk.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try ConnectorCatalogue.load(directory: dir, environment: [:])
            Issue.record("a broken connector file loaded")
        } catch {
            let text = error.problems.map(\.message).joined(separator: "\n")
            #expect(text.contains("`api_key` must not be written into the file"))
            #expect(text.contains("`project` is missing"))
            #expect(text.contains("`key_field_id` must be a positive whole number"))
            #expect(text.contains("no capture group"))
        }
        // Correct, but its key variable is not set yet: it loads and its actions wait.
        try """
        type: redmine
        url: http://127.0.0.1:3000
        api_key_env: REDMINE_API_KEY_NOT_SET
        project: support
        """.write(to: dir.appendingPathComponent("helpdesk.yaml"), atomically: true, encoding: .utf8)
        let catalogue = try ConnectorCatalogue.load(directory: dir, environment: [:])
        let connector = try #require(catalogue.connector(named: "helpdesk"))
        #expect(connector.type == "redmine")
        #expect(!(connector is RedmineConnector))
        await #expect(throws: ConnectorError.self) { _ = try await connector.perform(RedmineConnectorTests.action("create_ticket", [:], messageID: 1)) }
    }
}

@Suite("redmine connector against a real Redmine", .serverLogsOnFailure, .serialized)
struct RedmineConnectorTests {
    static func action(_ name: String, _ parameters: [String: JSONValue], messageID: Int64, outboxID: Int64 = 1,
                       mail: NormalisedMessage? = nil) -> OutboxAction {
        let intended = IntendedAction(rule: "support ticket to helpdesk", ruleFile: "rules/support.yaml", ruleFileSHA256: "ab", index: 0,
                                      connector: "helpdesk", action: name, parameters: parameters, approval: nil)
        let original = mail.map { OriginalMessage(source: "maildir:inbox", location: "m\(messageID)", normalised: $0, kind: "support_ticket", rawPath: nil) }
        return OutboxAction(id: outboxID, messageID: messageID, idempotencyKey: intended.idempotencyKey(messageID: messageID),
                            action: intended, attempt: 1, original: original)
    }

    static func mail(_ id: String, from: String, subject: String, text: String, inReplyTo: String? = nil, references: [String] = []) -> NormalisedMessage {
        NormalisedMessage(subject: subject, from: [MailAddress(name: nil, address: from)], messageID: id, inReplyTo: inReplyTo,
                          references: references, text: text)
    }

    /// A store with `count` stored messages, so audit events can name them.
    static func store(_ directory: URL, messages count: Int) throws -> (MailStore, [Int64]) {
        let store = try MailStore(path: directory.appendingPathComponent("mailroom.sqlite").path)
        let ids = try (0..<count).map { try store.recordReceived(StoreScratch.received("redmine-\($0)"), actor: "test").messageID }
        return (store, ids)
    }

    @Test("ticket, follow-up in the thread, guarded ticket numbers, exactly once")
    func ticketsAndThreads() async throws {
        let server = try RedmineTestServer()
        let (store, ids) = try Self.store(server.directory, messages: 10)
        let helpdesk = try server.connector(store: store)

        // 1. A support request opens a ticket with the understood fields, the requester and the priority.
        let first = Self.action("open_or_update_ticket", [
            "subject": "Pump BW-P200 failed", "requester": "anna@acme.example", "severity": "high",
            "fields": ["product": "BW-P200", "order_reference": "AB-035453", "empty": .null],
            "text": "Our pump failed this morning | line stopped.",
        ], messageID: ids[0], outboxID: 1, mail: Self.mail("req-1@acme.example", from: "anna@acme.example",
                                                           subject: "Pump BW-P200 failed", text: "ignored: the text parameter wins"))
        #expect(try await helpdesk.earlierResult(of: first) == nil)
        let created = try await helpdesk.perform(first)
        #expect(created.captured["ticket_action"] == "created")
        let ticket = try #require(created.captured["ticket_id"]?.intValue)
        let issue = try await server.issue(ticket)
        #expect(issue["subject"] == "Pump BW-P200 failed")
        #expect(issue["priority"]?["name"] == "High")
        #expect(RedmineConnector.customField(Int64(server.keyFieldID), of: issue) == first.idempotencyKey)
        #expect(RedmineConnector.customField(Int64(server.requesterFieldID), of: issue) == "anna@acme.example")
        let description = try #require(issue["description"]?.stringValue)
        #expect(description.contains("|*Product*|BW-P200|"))
        #expect(description.contains("|*Order reference*|AB-035453|"))
        #expect(!description.contains("Empty"))
        #expect(description.contains("Our pump failed this morning | line stopped."))
        #expect(try store.helpdeskThreads(connector: "helpdesk", mailMessageIDs: ["req-1@acme.example"]).first?.ticketID == String(ticket))

        // A crash between "sent" and "recorded": the earlier ticket is found, not opened again.
        let again = try #require(try await helpdesk.earlierResult(of: first))
        #expect(again.foundEarlierResult)
        #expect(again.captured["ticket_id"]?.intValue == ticket)
        #expect(try await server.issues().count == 1)

        // 2. A reply in the same thread (In-Reply-To) becomes a note on that ticket.
        let followUp = Self.action("open_or_update_ticket", ["subject": "Re: Pump BW-P200 failed", "requester": "anna@acme.example",
                                                             "text": "It failed again after the restart."],
                                   messageID: ids[1], outboxID: 2,
                                   mail: Self.mail("req-2@acme.example", from: "anna@acme.example", subject: "Re: Pump BW-P200 failed",
                                                   text: "", inReplyTo: "req-1@acme.example", references: ["req-1@acme.example"]))
        #expect(try await helpdesk.earlierResult(of: followUp) == nil)
        let updated = try await helpdesk.perform(followUp)
        #expect(updated.captured["ticket_action"] == "updated")
        #expect(updated.captured["ticket_id"]?.intValue == ticket)
        #expect(updated.response["threading"]?["reason"]?.stringValue?.contains("replies to <req-1@acme.example>") == true)
        var journals = try await server.issue(ticket)["journals"]?.arrayValue ?? []
        #expect(journals.count == 1)
        #expect(journals.first?["notes"]?.stringValue?.contains("It failed again after the restart.") == true)
        #expect(journals.first?["id"] == updated.captured["journal_id"])
        let noteAgain = try #require(try await helpdesk.earlierResult(of: followUp))
        #expect(noteAgain.captured["ticket_action"] == "updated")
        #expect(noteAgain.captured["journal_id"] == updated.captured["journal_id"])

        // 3. Another customer quoting that ticket's number does not write into it: a new ticket, audited.
        let quoting = Self.action("open_or_update_ticket", ["subject": "Same problem as [#\(ticket)]", "requester": "eve@other.example",
                                                            "text": "We have the same problem."],
                                  messageID: ids[2], outboxID: 3,
                                  mail: Self.mail("eve-1@other.example", from: "eve@other.example", subject: "Same problem as [#\(ticket)]", text: ""))
        let separate = try await helpdesk.perform(quoting)
        #expect(separate.captured["ticket_action"] == "created")
        let eveTicket = try #require(separate.captured["ticket_id"]?.intValue)
        #expect(eveTicket != ticket)
        #expect(separate.response["threading"]?["refused"]?.arrayValue?.first?["reason"]?.stringValue?
            .contains("eve@other.example is neither the requester nor a participant") == true)
        #expect(try await server.issue(ticket)["journals"]?.arrayValue?.count == 1)
        let refusals = try store.auditEvents(matching: AuditFilter(eventType: "ticket_reference_refused"))
        #expect(refusals.count == 1)
        #expect(refusals.first?.messageID == ids[2])
        let refusal = try JSONValue.parse(Data(try #require(refusals.first).details.utf8))
        #expect(refusal["refused"]?.arrayValue?.first?["ticket"] == .string(String(ticket)))

        // 4. The requester naming the number (no thread headers) is honoured: [BW-T-n] and "Ticket n".
        let byNumber = Self.action("open_or_update_ticket", ["subject": "Ticket \(ticket): any news?", "text": "Any news?"],
                                   messageID: ids[3], outboxID: 4,
                                   mail: Self.mail("req-3@acme.example", from: "ANNA@acme.example", subject: "Ticket \(ticket): any news?", text: ""))
        #expect(try await helpdesk.perform(byNumber).captured["ticket_id"]?.intValue == ticket)

        // 5. A colleague replying in the thread becomes a participant, who may then name the number.
        let colleague = Self.action("open_or_update_ticket", ["text": "I am Anna's colleague; photos attached."], messageID: ids[4], outboxID: 5,
                                    mail: Self.mail("carl-1@acme.example", from: "carl@acme.example", subject: "Re: Pump BW-P200 failed",
                                                    text: "", inReplyTo: "req-2@acme.example", references: ["req-1@acme.example", "req-2@acme.example"]))
        #expect(try await helpdesk.perform(colleague).captured["ticket_id"]?.intValue == ticket)
        let participant = Self.action("open_or_update_ticket", ["text": "Replacement arrived."], messageID: ids[5], outboxID: 6,
                                      mail: Self.mail("carl-2@acme.example", from: "carl@acme.example", subject: "[BW-T-\(ticket)] replacement", text: ""))
        let participantResult = try await helpdesk.perform(participant)
        #expect(participantResult.captured["ticket_id"]?.intValue == ticket)
        #expect(participantResult.response["threading"]?["reason"]?.stringValue?.contains("participant") == true)

        // 6. A number that names no ticket opens a new one, with the reason.
        let unknown = Self.action("open_or_update_ticket", ["text": "About ticket 99999."], messageID: ids[6], outboxID: 7,
                                  mail: Self.mail("req-4@acme.example", from: "anna@acme.example", subject: "Ticket 99999", text: ""))
        let unknownResult = try await helpdesk.perform(unknown)
        #expect(unknownResult.captured["ticket_action"] == "created")
        #expect(unknownResult.response["threading"]?["reason"]?.stringValue?.contains("no ticket 99999") == true)

        // 7. add_to_ticket, exactly once.
        let note = Self.action("add_to_ticket", ["ticket_id": .int(ticket), "note": "Internal: replacement shipped."], messageID: ids[7], outboxID: 8)
        #expect(try await helpdesk.earlierResult(of: note) == nil)
        let added = try await helpdesk.perform(note)
        #expect(try await helpdesk.earlierResult(of: note)?.captured["journal_id"] == added.captured["journal_id"])
        journals = try await server.issue(ticket)["journals"]?.arrayValue ?? []
        #expect(journals.count == 5)
        #expect(try await server.issues().count == 3)

        // 8. create_ticket with a severity Redmine has no priority for: Redmine's default, said in the response.
        let plain = Self.action("create_ticket", ["subject": "Question", "severity": "whenever"], messageID: ids[8], outboxID: 9)
        let plainResult = try await helpdesk.perform(plain)
        #expect(plainResult.response["notes"]?["priority"]?.stringValue?.contains("whenever") == true)
        #expect(try await server.issue(try #require(plainResult.captured["ticket_id"]?.intValue))["priority"]?["name"] == "Normal")
    }

    @Test("without a key custom field the key is found in the description")
    func keyInDescription() async throws {
        let server = try RedmineTestServer()
        let helpdesk = try server.connector(keyField: false, store: nil)
        let create = Self.action("create_ticket", ["subject": "Printer jam", "text": "The printer jams.", "requester": "x@y.example"], messageID: 7)
        #expect(try await helpdesk.earlierResult(of: create) == nil)
        let result = try await helpdesk.perform(create)
        let found = try #require(try await helpdesk.earlierResult(of: create))
        #expect(found.captured["ticket_id"] == result.captured["ticket_id"])
        let other = Self.action("create_ticket", ["subject": "Printer jam", "text": "Another."], messageID: 8)
        #expect(try await helpdesk.earlierResult(of: other) == nil)

        // Without a store, a subject number is honoured only for the requester recorded in Redmine.
        let ticket = try #require(result.captured["ticket_id"]?.intValue)
        let stranger = Self.action("open_or_update_ticket", ["text": "me too"], messageID: 9,
                                   mail: Self.mail("s@z.example", from: "someone@z.example", subject: "[#\(ticket)]", text: ""))
        #expect(try await helpdesk.perform(stranger).captured["ticket_action"] == "created")
        let requester = Self.action("open_or_update_ticket", ["text": "fixed?"], messageID: 10,
                                    mail: Self.mail("x2@y.example", from: "x@y.example", subject: "Re: [#\(ticket)] Printer jam", text: ""))
        #expect(try await helpdesk.perform(requester).captured["ticket_id"]?.intValue == ticket)

        // A refused API key is a permanent error that says what to check.
        let dir = server.directory.appendingPathComponent("bad")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try server.connectorYAML().write(to: dir.appendingPathComponent("helpdesk.yaml"), atomically: true, encoding: .utf8)
        let bad = try #require(try ConnectorCatalogue.load(directory: dir, environment: ["REDMINE_API_KEY": "wrong"]).connector(named: "helpdesk"))
        await #expect(throws: ConnectorError.permanent("helpdesk: Redmine refused the API key (401) for GET /users/current.json; check `api_key` and that the REST API is enabled (Administration → Settings → API)")) {
            _ = try await bad.earlierResult(of: create)
        }
    }
}
