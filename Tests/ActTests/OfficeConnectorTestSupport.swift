import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Act
import MailroomTesting

/// Builds the OutboxAction a connector receives, for unit tests of the office connectors.
enum OfficeFixtures {
    static func action(connector: String, action: String, parameters: [String: JSONValue], id: Int64 = 1,
                       key: String = "mr-1-0123456789abcdef0123456789abcdef", attempt: Int = 1,
                       original: OriginalMessage? = nil) -> OutboxAction {
        OutboxAction(id: id, messageID: 1, idempotencyKey: key,
                     action: IntendedAction(rule: "test rule", ruleFile: "rules/test.yaml", ruleFileSHA256: "0", index: 0,
                                            connector: connector, action: action, parameters: parameters),
                     attempt: attempt, original: original)
    }

    static func mail(subject: String, messageID: String = "<\(UUID().uuidString)@test.example>") -> Data {
        Data("""
            From: Anna Buyer <anna@customer.example>\r
            To: orders@office.example\r
            Subject: \(subject)\r
            Date: Mon, 23 Nov 2026 08:00:00 +0000\r
            Message-ID: \(messageID)\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            Please handle this.\r

            """.utf8)
    }
}

/// A scratch folder with a Maildir source, a rules folder and a connectors folder, run through the real
/// `mailroom` binary: the exactly-once kill tests.
struct OfficeDaemonScratch {
    let scratch: IngestScratch

    init(_ label: String, rule: String, connectorFile: String, connectorName: String, extraConfig: String = "") throws {
        scratch = try IngestScratch(label)
        _ = try scratch.makeMaildir()
        try FileManager.default.createDirectory(atPath: scratch.path("rules"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch.path("connectors"), withIntermediateDirectories: true)
        // A daemon refuses a rules folder without kinds/: one kind, `office_mail`, that every mail with a
        // subject matches, stands in for the `unknown` the rules were written for.
        try scratch.write("""
            kind: office_mail
            description: Any mail with a subject (for the office connector tests).
            business: true
            fields: []
            matchers:
              - name: any subject
                when: {subject: '.'}
            """, to: "rules/kinds/office_mail.yaml")
        try scratch.write(rule.replacingOccurrences(of: "kind == \"unknown\"", with: "kind == \"office_mail\""), to: "rules/office.yaml")
        try scratch.write(connectorFile, to: "connectors/\(connectorName).yaml")
        try scratch.write("""
            store:
              path: state/mailroom.sqlite
            spool:
              path: state/spool
            sources:
              maildir:
                - name: inbox
                  path: Maildir
            \(extraConfig)
            rules:
              path: rules
              connectors: connectors
              first_retry_seconds: 1
              max_retry_seconds: 2
            """, to: "mailroom.yaml")
    }

    var root: String { scratch.root }
    var config: String { scratch.path("mailroom.yaml") }
    func path(_ relative: String) -> String { scratch.path(relative) }
    func remove() { scratch.remove() }

    /// Delivers a mail into Maildir/new under a known unique name.
    func deliver(_ data: Data, unique: String = "1795000000.M1P1.office") throws {
        try scratch.write(data, to: "Maildir/new/\(unique)")
    }

    /// `mailroom run --once` with extra environment variables; returns the exit status and stderr.
    func runOnce(environment extra: [String: String] = [:]) async throws -> (status: Int32, stderr: String) {
        let result = try await MailroomProcess.run(["run", "--once", "--config", config], in: root, timeout: .seconds(240),
                                                   environment: extra)
        return (result.status, result.stderr)
    }

    /// Killed between "sent" and "recorded", then restarted without the fail point.
    func killThenRestart(connector: String, environment: [String: String] = [:]) async throws
        -> (first: (status: Int32, stderr: String), second: (status: Int32, stderr: String)) {
        var failing = environment
        failing["MAILROOM_FAILPOINT"] = "after-send:\(connector)"
        let first = try await runOnce(environment: failing)
        let second = try await runOnce(environment: environment)
        return (first, second)
    }

    func outbox() throws -> [OutboxEntry] {
        let store = try MailStore(path: path("state/mailroom.sqlite"))
        return try store.outboxEntries(states: OutboxState.allCases)
    }
}
