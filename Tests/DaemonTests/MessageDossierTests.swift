import Foundation
import Testing
@testable import Daemon
import MailroomTesting
import Store
import Vocabulary

@Suite struct SearchExportTests {
    /// A subject or sender is what the mail's author wrote: no cell may start a spreadsheet formula.
    @Test func csvCellsNeverStartAFormulaAndAreQuotedPerRFC4180() {
        #expect(SearchExport.csvCell("=HYPERLINK(\"http://evil\",\"x\")") == "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")
        #expect(SearchExport.csvCell("+1+1") == "'+1+1")
        #expect(SearchExport.csvCell("-2+3") == "'-2+3")
        #expect(SearchExport.csvCell("@SUM(A1)") == "'@SUM(A1)")
        #expect(SearchExport.csvCell("\tcmd") == "'\tcmd")
        #expect(SearchExport.csvCell("\r=1") == "\"'\r=1\"")
        #expect(SearchExport.csvCell("plain") == "plain")
        #expect(SearchExport.csvCell("a,b") == "\"a,b\"")
        #expect(SearchExport.csvCell("line\nbreak") == "\"line\nbreak\"")
        #expect(SearchExport.csvCell("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(SearchExport.csvCell("") == "")
    }

    @Test func exportsEveryResultAndSaysWhereItStopped() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        for (i, subject) in ["=cmd|' /C calc'!A0", "Rechnung, März", "plain"].enumerated() {
            let id = try store.recordReceived(StoreScratch.received("m\(i)", at: Date(timeIntervalSince1970: 1_790_000_000 + Double(i))),
                                              actor: "test").messageID
            try store.transition(id, from: .received, to: .parsed,
                                 update: MessageUpdate(subject: subject, sender: "@evil.example", normalised: NormalisedMessage(subject: subject)),
                                 audit: AuditDraft(messageID: id, stage: "parse", actor: "test", eventType: "parsed"))
        }
        let csv = try SearchExport.csv(store: store, search: MessageSearch(pageSize: 1))
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 4)
        #expect(lines[0] == SearchExport.columns.joined(separator: ","))
        #expect(lines[1].contains(",'@evil.example,plain,"))
        #expect(lines[2].contains(",\"Rechnung, März\","))
        #expect(lines[3].contains(",'=cmd|' /C calc'!A0,"))

        let capped = try SearchExport.csv(store: store, search: MessageSearch(), limit: 2)
        #expect(capped.contains("export stopped after 2 of 3 results"))

        let json = try JSONValue.parse(Data(try SearchExport.json(store: store, search: MessageSearch(text: "rechnung")).utf8))
        #expect(json["total"]?.intValue == 1)
        #expect(json["truncated"]?.boolValue == false)
        #expect(json["query"]?["text"]?.stringValue == "rechnung")
        #expect(json["messages"]?.arrayValue?.first?["subject"]?.stringValue == "Rechnung, März")
    }
}

@Suite struct MessageDossierTests {
    @Test func assemblesFieldsEvidenceModelCallsRulesActionsAndTheTimeline() throws {
        let dir = try StoreScratch.directory()
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let id = try store.recordReceived(StoreScratch.received("dossier"), actor: "test").messageID
        var n = NormalisedMessage(subject: "Rechnung R-42")
        n.text = "Bitte zahlen Sie 1.190,00 EUR bis 30.04.2026."
        n.attachments = [AttachmentInfo(filename: "r42.pdf", contentType: "application/pdf", size: 10, sha256: String(repeating: "b", count: 64),
                                        disposition: "attachment", part: "2")]
        try store.transition(id, from: .received, to: .parsed,
                             update: MessageUpdate(subject: n.subject, sender: "a@b.de", normalised: n,
                                                   documents: [DocumentText(filename: "r42.pdf", contentType: "application/pdf",
                                                                            text: "Rechnungsnummer R-42", method: "pdftotext")]),
                             audit: AuditDraft(messageID: id, stage: "parse", actor: "test", eventType: "parsed"))
        let u = Understanding(kind: "invoice", confidence: 0.95, method: "rule",
                              fields: ["gross_total": .money(1190, currency: "EUR"), "invoice_number": .text("R-42"),
                                       "due_date": .date("2026-03-01")],
                              groundings: ["gross_total": Grounding(location: "body", offset: 17, excerpt: "1.190,00 EUR"),
                                           "invoice_number": Grounding(location: "attachment:r42.pdf", offset: 16, excerpt: "R-42")],
                              review: ["due_date is before the invoice date"],
                              steps: [UnderstandingStep(method: "rule:invoice/subject", kind: "invoice", confidence: 0.95, note: "matched"),
                                      UnderstandingStep(method: "extractors", kind: "invoice", confidence: nil, note: "3 fields")])
        try store.transition(id, from: .parsed, to: .review, update: MessageUpdate(kind: "invoice", flagReason: "check the due date", understanding: u),
                             audit: AuditDraft(messageID: id, stage: "understand", actor: "test", eventType: "flagged"))
        try store.recordModelCall(ModelCallRecord(time: Date(), messageID: id, kind: "invoice", provider: "openai", model: "gpt-x",
                                                  cascadeStep: 1, inputTokens: 100, outputTokens: 20, cost: 0.01,
                                                  latencyMilliseconds: 300, cacheHit: false, redactions: 2, outcome: "accepted"),
                                  audit: nil)
        try store.recordDecision(messageID: id, rulesSHA256: String(repeating: "c", count: 64),
                                 details: ["rules_matched": .array(["invoices"])], actions: [OutboxFixtures.action(approval: "finance")])
        try store.enqueue(messageID: id, actions: [OutboxFixtures.action(approval: "finance")], actor: "test")

        let d = try #require(try MessageDossier.load(store: store, messageID: id))
        #expect(d.message.subject == "Rechnung R-42")
        #expect(d.attachments.count == 1 && d.attachments[0].document?.text == "Rechnungsnummer R-42")
        // Flagged fields first.
        #expect(d.fields.map(\.name) == ["due_date", "gross_total", "invoice_number"])
        #expect(d.fields[0].status == .failedCheck && d.fields[0].problems == ["due_date is before the invoice date"])
        #expect(d.fields[1].status == .found && d.fields[1].grounding?.excerpt == "1.190,00 EUR")
        #expect(d.fields[1].provenance.contains("rule:invoice/subject") && d.fields[1].provenance.contains("extractors"))
        #expect(d.sourceText("attachment:r42.pdf") == "Rechnungsnummer R-42")
        #expect(d.sourceText("body") == n.text)
        #expect(d.modelCalls.count == 1 && d.modelCalls[0].redactions == 2)
        #expect(d.rulesMatched == ["invoices"])
        #expect(d.ruleSetVersion == String(repeating: "c", count: 64))
        #expect(d.approvals.count == 1 && d.approvals[0].state == .awaitingApproval)
        #expect(d.events.map(\.eventType).starts(with: ["received", "parsed", "flagged"]))
        #expect(d.events.allSatisfy { $0.hash.count == 64 })
    }

    @Test func aCorrectedFieldIsConfirmedByThePersonWhoCorrectedIt() {
        let u = Understanding(kind: "invoice", confidence: 1, method: "person", fields: ["iban": .text("DE1"), "total": .number(5)])
        let event = AuditEvent(sequence: 9, time: "2026-12-07T10:00:00.000Z", messageID: 1, stage: "review", actor: "user:anna",
                               eventType: "review_corrected", details: #"{"corrections":["iban=DE1"]}"#, previousHash: "", hash: "")
        let fields = MessageDossier.fields(u, events: [event])
        #expect(fields.allSatisfy { $0.status == .confirmed })
        #expect(fields.first { $0.name == "iban" }?.provenance.hasPrefix("corrected by user:anna") == true)
        #expect(MessageDossier.mentions("the iban fails mod-97", field: "iban"))
        #expect(!MessageDossier.mentions("the ibans fail", field: "iban"))
    }
}
