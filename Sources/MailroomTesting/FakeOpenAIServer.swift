import Foundation
import Testing
import Vocabulary
import Understand
import CurlTransport

/// scripts/fake-openai-server.py on a loopback port it binds itself ("listening on n"), stopped when released.
package final class FakeOpenAIServer: TestServer, @unchecked Sendable {
    package static let name = "fake-openai-server.py"
    package static func prepare() -> String? { PortReportingProcess.python3() }

    package let server: PortReportingProcess
    package let http = HTTPClient()
    package var port: Int { server.port }
    package var logFile: String? { server.logFile }

    package init() throws {
        try Self.requireAvailable()
        server = try PortReportingProcess(script: "fake-openai-server.py", arguments: ["--port", "0"]) { line in
            Int(line.replacingOccurrences(of: "listening on", with: "").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        TestServers.started(self)
    }

    package func stop() {
        TestServers.stopped(self)
        server.stop()
    }
    deinit { stop() }

    package var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    package func script(model: String, _ responses: [JSONValue]) async throws {
        let body = JSONValue.object(["model": .string(model), "responses": .array(responses)])
        _ = try await http.send(HTTPRequest(method: "POST", url: URL(string: "http://127.0.0.1:\(port)/_script")!,
                                            headers: [("Content-Type", "application/json")], body: Data(body.canonicalJSON.utf8), timeoutSeconds: 5))
    }

    /// Every request body received, in order.
    package func received() async throws -> [JSONValue] {
        let r = try await http.send(HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:\(port)/_received")!, timeoutSeconds: 5))
        return try JSONValue.parse(r.body).arrayValue?.compactMap { $0["body"] } ?? []
    }

    package func provider(_ name: String, model: String, external: Bool = false, schema: Bool = true, price: (Double, Double) = (0, 0),
                  timeout: Double = 5, attempts: Int = 3, budget: BudgetSettings = BudgetSettings()) -> ProviderSettings {
        ProviderSettings(name: name, baseURL: baseURL, model: model, priceInputPerMillion: price.0, priceOutputPerMillion: price.1,
                         external: external, allowedData: .redacted, concurrency: 2, timeoutSeconds: timeout,
                         supportsJSONSchema: schema, maxAttempts: attempts, budget: budget)
    }
}
