import Act
import Daemon
import Foundation
import Logging
import MailroomTesting
import PasswordHashing
import Store
import Testing
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

    static func withSite(_ body: (Site) async throws -> Void) async throws {
        let dir = try StoreScratch.directory("web-pages")
        defer { StoreScratch.remove(dir) }
        let store = try MailStore(path: dir.appendingPathComponent("s.sqlite").path)
        let ids = try seed(store)
        _ = try store.addWebUser(login: "anna", passwordHash: try PasswordHash.make("correct horse battery", cost: .init(memoryKiB: 1024, passes: 1, lanes: 1)),
                                 roles: [.reviewer, .approver("finance")], language: "en", actor: "test")
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("rules").path
        var config = MailroomConfig(spool: .init(path: dir.appendingPathComponent("spool").path), rules: RulesSettings(path: rules))
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
                try await body(Site(client: client, cookies: ["mailroom_session": session], port: port, store: store, ids: ids))
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
