import Act
import Daemon
import Foundation
import Logging
import MailroomTesting
import PasswordHashing
import Store
import Testing
import Understand
import Vocabulary
@testable import WebUI

/// The search, message and review pages over HTTP, logged in as a reviewer who may approve for finance.
@Suite(.serialized) struct WebPagesHTTPTests {
    struct Site {
        var client: HTTPTestClient
        var cookies: [String: String]
        var port: Int
        var store: MailStore
        var ids: [Int64]
        /// The rules folder the site reads.
        var rules: String
        var spool: String
    }

    static func csrf(_ html: String) -> String? {
        guard let r = html.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    /// A store with an invoice in review (with a grounded field and an action awaiting approval) and a Chinese mail.
    static func seed(_ store: MailStore) throws -> [Int64] {
        var ids: [Int64] = []
        let mails: [(String, String, String)] = [
            ("=HYPERLINK(\"http://evil\")", "Rechnung R-42: bitte zahlen Sie 1.190,00 EUR. <script>alert(1)</script>", "a@b.de"),
            ("请查收发票", "您好，附件是三月份的发票。", "li@example.cn"),
        ]
        for (i, (subject, text, sender)) in mails.enumerated() {
            let id = try store.recordReceived(StoreScratch.received("web\(i)", at: Date(timeIntervalSince1970: 1_790_000_000 + Double(i))),
                                              actor: "test").messageID
            var n = NormalisedMessage(subject: subject)
            n.text = text
            n.from = [MailAddress(name: nil, address: sender)]
            try store.transition(id, from: .received, to: .parsed, update: MessageUpdate(subject: subject, sender: sender, normalised: n),
                                 audit: AuditDraft(messageID: id, stage: "parse", actor: "test", eventType: "parsed"))
            ids.append(id)
        }
        let u = Understanding(kind: "invoice", confidence: 0.6, method: "classifier",
                              fields: ["invoice_number": .text("R-42"), "gross_total": .money(1190, currency: "EUR")],
                              groundings: ["invoice_number": Grounding(location: "body", offset: 9, excerpt: "R-42")],
                              review: ["gross_total could not be checked against the net total"])
        try store.transition(ids[0], from: .parsed, to: .review, update: MessageUpdate(kind: "invoice", flagReason: "low confidence", understanding: u),
                             audit: AuditDraft(messageID: ids[0], stage: "understand", actor: "test", eventType: "flagged"))
        try store.transition(ids[1], from: .parsed, to: .understood, update: MessageUpdate(kind: "invoice"),
                             audit: AuditDraft(messageID: ids[1], stage: "understand", actor: "test", eventType: "understood"))
        try store.transition(ids[1], from: .understood, to: .decided, update: MessageUpdate(),
                             audit: AuditDraft(messageID: ids[1], stage: "decide", actor: "test", eventType: "decided"))
        try store.enqueue(messageID: ids[1], actions: [OutboxFixtures.action(approval: "finance")], actor: "test")
        return ids
    }

    /// `copyRules`: the site reads a copy of the repository's rules folder (for tests that write into it).
    static func withSite(copyRules: Bool = false, _ body: (Site) async throws -> Void) async throws {
        let dir = try StoreScratch.directory("web-pages")
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let ids = try seed(store)
        _ = try store.addWebUser(login: "anna", passwordHash: try PasswordHash.make("correct horse battery", cost: .init(memoryKiB: 1024, passes: 1, lanes: 1)),
                                 roles: [.reviewer, .approver("finance")], language: "en", actor: "test")
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var rules = repository.appendingPathComponent("rules").path
        if copyRules {
            let copy = dir.appendingPathComponent("rules")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: rules), to: copy)
            rules = copy.path
        }
        var config = MailroomConfig(spool: .init(path: dir.appendingPathComponent("spool").path),
                                    rules: RulesSettings(path: rules, connectors: repository.appendingPathComponent("connectors").path))
        config.web = .init(listen: .init(host: "127.0.0.1", port: 0))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "web-pages-test")
        logger.logLevel = .critical  // the cancelled server logs an error at the end of each test
        let server = try WebServer(settings: config.web!, environment: WebEnvironment(config: config, store: store, logger: logger),
                                   pages: [SearchPages(), MessagePages(), ReviewPages()],
                                   onListening: { port in _ = continuation.yield(port) })
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { defer { continuation.finish() }; try await server.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestServerError(message: "the web server did not start") }
            let client = HTTPTestClient(port: port)
            let loginPage = try await client.get("/login")
            let loginCookie = try #require(loginPage.cookie("mailroom_login")?.value)
            let answer = try await client.post("/login", form: [("csrf", csrf(loginPage.body) ?? ""), ("login", "anna"),
                                                                ("password", "correct horse battery"), ("next", "/")],
                                               cookies: ["mailroom_login": loginCookie])
            let session = try #require(answer.cookie("mailroom_session")?.value)
            do {
                try await body(Site(client: client, cookies: ["mailroom_session": session], port: port, store: store, ids: ids, rules: rules,
                                    spool: config.spool.path))
            } catch {
                group.cancelAll()  // a failing test must stop the server, not wait for it
                throw error
            }
            group.cancelAll()
        }
    }

    @Test func searchFindsChineseAndExportsCSVWithoutFormulas() async throws {
        try await Self.withSite { site in
            let page = try await site.client.get("/search?q=%E5%8F%91%E7%A5%A8", cookies: site.cookies)   // 发票
            #expect(page.status == 200)
            #expect(page.body.contains("/messages/\(site.ids[1])"))
            #expect(!page.body.contains("/messages/\(site.ids[0])\""))
            #expect(page.header("content-security-policy")?.contains("default-src 'self'") == true)
            let hostile = try await site.client.get("/search?q=%22+OR+NEAR%28*", cookies: site.cookies)
            #expect(hostile.status == 200)
            let csv = try await site.client.get("/export/search.csv", cookies: site.cookies)
            #expect(csv.status == 200)
            #expect(csv.header("content-disposition")?.hasPrefix("attachment") == true)
            #expect(csv.body.contains("\"'=HYPERLINK(\"\"http://evil\"\")\""))
            let anonymous = try await site.client.get("/export/search.csv")
            #expect(anonymous.status == 401)
        }
    }

    @Test func theMessagePageMarksEvidenceAndEscapesTheMail() async throws {
        try await Self.withSite { site in
            let page = try await site.client.get("/messages/\(site.ids[0])", cookies: site.cookies)
            #expect(page.status == 200)
            #expect(page.body.contains("<mark id=\"ev-"))
            #expect(page.body.contains(">R-42</mark>"))
            #expect(page.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.body.contains("<script>alert(1)"))
            let sequence = try #require(try site.store.auditEvents(matching: AuditFilter(messageID: site.ids[0])).first?.sequence)
            #expect(page.body.contains("/audit/verify?upto=\(sequence)"))
            let verify = try await site.client.get("/audit/verify?upto=\(sequence)", cookies: site.cookies)
            #expect(verify.status == 200 && verify.body.contains("Intact"))
        }
    }

    @Test func aReviewerCorrectsAFieldAndTheDecisionIsAuditedAsTheUser() async throws {
        try await Self.withSite { site in
            let id = site.ids[0]
            let station = try await site.client.get("/review/\(id)", cookies: site.cookies)
            #expect(station.status == 200)
            #expect(station.body.contains("failed a check"))
            // The claim is anna's: bob would see who holds it.
            #expect(try site.store.reviewClaim(id)?.owner == "user:anna")
            #expect(try site.store.claimForReview(id, owner: "user:bob", seconds: 60).owner == "user:anna")
            let csrf = try #require(Self.csrf(station.body))
            let answer = try await site.client.post("/review/\(id)/decide",
                                                    form: [("csrf", csrf), ("kind", "invoice"), ("field:invoice_number", "R-43"),
                                                           ("field:gross_total", "1190.00 EUR"), ("decision", "save-next")],
                                                    cookies: site.cookies)
            #expect(answer.status == 303)
            let m = try #require(try site.store.message(id: id))
            #expect(m.state == .understood)
            #expect(m.understanding?.fields["invoice_number"] == .text("R-43"))
            let event = try #require(try site.store.auditEvents(matching: AuditFilter(messageID: id)).last { $0.eventType == "review_corrected" })
            #expect(event.actor == "user:anna")
            #expect(try site.store.reviewClaim(id) == nil)
            // Without the CSRF token nothing happens.
            let forged = try await site.client.post("/review/\(id)/decide", form: [("decision", "accept")], cookies: site.cookies)
            #expect(forged.status == 403)
        }
    }

    /// anna approves for finance: an action waiting for sales shows her no buttons, and a forged approve is
    /// refused (403), audited as approval_refused with her as actor, and leaves the action waiting.
    @Test func anApproverActsOnlyOnApprovalsOfTheirRole() async throws {
        try await Self.withSite { site in
            let id = site.ids[1]
            try site.store.enqueue(messageID: id, actions: [OutboxFixtures.action("create_order", index: 1, approval: "sales")], actor: "test")
            let entries = try site.store.outboxEntries(messageID: id)
            let finance = try #require(entries.first { $0.action.approval == "finance" })
            let sales = try #require(entries.first { $0.action.approval == "sales" })
            let page = try await site.client.get("/messages/\(id)", cookies: site.cookies)
            #expect(page.body.contains("id=\"approve-\(finance.id)\""))
            #expect(!page.body.contains("id=\"approve-\(sales.id)\""))
            let csrf = try #require(Self.csrf(page.body))
            for verb in ["approve", "reject"] {
                let forged = try await site.client.post("/outbox/\(sales.id)/\(verb)", form: [("csrf", csrf), ("reason", "x")],
                                                        cookies: site.cookies)
                #expect(forged.status == 403)
            }
            #expect(try site.store.outboxEntry(String(sales.id))?.state == .awaitingApproval)
            let refusals = try site.store.auditEvents(matching: AuditFilter(messageID: id)).filter { $0.eventType == "approval_refused" }
            #expect(refusals.count == 2)
            #expect(refusals.allSatisfy { $0.actor == "user:anna" })
            let approved = try await site.client.post("/outbox/\(finance.id)/approve", form: [("csrf", csrf)], cookies: site.cookies)
            #expect(approved.status == 303)
            #expect(try site.store.outboxEntry(String(finance.id))?.decidedBy == "user:anna")
        }
    }

    @Test func thePreviewShowsWhichRulesFireAndWhatWouldRunWithoutSavingAnything() async throws {
        try await Self.withSite { site in
            let id = site.ids[0]
            let station = try await site.client.get("/review/\(id)", cookies: site.cookies)
            #expect(station.body.contains("id=\"preview\""))
            let csrf = try #require(Self.csrf(station.body))
            let eventsBefore = try site.store.auditEvents(matching: AuditFilter(messageID: id)).count
            let answer = try await site.client.post("/review/\(id)/decide",
                                                    form: [("csrf", csrf), ("kind", "invoice"), ("field:invoice_number", "R-77<b>"),
                                                           ("field:gross_total", "12000.00 EUR"), ("decision", "preview")],
                                                    cookies: site.cookies)
            #expect(answer.status == 200)
            #expect(answer.body.contains("id=\"preview-result\""), "\(answer.body.suffix(3000))")
            // Every rule is listed with its outcome (the large-invoice rule is the one 12,000 EUR reaches); nothing ran.
            #expect(answer.body.contains("<strong>large supplier invoice</strong>"))
            #expect(answer.body.contains("<strong>supplier invoice to draft</strong>"))
            // What the person typed stays in the form (escaped).
            #expect(answer.body.contains("value=\"R-77&lt;b&gt;\""))
            #expect(!answer.body.contains("R-77<b>"))
            #expect(try site.store.message(id: id)?.state == .review)
            #expect(try site.store.message(id: id)?.understanding?.fields["invoice_number"] == .text("R-42"))
            #expect(try site.store.auditEvents(matching: AuditFilter(messageID: id)).count == eventsBefore)
            #expect(try site.store.outboxEntries(messageID: id).isEmpty)
            // A field the kind does not have is refused in the preview as it would be on saving.
            let wrong = try await site.client.post("/review/\(id)/decide",
                                                   form: [("csrf", csrf), ("kind", "invoice"), ("field:no_such_field", "x"), ("decision", "preview")],
                                                   cookies: site.cookies)
            #expect(wrong.status == 200)
            #expect(wrong.body.contains("is not a field of invoice"))
        }
    }

    @Test func addAsExampleCopiesTheCorrectedMailIntoTheExamplesLikeTheCommandLine() async throws {
        try await Self.withSite(copyRules: true) { site in
            let id = site.ids[0]
            // The spool holds the mail's bytes (the seed's content hash is that of "web0"), where Ingest's Spool keeps them.
            let hash = try #require(try site.store.message(id: id)).contentSHA256
            let spool = URL(fileURLWithPath: site.spool).appendingPathComponent(String(hash.prefix(2)))
                .appendingPathComponent(String(hash.dropFirst(2).prefix(2)))
            try FileManager.default.createDirectory(at: spool, withIntermediateDirectories: true)
            try Data("web0".utf8).write(to: spool.appendingPathComponent(hash + ".eml"))
            let station = try await site.client.get("/review/\(id)", cookies: site.cookies)
            let csrf = try #require(Self.csrf(station.body))
            #expect(station.body.contains("name=\"add_example\""))
            let answer = try await site.client.post("/review/\(id)/decide",
                                                    form: [("csrf", csrf), ("kind", "invoice"), ("field:invoice_number", "R-43"),
                                                           ("add_example", "1"), ("decision", "save")],
                                                    cookies: site.cookies)
            #expect(answer.status == 303)
            #expect(try site.store.message(id: id)?.state == .understood)
            let events = try site.store.auditEvents(matching: AuditFilter(messageID: id))
            let added = try #require(events.last { $0.eventType == "example_added" }, "\(events.map(\.eventType))")
            #expect(added.actor == "user:anna")
            let examples = try FileManager.default.contentsOfDirectory(atPath: site.rules + "/examples/invoice")
            #expect(examples.contains { $0.hasSuffix(".expected.json") })
        }
    }

    /// A second browser of the same site: logs `login` in through the login form and gives its cookies.
    static func logIn(_ client: HTTPTestClient, _ login: String) async throws -> [String: String] {
        let loginPage = try await client.get("/login")
        let loginCookie = try #require(loginPage.cookie("mailroom_login")?.value)
        let answer = try await client.post("/login", form: [("csrf", csrf(loginPage.body) ?? ""), ("login", login),
                                                            ("password", "correct horse battery"), ("next", "/")],
                                           cookies: ["mailroom_login": loginCookie])
        return ["mailroom_session": try #require(answer.cookie("mailroom_session")?.value)]
    }

    static func addUser(_ store: MailStore, _ login: String, _ roles: [WebRole], language: String?) throws {
        _ = try store.addWebUser(login: login, passwordHash: try PasswordHash.make("correct horse battery", cost: .init(memoryKiB: 1024, passes: 1, lanes: 1)),
                                 roles: roles, language: language, actor: "test")
    }

    /// What a reader sees of a page: text outside tags, placeholders and aria-labels; without code, JSON and script.
    static func visibleText(_ html: String) -> String {
        var text = html
        for pattern in [#"(?s)<(pre|code|script|style)\b[^>]*>.*?</\1>"#, #"(?s)<head>.*?</head>"#] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        var attributes: [String] = []
        let attribute = try! NSRegularExpression(pattern: #"(?:placeholder|aria-label)="([^"]*)""#)
        for match in attribute.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            attributes.append(String(text[Range(match.range(at: 1), in: text)!]))
        }
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        text += " " + attributes.joined(separator: " ")
        let numeric = try! NSRegularExpression(pattern: #"&#(x?)([0-9A-Fa-f]+);"#)
        for match in numeric.matches(in: text, range: NSRange(text.startIndex..., in: text)).reversed() {
            let hex = text[Range(match.range(at: 1), in: text)!] == "x"
            let digits = String(text[Range(match.range(at: 2), in: text)!])
            guard let code = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code) else { continue }
            text.replaceSubrange(Range(match.range, in: text)!, with: String(Character(scalar)))
        }
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text
    }

    /// The Latin words left on a page once the mail's own data (subjects, texts, addresses, kinds, field names,
    /// audit events, actions) and a few technical names are taken out: none, when the page is in Chinese.
    static func englishLeft(_ html: String, data: [String]) -> [String] {
        var text = visibleText(html)
        for item in data.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: item, with: " ")
        }
        // Times as the audit trail writes them (2026-12-07T18:00:00.000Z) are data too.
        text = text.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT[0-9:.]+Z"#, with: " ", options: .regularExpression)
        let allowed: Set<String> = ["Mailroom", "UTC", "SHA-", "CSV", "JSON", "Message-ID", "Message", "ID", "Tab", "a", "r", "n"]
        let word = try! NSRegularExpression(pattern: #"[A-Za-z][A-Za-z-]*"#)
        return word.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { String(text[Range($0.range, in: text)!]) }
            .filter { !allowed.contains($0) }
    }

    static func data(_ store: MailStore, ids: [Int64], rules: String) throws -> [String] {
        var data: [String] = ["anna", "wei", "grete", "user:anna"]
        data += (try? KindCatalogue.load(directory: RulesSettings(path: rules).kindsDirectory))?.kinds.map(\.name) ?? []
        for id in ids {
            guard let d = try MessageDossier.load(store: store, messageID: id) else { continue }
            let m = d.message
            // The mail's text is shown in pieces around the evidence marks: its words, one by one.
            data += (m.normalised?.text ?? "").split(whereSeparator: { $0.isWhitespace }).map(String.init)
            data += [m.subject ?? "", m.sender ?? "", m.kind ?? "", m.flagReason ?? "", m.normalised?.text ?? "",
                     m.understanding?.kind ?? "", m.understanding?.method ?? ""]
            data += m.understanding?.review ?? []
            data += d.fields.flatMap { [$0.name, $0.display, $0.provenance, $0.type, $0.problems.joined(separator: "; "),
                                        $0.grounding?.location ?? "", $0.grounding?.excerpt ?? ""] }
            data += d.sources.flatMap { [$0.source, $0.location] }
            data += d.events.flatMap { [$0.stage, $0.actor, $0.eventType] }
            data += d.actions.flatMap { [$0.action.rule, $0.action.connector, $0.action.action, $0.action.approval ?? ""] }
        }
        return data
    }

    static let rulesPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("rules").path

    @Test func aChineseReviewerSeesNoEnglishOnSearchMessageAndReviewPages() async throws {
        try await Self.withSite { site in
            try Self.addUser(site.store, "wei", [.reviewer, .approver("finance")], language: "zh")
            let cookies = try await Self.logIn(site.client, "wei")
            let data = try Self.data(site.store, ids: site.ids, rules: Self.rulesPath)
            let sequence = try #require(try site.store.auditEvents(matching: AuditFilter(messageID: site.ids[0])).first?.sequence)
            for path in ["/search", "/search?q=none-such-word", "/messages/\(site.ids[0])", "/messages/\(site.ids[1])",
                         "/review", "/review/\(site.ids[0])", "/audit/verify?upto=\(sequence)"] {
                let page = try await site.client.get(path, cookies: cookies)
                #expect(page.status == 200, "\(path)")
                let left = Self.englishLeft(page.body, data: data + ["none-such-word"])
                #expect(left.isEmpty, "\(path) still shows English: \(left)")
                #expect(page.body.contains("lang=\"zh\""))
            }
            let station = try await site.client.get("/review/\(site.ids[0])", cookies: cookies)
            #expect(station.body.contains("保存并下一封"))
            #expect(station.body.contains("校验未通过"))
            // The English reviewer on the same site still reads English (the check above would catch these).
            let english = try await site.client.get("/review/\(site.ids[0])", cookies: site.cookies)
            #expect(!Self.englishLeft(english.body, data: data).isEmpty)
        }
    }

    @Test func aGermanReviewerReadsGermanLabels() async throws {
        try await Self.withSite { site in
            try Self.addUser(site.store, "grete", [.reviewer], language: "de")
            let cookies = try await Self.logIn(site.client, "grete")
            let station = try await site.client.get("/review/\(site.ids[0])", cookies: cookies)
            for german in ["Nachricht prüfen", "Speichern und weiter", "Grund für die Ablehnung", "Prüfung fehlgeschlagen", "Annehmen"] {
                #expect(station.body.contains(german), "\(german)")
            }
            let search = try await site.client.get("/search", cookies: cookies)
            for german in ["Wörter in Betreff, Text oder Anhängen", "Eingang ab", "wartet auf Prüfung", "Absender"] {
                #expect(search.body.contains(german), "\(german)")
            }
            let message = try await site.client.get("/messages/\(site.ids[1])", cookies: cookies)
            for german in ["Kopfdaten", "Prüfpfad", "wartet auf Freigabe", "Aktionen"] {
                #expect(message.body.contains(german), "\(german)")
            }
            for english in ["Save and next", "Reason for rejecting", "Words in subject", "Audit timeline", "Headers"] {
                #expect(!(station.body + search.body + message.body).contains(english), "\(english)")
            }
        }
    }
}

/// One walk through the pages in headless Chromium: log in, search, open a message, approve an action, correct a
/// field in review, export CSV; screenshots of the search, message and review pages in .build/test-output/ui/.
@Suite(.serialized) struct WebPagesBrowserTests {
    @Test func aReviewerWalksThroughSearchMessageReviewApprovalAndExport() async throws {
        try await WebPagesHTTPTests.withSite { site in
            let driver = try ChromeDriverServer()
            defer { driver.stop() }
            let browser = try await BrowserSession(driver: driver)
            let base = "http://127.0.0.1:\(site.port)"
            do {
                try await browser.navigate(base + "/login")
                try await browser.type("anna", into: "#login")
                try await browser.type("correct horse battery", into: "#password")
                try await browser.click("#login-button")
                try await browser.waitFor("the logged-in header") { (try? await browser.text("#current-user")) == "anna" }

                try await browser.navigate(base + "/search?q=%E5%8F%91%E7%A5%A8")
                try await browser.waitFor("the results") { (try? await browser.element("#results")) != nil }
                #expect(try await browser.text("#results").contains("请查收发票"))
                try await browser.saveScreenshot("search")

                let pending = try #require(try site.store.outboxEntries(messageID: site.ids[1]).first)
                try await browser.click("a[href='/messages/\(site.ids[1])']")
                try await browser.waitFor("the message page") { (try? await browser.element("#approve-\(pending.id)")) != nil }
                try await browser.click("#approve-\(pending.id)")
                try await browser.waitFor("the approval") { try site.store.outboxEntry(String(pending.id))?.state != .awaitingApproval }
                #expect(try site.store.outboxEntry(String(pending.id))?.decidedBy == "user:anna")

                try await browser.navigate(base + "/messages/\(site.ids[0])")
                try await browser.waitFor("the evidence mark") { (try? await browser.element("mark")) != nil }
                try await browser.saveScreenshot("message")

                try await browser.navigate(base + "/review/\(site.ids[0])")
                try await browser.waitFor("the review station") { (try? await browser.element("#review-form")) != nil }
                try await browser.saveScreenshot("review")
                try await browser.type("R-44", into: "input[name='field:invoice_number']")
                try await browser.click("#save-next")
                try await browser.waitFor("the correction") { try site.store.message(id: site.ids[0])?.state == .understood }
                #expect(try site.store.message(id: site.ids[0])?.understanding?.fields["invoice_number"] == .text("R-44"))

                let csv = try await browser.execute("""
                    var x = new XMLHttpRequest(); x.open('GET', '/export/search.csv', false); x.send(); return x.responseText;
                    """) as? String ?? ""
                #expect(csv.hasPrefix("id,received_at,state"))
                #expect(csv.contains("'=HYPERLINK"))
            } catch {
                try? await browser.saveScreenshot("failure")
                await browser.close()
                throw error
            }
            await browser.close()
        }
    }
}
