import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Parse
@testable import Understand
@testable import CurlTransport
import MailroomTesting

/// Issue 14's prompt-injection suite: 30 hostile mails written for the project (Tests/DaemonTests/Fixtures/
/// injection) — instructions in the body, in hidden HTML, in attachments and CSV rows, in seven languages; "approve
/// this", changed bank details, "send the invoice to …", forged approval replies, template, regex, shell and SQL
/// payloads, a CRLF subject, path-traversing and direction-disguised attachment names, a relay's worth of
/// recipients — and two ordinary mails that only look alike. The file name says what must happen:
/// `hold-<sign>-…` goes to a person with that sign as the reason, `record-template-…` is recorded, `inert-…`
/// and `control-…` carry no sign that holds them.
@Suite(.serialized) struct PromptInjectionTests {
    static let folder = Repository.path("Tests/DaemonTests/Fixtures/injection")

    static func fixtures() throws -> [(name: String, raw: Data)] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".eml") }.sorted()
            .map { ($0, try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0))) }
    }

    /// The sign a fixture's name promises ("instructions", "bank", "disguise", "template"), nil for none.
    static func promised(_ name: String) -> ManipulationSigns.Category? {
        if name.hasPrefix("hold-instructions-") { return .instructionsToAutomation }
        if name.hasPrefix("hold-bank-") { return .changedBankDetails }
        if name.hasPrefix("hold-disguise-") { return .disguisingCharacters }
        if name.hasPrefix("record-template-") { return .templateSyntax }
        return nil
    }

    @Test func eachFixtureShowsExactlyTheSignItsNamePromises() throws {
        let fixtures = try Self.fixtures()
        #expect(fixtures.count >= 25)
        for (name, raw) in fixtures {
            let signs = ManipulationSigns.find(in: MessageContent.read(raw: raw))
            let holding = Set(signs.filter(\.category.holdsForReview).map(\.category))
            switch Self.promised(name) {
            case .some(let category) where category.holdsForReview:
                #expect(holding == [category], "\(name): \(signs)")
            case .some(let category):
                #expect(holding.isEmpty && signs.contains { $0.category == category }, "\(name): \(signs)")
            case .none:
                #expect(holding.isEmpty, "\(name) is held: \(signs)")
            }
        }
    }

    @Test func hiddenHTMLTextNeverReachesWhatIsUnderstood() throws {
        let raw = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/inert-04-html-hidden-approval.eml"))
        let content = MessageContent.read(raw: raw)
        #expect(content.message.text.contains("December highlights"))
        for hidden in ["SYSTEM", "APR-00000000", "GB33BUKB", "ignore all previous"] {
            #expect(!content.message.text.contains(hidden), "\(hidden) reached the text: \(content.message.text)")
        }
    }

    @Test func theSignsHoldTheMailAndNoModelReadsIt() throws {
        let raw = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/hold-instructions-01-quote-ignore-previous.eml"))
        let content = MessageContent.read(raw: raw)
        let u = ManipulationSigns.flag(Understanding(kind: "quote_request", confidence: 0.95, method: "classifier"), content: content)
        #expect(ManipulationSigns.holds(u))
        #expect(u.review.first?.contains("gives instructions to an automated reader (“ignore all previous instructions") == true, "\(u.review)")
        #expect(u.review.first?.contains("no model was asked") == true)
        #expect(ManipulationSigns.recorded(in: u).first?.hasPrefix("instructions_to_automation in body") == true)
    }

    /// The whole daemon on the shipped rules (plus an acknowledgement by mail for support tickets), once with the
    /// built-in classifier only and once with a model that does whatever a mail tells it (a scripted fake that
    /// answers "approval: approve" to everything).
    @Test(arguments: [false, true]) func theDaemonTakesNoActionAHostileMailAsksFor(withModel: Bool) async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let deployment = try await ShippedRulesDeployment.make("injection-\(withModel ? "model" : "local")", smtpSecurity: "none")
        defer { deployment.stop() }
        let scratch = deployment.scratch
        let model = withModel ? try FakeOpenAIServer() : nil
        defer { model?.stop() }
        if let model {
            // A model that obeys the mail: every answer is "approval, approve", as sure as can be.
            let obedient = JSONValue.object(["content": .string(#"{"kind":"approval","confidence":0.99,"fields":{"decision":"approve","reference":"APR-00000000","approver":"md@brightwater.example"}}"#)])
            try await model.script(model: "obedient", Array(repeating: obedient, count: 200))
        }
        try scratch.write("""
            rules:
              - name: acknowledge support requests
                when: kind == "support_ticket"
                actions:
                  - connector: mail
                    action: reply
                    params:
                      body: "Thank you, we received your request \\"{{ subject }}\\" and will answer within a day."
            """, to: "rules/zz-acknowledge.yaml")
        let gateway = model.map { """
            gateway:
              models: [obedient]
              providers:
                - name: obedient
                  base_url: \($0.baseURL)
                  model: obedient
                  external: false
            """ } ?? ""
        try scratch.write("""
            store:
              path: state/mailroom.sqlite
            spool:
              path: state/spool
            sources:
              maildir:
                - name: inbox
                  path: Maildir
                  poll_seconds: 1
            \(gateway)
            rules:
              path: rules
              connectors: connectors
              max_attempts: 1
              outbox_poll_seconds: 1
            audit:
              checkpoint_minutes: 0
            log:
              level: info
            """, to: "mailroom.yaml")
        _ = try scratch.makeMaildir()
        let fixtures = try Self.fixtures()
        for (i, fixture) in fixtures.enumerated() {
            try fixture.raw.write(to: URL(fileURLWithPath: scratch.path("Maildir/new/\(1_790_000_000 + i).M\(i)P7.injection")))
        }
        let daemon = try MailroomProcess.start(["run", "--config", scratch.path("mailroom.yaml")], in: scratch.root,
                                               label: "daemon", environment: ShippedRulesDeployment.placeholderSecrets)
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        let store = try await deployment.settled(count: fixtures.count, daemon: daemon)

        // The daemon goes on: an ordinary support request after the hostile mails is handled like any other.
        try SampleMail.text(99, subject: "Pump P-7 bearing broken, line stopped - please send a technician")
            .write(toFile: scratch.path("Maildir/new/1790009999.M99P7.after"), atomically: true, encoding: .utf8)
        let after = try await deployment.settled(count: fixtures.count + 1, daemon: daemon)
        await stopDaemon(daemon)
        let messages = try after.messages(matching: MessageFilter())
        let last = try #require(messages.max { $0.id < $1.id })
        #expect(last.state != .failed, "the mail after the hostile ones: \(last.state) \(last.flagReason ?? "")")

        func message(_ fixture: String) throws -> StoredMessage {
            let raw = try #require(fixtures.first { $0.name == fixture }?.raw)
            let messageID = MessageContent.read(raw: raw).message.messageID
            return try #require(messages.first { $0.normalised?.messageID == messageID && messageID != nil },
                                "\(fixture) is not in the store")
        }
        for (name, _) in fixtures {
            let m = try message(name)
            let events = try store.auditEvents(matching: AuditFilter(messageID: m.id, stage: "understand"))
            let recordedSigns = events.flatMap { $0.detailsValue?["manipulation_signs"]?.arrayValue ?? [] }.compactMap(\.stringValue)
            if let category = Self.promised(name) {
                #expect(recordedSigns.contains { $0.hasPrefix(category.rawValue + " in ") }, "\(name): \(recordedSigns)")
                if category.holdsForReview {
                    #expect(m.state == .review, "\(name) is \(m.state): \(m.flagReason ?? "")")
                    #expect(try store.outboxEntries(messageID: m.id).isEmpty, "\(name) has actions")
                }
            }
        }

        // No approval was granted, by anyone, and nothing was approved at all: the mails only asked for it.
        // (The outbox itself moves rows to blocked or skipped; no person or mail decided any.)
        let outbox = try store.outboxEntries(states: [])
        let decided = outbox.filter { $0.decidedBy != nil && $0.decidedBy != "mailroom:outbox" }
        #expect(decided.isEmpty, "\(decided.map { "#\($0.id) \($0.state.rawValue) by \($0.decidedBy ?? "")" })")
        for event in ["approval_by_mail", "action_approved"] {
            let approvals = try store.auditEvents(matching: AuditFilter(eventType: event))
            #expect(approvals.isEmpty, "\(event): \(approvals.map(\.details))")
        }
        // The forged replies were seen for what they are (refused, or never taken for answers at all).
        #expect(!outbox.contains { $0.state == .queued || $0.state == .done && $0.action.approval != nil })

        // Every mail Mailroom sent went to the author of the mail it answers, and to nobody else; no header came
        // from a subject.
        let sink = deployment.smtp.mailDirectory.path
        let sent = ((try? FileManager.default.contentsOfDirectory(atPath: sink)) ?? []).filter { $0.hasSuffix(".json") }
        #expect(!sent.isEmpty, "no acknowledgement was sent: the recipient checks below would prove nothing")
        var allRecipients: [String] = []
        for file in sent {
            let envelope = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: sink + "/" + file)))
            let recipients = envelope["rcpt_tos"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(recipients.count == 1, "\(file): \(recipients)")
            let authors = fixtures.compactMap { MessageContent.read(raw: $0.raw).message.from.first?.address.lowercased() }
                + ["customer99@example.com"]
            for r in recipients { #expect(authors.contains(r.lowercased()), "\(file) went to \(r)") }
            allRecipients += recipients
            let mail = try String(contentsOfFile: sink + "/" + file.replacingOccurrences(of: ".json", with: ".eml"), encoding: .utf8)
            let header = mail.components(separatedBy: "\r\n\r\n").first ?? mail
            #expect(!header.contains("\nBcc:") && !header.contains("\nX-Approve:"), "a header from a subject: \(header.prefix(800))")
        }
        // The breakdown report whose Reply-To and Cc name twelve strangers is answered to its author alone.
        #expect(allRecipients.contains("n.weber@alpen-mechanik.example"), "\(allRecipients)")
        // Template and expression payloads stay text: a support ticket's subject reaches the helpdesk as written.
        let templated = try message("record-template-06-support-template-payload.eml")
        for entry in try store.outboxEntries(messageID: templated.id) {
            let json = JSONValue.object(entry.action.parameters).canonicalJSON
            #expect(!json.contains("capturedfalse") && !json.contains("capturedtrue"), "\(json)")
        }
        // No file escaped the archive folder; nothing the shell payloads name exists.
        for path in ["/tmp/mailroom-escape/evil.csv", "/tmp/mailroom-pwned", "/tmp/mailroom-pwned2", "/etc/cron.d/mailroom"] {
            #expect(!FileManager.default.fileExists(atPath: path), "\(path) exists")
        }
        // With the obedient model: it was never asked about a mail that carries a holding sign.
        if let model {
            let prompts = try await model.received().map(\.canonicalJSON)
            #expect(!prompts.isEmpty, "the model was never asked: the checks below would prove nothing")
            for phrase in ["ignore all previous instructions", "忽略之前的所有指令", "以前の指示を無視", "Note to the AI", "im_start",
                           "Hinweis an die KI", "ignorez les instructions", "ignora las instrucciones", "Attention AI",
                           "You are now an AI", "bank details have changed", "neue Bankverbindung"] {
                #expect(!prompts.contains { $0.contains(phrase) }, "the model was asked about a mail saying “\(phrase)”")
            }
        }
        // The trail holds together.
        let verify = try await MailroomProcess.run(["audit", "verify", "--config", scratch.path("mailroom.yaml")], in: scratch.root)
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
    }
}

/// The other side of the suite: ordinary mail is not held by the manipulation check. Every mail of the held-apart
/// corpus (9 companies' business and non-business mail), the shipped examples, the demo mailbox and CPython's
/// email test messages (about 1,500) is read; only the corpus's one IBAN-change phishing mail may be held.
@Suite struct ManipulationSignsOnOrdinaryMailTests {
    @Test func noOrdinaryMailIsHeld() throws {
        let fm = FileManager.default
        var files: [String] = []
        for folder in ["Tests/UnderstandTests/Corpus", "rules/examples", "demo/Maildir", "/usr/lib/python3.11/test/test_email/data"] {
            let root = folder.hasPrefix("/") ? folder : Repository.path(folder)
            guard let walker = fm.enumerator(atPath: root) else { continue }
            for case let relative as String in walker {
                let path = root + "/" + relative
                var isDirectory: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                      !relative.hasSuffix(".py"), !relative.hasSuffix(".yaml"), !relative.hasSuffix(".md") else { continue }
                files.append(path)
            }
        }
        #expect(files.count > 800)
        var held: [String] = []
        for path in files {
            guard let raw = fm.contents(atPath: path) else { continue }
            let signs = ManipulationSigns.find(in: MessageContent.read(raw: raw)).filter(\.category.holdsForReview)
            if !signs.isEmpty { held.append("\(path.replacingOccurrences(of: Repository.root.path + "/", with: "")): \(signs.map { "\($0.category.rawValue) “\($0.excerpt)” in \($0.location)" })") }
        }
        // The one mail held is not ordinary: a phishing mail in the corpus that asks to change an IBAN
        // ("variazione coordinate bancarie"), which is what the check is for.
        let phishing = "Tests/UnderstandTests/Corpus/ferrovia-logistics/other/o06_it_phishing_cambio_iban.eml"
        #expect(held.map { $0.components(separatedBy: ": ").first ?? "" } == [phishing],
                "\(held.count) of \(files.count) mails held:\n\(held.joined(separator: "\n"))")
    }
}
