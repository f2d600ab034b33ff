import Foundation
import Testing
import Vocabulary

/// A real SMTP sink on loopback (scripts/smtp-sink.sh, aiosmtpd): every mail it accepts lands in a folder.
/// The sink binds port 0 itself and prints the port it got.
package final class SMTPSink: TestServer, @unchecked Sendable {
    package static let name = "SMTP sink (aiosmtpd)"
    package let directory: URL
    package let port: Int
    package var mailDirectory: URL { directory.appendingPathComponent("mail") }
    package var logFile: String? { directory.appendingPathComponent("sink.log").path }

    /// Installs aiosmtpd into a venv under .cache/, once per machine.
    package static func prepare() -> String? {
        let result = script(["prepare"])
        return result.status == 0 ? nil : "scripts/smtp-sink.sh prepare failed (\(result.status)): \(result.both)"
    }

    package init(_ options: [String] = []) throws {
        try Self.requireAvailable()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("mr-smtp-sink-\(UUID().uuidString)")
        let result = SMTPSink.script(["start", directory.path] + options)
        guard result.status == 0, let port = ServerScript.value("PORT", in: result.output).flatMap({ Int($0) }) else {
            throw TestServerError(message: "scripts/smtp-sink.sh start failed (\(result.status)): \(result.both)")
        }
        self.port = port
        TestServers.started(self)
    }

    /// Starts a sink on a thread of its own: the script is waited for synchronously, which must not hold one
    /// of the few threads of Swift's cooperative pool while other tests run in parallel.
    package static func started(_ options: [String] = []) async throws -> SMTPSink {
        try requireAvailable()   // here, in the test's task: skipping needs the running test
        return try await offThePool { try SMTPSink(options) }
    }

    package static func script(_ arguments: [String]) -> ServerScript.Result {
        ServerScript.run("smtp-sink.sh", arguments, timeoutSeconds: 600)
    }

    package func stop() {
        TestServers.stopped(self)
        _ = SMTPSink.script(["stop", directory.path])
    }

    /// The mails received so far, oldest first (raw bytes).
    package func mails() -> [Data] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: mailDirectory.path)) ?? []).filter { $0.hasSuffix(".eml") }.sorted()
        return names.compactMap { try? Data(contentsOf: mailDirectory.appendingPathComponent($0)) }
    }

    /// Envelope recipients of mail number `index` (0-based).
    package func envelopeRecipients(_ index: Int) -> [String] {
        let url = mailDirectory.appendingPathComponent(String(format: "%04d.json", index + 1))
        guard let data = try? Data(contentsOf: url), let v = try? JSONValue.parse(data) else { return [] }
        return v.objectValue?["rcpt_tos"]?.arrayValue?.compactMap(\.stringValue) ?? []
    }

    /// Waits until at least `count` mails arrived (or the timeout passed).
    package func waitForMails(_ count: Int, timeout: Double = 60) async -> [Data] {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let m = mails()
            if m.count >= count { return m }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return mails()
    }

    package func connectorFile(name: String = "mail", security: String = "none", extra: String = "") -> String {
        """
        type: smtp
        name: \(name)
        host: 127.0.0.1
        port: \(port)
        security: \(security)
        from: office@firma.example
        from_name: Firma Office
        message_id_domain: firma.example
        timeout_seconds: 20
        \(extra)
        """
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Runs blocking set-up work (starting a test server and waiting for it) on a thread of its own.
package func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
