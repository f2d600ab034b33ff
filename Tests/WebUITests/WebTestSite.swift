import Foundation
import Logging
import Testing
import MailroomTesting
import PasswordHashing
import Store
import Vocabulary
import Act
import Daemon
@testable import WebUI

/// A web UI served in-process on a port the kernel picks (port 0), over a scratch store with users.
struct WebTestSite {
    static let cheap = PasswordHash.Cost(memoryKiB: 1024, passes: 1, lanes: 1)
    static let password = "correct horse battery"

    let directory: URL
    let config: MailroomConfig
    let store: MailStore
    let accounts: WebAccounts

    init(_ label: String) throws {
        directory = try StoreScratch.directory(label)
        var config = MailroomConfig()
        config.store.path = directory.appendingPathComponent("mailroom.sqlite").path
        config.spool.path = directory.appendingPathComponent("spool").path
        // Its own rules folder (empty until a test writes into it, e.g. approvers.yaml).
        config.rules.path = directory.appendingPathComponent("rules").path
        self.config = config
        store = try MailStore(path: config.store.path)
        accounts = WebAccounts(store: store)
    }

    func addUser(_ login: String, _ roles: [WebRole], language: WebLanguage? = nil) throws {
        _ = try accounts.addUser(login: login, password: Self.password, roles: roles, language: language,
                                 actor: "operator:test", approverRolesFrom: nil, cost: Self.cheap)
    }

    /// Runs `body` with a client of the served UI; the server stops when it returns.
    func serving<T: Sendable>(throttle: LoginThrottlePolicy = .standard, https: Bool = false, pages: [any WebPages] = [],
                              _ body: @Sendable (HTTPTestClient) async throws -> T) async throws -> T {
        let settings = MailroomConfig.WebSettings(listen: .init(host: "127.0.0.1", port: 0))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "web-test")
        logger.logLevel = .critical  // the cancelled server at the end of each test logs an error
        let server = try WebServer(settings: settings, environment: WebEnvironment(config: config, store: store, logger: logger),
                                   throttle: throttle, pages: pages, onListening: { continuation.yield($0) })
        return try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { defer { continuation.finish() }; try await server.run(); return nil }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestServerError(message: "the web server did not start") }
            let result = try await body(HTTPTestClient(port: port))
            group.cancelAll()
            return result
        }
    }

    func remove() { StoreScratch.remove(directory) }
}

/// A logged-in browser's cookies and CSRF token, got through the login form as a browser would.
struct WebLogin: Sendable {
    var session: String
    var csrf: String

    static func loginForm(_ client: HTTPTestClient) async throws -> (token: String, answer: HTTPTestClient.Answer) {
        let page = try await client.get("/login")
        let token = try #require(page.cookie("mailroom_login")?.value)
        return (token, page)
    }

    static func postLogin(_ client: HTTPTestClient, login: String, password: String) async throws -> HTTPTestClient.Answer {
        let (token, _) = try await loginForm(client)
        return try await client.post("/login", form: [("csrf", token), ("login", login), ("password", password), ("next", "/")],
                                     cookies: ["mailroom_login": token])
    }

    static func logIn(_ client: HTTPTestClient, _ login: String, password: String = WebTestSite.password) async throws -> WebLogin {
        let answer = try await postLogin(client, login: login, password: password)
        #expect(answer.status == 303)
        let session = try #require(answer.cookie("mailroom_session")?.value)
        let overview = try await client.get("/", cookies: ["mailroom_session": session])
        #expect(overview.status == 200)
        let csrf = try #require(firstMatch(#"name="csrf" value="([^"]+)""#, in: overview.body))
        return WebLogin(session: session, csrf: csrf)
    }

    var cookies: [String: String] { ["mailroom_session": session] }

    static func firstMatch(_ pattern: String, in text: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }
}
