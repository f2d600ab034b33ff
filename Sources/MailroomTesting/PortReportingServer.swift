import Foundation
import Testing

/// A server run as a child process that binds port 0 itself and reports the port it got on its first stdout line
/// (scripts/http-test-server.py "PORT n", scripts/legacy-webapp.py "PORT n", scripts/fake-openai-server.py
/// "listening on n"). Its stderr goes to a log file beside it, for `TestServer.logTail`.
package final class PortReportingProcess: @unchecked Sendable {
    package let process: Process
    package let port: Int
    package let logFile: String

    /// Starts `python3 scripts/<script> ARGS` and waits for its first line; `parse` reads the port from it.
    package init(script: String, arguments: [String], parse: (String) -> Int?) throws {
        let logFile = FileManager.default.temporaryDirectory.path + "/mr-\(script)-\(UUID().uuidString.prefix(8)).log"
        FileManager.default.createFile(atPath: logFile, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Repository.path("scripts/\(script)")] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle(forWritingAtPath: logFile) ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The first line carries the port; read it byte by byte (blocking, but the server prints it at once).
        var line = Data()
        let handle = output.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte == Data([0x0A]) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let port = parse(text) else {
            kill(process.processIdentifier, SIGKILL)
            let log = (try? String(contentsOfFile: logFile, encoding: .utf8)) ?? ""
            throw TestServerError(message: "scripts/\(script) did not start (said \(text.debugDescription)): \(TestServers.oneLine(log))")
        }
        self.process = process
        self.port = port
        self.logFile = logFile
    }

    /// SIGKILL: the test runner blocks SIGTERM in its threads, and children inherit that signal mask.
    package func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// "PORT n" → n
    package static func portLine(_ text: String) -> Int? {
        text.hasPrefix("PORT ") ? Int(text.dropFirst(5).trimmingCharacters(in: .whitespaces)) : nil
    }

    /// The stdlib Python servers need nothing but python3.
    package static func python3() -> String? {
        TestServers.installed(["/usr/bin/python3", "/usr/local/bin/python3"]) ? nil : "python3 is not installed"
    }
}
