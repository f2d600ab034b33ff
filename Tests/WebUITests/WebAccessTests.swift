import Foundation
import Testing
import MailroomTesting
import Store
import Vocabulary
@testable import WebUI

/// Access control of the web UI, over plain HTTP against the real server: nothing without a session, CSRF on
/// every POST, auditors read only, failed logins slow down, cookie flags, security headers.
@Suite(.serialized) struct WebAccessTests {
    @Test func nothingButTheLoginPageIsReachableWithoutASession() async throws {
        let site = try WebTestSite("web-access")
        defer { site.remove() }
        try await site.serving { client in
            let page = try await client.get("/")
            #expect(page.status == 302)
            #expect(page.header("location") == "/login?next=%2F")
            for path in ["/search", "/review", "/messages/1", "/anything-else"] {
                let answer = try await client.get(path)
                #expect(answer.status == 302, "\(path)")
                #expect(answer.header("location")?.hasPrefix("/login?next=") == true, "\(path)")
            }
            for path in ["/download/1", "/export/audit.csv", "/attachment/1/2"] {
                #expect(try await client.get(path).status == 401, "\(path)")
            }
            // A forged session cookie is no session.
            let forged = try await client.get("/", cookies: ["mailroom_session": String(repeating: "A", count: 43)])
            #expect(forged.status == 302)
            #expect(try await client.post("/logout", form: []).status == 401)
            let login = try await client.get("/login")
            #expect(login.status == 200)
            #expect(login.body.contains(#"id="login-button""#))
            #expect(try await client.get("/static/mailroom.css").status == 200)
        }
    }

    @Test func everyAnswerCarriesTheSecurityHeaders() async throws {
        let site = try WebTestSite("web-headers")
        defer { site.remove() }
        try site.addUser("rita", [.reviewer])
        try await site.serving { client in
            let user = try await WebLogin.logIn(client, "rita")
            for answer in [try await client.get("/login"), try await client.get("/"), try await client.get("/", cookies: user.cookies),
                           try await client.get("/download/1"), try await client.post("/logout", form: [], cookies: user.cookies)] {
                #expect(answer.header("content-security-policy")?.hasPrefix("default-src 'self'") == true)
                #expect(answer.header("x-content-type-options") == "nosniff")
                #expect(answer.header("referrer-policy") == "same-origin")
                #expect(answer.header("x-frame-options") == "DENY")
            }
        }
    }

    @Test func theSessionCookieIsHttpOnlyStrictAndPathRoot() async throws {
        let site = try WebTestSite("web-cookie")
        defer { site.remove() }
        try site.addUser("rita", [.reviewer])
        try await site.serving { client in
            let answer = try await WebLogin.postLogin(client, login: "rita", password: WebTestSite.password)
            #expect(answer.status == 303)
            let cookie = try #require(answer.cookie("mailroom_session"))
            #expect(cookie.value.count == 43)
            let flags = cookie.header.lowercased()
            #expect(flags.contains("httponly"))
            #expect(flags.contains("samesite=strict"))
            #expect(flags.contains("path=/"))
            #expect(!flags.contains("secure"))  // plain HTTP on loopback; Secure with TLS
            // The store keeps only the SHA-256 of the session id.
            #expect(try site.store.webSession(idHash: cookie.value, at: Date()) == nil)
            #expect(try site.store.webSession(idHash: WebSecurity.sha256Hex(cookie.value), at: Date()) != nil)
        }
    }

    @Test func aPostWithoutTheCSRFTokenIsRefused() async throws {
        let site = try WebTestSite("web-csrf")
        defer { site.remove() }
        try site.addUser("rita", [.reviewer])
        try await site.serving { client in
            let user = try await WebLogin.logIn(client, "rita")
            #expect(try await client.post("/logout", form: [], cookies: user.cookies).status == 403)
            #expect(try await client.post("/logout", form: [("csrf", "forged")], cookies: user.cookies).status == 403)
            // Another session's token does not do either.
            let other = try await WebLogin.logIn(client, "rita")
            #expect(try await client.post("/logout", form: [("csrf", other.csrf)], cookies: user.cookies).status == 403)
            // Still logged in; with its own token the logout works.
            #expect(try await client.get("/", cookies: user.cookies).status == 200)
            let out = try await client.post("/logout", form: [("csrf", user.csrf)], cookies: user.cookies)
            #expect(out.status == 303)
            #expect(try await client.get("/", cookies: user.cookies).status == 302)
            // The login form itself needs its token (double submit): a cross-site login is refused.
            #expect(try await client.post("/login", form: [("login", "rita"), ("password", WebTestSite.password)]).status == 403)
        }
    }

    @Test func anAuditorReadsButCannotChangeAnything() async throws {
        let site = try WebTestSite("web-auditor")
        defer { site.remove() }
        try site.addUser("anna", [.auditor])
        try await site.serving { client in
            let auditor = try await WebLogin.logIn(client, "anna")
            #expect(try await client.get("/", cookies: auditor.cookies).status == 200)
            for path in ["/review/1", "/outbox/1/approve", "/anything"] {
                let answer = try await client.post(path, form: [("csrf", auditor.csrf)], cookies: auditor.cookies)
                #expect(answer.status == 403, "\(path)")
            }
            // Logging out is not a change.
            #expect(try await client.post("/logout", form: [("csrf", auditor.csrf)], cookies: auditor.cookies).status == 303)
        }
        #expect(!WebPermissions(roles: [.auditor]).allows(.review))
        #expect(WebPermissions(roles: [.approver("finance")]).allows(.approve("finance")))
        #expect(!WebPermissions(roles: [.approver("finance")]).allows(.approve("legal")))
        #expect(WebPermissions(roles: [.admin]).allows(.approve("legal")))
    }

    @Test func repeatedWrongPasswordsLockTheLogin() async throws {
        let site = try WebTestSite("web-throttle")
        defer { site.remove() }
        try site.addUser("rita", [.reviewer])
        // An hour's lock: the test does not depend on how fast the requests follow each other.
        let policy = LoginThrottlePolicy(freeFailures: 3, freeAddressFailures: 10, firstLockSeconds: 3600, longestLockSeconds: 7200)
        try await site.serving(throttle: policy) { client in
            for attempt in 1...2 {
                let answer = try await WebLogin.postLogin(client, login: "rita", password: "wrong \(attempt)")
                #expect(answer.status == 401)
                #expect(answer.body.contains("Wrong login or password."))
                #expect(answer.cookie("mailroom_session") == nil)
            }
            let third = try await WebLogin.postLogin(client, login: "rita", password: "wrong 3")
            #expect(third.status == 429)
            // Locked: even the right password is not checked now.
            let locked = try await WebLogin.postLogin(client, login: "rita", password: WebTestSite.password)
            #expect(locked.status == 429)
            #expect(locked.body.contains("Too many failed logins"))
            let retry = try #require(locked.header("retry-after").flatMap(Int.init))
            #expect(retry > 3000 && retry <= 3600)
            #expect(locked.cookie("mailroom_session") == nil)
        }
        let events = try site.store.auditEvents(matching: AuditFilter(stage: "web"))
        #expect(events.filter { $0.eventType == "login failed" }.count == 3)
        #expect(events.contains { $0.eventType == "login failed" && $0.details.contains("login_locked_until") })
        #expect(!events.contains { $0.eventType == "login" })
    }

    @Test func loginsLogoutsAndUserChangesAreAudited() async throws {
        let site = try WebTestSite("web-audit")
        defer { site.remove() }
        try site.addUser("rita", [.reviewer, .approver("finance")], language: .de)
        try await site.serving { client in
            let user = try await WebLogin.logIn(client, "rita")
            let page = try await client.get("/", cookies: user.cookies)
            #expect(page.body.contains("Übersicht"))  // her language
            #expect(try await client.post("/logout", form: [("csrf", user.csrf)], cookies: user.cookies).status == 303)
            _ = try await WebLogin.postLogin(client, login: "nobody<script>", password: "x")
        }
        try site.accounts.changePassword(login: "rita", password: "another long password", actor: "operator:test", cost: WebTestSite.cheap)
        try site.accounts.removeUser(login: "rita", actor: "operator:test")
        let events = try site.store.auditEvents(matching: AuditFilter(stage: "web"))
        #expect(events.map(\.eventType) == ["user added", "login", "logout", "login failed", "password changed", "user removed"])
        #expect(events[1].actor == "user:rita")
        #expect(events[2].actor == "user:rita")
        #expect(events[0].actor == "operator:test")
        #expect(try site.store.webUser(login: "rita")?.disabledAt != nil)
        #expect(AuditVerifierCheck.intact(site.store))
    }

    @Test func loginRedirectsOnlyToPathsOfThisSite() {
        #expect(LoginPage.safeNext("/review?x=1") == "/review?x=1")
        for hostile in ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)", nil, "/\r\nSet-Cookie: x=1"] {
            #expect(LoginPage.safeNext(hostile) == "/", "\(String(describing: hostile))")
        }
    }

    @Test func theLanguageComesFromAcceptLanguage() {
        #expect(WebLanguage.preferred(acceptLanguage: "de-CH,de;q=0.9,en;q=0.8") == .de)
        #expect(WebLanguage.preferred(acceptLanguage: "fr-FR, zh-CN;q=0.8, en;q=0.5") == .zh)
        #expect(WebLanguage.preferred(acceptLanguage: "en;q=0.1, de;q=0.9") == .de)
        #expect(WebLanguage.preferred(acceptLanguage: "fr") == nil)
        #expect(WebLanguage.preferred(acceptLanguage: nil) == nil)
    }

    @Test func everyLabelHasAllThreeLanguages() {
        for (key, texts) in WebLabels.catalogue {
            for language in WebLanguage.allCases {
                #expect(!(texts[language] ?? "").isEmpty, "label \(key) has no \(language.rawValue)")
            }
        }
    }

    /// Every `{{t.KEY}}` a template uses is in the table, and so is every state, field status and filter a page
    /// shows through a computed key (`state_…`, `outbox_…`, `status_…`, `approval_…`).
    @Test func everyLabelAPageUsesIsInTheTable() throws {
        var templates = LoginPage.templates.merging(OverviewPage.templates) { a, _ in a }
        for pages in [SearchPages().templates, MessagePages().templates, ReviewPages().templates, AdminPages().templates] {
            templates.merge(pages) { a, _ in a }
        }
        templates["layout"] = WebLayout.template
        let regex = try NSRegularExpression(pattern: #"\{\{[#^/]?t\.([A-Za-z0-9_]+)\}\}"#)
        var used: Set<String> = []
        for (_, text) in templates {
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                used.insert(String(text[Range(match.range(at: 1), in: text)!]))
            }
        }
        #expect(used.count > 100)
        var computed = MessageState.allCases.map { "state_" + $0.rawValue } + OutboxState.allCases.map { "outbox_" + $0.rawValue }
        computed += ["found", "confirmed", "low_confidence", "failed_check"].map { "status_" + $0 }
        computed += ApprovalFilter.allCases.map { "approval_" + $0.rawValue }
        for key in used.union(computed) {
            #expect(WebLabels.catalogue[key] != nil, "label \(key) is used but not in WebLabels.catalogue")
        }
    }
}

import Audit
enum AuditVerifierCheck {
    static func intact(_ store: MailStore) -> Bool { AuditVerifier.verify(store: store).isIntact }
}
