import Foundation
import Testing

/// scripts/http-test-server.py on a loopback port it binds itself (it prints "PORT n").
final class LocalHTTPServer: TestServer, @unchecked Sendable {
    static let name = "http-test-server.py"
    static func prepare() -> String? { PortReportingProcess.python3() }

    let server: PortReportingProcess
    let scheme: String
    var port: Int { server.port }
    var logFile: String? { server.logFile }

    var base: String { "\(scheme)://127.0.0.1:\(port)" }
    func url(_ path: String) -> URL { URL(string: base + path)! }

    init(arguments: [String] = [], tls: Bool = false) throws {
        try Self.requireAvailable()
        server = try PortReportingProcess(script: "http-test-server.py", arguments: arguments, parse: PortReportingProcess.portLine)
        scheme = tls ? "https" : "http"
        TestServers.started(self)
    }

    func stop() {
        TestServers.stopped(self)
        server.stop()
    }
    deinit { stop() }
}
