import Foundation
import Testing
@testable import Vocabulary
@testable import Act
@testable import CurlTransport
import MailroomTesting

@Suite("http connector and connector files", .serverLogsOnFailure)
struct HTTPConnectorTests {
    static func temporaryDirectory() throws -> URL {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("mr-conn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true)
        return d
    }

    static func action(_ parameters: [String: JSONValue], id: Int64 = 1, connector: String = "webhook", action: String = "request") -> OutboxAction {
        let intended = IntendedAction(rule: "notify", ruleFile: "rules/test.yaml", ruleFileSHA256: "00", index: 0,
                                      connector: connector, action: action, parameters: parameters)
        return OutboxAction(id: id, messageID: 7, idempotencyKey: intended.idempotencyKey(messageID: 7), action: intended, attempt: 1)
    }

    func connector(server: LocalHTTPServer, extra: String = "") throws -> HTTPConnector {
        let dir = try Self.temporaryDirectory()
        try """
        type: http
        base_url: \(server.base)
        allowed_hosts: [127.0.0.1]
        timeout_seconds: 5
        signing_secret_env: HOOK_SECRET
        \(extra)
        """.write(to: dir.appendingPathComponent("webhook.yaml"), atomically: true, encoding: .utf8)
        let catalogue = try ConnectorCatalogue.load(directory: dir, environment: ["HOOK_SECRET": "s3cret-value"])
        return try #require(catalogue.connector(named: "webhook") as? HTTPConnector)
    }

    @Test("Idempotency-Key and a valid HMAC signature are sent; captures come from the response")
    func postWithKeyAndSignature() async throws {
        let server = try LocalHTTPServer(arguments: ["--secret", "s3cret-value"])
        let webhook = try connector(server: server)
        let action = Self.action(["path": "/hook", "body": ["customer": "Acme", "total": 1190.5],
                                  "headers": ["X-Source": "mailroom"], "capture": ["record_id": "/id", "self": "$.links.self"]])
        let result = try await webhook.perform(action)
        #expect(result.captured["status"] == .int(201))
        let id = try #require(result.captured["record_id"]?.intValue)
        #expect(result.captured["self"]?.stringValue == "/hook/\(id)")
        // The server echoes the key it received and only accepted the request because the signature verified.
        #expect(result.response["body"]?["key"]?.stringValue == action.idempotencyKey)
        #expect(result.response["body"]?["received"]?["customer"]?.stringValue == "Acme")
        // The audited request masks the signature and never contains the secret.
        #expect(result.request["headers"]?["X-Signature"]?.stringValue == "***")
        #expect(result.request["headers"]?["Idempotency-Key"]?.stringValue == action.idempotencyKey)
        #expect(!result.request.canonicalJSON.contains("s3cret-value"))

        // Sent again (a retry after a crash): the server deduplicates by the key.
        _ = try await webhook.perform(action)
        let count = try await HTTPClient().send(HTTPRequest(url: server.url("/hook/count")))
        #expect(try JSONValue.parse(count.body)["created"] == .int(1))
    }

    @Test("a wrong signing secret is a permanent error (401)")
    func wrongSecret() async throws {
        let server = try LocalHTTPServer(arguments: ["--secret", "another"])
        let webhook = try connector(server: server)
        await #expect(throws: ConnectorError.self) { try await webhook.perform(Self.action(["path": "/hook", "body": [:]])) }
        do { _ = try await webhook.perform(Self.action(["path": "/hook", "body": [:]])) } catch let e as ConnectorError {
            guard case .permanent(let m) = e else { Issue.record("expected permanent, got \(e)"); return }
            #expect(m.contains("401"))
        }
    }

    @Test("429 and 503 with Retry-After are transient with the delay; 404 is permanent")
    func retryAfter() async throws {
        let server = try LocalHTTPServer()
        let webhook = try connector(server: server)
        for status in [429, 503] {
            do {
                _ = try await webhook.perform(Self.action(["path": "/busy?status=\(status)&retry_after=7", "method": "GET"]))
                Issue.record("expected an error")
            } catch let e as ConnectorError {
                #expect(e == .transient(e.description, retryAfter: 7))
            }
        }
        do {
            _ = try await webhook.perform(Self.action(["path": "/nothing-here", "method": "GET"]))
            Issue.record("expected an error")
        } catch let e as ConnectorError {
            guard case .permanent = e else { Issue.record("expected permanent, got \(e)"); return }
        }
        #expect(HTTPConnector.retryAfterSeconds("120") == 120)
    }

    @Test("earlierResult: nil without lookup_url; with it, the earlier record is found by its key")
    func earlierResult() async throws {
        let server = try LocalHTTPServer()
        let plain = try connector(server: server)
        let action = Self.action(["path": "/hook", "body": ["n": 1], "capture": ["record_id": "/id"]])
        #expect(try await plain.earlierResult(of: action) == nil)
        let looking = try connector(server: server, extra: "lookup_url: \(server.base)/hook/lookup?key={idempotency_key}")
        #expect(try await looking.earlierResult(of: action) == nil)
        let first = try await looking.perform(action)
        let earlier = try #require(try await looking.earlierResult(of: action))
        #expect(earlier.foundEarlierResult)
        #expect(earlier.captured["record_id"] == first.captured["record_id"])
        // What the audit keeps of the lookup names the endpoint, not its query (where keys and tokens travel).
        #expect(earlier.request.objectValue?["url"] == .string("\(server.base)/hook/lookup"), "\(earlier.request)")
    }

    @Test("connector files: every mistake reported with file:line:column and a suggestion")
    func fileProblems() async throws {
        let dir = try Self.temporaryDirectory()
        try """
        type: htpp
        base_url: https://x.example.com
        """.write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try """
        type: http
        base_url: https://hooks.example.com
        timeout_secs: 5
        token: inline-secret
        """.write(to: dir.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        try """
        type: tryton
        url: https://erp.example.com:8000
        database: tryton
        username: mailroom
        password_env: TRYTON_PASSWORD
        """.write(to: dir.appendingPathComponent("erp.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try ConnectorCatalogue.load(directory: dir, environment: [:])
            Issue.record("expected problems")
        } catch {
            let text = error.description
            #expect(text.contains("a.yaml:1:7: unknown connector type 'htpp'; did you mean 'http'?"), "\(text)")
            #expect(text.contains("b.yaml:3:1: unknown key 'timeout_secs'; did you mean 'timeout_seconds'?"), "\(text)")
            #expect(text.contains("b.yaml:4:8: `token` must not be written into the file"), "\(text)")
            #expect(!text.contains("inline-secret"))
            #expect(error.problems.filter { $0.severity == .error }.count == 3, "\(text)")
        }
        // A secret whose variable is not set is no error: the connector loads, and its actions wait (transient)
        // with the cause named.
        let erpOnly = try Self.temporaryDirectory()
        try FileManager.default.copyItem(at: dir.appendingPathComponent("erp.yaml"), to: erpOnly.appendingPathComponent("erp.yaml"))
        let waiting = try ConnectorCatalogue.load(directory: erpOnly, environment: [:])
        let erp = try #require(waiting.connector(named: "erp"))
        #expect(erp.type == "tryton")
        let action = OutboxAction(id: 1, messageID: 1, idempotencyKey: "k", action: IntendedAction(
            rule: "r", ruleFile: "f", ruleFileSHA256: "", index: 0, connector: "erp", action: "create_lead",
            parameters: ["description": "x"]), attempt: 1)
        await #expect(throws: ConnectorError.transient("connector 'erp': the environment variable TRYTON_PASSWORD (for `password`) is not set; set it and restart the daemon")) {
            _ = try await erp.perform(action)
        }
        let ok = try ConnectorCatalogue.load(directory: dir.appendingPathComponent("none"), environment: [:])
        #expect(ok.connectors.isEmpty)
    }

    @Test("secrets never cross the network in clear: plain http:// to another host is refused unless written out; no downgrade per action")
    func plainHTTPRefused() async throws {
        let dir = try Self.temporaryDirectory()
        try """
        type: tryton
        url: http://erp.example.com:8000
        database: tryton
        username: mailroom
        password_env: TRYTON_PASSWORD
        """.write(to: dir.appendingPathComponent("erp.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try ConnectorCatalogue.load(directory: dir, environment: [:])
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description.contains("erp.yaml:2:6: `url` is plain http:// to erp.example.com"), "\(error.description)")
            #expect(error.description.contains("insecure_http: true"), "\(error.description)")
        }
        // Written out, the operator's choice stands; loopback needs nothing.
        try """
        type: tryton
        url: http://erp.example.com:8000
        insecure_http: true
        database: tryton
        username: mailroom
        password_env: TRYTON_PASSWORD
        """.write(to: dir.appendingPathComponent("erp.yaml"), atomically: true, encoding: .utf8)
        try """
        type: http
        base_url: http://127.0.0.1:9/hook
        """.write(to: dir.appendingPathComponent("local.yaml"), atomically: true, encoding: .utf8)
        let loaded = try ConnectorCatalogue.load(directory: dir, environment: [:])
        #expect(loaded.connector(named: "erp") != nil && loaded.connector(named: "local") != nil)

        // An action's own `url` may not take the token to http:// when base_url is https://.
        let hook = HTTPConnector(name: "hook", baseURL: URL(string: "https://hooks.example.com/in")!,
                                 transport: ConnectorTransport(client: HTTPClient(allowedHosts: ["hooks.example.com"])), token: "t")
        #expect(throws: ConnectorError.self) { _ = try hook.targetURL(["url": "http://hooks.example.com/in"]) }
        #expect(try hook.targetURL(["url": "https://hooks.example.com/other"]).absoluteString == "https://hooks.example.com/other")
    }
}
