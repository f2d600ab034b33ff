import Foundation
import Testing
@testable import Vocabulary
@testable import Store
import MailroomTesting

/// The store's side of "the same business document once": who holds a key, when it no longer counts, and the
/// all-or-nothing claim.
@Suite struct DocumentIdentityStoreTests {
    static func sha(_ tag: String) -> String { StoreScratch.sha256Hex(Data(tag.utf8)) }

    static func invoice(_ number: String, seller: String = "alster", documents: [String] = []) -> DocumentIdentity {
        DocumentIdentity(kind: "invoice", keys: ["invoice|seller=\(seller)|invoice_number=\(number)"],
                         documentSHA256: documents.map(sha), label: "invoice \(number) from \(seller)")
    }

    struct Setup {
        let dir: URL
        let store: MailStore

        /// A message in `understood` with the given kind (the state Decide claims in).
        func message(_ tag: String, kind: String = "invoice") throws -> Int64 {
            let id = try store.recordReceived(StoreScratch.received(tag), actor: "test").messageID
            for (from, to) in [(MessageState.received, MessageState.parsed), (.parsed, .understood)] {
                try store.transition(id, from: from, to: to, update: MessageUpdate(kind: to == .understood ? kind : nil),
                                     audit: AuditDraft(messageID: id, stage: "test", actor: "test", eventType: to.rawValue))
            }
            return id
        }
    }

    func setup() throws -> Setup {
        let dir = try StoreScratch.directory("identities")
        return Setup(dir: dir, store: try MailStore(path: dir.appendingPathComponent("mailroom.sqlite").path))
    }

    @Test func theFirstMessageHoldsTheKeyAndALaterOneIsTold() throws {
        let s = try setup()
        defer { StoreScratch.remove(s.dir) }
        let a = try s.message("a"), b = try s.message("b")
        #expect(try s.store.claimDocumentIdentity(Self.invoice("r42", documents: ["pdf"]), messageID: a, accepting: []).isEmpty)
        // Claiming again for the same message changes nothing.
        #expect(try s.store.claimDocumentIdentity(Self.invoice("r42", documents: ["pdf"]), messageID: a, accepting: []).isEmpty)
        #expect(try s.store.documentIdentities(ofMessage: a).count == 2)

        let conflicts = try s.store.claimDocumentIdentity(Self.invoice("r42", documents: ["other.pdf"]), messageID: b, accepting: [])
        #expect(conflicts.map(\.earlierMessageID) == [a])
        #expect(conflicts.first?.key == "invoice|seller=alster|invoice_number=r42")
        #expect(conflicts.first?.earlierLabel == "invoice r42 from alster")
        #expect(conflicts.first?.earlierState == .understood)
        // All or nothing: the later message's other document was not recorded either.
        #expect(try s.store.documentIdentities(ofMessage: b).isEmpty)
        #expect(try s.store.documentIdentityConflicts(Self.invoice("r42"), messageID: b, accepting: []).count == 1)
        // Another number of the same seller, and the same number of another seller, are other invoices.
        #expect(try s.store.claimDocumentIdentity(Self.invoice("r43"), messageID: b, accepting: []).isEmpty)
        let c = try s.message("c")
        #expect(try s.store.claimDocumentIdentity(Self.invoice("r42", seller: "elbe"), messageID: c, accepting: []).isEmpty)
    }

    @Test func aDocumentsHashCountsUnlessBothInvoicesAreKnownAndDiffer() throws {
        let s = try setup()
        defer { StoreScratch.remove(s.dir) }
        let a = try s.message("a"), b = try s.message("b"), c = try s.message("c")
        #expect(try s.store.claimDocumentIdentity(Self.invoice("r42", documents: ["terms.pdf", "r42.pdf"]), messageID: a, accepting: []).isEmpty)
        // Another invoice with the same terms attached: not a duplicate.
        #expect(try s.store.claimDocumentIdentity(Self.invoice("r43", documents: ["terms.pdf"]), messageID: b, accepting: []).isEmpty)
        #expect(try s.store.documentIdentities(ofMessage: a).map(\.key).contains("sha256:" + Self.sha("terms.pdf")))
        // A scan whose number was not read: only the document tells, and it does.
        let scan = DocumentIdentity(kind: "invoice", keys: [], documentSHA256: [Self.sha("r42.pdf")], label: "invoice")
        let conflicts = try s.store.claimDocumentIdentity(scan, messageID: c, accepting: [])
        #expect(conflicts.map(\.earlierMessageID) == [a])
        #expect(conflicts.first?.isDocument == true)
    }

    @Test func aHolderRejectedOrCorrectedToAnotherKindNoLongerCounts() throws {
        let s = try setup()
        defer { StoreScratch.remove(s.dir) }
        let a = try s.message("a"), b = try s.message("b")
        #expect(try s.store.claimDocumentIdentity(Self.invoice("r42"), messageID: a, accepting: []).isEmpty)
        #expect(try s.store.documentIdentityConflicts(Self.invoice("r42"), messageID: b, accepting: []).count == 1)
        // A person rejects the first copy: it is closed as `other`.
        try s.store.transition(a, from: .understood, to: .review, update: MessageUpdate(flagReason: "looks odd"),
                               audit: AuditDraft(messageID: a, stage: "test", actor: "test", eventType: "review"))
        #expect(try s.store.documentIdentityConflicts(Self.invoice("r42"), messageID: b, accepting: []).count == 1,
                "in review it may still have acted")
        try s.store.transition(a, from: .review, to: .acted, update: MessageUpdate(kind: "other"),
                               audit: AuditDraft(messageID: a, stage: "review", actor: "person:anna", eventType: "review_rejected"))
        #expect(try s.store.claimDocumentIdentity(Self.invoice("r42"), messageID: b, accepting: []).isEmpty)
        #expect(try s.store.documentIdentities(ofMessage: b).map(\.messageID) == [b])
        #expect(try s.store.documentIdentities(ofMessage: a).isEmpty)
    }

    @Test func anAcceptedEarlierMessageDoesNotCountAndKeepsItsKey() throws {
        let s = try setup()
        defer { StoreScratch.remove(s.dir) }
        let a = try s.message("a"), b = try s.message("b")
        #expect(try s.store.claimDocumentIdentity(Self.invoice("r42", documents: ["x"]), messageID: a, accepting: []).isEmpty)
        #expect(try s.store.claimDocumentIdentity(Self.invoice("r42", documents: ["x", "y"]), messageID: b, accepting: [a]).isEmpty)
        #expect(try s.store.documentIdentities(ofMessage: a).count == 2)
        #expect(try s.store.documentIdentities(ofMessage: b).map(\.key) == ["sha256:" + Self.sha("y")])
    }
}
