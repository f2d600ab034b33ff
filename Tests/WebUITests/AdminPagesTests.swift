import Foundation
import Testing
import MailroomTesting
import Store
import Vocabulary
@testable import WebUI

/// The user admin page and the approver roles of rules/approvers.yaml, over HTTP against the real server.
@Suite(.serialized) struct AdminPagesTests {
    static let approvers = """
        roles:
          finance:
            users: [anna]
          purchasing:
            mail: [einkauf@firma.example]
        """

    static func site(_ label: String, approvers: String? = AdminPagesTests.approvers) throws -> WebTestSite {
        let site = try WebTestSite(label)
        let rules = URL(fileURLWithPath: site.config.rules.path)
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        if let approvers { try approvers.write(to: rules.appendingPathComponent("approvers.yaml"), atomically: true, encoding: .utf8) }
        return site
    }

    @Test func anApproverRoleMustBeDeclaredInApproversYaml() throws {
        let site = try Self.site("admin-approver-roles")
        defer { site.remove() }
        let rules = URL(fileURLWithPath: site.config.rules.path)
        #expect(try WebAccounts.declaredApproverRoles(rulesDirectory: rules) == ["finance", "purchasing"])
        #expect(throws: Never.self) { try WebAccounts.checkApproverRoles([.reviewer, .approver("finance")], rulesDirectory: rules) }
        do {
            _ = try site.accounts.addUser(login: "eve", password: WebTestSite.password, roles: [.approver("fnance")], language: nil,
                                          actor: "operator:test", approverRolesFrom: rules, cost: WebTestSite.cheap)
            Issue.record("an undeclared approver role was accepted")
        } catch let error as OperatorInputError {
            #expect(error.message.contains("approver:fnance is not a role of"), "\(error.message)")
            #expect(error.message.contains("did you mean approver:finance?"), "\(error.message)")
            #expect(error.message.contains("approver:finance, approver:purchasing"), "\(error.message)")
        }
        #expect(try site.store.webUser(login: "eve") == nil)
        // Without approvers.yaml no approver role is declared at all.
        try FileManager.default.removeItem(at: rules.appendingPathComponent("approvers.yaml"))
        #expect(throws: OperatorInputError.self) { try WebAccounts.checkApproverRoles([.approver("finance")], rulesDirectory: rules) }
        #expect(throws: Never.self) { try WebAccounts.checkApproverRoles([.admin, .reviewer], rulesDirectory: rules) }
    }

    /// `mailroom user add` refuses an approver role approvers.yaml does not declare, before asking for a password.
    @Test func userAddRefusesAnUndeclaredApproverRole() async throws {
        try #require(MailroomProcess.isBuilt, "build mailroom first")
        let directory = try StoreScratch.directory("admin-cli")
        defer { StoreScratch.remove(directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("rules"), withIntermediateDirectories: true)
        try Self.approvers.write(to: directory.appendingPathComponent("rules/approvers.yaml"), atomically: true, encoding: .utf8)
        try """
            store:
              path: mailroom.sqlite
            spool:
              path: spool
            rules:
              path: rules
            """.write(to: directory.appendingPathComponent("mailroom.yaml"), atomically: true, encoding: .utf8)
        func add(_ role: String) async throws -> (status: Int32, stdout: String, stderr: String) {
            try await MailroomProcess.run(
                ["-c", "printf '%s\\n' \"$0\" | \"$1\" user add --config mailroom.yaml eve --role \"$2\" --password-stdin",
                 WebTestSite.password, MailroomProcess.binary, role], in: directory.path, program: "/bin/sh")
        }
        let refused = try await add("approver:sales")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("approver:sales is not a role of"), "\(refused.stderr)")
        #expect(refused.stderr.contains("approver:finance, approver:purchasing"), "\(refused.stderr)")
        let added = try await add("approver:finance")
        #expect(added.status == 0, "\(added.stderr)")
    }

    @Test func onlyAdminsReachTheUserPage() async throws {
        let site = try Self.site("admin-only")
        defer { site.remove() }
        try site.addUser("rita", [.reviewer, .approver("finance")])
        try site.addUser("root", [.admin])
        try await site.serving(pages: [AdminPages()]) { client in
            let rita = try await WebLogin.logIn(client, "rita")
            #expect(try await client.get("/admin/users", cookies: rita.cookies).status == 403)
            #expect(try await client.post("/admin/users/remove", form: [("csrf", rita.csrf), ("login", "root")], cookies: rita.cookies).status == 403)
            #expect(!(try await client.get("/", cookies: rita.cookies).body.contains("/admin/users")))
            let root = try await WebLogin.logIn(client, "root")
            #expect(try await client.get("/", cookies: root.cookies).body.contains("href=\"/admin/users\""))
            let page = try await client.get("/admin/users", cookies: root.cookies)
            #expect(page.status == 200)
            #expect(page.body.contains("id=\"user-rita\""))
            #expect(page.body.contains("approver:purchasing"))  // offered from approvers.yaml
            // rita logged in above: her last login is shown, not "never".
            let ritaRow = try #require(page.body.range(of: "id=\"user-rita\"").map { String(page.body[$0.upperBound...].prefix(400)) })
            #expect(!ritaRow.contains("never"))
            #expect(try site.store.webUserLastLogins()["rita"] != nil)
            // Without the CSRF token nothing changes.
            #expect(try await client.post("/admin/users/remove", form: [("login", "rita")], cookies: root.cookies).status == 403)
            #expect(try site.store.webUser(login: "rita")?.disabledAt == nil)
        }
    }

    @Test func aChineseAdminSeesTheUserPageInChinese() async throws {
        let site = try Self.site("admin-zh")
        defer { site.remove() }
        try site.addUser("wei", [.admin], language: .zh)
        try site.addUser("rita", [.reviewer, .approver("finance")])
        try await site.serving(pages: [AdminPages()]) { client in
            let wei = try await WebLogin.logIn(client, "wei")
            let page = try await client.get("/admin/users", cookies: wei.cookies)
            #expect(page.status == 200)
            // Data: logins, role names and the approvers file's name.
            let data = ["wei", "rita", "auditor", "reviewer", "admin", "approver:finance", "approver:purchasing", "finance", "purchasing",
                        "rules/approvers.yaml", "zh", "en", "de"]
            let left = WebPagesHTTPTests.englishLeft(page.body, data: data)
            #expect(left.isEmpty, "still English: \(left)")
            #expect(page.body.contains("用户管理"))
        }
    }

    @Test func anAdminAddsChangesResetsAndRemovesUsersAndEveryChangeIsAudited() async throws {
        let site = try Self.site("admin-changes")
        defer { site.remove() }
        try site.addUser("root", [.admin])
        try await site.serving(pages: [AdminPages()]) { client in
            let root = try await WebLogin.logIn(client, "root")
            func post(_ path: String, _ form: [(String, String)]) async throws -> HTTPTestClient.Answer {
                try await client.post(path, form: [("csrf", root.csrf)] + form, cookies: root.cookies)
            }
            let added = try await post("/admin/users", [("login", "mia"), ("password", "a long enough password"), ("role", "reviewer"),
                                                        ("role", "approver:purchasing"), ("language", "de")])
            #expect(added.status == 303)
            #expect(added.header("location") == "/admin/users?done=added")
            #expect(try site.store.webUser(login: "mia")?.roles == [.reviewer, .approver("purchasing")])
            #expect(try site.store.webUser(login: "mia")?.language == "de")

            // An undeclared approver role: refused, with the known roles named, and nothing changes.
            let refused = try await post("/admin/users/roles", [("login", "mia"), ("role", "approver:sales")])
            #expect(refused.status == 409)
            #expect(refused.body.contains("approver:sales is not a role of"))
            #expect(refused.body.contains("approver:finance, approver:purchasing"))
            #expect(try site.store.webUser(login: "mia")?.roles == [.reviewer, .approver("purchasing")])
            let tooShort = try await post("/admin/users", [("login", "bob"), ("password", "short"), ("role", "auditor")])
            #expect(tooShort.status == 409)
            #expect(try site.store.webUser(login: "bob") == nil)
            // Hostile text in a form field is shown escaped, never as markup.
            let hostile = try await post("/admin/users/roles", [("login", "mia"), ("role", "<script>alert(1)</script>")])
            #expect(hostile.status == 409)
            #expect(!hostile.body.contains("<script>alert(1)"))

            #expect(try await post("/admin/users/roles", [("login", "mia"), ("role", "auditor"), ("role", "approver:finance")]).status == 303)
            #expect(try site.store.webUser(login: "mia")?.roles == [.auditor, .approver("finance")])
            #expect(try await post("/admin/users/password", [("login", "mia"), ("password", "another long password")]).status == 303)
            let mia = try await WebLogin.postLogin(client, login: "mia", password: "another long password")
            #expect(mia.status == 303)
            #expect(try await post("/admin/users/remove", [("login", "mia")]).status == 303)
            #expect(try site.store.webUser(login: "mia")?.disabledAt != nil)

            let events = try site.store.auditEvents(matching: AuditFilter(stage: "web")).filter { $0.actor == "user:root" && $0.eventType != "login" }
            #expect(events.map(\.eventType) == ["user added", "roles changed", "password changed", "user removed"])
        }
    }

    @Test func anAdminCannotRemoveThemselvesNorTheLastAdmin() async throws {
        let site = try Self.site("admin-last")
        defer { site.remove() }
        try site.addUser("root", [.admin])
        try site.addUser("rita", [.reviewer])
        try await site.serving(pages: [AdminPages()]) { client in
            let root = try await WebLogin.logIn(client, "root")
            func post(_ path: String, _ form: [(String, String)]) async throws -> HTTPTestClient.Answer {
                try await client.post(path, form: [("csrf", root.csrf)] + form, cookies: root.cookies)
            }
            let page = try await client.get("/admin/users", cookies: root.cookies)
            // No remove button for oneself; one for rita.
            func manage(_ login: String) throws -> String {
                let start = try #require(page.body.range(of: "id=\"manage-\(login)\""))
                let end = try #require(page.body.range(of: "</details>", range: start.upperBound..<page.body.endIndex))
                return String(page.body[start.upperBound..<end.lowerBound])
            }
            #expect(!(try manage("root")).contains("/admin/users/remove"))
            #expect(try manage("rita").contains("/admin/users/remove"))
            #expect(try await post("/admin/users/remove", [("login", "root")]).status == 409)
            #expect(try await post("/admin/users/roles", [("login", "root"), ("role", "reviewer")]).status == 409)
            #expect(try site.store.webUser(login: "root")?.roles == [.admin])
            #expect(try site.store.webUser(login: "root")?.disabledAt == nil)
        }
        // The store refuses to take away the last admin in the same transaction, whoever asks.
        #expect(throws: StoreError.self) { try site.store.removeWebUser(login: "root", actor: "user:other", keepingAnAdmin: true) }
        #expect(throws: StoreError.self) {
            try site.store.setWebUserRoles(login: "root", roles: [.auditor], actor: "user:other", keepingAnAdmin: true)
        }
        try site.addUser("tom", [.admin])
        try site.store.setWebUserRoles(login: "root", roles: [.auditor], actor: "user:tom", keepingAnAdmin: true)
        #expect(try site.store.webUser(login: "root")?.roles == [.auditor])
    }
}

/// The user admin page in headless Chromium: an admin gives a user an approver role with the checkboxes;
/// screenshot in .build/test-output/ui/.
@Suite(.serialized) struct AdminPagesBrowserTests {
    @Test func anAdminChangesRolesInChromium() async throws {
        let site = try AdminPagesTests.site("admin-browser")
        defer { site.remove() }
        try site.addUser("root", [.admin])
        try site.addUser("rita", [.reviewer])
        // ReviewPages serves pages.css, which the admin page uses too.
        try await site.serving(pages: [AdminPages(), ReviewPages()]) { client in
            let driver = try ChromeDriverServer()
            defer { driver.stop() }
            let browser = try await BrowserSession(driver: driver)
            let base = "http://127.0.0.1:\(client.port)"
            do {
                try await browser.navigate(base + "/login")
                try await browser.type("root", into: "#login")
                try await browser.type(WebTestSite.password, into: "#password")
                try await browser.click("#login-button")
                try await browser.waitFor("the logged-in header") { (try? await browser.text("#current-user")) == "root" }
                try await browser.navigate(base + "/admin/users")
                try await browser.waitFor("the user list") { (try? await browser.element("#user-rita")) != nil }
                try await browser.saveScreenshot("admin-users")
                try await browser.click("#manage-rita summary")
                try await browser.click("#manage-rita input[value='approver:finance']")
                try await browser.click("#manage-rita form[action='/admin/users/roles'] button")
                try await browser.waitFor("the new roles") { try site.store.webUser(login: "rita")?.roles == [.reviewer, .approver("finance")] }
                try await browser.waitFor("the notice") { (try? await browser.element("#admin-done")) != nil }
            } catch {
                try? await browser.saveScreenshot("admin-failure")
                await browser.close()
                throw error
            }
            await browser.close()
        }
    }
}
