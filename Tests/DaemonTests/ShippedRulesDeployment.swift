import Foundation
import Testing
@testable import Vocabulary
@testable import Store
import MailroomTesting

/// The shipped `rules/` and `connectors/` in a scratch folder, for tests that run the real daemon on them: the
/// ERP and helpdesk connectors pointed at a loopback HTTP server that speaks neither Tryton nor Redmine (so they
/// fail, after reading their secrets), the SMTP connector at a loopback sink.
struct ShippedRulesDeployment {
    let scratch: IngestScratch
    let hook: LocalHTTPServer
    let smtp: SMTPSink

    /// `smtpSecurity: "none"` lets the sink accept the mail (loopback only); the default `starttls` makes every
    /// SMTP action fail (the sink offers no STARTTLS).
    static func make(_ label: String, hookArguments: [String] = [], smtpSecurity: String = "starttls") async throws -> ShippedRulesDeployment {
        let hook = try LocalHTTPServer(arguments: hookArguments)
        let smtp = try await SMTPSink.started()
        let scratch = try IngestScratch(label)
        let fm = FileManager.default
        for item in ["rules", "connectors"] {
            try fm.copyItem(atPath: MailroomProcess.root.appendingPathComponent(item).path, toPath: scratch.path(item))
        }
        let deployment = ShippedRulesDeployment(scratch: scratch, hook: hook, smtp: smtp)
        try deployment.retarget("erp.yaml", "url: http://127.0.0.1:8000", "url: \(hook.base)/tryton")
        try deployment.retarget("helpdesk.yaml", "url: http://127.0.0.1:3000", "url: \(hook.base)/redmine")
        try deployment.retarget("mail.yaml", "port: 587", "port: \(smtp.port)")
        if smtpSecurity != "starttls" { try deployment.retarget("mail.yaml", "security: starttls", "security: \(smtpSecurity)") }
        return deployment
    }

    func retarget(_ file: String, _ from: String, _ to: String) throws {
        let path = scratch.path("connectors/\(file)")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(from), "connectors/\(file) no longer says \(from)")
        try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The secrets the shipped connectors read, for a daemon whose connectors are only to fail.
    static let placeholderSecrets = ["TRYTON_PASSWORD": "tryton-test", "REDMINE_API_KEY": "redmine-test", "SMTP_PASSWORD": "smtp-test"]

    var storePath: String { scratch.path("state/mailroom.sqlite") }

    /// Waits until the store holds `count` messages, each in a state where the daemon is done with it for now,
    /// and no action is due.
    func settled(count: Int, daemon: MailroomProcess, timeout: Duration = .seconds(400)) async throws -> MailStore {
        let store = try await eventually("the store", timeout: .seconds(60), daemon: daemon) {
            FileManager.default.fileExists(atPath: storePath) ? try MailStore(path: storePath) : nil
        }
        let settled: Set<MessageState> = [.acted, .noAction, .review, .failed, .deadLetter, .blocked, .approval]
        _ = try await eventually("every mail to settle", timeout: timeout, daemon: daemon) { () -> Bool? in
            let messages = try store.messages(matching: MessageFilter())
            let due = try store.outboxEntries(states: [.queued, .sending, .retryWait])
            return messages.count == count && messages.allSatisfy { settled.contains($0.state) } && due.isEmpty ? true : nil
        }
        return store
    }

    func stop() {
        hook.stop()
        smtp.stop()
        scratch.remove()
    }
}
