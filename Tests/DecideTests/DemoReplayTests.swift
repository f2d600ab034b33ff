import Foundation
import Testing
@testable import Vocabulary
@testable import Store
import MailroomTesting

/// Issue 7's acceptance check "replay over the demo store after a rule change prints the exact action diff",
/// with the real binary: the demo mailbox is run once (as `make demo` does), the rules are changed in a copy,
/// and `mailroom replay --rules` prints what would change — and changes nothing.
@Suite(.serialized) struct DemoReplayTests {
    @Test func replayOverTheDemoStoreAfterARuleChangePrintsTheExactActionDiff() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("demo-replay")
        defer { scratch.remove() }
        let fm = FileManager.default
        let root = MailroomProcess.root
        for item in ["demo/Maildir", "rules", "connectors"] {
            try fm.copyItem(atPath: root.appendingPathComponent(item).path, toPath: scratch.path((item as NSString).lastPathComponent))
        }
        let once = try await MailroomProcess.run(["run", "--once"], in: scratch.root, timeout: .seconds(600))
        #expect(once.status == 0, "run --once: \(once.stderr.suffix(2000))")

        // The change: quotations are confirmed after management's approval instead of sales'; invoices from
        // 4,000 (not 10,000) are "large" and need finance.
        try fm.copyItem(atPath: scratch.path("rules"), toPath: scratch.path("rules-v2"))
        let quotes = scratch.path("rules-v2/quotes.yaml"), invoices = scratch.path("rules-v2/invoices.yaml")
        try String(contentsOfFile: quotes, encoding: .utf8).replacingOccurrences(of: "approval: sales", with: "approval: management")
            .write(toFile: quotes, atomically: true, encoding: .utf8)
        try String(contentsOfFile: invoices, encoding: .utf8).replacingOccurrences(of: "fields.gross_total >= 10000", with: "fields.gross_total >= 4000")
            .write(toFile: invoices, atomically: true, encoding: .utf8)

        let store = try MailStore(path: scratch.path("mailroom.sqlite"))
        let headBefore = try store.auditHead()
        let outboxBefore = try store.outboxEntries(states: []).count
        let unchanged = try await MailroomProcess.run(["replay", "--since", "3650d"], in: scratch.root)
        #expect(unchanged.status == 0, "\(unchanged.stderr)")
        #expect(unchanged.stdout.contains(": 0 would change"), "\(unchanged.stdout)")

        let replay = try await MailroomProcess.run(["replay", "--since", "3650d", "--rules", "rules-v2"], in: scratch.root)
        #expect(replay.status == 0, "\(replay.stderr)")
        let out = replay.stdout
        let messages = try store.messages(matching: MessageFilter())
        func id(_ subject: String) throws -> Int64 { try #require(messages.first { ($0.subject ?? "").contains(subject) }?.id) }

        // The seven quote requests priced from the catalogue (their lines read from tables and lists as well as by
        // the kind's patterns): only the confirmation's approval changes.
        for subject in ["RFQ 2026-118", "HT-RFQ-2611-03", "Projekt NH-2231", "見積依頼", "RFQ-1151117", "Fwd: Enquiry: planetary gearboxes", "Rahmenvertrag 2027"] {
            let block = try Self.block(of: try id(subject), in: out)
            #expect(block.contains("~ rule 'quote request to draft quotation' → erp confirm_quotation"), "\(block)")
            #expect(block.contains("was: {\"quotation_id\":\"{{ captured.erp.quotation_id }}\"} (approval: sales)"), "\(block)")
            #expect(block.contains("now: {\"quotation_id\":\"{{ captured.erp.quotation_id }}\"} (approval: management)"), "\(block)")
            #expect(!block.contains("\n  + ") && !block.contains("\n  - "), "\(block)")
        }
        // The XRechnung of 4,567.82 EUR moves from the draft rule to the large-invoice rule (with finance's approval).
        let kiel = try Self.block(of: try id("Rechnung 2026-40517"), in: out)
        #expect(kiel.contains("  - rule 'supplier invoice to draft' → erp find_or_create_party"), "\(kiel)")
        #expect(kiel.contains("  - rule 'supplier invoice to draft' → erp create_supplier_invoice"), "\(kiel)")
        #expect(kiel.contains("  + rule 'large supplier invoice' → erp find_or_create_party"), "\(kiel)")
        #expect(kiel.contains("  + rule 'large supplier invoice' → erp create_supplier_invoice"), "\(kiel)")
        #expect(kiel.contains("4567.82") && kiel.contains("(approval: finance)"), "\(kiel)")
        // So does the Factur-X of 4,868.00 EUR; the 2,603.72 EUR one (RW-26-0915) does not; exactly nine messages change.
        let rhone = try Self.block(of: try id("FA-2026-00731"), in: out)
        #expect(rhone.contains("  + rule 'large supplier invoice' → erp create_supplier_invoice") && rhone.contains("\"gross_total\":\"4868.00\""), "\(rhone)")
        #expect(!out.contains("RW-26-0915"), "\(out)")
        #expect(out.contains(": 9 would change"), "\(out)")
        #expect(out.contains("Nothing was executed."))
        // Mail held for a person before any rule ran is not left out silently: each is listed with its reason.
        #expect(out.contains("skipped (not replayed):\n  message "), "\(out)")
        #expect(out.contains(": held for a person before any rule ran: "), "\(out)")

        // A kind-file change: quote requests now need 99% confidence. The kind files' hash differs from the one
        // in each message's `understood` event, so the messages are understood anew from their stored parse, and
        // the quote requests the classifier is less sure of would now be held — their recorded actions not taken.
        try fm.copyItem(atPath: scratch.path("rules"), toPath: scratch.path("rules-v3"))
        let quoteKind = scratch.path("rules-v3/kinds/quote_request.yaml")
        let kindText = try String(contentsOfFile: quoteKind, encoding: .utf8)
        #expect(kindText.contains("accept_confidence: 0.6\n"))
        try kindText.replacingOccurrences(of: "accept_confidence: 0.6\n", with: "accept_confidence: 0.99\n")
            .write(toFile: quoteKind, atomically: true, encoding: .utf8)
        let kinds = try await MailroomProcess.run(["replay", "--since", "3650d", "--rules", "rules-v3"], in: scratch.root)
        #expect(kinds.status == 0, "\(kinds.stderr)")
        let rahmen = try Self.block(of: try id("Rahmenvertrag 2027"), in: kinds.stdout)
        #expect(rahmen.contains("  - rule 'quote request to draft quotation' → erp create_quotation"), "\(rahmen)")
        #expect(rahmen.contains("  ! would be held for a person before any rule runs: the classifier is only"), "\(rahmen)")
        #expect(kinds.stdout.contains("understood anew from the stored parse (offline)"), "\(kinds.stdout)")
        // --recorded decides with the understanding recorded then: the rules did not change, so nothing does.
        let recorded = try await MailroomProcess.run(["replay", "--since", "3650d", "--rules", "rules-v3", "--recorded"], in: scratch.root)
        #expect(recorded.status == 0, "\(recorded.stderr)")
        #expect(recorded.stdout.contains(": 0 would change"), "\(recorded.stdout)")
        #expect(!recorded.stdout.contains("understood anew"), "\(recorded.stdout)")

        // Nothing was executed or written.
        #expect(try store.auditHead() == headBefore)
        #expect(try store.outboxEntries(states: []).count == outboxBefore)
    }

    /// The lines of the report about one message (its header line to the next message's).
    static func block(of id: Int64, in report: String) throws -> String {
        let lines = report.components(separatedBy: "\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("message \(id) ") }, "message \(id) is not in the report:\n\(report)")
        var block = [lines[start]]
        for line in lines[(start + 1)...] {
            if line.hasPrefix("message ") || !line.hasPrefix(" ") { break }
            block.append(line)
        }
        return block.joined(separator: "\n")
    }
}
