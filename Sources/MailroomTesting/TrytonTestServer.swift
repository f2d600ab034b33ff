import Foundation
import Testing
import Act

package final class TrytonTestServer: TestServer, @unchecked Sendable {
    package static let name = "trytond"
    package let directory: URL
    package let port: Int
    package var logFile: String? { directory.appendingPathComponent("trytond.log").path }

    package static func script(_ arguments: [String], environment: [String: String] = [:]) -> ServerScript.Result {
        ServerScript.run("tryton-test-server.sh", arguments, environment: environment)
    }

    /// Installs trytond into .cache/ and builds the template database, once per machine.
    package static func prepare() -> String? {
        let result = script(["prepare"])
        return result.status == 0 ? nil : "scripts/tryton-test-server.sh prepare failed (\(result.status)): \(result.both)"
    }

    package init() throws {
        try Self.requireAvailable()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mr-tryton-\(UUID().uuidString)")
        self.directory = directory
        port = try FreePort.withFreePorts { ports in
            let result = Self.script(["start", directory.path], environment: ["MAILROOM_TEST_PORT": "\(ports[0])"])
            guard result.status == 0, let port = ServerScript.value("PORT", in: result.output).flatMap({ Int($0) }) else {
                _ = Self.script(["stop", directory.path])
                let log = (try? String(contentsOfFile: directory.appendingPathComponent("trytond.log").path, encoding: .utf8)) ?? ""
                throw TestServerError(message: "scripts/tryton-test-server.sh start failed (\(result.status)): \(result.both)\n\(log.suffix(2000))")
            }
            return port
        }
        TestServers.started(self)
    }

    package func stop() {
        TestServers.stopped(self)
        _ = Self.script(["stop", directory.path])
    }

    package func connector() throws -> TrytonConnector {
        let dir = directory.appendingPathComponent("connectors")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
        type: tryton
        url: http://127.0.0.1:\(port)
        database: mailroom
        username: admin
        password_env: TRYTON_PASSWORD
        timeout_seconds: 60
        """.write(to: dir.appendingPathComponent("erp.yaml"), atomically: true, encoding: .utf8)
        let catalogue = try ConnectorCatalogue.load(directory: dir, environment: ["TRYTON_PASSWORD": "admin"])
        return try #require(catalogue.connector(named: "erp") as? TrytonConnector)
    }

    /// A connector over REST with the admin's application key (DIR/rest-key, made by tryton_setup.py).
    package func restConnector(keyFile: String? = nil) throws -> TrytonConnector {
        let dir = directory.appendingPathComponent("connectors-rest")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try """
        type: tryton
        protocol: rest
        url: http://127.0.0.1:\(port)
        database: mailroom
        key_file: \(keyFile ?? directory.appendingPathComponent("rest-key").path)
        timeout_seconds: 60
        """.write(to: dir.appendingPathComponent("erp.yaml"), atomically: true, encoding: .utf8)
        let catalogue = try ConnectorCatalogue.load(directory: dir, environment: [:])
        return try #require(catalogue.connector(named: "erp") as? TrytonConnector)
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }
}
