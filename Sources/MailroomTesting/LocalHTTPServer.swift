import Foundation
import Testing

/// scripts/http-test-server.py on a loopback port it binds itself (it prints "PORT n").
package final class LocalHTTPServer: TestServer, @unchecked Sendable {
    package static let name = "http-test-server.py"
    package static func prepare() -> String? { PortReportingProcess.python3() }

    package let server: PortReportingProcess
    package let scheme: String
    package var port: Int { server.port }
    package var logFile: String? { server.logFile }

    package var base: String { "\(scheme)://127.0.0.1:\(port)" }
    package func url(_ path: String) -> URL { URL(string: base + path)! }

    package init(arguments: [String] = [], tls: Bool = false) throws {
        try Self.requireAvailable()
        server = try PortReportingProcess(script: "http-test-server.py", arguments: arguments, parse: PortReportingProcess.portLine)
        scheme = tls ? "https" : "http"
        TestServers.started(self)
    }

    package func stop() {
        TestServers.stopped(self)
        server.stop()
    }
    deinit { stop() }
}
