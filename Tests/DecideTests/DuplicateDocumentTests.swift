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
import MailroomTesting

/// Issue 13, point 7: the same business document is acted on once. Real mails go through Parse, Understand (the
/// UBL e-invoice read from its XML), Decide (the rules/kinds `identity:` of the repository) and Act.
@Suite struct DuplicateDocumentTests {
    static let rules = """
        rules:
          - name: supplier invoice
            when: kind == "invoice"
            actions:
              - connector: erp
                action: create_supplier_invoice
                params: {invoice: {number: "{{ fields.invoice_number }}", total: "{{ fields.gross_total }}"}}

        """

    /// 2026-12-01T09:00:00Z and the days after.
    static func day(_ n: Int) -> Date { Date(timeIntervalSince1970: 1_796_115_600 + Double(n) * 86400) }

    /// The UBL fixture, with VAT ids whose check digits hold (the fixture's do not, and would send it to review).
    static let ubl: Data = {
        let text = String(decoding: try! Data(contentsOf: DocumentFixtures.einvoiceDirectory.appendingPathComponent("ubl-invoice.xml")),
                          as: UTF8.self)
        return Data(text.replacingOccurrences(of: "DE813456782", with: "DE813456783")
            .replacingOccurrences(of: "DE298765431", with: "DE298765435").utf8)
    }()

    static func ubl(_ replacements: [String: String]) -> Data {
        var text = String(decoding: ubl, as: UTF8.self)
        for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
        return Data(text.utf8)
    }

    /// The seller's terms and conditions, attached to every invoice of the seller.
    static let terms = Data("%PDF-1.4\n% Allgemeine Geschaeftsbedingungen Nordlicht\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)

    struct Attachment {
        var name: String
        var type: String
        var data: Data
    }

    static func mail(messageID: String, subject: String, date: String = "Tue, 01 Dec 2026 08:55:00 +0000",
                     from: String = "Nordlicht Buchhaltung <rechnung@nordlicht.example>", body: String,
                     attachments: [Attachment]) -> Data {
        var out = "From: \(from)\r\nTo: einkauf@brightwater.example\r\nSubject: \(subject)\r\nDate: \(date)\r\n"
        out += "Message-ID: <\(messageID)>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b-\(messageID.count)\"\r\n\r\n"
        out += "--b-\(messageID.count)\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(body)\r\n"
        for a in attachments {
            out += "--b-\(messageID.count)\r\nContent-Type: \(a.type); name=\"\(a.name)\"\r\n"
            out += "Content-Disposition: attachment; filename=\"\(a.name)\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            out += a.data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]) + "\r\n"
        }
        out += "--b-\(messageID.count)--\r\n"
        return Data(out.utf8)
    }

    static func invoiceMail(messageID: String = "nb-2026-1187@nordlicht.example", xml: Data = ubl,
                            subject: String = "Rechnung NB-2026-1187", body: String = "Sehr geehrte Damen und Herren,\r\nanbei unsere Rechnung.",
                            date: String = "Tue, 01 Dec 2026 08:55:00 +0000", withTerms: Bool = false) -> Data {
        mail(messageID: messageID, subject: subject, date: date, body: body,
             attachments: [Attachment(name: "rechnung.xml", type: "application/xml", data: xml)]
                 + (withTerms ? [Attachment(name: "AGB.pdf", type: "application/pdf", data: terms)] : []))
    }

    struct Setup {
        let scratch: IngestScratch
        let store: MailStore
        let spool: Spool
        let intake: Intake
        let erp: RecordingConnector
        let pipeline: Pipeline

        func receive(_ raw: Data, source: String = "maildir:inbox", location: String, day: Int = 0) throws -> Int64 {
            let outcome = try intake.receive(raw, source: source, location: location, receivedAt: DuplicateDocumentTests.day(day))
            guard case .stored(let id) = outcome else { throw PipelineError(message: "\(location) was not new: \(outcome)") }
            return id
        }

        /// The invoice numbers the ERP was asked to book, in order.
        var booked: [String] {
            erp.performed.compactMap { $0.action.parameters["invoice"]?.objectValue?["number"]?.stringValue }
        }

        func message(_ id: Int64) throws -> StoredMessage { try #require(try store.message(id: id)) }
    }

    func setup(_ label: String) throws -> Setup {
        let scratch = try IngestScratch(label)
        let store = try scratch.makeStore()
        let spool = try scratch.makeSpool()
        let erp = RecordingConnector.erp()
        let kinds = DecideFixtures.kinds
        let understand = UnderstandStage(store: store, understander: Understander(catalogue: kinds, classifier: nil))
        let stages = Pipeline.standardStages(spool: spool, store: store, understand: understand,
                                             rules: try DecideFixtures.rules(Self.rules), kinds: kinds,
                                             outbox: Outbox(store: store, connectors: ConnectorCatalogue(connectors: [erp])))
        let pipeline = Pipeline(store: store, stages: stages, workers: 1, logger: TestLog.logger,
                                retryDelay: .milliseconds(50), idlePoll: .milliseconds(50))
        return Setup(scratch: scratch, store: store, spool: spool, intake: Intake(store: store, spool: spool), erp: erp,
                     pipeline: pipeline)
    }

    /// The first copy is acted on; the second must go to review naming the first.
    func expectDuplicate(_ s: Setup, _ id: Int64, of first: Int64, sourceFile: String = #filePath, line: Int = #line) throws {
        let m = try s.message(id)
        #expect(m.state == .review, "message \(id) is \(m.state): \(m.flagReason ?? "")")
        let reason = m.flagReason ?? ""
        #expect(reason.contains("the same invoice NB-2026-1187 from Nordlicht Bürobedarf GmbH arrived as message \(first) on 2026-12-01; not acted on twice"),
                "\(reason)")
        let event = try #require(try s.store.events(of: id).last)
        #expect(event.eventType == "duplicate_detected")
        #expect(event.stage == "decide")
        #expect(event.detailsValue?["earlier_message_id"] == .int(first))
        #expect(try s.store.outboxEntries(messageID: id).isEmpty)
        #expect(try s.store.documentIdentities(ofMessage: id).isEmpty)
    }

    @Test func theSameInvoiceByMailThenAsABareXMLInTheDropFolderIsActedOnOnce() async throws {
        let s = try setup("dup-drop")
        defer { s.scratch.remove() }
        let byMail = try s.receive(Self.invoiceMail(), location: "m1")
        _ = await s.pipeline.drain()
        #expect(try s.message(byMail).state == .acted)
        #expect(s.booked == ["NB-2026-1187"])

        // The accountant scans the paper copy's XML into the drop folder: no mail headers, no Message-ID of the seller.
        let dropped = DroppedFileMessage.make(fileName: "NB-2026-1187.xml", content: Self.ubl, modified: Self.day(1),
                                              folderName: "scans", address: "drop@mailroom.invalid")
        let byDrop = try s.receive(dropped, source: "drop:scans", location: "NB-2026-1187.xml", day: 1)
        let report = await s.pipeline.drain()
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(try s.message(byDrop).kind == "invoice")
        try expectDuplicate(s, byDrop, of: byMail)
        #expect(s.booked == ["NB-2026-1187"])
        // The first holds the invoice's keys and its XML's hash.
        let keys = try s.store.documentIdentities(ofMessage: byMail).map(\.key)
        #expect(keys.contains("invoice|seller=nordlichtbürobedarf|invoice_number=nb20261187"), "\(keys)")
        #expect(keys.contains("invoice|seller_vat_id=de813456783|invoice_number=nb20261187"), "\(keys)")
        #expect(keys.contains("sha256:" + SampleMail.sha256(Self.ubl)), "\(keys)")
        #expect(AuditVerifier.verify(store: s.store).isIntact)
    }

    @Test func aResentMailWithAnotherMessageIDGoesToReview() async throws {
        let s = try setup("dup-resent")
        defer { s.scratch.remove() }
        let first = try s.receive(Self.invoiceMail(), location: "m1")
        let resent = try s.receive(Self.invoiceMail(messageID: "resend-77@nordlicht.example", subject: "Erinnerung: Rechnung NB-2026-1187",
                                                     body: "Wir senden Ihnen die Rechnung noch einmal.", date: "Mon, 14 Dec 2026 10:00:00 +0000"),
                                   location: "m2", day: 13)
        _ = await s.pipeline.drain()
        #expect(try s.message(first).state == .acted)
        try expectDuplicate(s, resent, of: first)
        #expect(s.booked == ["NB-2026-1187"])
    }

    @Test func aForwardedCopyGoesToReview() async throws {
        let s = try setup("dup-forward")
        defer { s.scratch.remove() }
        let original = Self.invoiceMail()
        let first = try s.receive(original, location: "m1")
        _ = await s.pipeline.drain()
        // A colleague got it too and forwards it as an attachment.
        let forward = "From: Kai Kollege <kai@brightwater.example>\r\nTo: einkauf@brightwater.example\r\n"
            + "Subject: Fwd: Rechnung NB-2026-1187\r\nDate: Wed, 02 Dec 2026 07:30:00 +0000\r\nMessage-ID: <fwd-1@brightwater.example>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"fwd\"\r\n\r\n"
            + "--fwd\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nKam bei mir an, bitte buchen.\r\n"
            + "--fwd\r\nContent-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"Rechnung.eml\"\r\n\r\n"
            + String(decoding: original, as: UTF8.self) + "\r\n--fwd--\r\n"
        let forwarded = try s.receive(Data(forward.utf8), location: "m2", day: 1)
        _ = await s.pipeline.drain()
        try expectDuplicate(s, forwarded, of: first)
        #expect(s.booked == ["NB-2026-1187"])
    }

    @Test func anotherInvoiceOfTheSameSellerIsActedOnEvenWithTheSameTermsAttached() async throws {
        let s = try setup("dup-other-invoice")
        defer { s.scratch.remove() }
        let first = try s.receive(Self.invoiceMail(withTerms: true), location: "m1")
        let next = try s.receive(Self.invoiceMail(messageID: "nb-2026-1188@nordlicht.example",
                                                  xml: Self.ubl(["NB-2026-1187": "NB-2026-1188"]), subject: "Rechnung NB-2026-1188",
                                                  withTerms: true), location: "m2", day: 1)
        let report = await s.pipeline.drain()
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(try s.message(first).state == .acted)
        let mNext = try s.message(next)
        #expect(mNext.state == .acted, "\(mNext.flagReason ?? "")")
        #expect(s.booked == ["NB-2026-1187", "NB-2026-1188"])
        // The terms' hash stays with the first invoice.
        let termsKey = "sha256:" + SampleMail.sha256(Self.terms)
        #expect(try s.store.documentIdentities(ofMessage: first).map(\.key).contains(termsKey))
        #expect(try !s.store.documentIdentities(ofMessage: next).map(\.key).contains(termsKey))
        #expect(try s.store.documentIdentities(ofMessage: next).map(\.key).contains("invoice|seller=nordlichtbürobedarf|invoice_number=nb20261188"))
    }

    @Test func theSameNumberFromAnotherSellerIsActedOn() async throws {
        let s = try setup("dup-other-seller")
        defer { s.scratch.remove() }
        let first = try s.receive(Self.invoiceMail(), location: "m1")
        let other = try s.receive(Self.invoiceMail(messageID: "r1187@suedwind.example",
                                                   xml: Self.ubl(["Nordlicht Bürobedarf GmbH": "Südwind Papier GmbH", "DE813456783": "DE273645123"])),
                                  location: "m2", day: 1)
        _ = await s.pipeline.drain()
        #expect(try s.message(first).state == .acted)
        let mOther = try s.message(other)
        #expect(mOther.state == .acted, "\(mOther.flagReason ?? "")")
        #expect(s.booked == ["NB-2026-1187", "NB-2026-1187"])
        // Checked and recorded under its own seller, not waved through.
        #expect(try s.store.documentIdentities(ofMessage: other).map(\.key).contains("invoice|seller=südwindpapier|invoice_number=nb20261187"))
    }

    @Test func aPersonAcceptsTheDuplicateAndItActsWithTheAcceptanceAudited() async throws {
        let s = try setup("dup-accept")
        defer { s.scratch.remove() }
        let first = try s.receive(Self.invoiceMail(), location: "m1")
        let second = try s.receive(Self.invoiceMail(messageID: "resend-77@nordlicht.example", subject: "Rechnung NB-2026-1187 (korrigiert)"),
                                   location: "m2", day: 1)
        _ = await s.pipeline.drain()
        try expectDuplicate(s, second, of: first)
        let reason = try #require(try s.message(second).flagReason)

        let queue = ReviewQueue(store: s.store, catalogue: DecideFixtures.kinds)
        try queue.accept(second, by: "person:anna", note: "the seller says both are to be booked")
        let report = await s.pipeline.drain()
        #expect(report.errors.isEmpty, "\(report.errors)")
        let mSecond = try s.message(second)
        #expect(mSecond.state == .acted, "\(mSecond.flagReason ?? "")")
        #expect(s.booked == ["NB-2026-1187", "NB-2026-1187"])

        let events = try s.store.events(of: second)
        let accepted = try #require(events.first { $0.eventType == "review_accepted" })
        #expect(accepted.actor == "person:anna")
        #expect(accepted.detailsValue?["accepted_reasons"] == .array([.string(reason)]))
        let decided = try #require(events.last { $0.eventType == "decided" })
        #expect(decided.sequence > accepted.sequence)
        #expect(decided.detailsValue?["duplicate_accepted_of"] == .array([.int(first)]))
        // The first message keeps the invoice; a third copy is still a duplicate of it.
        #expect(try s.store.documentIdentities(ofMessage: first).map(\.key).contains("invoice|seller=nordlichtbürobedarf|invoice_number=nb20261187"))
        let third = try s.receive(Self.invoiceMail(messageID: "third@nordlicht.example"), location: "m3", day: 2)
        _ = await s.pipeline.drain()
        try expectDuplicate(s, third, of: first)
        #expect(s.booked.count == 2)
        #expect(AuditVerifier.verify(store: s.store).isIntact)
    }
}
