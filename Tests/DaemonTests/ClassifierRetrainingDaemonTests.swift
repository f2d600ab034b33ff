import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Understand
@testable import Daemon
import MailroomTesting

/// Learning from people, end to end with real processes: a running daemon understands a mail with the model
/// trained from the examples at its start; a person corrects it with `mailroom review correct … --add-example`;
/// the same daemon (no restart) notices the new example, retrains in the background, audits the new version,
/// and understands the next such mail with the new model.
@Suite(.serialized) struct ClassifierRetrainingDaemonTests {
    static func kind(_ name: String) -> String {
        """
        kind: \(name)
        description: Mail about \(name).
        business: false
        accept_confidence: 0.1
        fields: []

        """
    }

    static func mail(id: String, subject: String, body: String) -> String {
        """
        From: Grower <grower@orchard.example>
        To: office@brightwater.example
        Subject: \(subject)
        Date: Mon, 23 Nov 2026 08:00:00 +0000
        Message-ID: <\(id)@orchard.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        \(body)

        """
    }

    func prepare(_ label: String) throws -> IngestScratch {
        let scratch = try IngestScratch(label)
        _ = try scratch.makeMaildir()
        try scratch.write("""
            store: {path: state/mailroom.sqlite}
            spool: {path: state/spool}
            sources:
              maildir: [{name: inbox, path: Maildir, poll_seconds: 1}]
            rules:
              path: rules
              examples_check_seconds: 0.5
            log: {level: info}
            """, to: "mailroom.yaml")
        for name in ["alpha", "beta", "gamma"] { try scratch.write(Self.kind(name), to: "rules/kinds/\(name).yaml") }
        let topics = ["alpha": ["apples", "apple harvest", "green apples"], "beta": ["bananas", "banana boxes", "ripe bananas"]]
        for (kind, words) in topics {
            for (n, w) in words.enumerated() {
                try scratch.write(Self.mail(id: "\(kind)-\(n)", subject: "\(w) delivery", body: "We send \(w) and more \(w) every week. \(w)!"),
                                  to: "rules/examples/\(kind)/\(kind)-\(n).eml")
            }
        }
        return scratch
    }

    static let cherries = "Cherries from the cherry orchard: sour cherries, sweet cherries, cherry stones."

    func deliver(_ text: String, as name: String, to scratch: IngestScratch) throws {
        try scratch.write(text, to: "Maildir/tmp/\(name)")
        try FileManager.default.moveItem(atPath: scratch.path("Maildir/tmp/\(name)"), toPath: scratch.path("Maildir/new/\(name)"))
    }

    @Test func aRunningDaemonRetrainsFromAnAddedExampleAndUsesTheNewModelWithoutARestart() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try prepare("retrain-daemon")
        defer { scratch.remove() }
        let config = scratch.path("mailroom.yaml")
        let examples = URL(fileURLWithPath: scratch.path("rules/examples"))
        let firstVersion = try ExampleLibrary.examplesHash(directory: examples)

        try FileManager.default.createDirectory(atPath: scratch.path("state"), withIntermediateDirectories: true)
        let daemon = try MailroomProcess.start(["run", "--config", config], in: scratch.root, label: "daemon")
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        let storePath = scratch.path("state/mailroom.sqlite")
        func acted(_ subject: String) throws -> StoredMessage? {
            guard FileManager.default.fileExists(atPath: storePath) else { return nil }
            return try MailStore(path: storePath).messages(matching: MessageFilter()).first { $0.subject == subject && $0.state == .noAction }
        }
        func understood(_ id: Int64) throws -> [String: JSONValue]? {
            try MailStore(path: storePath).auditEvents(matching: AuditFilter(messageID: id, eventType: "understood")).first?.detailsValue
        }

        // 1. Understood by the model of the examples at the start: it knows no gamma.
        try deliver(Self.mail(id: "c-1", subject: "Cherry order", body: Self.cherries), as: "1790000001.M1P1.test", to: scratch)
        let first = try await eventually("the first mail to be acted on", timeout: .seconds(180), daemon: daemon) { try acted("Cherry order") }
        let firstUnderstood = try #require(try understood(first.id))
        #expect(firstUnderstood["classifier_version"] == .string(firstVersion))
        #expect(first.kind != "gamma")

        // 2. A person corrects it and adds it to the examples, beside the running daemon.
        let correct = try await MailroomProcess.run(["review", "correct", String(first.id), "kind=gamma", "--add-example",
                                                     "--by", "anna", "--config", config], in: scratch.root)
        #expect(correct.status == 0, "review correct: \(correct.stdout) \(correct.stderr)")
        #expect(correct.stdout.contains("reopened and corrected as gamma by person:anna via operator:"), "\(correct.stdout)")
        #expect(correct.stdout.contains("example added: "))
        #expect(scratch.list("rules/examples/gamma").count == 1)
        let secondVersion = try ExampleLibrary.examplesHash(directory: examples)
        #expect(secondVersion != firstVersion)

        // 3. The daemon notices, retrains in the background and says so in the audit trail.
        let retrained = try await eventually("the classifier_retrained event", timeout: .seconds(180), daemon: daemon) {
            try MailStore(path: storePath).auditEvents(matching: AuditFilter(eventType: "classifier_retrained")).last?.detailsValue
        }
        #expect(retrained["old_version"] == .string(firstVersion))
        #expect(retrained["new_version"] == .string(secondVersion))
        #expect(retrained["old_examples"] == .int(6))
        #expect(retrained["new_examples"] == .int(7))
        #expect(retrained["new_examples_per_kind"]?["gamma"] == .int(1))
        #expect(retrained["seconds"]?.doubleValue != nil)

        // 4. The next such mail is understood by the new model, by the same process.
        try deliver(Self.mail(id: "c-2", subject: "More cherries", body: Self.cherries), as: "1790000002.M2P1.test", to: scratch)
        let second = try await eventually("the second mail to be acted on", timeout: .seconds(180), daemon: daemon) { try acted("More cherries") }
        let secondUnderstood = try #require(try understood(second.id))
        #expect(secondUnderstood["classifier_version"] == .string(secondVersion))
        #expect(second.kind == "gamma")
        #expect(secondUnderstood["method"] == "classifier")
        // The corrected first mail is decided again by the same daemon.
        let events = try await eventually("the corrected mail to be decided again", timeout: .seconds(120), daemon: daemon) {
            () -> [String]? in
            let types = try MailStore(path: storePath).events(of: first.id).map(\.eventType)
            return types.filter { $0 == "decided" }.count == 2 && types.last == "no_action" ? types : nil
        }
        #expect(events.contains("review_reopened") && events.contains("review_corrected") && events.contains("example_added"))

        await stopDaemon(daemon)
        #expect(daemon.process.terminationStatus == 0, "\(daemon.stderr.suffix(2000))")
        let verify = try await MailroomProcess.run(["audit", "verify", "--config", config], in: scratch.root)
        #expect(verify.status == 0, "audit verify: \(verify.stdout) \(verify.stderr)")
    }
}
