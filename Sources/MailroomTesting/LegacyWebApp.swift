import Foundation
import Testing
@testable import Vocabulary

/// scripts/legacy-webapp.py on a loopback port it binds itself, recording accepted orders into a file.
final class LegacyWebApp: TestServer, @unchecked Sendable {
    static let name = "legacy-webapp.py"
    static func prepare() -> String? { PortReportingProcess.python3() }

    let server: PortReportingProcess
    let record: String
    var port: Int { server.port }
    var logFile: String? { server.logFile }

    var base: URL { URL(string: "http://127.0.0.1:\(port)")! }

    init(record: String, sessionSeconds: Double = 600) throws {
        try Self.requireAvailable()
        self.record = record
        server = try PortReportingProcess(script: "legacy-webapp.py", arguments: ["--record", record, "--session-seconds", String(sessionSeconds)],
                                          parse: PortReportingProcess.portLine)
        TestServers.started(self)
    }

    var orders: [JSONValue] {
        ((try? String(contentsOfFile: record, encoding: .utf8)) ?? "").split(separator: "\n")
            .compactMap { try? JSONValue.parse(Data($0.utf8)) }
    }

    func stop() {
        TestServers.stopped(self)
        server.stop()
    }
    deinit { stop() }
}
