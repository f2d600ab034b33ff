import Foundation
import Testing

/// scripts/http-test-server.py run as a child process on a free loopback port (it prints "PORT n").
final class LocalHTTPServer: @unchecked Sendable {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    let process: Process
    let port: Int
    let scheme: String

    var base: String { "\(scheme)://127.0.0.1:\(port)" }
    func url(_ path: String) -> URL { URL(string: base + path)! }

    init(arguments: [String] = [], tls: Bool = false) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", LocalHTTPServer.root.appendingPathComponent("scripts/http-test-server.py").path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // The first line is "PORT n"; read it byte by byte (blocking, but the server prints it at once).
        var line = Data()
        let handle = output.fileHandleForReading
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte == Data([0x0A]) { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else {
            kill(process.processIdentifier, SIGKILL)
            throw TestServerError(message: "http-test-server.py did not start (said \(text.debugDescription))")
        }
        self.process = process
        self.port = port
        self.scheme = tls ? "https" : "http"
    }

    // SIGKILL: the test runner blocks SIGTERM in its threads, and children inherit that signal mask.
    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

// TestServerError (a test server that would not start) is declared in Ingest/IMAP/DovecotTestServer.swift.
