import Foundation
import Testing
@testable import Vocabulary
@testable import Act
@testable import CurlTransport
import MailroomTesting


@Suite("webform connector", .serverLogsOnFailure)
struct WebformConnectorTests {
    func connector(_ app: LegacyWebApp, password: String = "secret", lookup: Bool = true) -> WebformConnector {
        WebformConnector(name: "legacy", baseURL: app.base,
                         transport: ConnectorTransport(client: HTTPClient(allowedHosts: ["127.0.0.1"]), timeoutSeconds: 10),
                         username: "mailroom", password: password,
                         login: .init(page: "/login", usernameField: "username", passwordField: "password", failureText: "Invalid credentials"),
                         form: .init(page: "/orders/new", formXPath: "//form[@id='order']", keyField: "reference"),
                         success: .init(text: "saved", location: "^/orders/([0-9]+)$"),
                         lookupPage: lookup ? "/orders?q={key}" : nil)
    }

    func submit(_ key: String, _ fields: [String: JSONValue] = ["customer": "ACME GmbH", "amount": "120.50", "comment": "from mail"])
        -> OutboxAction {
        OfficeFixtures.action(connector: "legacy", action: "submit", parameters: ["fields": .object(fields)], key: key)
    }

    @Test("logs in with CSRF and a cookie, fills the form, verifies the redirect and page; a second submit finds the first")
    func submitsOnce() async throws {
        let scratch = try IngestScratch("webform")
        defer { scratch.remove() }
        let app = try LegacyWebApp(record: scratch.path("orders.jsonl"))
        let c = connector(app)
        let action = submit("mr-1-webform")
        #expect(try await connector(app).earlierResult(of: action) == nil)
        let result = try await c.perform(action)
        #expect(!result.foundEarlierResult)
        #expect(result.captured["record_id"] == .string("1"))
        #expect(result.captured["location"] == .string("/orders/1"))
        let orders = app.orders
        #expect(orders.count == 1)
        #expect(orders.first?["reference"]?.stringValue == "mr-1-webform")
        #expect(orders.first?["customer"]?.stringValue == "ACME GmbH")
        #expect(orders.first?["priority"]?.stringValue == "normal")  // the select's served value is kept
        // Every step is in the result, and no secret: not the password, not the CSRF token.
        let audited = result.request.canonicalJSON + result.response.canonicalJSON
        #expect(!audited.contains("secret"))
        #expect(!audited.lowercased().contains("csrf\":"))
        let steps = result.response["steps"]?.arrayValue ?? []
        #expect(steps.contains { $0["step"]?.stringValue == "log in" && $0["status"] == .int(303) })
        #expect(steps.contains { $0["step"]?.stringValue == "submit form" && $0["status"] == .int(303) })

        let again = try await c.perform(action)
        #expect(again.foundEarlierResult)
        #expect(try await c.earlierResult(of: action)?.foundEarlierResult == true)
        #expect(app.orders.count == 1)
    }

    @Test("an expired session is noticed (redirect to the login page) and the connector logs in again")
    func expiredSession() async throws {
        let scratch = try IngestScratch("webform-expiry")
        defer { scratch.remove() }
        let app = try LegacyWebApp(record: scratch.path("orders.jsonl"), sessionSeconds: 1)
        let c = connector(app)
        _ = try await c.perform(submit("mr-1-a"))
        try await Task.sleep(for: .milliseconds(1600))
        let second = try await c.perform(submit("mr-2-b"))
        let notes = (second.response["steps"]?.arrayValue ?? []).compactMap { $0["checked"]?.stringValue }
        #expect(notes.contains { $0.contains("session had expired") })
        #expect(app.orders.map { $0["reference"]?.stringValue } == ["mr-1-a", "mr-2-b"])
    }

    @Test("a wrong password, a field the form lacks, and the app's own CSRF check")
    func refusals() async throws {
        let scratch = try IngestScratch("webform-refusals")
        defer { scratch.remove() }
        let app = try LegacyWebApp(record: scratch.path("orders.jsonl"))
        await #expect(throws: ConnectorError.self) { try await connector(app, password: "wrong").perform(submit("mr-1-x")) }
        do {
            _ = try await connector(app).perform(submit("mr-2-y", ["customer": "A", "amount": "1", "colour": "red"]))
            Issue.record("a field the form does not have was accepted")
        } catch let error as ConnectorError {
            #expect(error.description.contains("no field 'colour'"))
        }
        #expect(app.orders.isEmpty)
        // The application really checks CSRF: a login post without the token is refused.
        let client = HTTPClient(allowedHosts: ["127.0.0.1"])
        let forged = try await client.send(HTTPRequest(method: "POST", url: app.base.appendingPathComponent("login"),
                                                       headers: [("Content-Type", "application/x-www-form-urlencoded")],
                                                       body: Data("username=mailroom&password=secret".utf8)))
        #expect(forged.status == 403)
    }

    @Test("cookie jar: path, Max-Age deletion, expiry")
    func cookieJar() async {
        let jar = CookieJar()
        let url = URL(string: "http://h/app/page")!
        await jar.store("A=1; Path=/; HttpOnly", from: url)
        await jar.store("B=\"2\"; Path=/app", from: url)
        await jar.store("C=3; Path=/other", from: url)
        #expect(await jar.header(for: url) == "A=1; B=2")
        await jar.store("A=; Max-Age=0", from: url)
        await jar.store("B=2; Expires=Wed, 21 Oct 2015 07:28:00 GMT", from: url)
        #expect(await jar.header(for: url) == nil)
    }

    @Test("Daemon killed between sent and recorded: restarted, no second form submission")
    func killedBetweenSentAndRecorded() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let probe = try IngestScratch("webform-kill-app")
        defer { probe.remove() }
        let app = try LegacyWebApp(record: probe.path("orders.jsonl"))
        let run = try OfficeDaemonScratch("webform-kill", rule: """
            rules:
              - name: enter every order
                when: kind == "unknown" and subject contains "Kill test"
                actions:
                  - connector: legacy
                    action: submit
                    params:
                      fields:
                        customer: "{{ sender }}"
                        amount: "1"
                        comment: "{{ subject }}"
            """, connectorFile: """
            type: webform
            base_url: http://127.0.0.1:\(app.port)
            username: mailroom
            password_env: LEGACY_TEST_PASSWORD
            login: {page: /login, username_field: username, password_field: password}
            form: {page: /orders/new, key_field: reference}
            success: {text: saved, location: "^/orders/[0-9]+$"}
            lookup: {page: "/orders?q={key}"}
            """, connectorName: "legacy")
        defer { run.remove() }
        try run.deliver(OfficeFixtures.mail(subject: "Kill test, enter me"))
        let (first, second) = try await run.killThenRestart(connector: "legacy", environment: ["LEGACY_TEST_PASSWORD": "secret"])
        #expect(first.status == 86, "the fail point did not stop the daemon: \(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(app.orders.count == 1)
        #expect(app.orders.first?["comment"]?.stringValue == "Kill test, enter me")
        let entries = try run.outbox()
        #expect(entries.count == 1)
        #expect(entries.first?.state == .done)
        #expect(entries.first?.result?["found_earlier_result"]?.boolValue == true)
        #expect(app.orders.first?["reference"]?.stringValue == entries.first?.idempotencyKey)
    }
}
