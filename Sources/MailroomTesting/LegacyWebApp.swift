import Foundation
import Testing
import Vocabulary

/// scripts/legacy-webapp.py on a loopback port it binds itself, recording accepted orders into a file.
package final class LegacyWebApp: TestServer, @unchecked Sendable {
    package static let name = "legacy-webapp.py"
    package static func prepare() -> String? { PortReportingProcess.python3() }

    package let server: PortReportingProcess
    package let record: String
    package var port: Int { server.port }
    package var logFile: String? { server.logFile }

    package var base: URL { URL(string: "http://127.0.0.1:\(port)")! }

    package init(record: String, sessionSeconds: Double = 600) throws {
        try Self.requireAvailable()
        self.record = record
        server = try PortReportingProcess(script: "legacy-webapp.py", arguments: ["--record", record, "--session-seconds", String(sessionSeconds)],
                                          parse: PortReportingProcess.portLine)
        TestServers.started(self)
    }

    package var orders: [JSONValue] {
        ((try? String(contentsOfFile: record, encoding: .utf8)) ?? "").split(separator: "\n")
            .compactMap { try? JSONValue.parse(Data($0.utf8)) }
    }

    package func stop() {
        TestServers.stopped(self)
        server.stop()
    }
    deinit { stop() }
}
