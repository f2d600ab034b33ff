import Foundation
import Testing

/// chromedriver (Debian's chromium-driver, deploy/install-deps.sh) on a port from `FreePort`, retried on a fresh
/// port when the one it got was taken meanwhile. Ready when its /status says so (polled, with a deadline).
package final class ChromeDriverServer: TestServer, @unchecked Sendable {
    package static let name = "chromedriver"
    package static let driverPaths = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]
    package static let browserPaths = ["/usr/bin/chromium", "/usr/lib/chromium/chromium", "/usr/bin/chromium-browser"]

    package static func prepare() -> String? {
        guard TestServers.installed(driverPaths) else { return "no chromedriver at \(driverPaths.joined(separator: " or ")) (apt-get install chromium-driver)" }
        guard TestServers.installed(browserPaths) else { return "no chromium at \(browserPaths.joined(separator: " or ")) (apt-get install chromium)" }
        return nil
    }

    package static var browser: String { browserPaths.first { FileManager.default.isExecutableFile(atPath: $0) } ?? browserPaths[0] }

    package let process: Process
    package let port: Int
    package let logFile: String?

    package init() throws {
        try Self.requireAvailable()
        let log = FileManager.default.temporaryDirectory.path + "/mr-chromedriver-\(UUID().uuidString.prefix(8)).log"
        logFile = log
        let driver = Self.driverPaths.first { FileManager.default.isExecutableFile(atPath: $0) }!
        var started: Process?
        port = try FreePort.withFreePorts { ports in
            FileManager.default.createFile(atPath: log, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: driver)
            process.arguments = ["--port=\(ports[0])", "--log-path=\(log)"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline {
                if FreePort.accepts(ports[0]) { started = process; return ports[0] }
                if !process.isRunning {
                    let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                    throw TestServerError(message: "chromedriver did not start: \(TestServers.oneLine(text))")
                }
                Thread.sleep(forTimeInterval: 0.05)
            }
            kill(process.processIdentifier, SIGKILL)
            throw TestServerError(message: "chromedriver did not listen on port \(ports[0]) within 30 s")
        }
        process = started!
        TestServers.started(self)
    }

    package func stop() {
        TestServers.stopped(self)
        // Never Process.waitUntilExit: on Linux it can spin for ever when chromedriver lingers (seen with a
        // browser session still open). SIGTERM, up to 5 s, then SIGKILL.
        guard process.isRunning else { return }
        let pid = process.processIdentifier
        kill(pid, SIGTERM)
        for _ in 0..<250 where process.isRunning { usleep(20_000) }
        if process.isRunning { kill(pid, SIGKILL) }
        for _ in 0..<250 where process.isRunning { usleep(20_000) }
    }

    deinit { stop() }
}

/// A small WebDriver (W3C) client: one headless Chromium session.
package final class BrowserSession: @unchecked Sendable {
    package struct Failure: Error, CustomStringConvertible {
        package var description: String
    }

    package let id: String
    let profile: URL
    /// Plain HTTP/1.1, one connection per command (URLSession on Linux stalled on the second command).
    let http: HTTPTestClient

    /// Starts headless Chromium with a scratch profile.
    package init(driver: ChromeDriverServer) async throws {
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("mr-chromium-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        http = HTTPTestClient(port: driver.port)
        let capabilities: [String: Any] = ["capabilities": ["alwaysMatch": [
            "browserName": "chrome",
            // DOM ready is enough; the tests wait for what they look for (never for every subresource).
            "pageLoadStrategy": "eager",
            "goog:chromeOptions": [
                "binary": ChromeDriverServer.browser,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--user-data-dir=\(profile.path)", "--window-size=1280,900", "--lang=en-US"],
            ] as [String: Any],
        ] as [String: Any]]]
        let answer = try await Self.call(http, "/session", method: "POST", body: capabilities)
        guard let value = answer["value"] as? [String: Any], let id = value["sessionId"] as? String else {
            throw Failure(description: "chromedriver did not start a session: \(answer)")
        }
        self.id = id
    }

    /// Ends the browser session and removes its profile.
    package func close() async {
        _ = try? await command("DELETE", "")
        try? FileManager.default.removeItem(at: profile)
    }

    // MARK: Commands

    package func navigate(_ url: String) async throws { _ = try await command("POST", "/url", ["url": url]) }

    package func currentURL() async throws -> String { try await command("GET", "/url") as? String ?? "" }

    package func title() async throws -> String { try await command("GET", "/title") as? String ?? "" }

    /// The first element matching a CSS selector (throws when there is none).
    package func element(_ css: String) async throws -> String {
        let value = try await command("POST", "/element", ["using": "css selector", "value": css])
        guard let object = value as? [String: Any], let id = object.values.first as? String else {
            throw Failure(description: "no element matches \(css)")
        }
        return id
    }

    package func click(_ css: String) async throws {
        _ = try await command("POST", "/element/\(try await element(css))/click", [:])
    }

    package func type(_ text: String, into css: String) async throws {
        let element = try await element(css)
        _ = try await command("POST", "/element/\(element)/clear", [:])
        _ = try await command("POST", "/element/\(element)/value", ["text": text])
    }

    package func text(_ css: String) async throws -> String {
        try await command("GET", "/element/\(try await element(css))/text") as? String ?? ""
    }

    /// Runs a script in the page; its result (JSON values).
    package func execute(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
        try await command("POST", "/execute/sync", ["script": script, "args": arguments])
    }

    /// A PNG of the viewport.
    package func screenshot() async throws -> Data {
        guard let text = try await command("GET", "/screenshot") as? String, let data = Data(base64Encoded: text) else {
            throw Failure(description: "chromedriver gave no screenshot")
        }
        return data
    }

    /// Writes a screenshot to `.build/test-output/ui/NAME.png`; its path.
    @discardableResult
    package func saveScreenshot(_ name: String) async throws -> String {
        let folder = Repository.root.appendingPathComponent(".build/test-output/ui")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent(name + ".png")
        try await screenshot().write(to: file)
        return file.path
    }

    /// Polls `condition` every 50 ms until it is true; fails naming `what` after `timeout`.
    package func waitFor(_ what: String, timeout: Duration = .seconds(20),
                         _ condition: () async throws -> Bool) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var lastError: Error?
        while clock.now < deadline {
            do {
                if try await condition() { return }
            } catch { lastError = error }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw Failure(description: "waited \(timeout) for \(what)" + (lastError.map { "; last error: \($0)" } ?? ""))
    }

    // MARK: Wire

    private func command(_ method: String, _ path: String, _ body: [String: Any]? = nil) async throws -> Any? {
        let answer = try await Self.call(http, "/session/\(id)" + path, method: method, body: body)
        if let value = answer["value"] as? [String: Any], let error = value["error"] as? String {
            throw Failure(description: "WebDriver \(method) \(path): \(error): \(value["message"] as? String ?? "")")
        }
        return answer["value"]
    }

    private static func call(_ http: HTTPTestClient, _ path: String, method: String, body: [String: Any]?) async throws -> [String: Any] {
        let data = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let answer = try await http.send(method, path, cookies: [:],
                                         headers: data == nil ? [:] : ["Content-Type": "application/json"], body: data)
        guard let object = try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any] else {
            throw Failure(description: "WebDriver answered no JSON object: \(answer.body.prefix(300))")
        }
        return object
    }
}
