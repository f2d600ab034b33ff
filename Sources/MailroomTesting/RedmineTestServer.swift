import Foundation
import Testing
import Vocabulary
import Store
import Act
import CurlTransport

package final class RedmineTestServer: TestServer, @unchecked Sendable {
    package static let name = "Redmine"
    package let directory: URL
    package let port: Int
    package let apiKey: String
    package let keyFieldID: Int
    package let requesterFieldID: Int
    package var logFile: String? { directory.appendingPathComponent("server.log").path }

    /// Installs the Debian packages when they are missing and builds the cached template, once per machine.
    package static func prepare() -> String? {
        let result = runScript(["prepare"])
        if result.status == 0, result.output.contains("TEMPLATE ") { return nil }
        return "scripts/redmine-test-server.sh prepare failed (\(result.status)): \(result.both)"
    }

    package static func runScript(_ arguments: [String], environment: [String: String] = [:]) -> ServerScript.Result {
        ServerScript.run("redmine-test-server.sh", arguments, environment: environment)
    }

    package init() throws {
        try Self.requireAvailable()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mr-redmine-\(UUID().uuidString)")
        self.directory = directory
        let output = try FreePort.withFreePorts { ports in
            let result = Self.runScript(["start", directory.path], environment: ["MAILROOM_TEST_PORT": "\(ports[0])"])
            guard result.status == 0, ServerScript.value("PORT", in: result.output) != nil else {
                _ = Self.runScript(["stop", directory.path])
                let log = (try? String(contentsOfFile: directory.appendingPathComponent("server.log").path, encoding: .utf8)) ?? ""
                throw TestServerError(message: "scripts/redmine-test-server.sh start failed (\(result.status)): \(result.both)\n\(log.suffix(2000))")
            }
            return result.output
        }
        func value(_ name: String) -> Int? { ServerScript.value(name, in: output).flatMap { Int($0) } }
        guard let port = value("PORT"), let key = value("KEY_FIELD"), let requester = value("REQUESTER_FIELD"),
              let apiKey = ServerScript.value("API_KEY", in: output) else {
            throw TestServerError(message: "scripts/redmine-test-server.sh start said: \(output)")
        }
        self.port = port
        self.apiKey = apiKey
        self.keyFieldID = key
        self.requesterFieldID = requester
        TestServers.started(self)
    }

    package func stop() {
        TestServers.stopped(self)
        _ = Self.runScript(["stop", directory.path])
    }

    package var url: String { "http://127.0.0.1:\(port)" }

    /// A connector file for this server; `keyField: false` leaves the key custom field out.
    package func connectorYAML(name: String = "helpdesk", keyField: Bool = true, apiKeyFile: String? = nil) -> String {
        """
        type: redmine
        name: \(name)
        url: \(url)
        \(apiKeyFile.map { "api_key_file: \($0)" } ?? "api_key_env: REDMINE_API_KEY")
        project: support
        \(keyField ? "key_field_id: \(keyFieldID)" : "")
        requester_field_id: \(requesterFieldID)
        ticket_prefix: "BW-T-"
        timeout_seconds: 60
        """
    }

    package func connector(keyField: Bool = true, store: MailStore?) throws -> RedmineConnector {
        let dir = directory.appendingPathComponent("connectors-\(UUID().uuidString.prefix(6))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try connectorYAML(keyField: keyField).write(to: dir.appendingPathComponent("helpdesk.yaml"), atomically: true, encoding: .utf8)
        let catalogue = try ConnectorCatalogue.load(directory: dir, environment: ["REDMINE_API_KEY": apiKey])
        let connector = try #require(catalogue.connector(named: "helpdesk") as? RedmineConnector)
        return store.map { connector.using(store: $0) } ?? connector
    }

    /// GET on the REST API, as the test's own eyes on Redmine.
    package func get(_ path: String) async throws -> JSONValue {
        let response = try await HTTPClient(allowedHosts: ["127.0.0.1"]).send(HTTPRequest(
            method: "GET", url: URL(string: url + path)!, headers: [("X-Redmine-API-Key", apiKey)], timeoutSeconds: 60))
        guard response.status == 200 else { throw TestServerError(message: "GET \(path) answered \(response.status)") }
        return try JSONValue.parse(response.body)
    }

    package func issues() async throws -> [JSONValue] {
        try await get("/issues.json?project_id=support&status_id=*&limit=100&sort=id").issuesList
    }

    package func issue(_ id: Int64) async throws -> JSONValue {
        try #require(try await get("/issues/\(id).json?include=journals")["issue"])
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }
}

extension JSONValue {
    package var issuesList: [JSONValue] { self["issues"]?.arrayValue ?? [] }
}
