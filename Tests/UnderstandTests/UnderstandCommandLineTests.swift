import Foundation
import Testing
@testable import Store
@testable import Audit
import MailroomTesting

/// classify, review and eval as an operator or a rule author runs them.
@Suite(.serialized) struct UnderstandCommandLineTests {
    /// A scratch folder with a config whose rules are the repository's kinds (and optional examples).
    func scratch(_ label: String, examples: [String: [Int]] = [:]) throws -> (IngestScratch, String) {
        let scratch = try IngestScratch(label)
        _ = try scratch.makeMaildir()
        try FileManager.default.createDirectory(atPath: scratch.path("rules"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("rules/kinds"), withDestinationPath: RepositoryFiles.kinds.path)
        for (kind, numbers) in examples {
            for n in numbers { try scratch.write(try RepositoryFiles.demo(n), to: "rules/examples/\(kind)/demo-\(n).eml") }
        }
        try scratch.write("""
            store:
              path: mailroom.sqlite
            spool:
              path: spool
            sources:
              maildir:
                - name: inbox
                  path: Maildir
            rules:
              path: rules
            """, to: "mailroom.yaml")
        return (scratch, scratch.path("mailroom.yaml"))
    }

    func demoFile(_ n: Int) throws -> String {
        let name = try FileManager.default.contentsOfDirectory(atPath: RepositoryFiles.demoMail.path).first { $0.contains(".M\(n)P") }
        return RepositoryFiles.demoMail.appendingPathComponent(try #require(name)).path
    }

    @Test func classifyPrintsTheContractJSON() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let (scratch, config) = try scratch("cli-classify")
        defer { scratch.remove() }
        let result = try await MailroomProcess.run(["classify", "--config", config, "--json", try demoFile(5)], in: scratch.root)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(json.keys) == ["kind", "confidence", "method", "fields", "review"])
        #expect(json["kind"] as? String == "approval")
        #expect(json["method"] as? String == "rule")
        let fields = try #require(json["fields"] as? [String: Any])
        #expect(fields["decision"] as? String == "approve")
        #expect(fields["reference"] as? String == "APR-2026-0041")
        #expect((json["review"] as? [Any])?.isEmpty == true)

        let explained = try await MailroomProcess.run(["classify", "--config", config, "--explain", try demoFile(16)], in: scratch.root)
        #expect(explained.status == 0, "\(explained.stderr)")
        #expect(explained.stdout.contains("Understood as auto_reply by rule"))
        #expect(explained.stdout.contains("auto_reply_type = 'bounce'"))
        #expect(explained.stdout.contains("rule:auto_reply/non-delivery report (RFC 3464)"))

        // A bare document is read as a message with that one attachment.
        try scratch.write("Invoice No.: INV-77\nTotal due: 1.190,00 EUR\n", to: "note.txt")
        let bare = try await MailroomProcess.run(["classify", "--config", config, "--json", scratch.path("note.txt")], in: scratch.root)
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(bare.stdout.contains("\"kind\":"))
    }

    @Test func brokenKindFilesAreAllReportedWithTheirPlace() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let (scratch, config) = try scratch("cli-badkinds")
        defer { scratch.remove() }
        try FileManager.default.removeItem(atPath: scratch.path("rules/kinds"))
        try scratch.write("kind: a\nbusiness: true\nfields:\n  - name: x\n    type: txt\n", to: "rules/kinds/a.yaml")
        try scratch.write("kind: b\nbusines: false\n", to: "rules/kinds/b.yaml")
        let result = try await MailroomProcess.run(["classify", "--config", config, try demoFile(5)], in: scratch.root)
        #expect(result.status == 1)
        #expect(result.stderr.contains("rules/kinds/a.yaml:5:11: field 'x': unknown type 'txt'; did you mean 'text'?"), "\(result.stderr)")
        #expect(result.stderr.contains("rules/kinds/b.yaml:2:1: unknown key 'busines'; did you mean 'business'?"), "\(result.stderr)")
        let run = try await MailroomProcess.run(["run", "--once", "--config", config], in: scratch.root)
        #expect(run.status == 1, "the daemon refuses to start on broken kinds")
    }

    /// A subject carrying terminal escape sequences (retitle the window, clear the screen) is shown with its
    /// control characters made visible on a terminal, and passed on unchanged into a pipe.
    @Test func reviewShowNeutralisesTerminalEscapesFromMail() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        try #require(FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "script (bsdutils) gives the command a terminal")
        let (scratch, config) = try scratch("cli-escapes")
        defer { scratch.remove() }
        let hostile = "Rechnung \u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}31m fertig"
        let encoded = "=?UTF-8?B?" + Data(hostile.utf8).base64EncodedString() + "?="
        try scratch.write("From: a@example.com\r\nTo: b@example.com\r\nSubject: \(encoded)\r\nMessage-ID: <esc@example.com>\r\n"
                          + "Date: Mon, 23 Nov 2026 08:00:00 +0000\r\n\r\nHallo\r\n", to: "Maildir/new/escape.eml")
        let run = try await MailroomProcess.run(["run", "--once", "--config", config], in: scratch.root)
        #expect(run.status == 0, "\(run.stderr)")
        let list = try await MailroomProcess.run(["review", "list", "--config", config, "--json"], in: scratch.root)
        let ids = list.stdout.split(separator: "\n").compactMap { line -> Int? in
            let item = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            return item?["id"] as? Int
        }
        let id = try #require(ids.first, "\(list.stdout)")

        let piped = try await MailroomProcess.run(["review", "show", "--config", config, "\(id)"], in: scratch.root)
        #expect(piped.stdout.contains("\u{1B}]0;owned"), "into a pipe the text is passed on as it is")

        let command = [MailroomProcess.binary, "review", "show", "--config", config, "\(id)"].map { "'\($0)'" }.joined(separator: " ")
        let onTerminal = try await MailroomProcess.run(["-qec", command, "/dev/null"], in: scratch.root, program: "/usr/bin/script")
        #expect(onTerminal.stdout.contains("Rechnung ^[]0;owned^G^[[2J"), "\(onTerminal.stdout)")
        #expect(!onTerminal.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
    }

    @Test func reviewListCorrectAndRejectAreAuditedWithWho() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let (scratch, config) = try scratch("cli-review")
        defer { scratch.remove() }
        // No examples: a mail that no matcher recognises waits for a person.
        try scratch.write(try RepositoryFiles.demo(7), to: "Maildir/new/invoice.eml")
        try scratch.write(try RepositoryFiles.demo(18), to: "Maildir/new/party.eml")
        try scratch.write(try RepositoryFiles.demo(5), to: "Maildir/new/approval.eml")
        let run = try await MailroomProcess.run(["run", "--once", "--config", config], in: scratch.root)
        #expect(run.status == 0, "\(run.stderr)")

        let list = try await MailroomProcess.run(["review", "list", "--config", config, "--json"], in: scratch.root)
        #expect(list.status == 0, "\(list.stderr)")
        let items = list.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(items.count == 2, "\(list.stdout)")
        let invoice = try #require(items.first { ($0["subject"] as? String)?.contains("RE-2026-11873") == true }?["id"] as? Int)
        let party = try #require(items.first { ($0["subject"] as? String)?.contains("Weihnachtsfeier") == true }?["id"] as? Int)

        let show = try await MailroomProcess.run(["review", "show", "--config", config, "\(invoice)"], in: scratch.root)
        #expect(show.stdout.contains("the kind could not be told"), "\(show.stdout)")

        let wrong = try await MailroomProcess.run(["review", "correct", "--config", config, "\(invoice)", "kind=invoce"], in: scratch.root)
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("did you mean 'invoice'?"), "\(wrong.stderr)")

        let corrected = try await MailroomProcess.run(["review", "correct", "--config", config, "--by", "anna", "--add-example",
                                                       "\(invoice)", "kind=invoice", "invoice_number=RE-2026-11873",
                                                       "gross_total=4.482,30 EUR"], in: scratch.root)
        #expect(corrected.status == 0, "\(corrected.stderr)")
        #expect(corrected.stdout.contains("corrected and accepted as invoice by person:anna via operator:"))
        #expect(corrected.stdout.contains("example added: "))
        #expect(scratch.list("rules/examples/invoice").count == 2)  // the mail and its expected fields

        let rejected = try await MailroomProcess.run(["review", "reject", "--config", config, "--by", "ben", "--reason",
                                                      "internal invitation", "\(party)"], in: scratch.root)
        #expect(rejected.status == 0, "\(rejected.stderr)")

        let store = try MailStore(path: scratch.path("mailroom.sqlite"))
        let events = try store.events(of: Int64(invoice))
        #expect(events.contains { $0.actor.hasPrefix("person:anna via operator:") && $0.eventType == "review_corrected" })
        #expect(try store.message(id: Int64(invoice))?.understanding?.method == "person")
        #expect(try store.events(of: Int64(party)).last?.actor.hasPrefix("person:ben via operator:") == true)
        #expect(try store.message(id: Int64(party))?.state == .noAction)

        // The rejected mail is reopened: back in review, nothing to undo, audited with who and why.
        let reopened = try await MailroomProcess.run(["review", "reopen", "--config", config, "--by", "ben", "--reason",
                                                      "it was an order after all", "\(party)"], in: scratch.root)
        #expect(reopened.status == 0, "\(reopened.stderr)")
        #expect(reopened.stdout.contains("message \(party): reopened by person:ben via operator:"), "\(reopened.stdout)")
        #expect(reopened.stdout.contains("no action was decided for it"))
        #expect(try store.message(id: Int64(party))?.state == .review)
        let reopenEvent = try #require(try store.events(of: Int64(party)).last)
        #expect(reopenEvent.eventType == "review_reopened" && reopenEvent.actor.hasPrefix("person:ben via operator:"))
        let again = try await MailroomProcess.run(["review", "reopen", "--config", config, "\(party)"], in: scratch.root)
        #expect(again.status == 1)
        #expect(again.stderr.contains("already in review"), "\(again.stderr)")
        let help = try await MailroomProcess.run(["review", "reopen", "--help"], in: scratch.root)
        #expect(help.stdout.contains("not undone") || help.stdout.contains("NOT undone"), "\(help.stdout)")
        #expect(AuditVerifier.verify(store: store).isIntact)
    }

    @Test func evalPrintsAccuracyPerKindAndConfusion() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let (scratch, config) = try scratch("cli-eval", examples: ["approval": [5, 10, 12], "auto_reply": [6, 16], "other": [4, 13]])
        defer { scratch.remove() }
        for (kind, n) in [("approval", 5), ("auto_reply", 16), ("other", 4), ("other", 13)] {
            try scratch.write(try RepositoryFiles.demo(n), to: "labelled/\(kind)/m\(n).eml")
        }
        try scratch.write(#"{"fields": {"decision": "approve", "reference": "APR-2026-0041"}}"#, to: "labelled/approval/m5.expected.json")
        let result = try await MailroomProcess.run(["eval", "--config", config, "--json", scratch.path("labelled")], in: scratch.root)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["accuracy"] as? Double == 1.0)
        let perKind = try #require(json["per_kind"] as? [String: [String: Any]])
        #expect(perKind["other"]?["support"] as? Int == 2)
        #expect(perKind["approval"]?["precision"] as? Double == 1.0)
        let confusion = try #require(json["confusion"] as? [String: [String: Int]])
        #expect(confusion["auto_reply"]?["auto_reply"] == 1)
        let fields = try #require(json["fields"] as? [String: [String: Any]])
        #expect(fields["reference"]?["precision"] as? Double == 1.0)

        let cv = try await MailroomProcess.run(["eval", "--config", config, "--cross-validate", "2"], in: scratch.root)
        #expect(cv.status == 0, "\(cv.stderr)")
        #expect(cv.stdout.contains("7 mails, accuracy"), "\(cv.stdout)")
    }
}
