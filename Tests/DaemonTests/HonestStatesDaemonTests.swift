import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Daemon
@testable import CurlTransport
import Audit
import MailroomTesting

/// What the daemon says about actions that cannot be carried out: a connector whose secret is not set parks its
/// actions as blocked (no attempts used) until the daemon starts with it set; an action given up is a dead
/// letter that `status`, `messages` and the log flag, and that `outbox retry` sends again once the cause is fixed.
@Suite(.serialized) struct HonestStatesDaemonTests {
    /// A deployment with one kind, `notice` (a matcher on the subject "Hook test"), one rule calling the `hook`
    /// connector for it, and `connector` as connectors/hook.yaml.
    static func deployment(_ label: String, connector: String) throws -> IngestScratch {
        let scratch = try IngestScratch(label)
        _ = try scratch.makeMaildir()
        try scratch.write("""
            kind: notice
            description: A notice for the hook.
            business: true
            fields: []
            matchers:
              - name: hook test subject
                when: {subject: 'Hook test'}
            """, to: "rules/kinds/notice.yaml")
        try scratch.write("""
            rules:
              - name: tell the hook
                when: kind == "notice"
                actions:
                  - connector: hook
                    action: request
                    params:
                      path: /hook
                      body:
                        subject: "{{ subject }}"
            """, to: "rules/hook.yaml")
        try scratch.write(connector, to: "connectors/hook.yaml")
        try scratch.write("""
            store:
              path: state/mailroom.sqlite
            spool:
              path: state/spool
            sources:
              maildir:
                - name: inbox
                  path: Maildir
                  poll_seconds: 1
            pipeline:
              workers: 1
            rules:
              path: rules
              connectors: connectors
              max_attempts: 1
              first_retry_seconds: 1
              max_retry_seconds: 2
              outbox_poll_seconds: 1
            log:
              level: info
            """, to: "mailroom.yaml")
        try scratch.write(SampleMail.text(1, subject: "Hook test 1"), to: "Maildir/new/1790000001.M1P1.test")
        return scratch
    }

    static func store(_ scratch: IngestScratch) throws -> MailStore? {
        let path = scratch.path("state/mailroom.sqlite")
        return FileManager.default.fileExists(atPath: path) ? try MailStore(path: path) : nil
    }

    static func onlyMessage(_ scratch: IngestScratch) throws -> StoredMessage? {
        try store(scratch)?.messages(matching: MessageFilter()).first
    }

    static func hookCount(_ server: LocalHTTPServer) async throws -> Int64? {
        let client = HTTPClient(allowedHosts: ["127.0.0.1"])
        return try JSONValue.parse(try await client.send(HTTPRequest(url: server.url("/hook/count"))).body)["created"]?.intValue
    }

    @Test func anActionWhoseSecretIsMissingIsBlockedInStatusAndRunsOnceTheDaemonRestartsWithIt() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let server = try LocalHTTPServer()
        defer { server.stop() }
        let scratch = try Self.deployment("blocked-secret", connector: """
            type: http
            base_url: \(server.base)
            allowed_hosts: [127.0.0.1]
            token_env: HOOK_TOKEN
            """)
        defer { scratch.remove() }
        let config = scratch.path("mailroom.yaml")

        // max_attempts is 1: were the missing secret tried as a transient failure, the action would be dead at once.
        let first = try MailroomProcess.start(["run", "--config", config], in: scratch.root, label: "first",
                                              environment: ["HOOK_TOKEN": ""])
        defer { if first.process.isRunning { first.signal(SIGKILL) } }
        let blocked = try await eventually("the message to be blocked", timeout: .seconds(120), daemon: first) {
            try Self.onlyMessage(scratch).flatMap { $0.state == .blocked ? $0 : nil }
        }
        #expect(blocked.flagReason?.contains("HOOK_TOKEN") == true, "\(blocked.flagReason ?? "")")
        let row = try #require(try Self.store(scratch)?.outboxEntries(messageID: blocked.id).first)
        #expect(row.state == .blocked && row.attempts == 0)

        let status = try await MailroomProcess.run(["status", "--config", config], in: scratch.root)
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("blocked 1"), "\(status.stdout)")
        #expect(status.stdout.contains("Blocked:       1 action(s)"), "\(status.stdout)")
        #expect(status.stdout.contains("HOOK_TOKEN"), "\(status.stdout)")
        #expect(first.stderr.contains("blocked on configuration"), "\(first.stderr.suffix(2000))")
        await stopDaemon(first)
        #expect(try await Self.hookCount(server) == 0)

        let second = try MailroomProcess.start(["run", "--config", config], in: scratch.root, label: "second",
                                               environment: ["HOOK_TOKEN": "t0ken"])
        defer { if second.process.isRunning { second.signal(SIGKILL) } }
        let acted = try await eventually("the blocked action to run", timeout: .seconds(120), daemon: second) {
            try Self.onlyMessage(scratch).flatMap { $0.state == .acted ? $0 : nil }
        }
        await stopDaemon(second)
        #expect(acted.flagReason == nil)
        #expect(try await Self.hookCount(server) == 1)
        let store = try #require(try Self.store(scratch))
        let done = try #require(try store.outboxEntries(messageID: acted.id).first)
        #expect(done.state == .done && done.attempts == 1)
        let types = try store.events(of: acted.id).map(\.eventType)
        #expect(types.contains("action_blocked") && types.contains("action_unblocked"), "\(types)")
        #expect(types.suffix(2) == ["action_done", "acted"], "\(types)")
        #expect(AuditVerifier.verify(store: store).isIntact)
    }

    @Test func aDeadLetterIsFlaggedInStatusMessagesAndTheLogAndRetriedOnceTheCauseIsFixed() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        // A port where nothing listens: the first server is stopped before the daemon runs.
        let gone = try LocalHTTPServer()
        let goneBase = gone.base
        gone.stop()
        let scratch = try Self.deployment("dead-letter", connector: """
            type: http
            base_url: \(goneBase)
            allowed_hosts: [127.0.0.1]
            timeout_seconds: 5
            """)
        defer { scratch.remove() }
        let config = scratch.path("mailroom.yaml")

        let once = try await MailroomProcess.run(["run", "--once", "--config", config], in: scratch.root)
        #expect(once.status == 0, "\(once.stderr)")
        let message = try #require(try Self.onlyMessage(scratch))
        #expect(message.state == .deadLetter, "\(message.state) \(message.flagReason ?? "")")
        #expect(message.flagReason?.contains("mailroom outbox retry") == true)
        // The log says it at error level.
        let errorLines = once.stderr.split(separator: "\n").filter { $0.contains(" error ") && $0.contains("dead letter") }
        #expect(!errorLines.isEmpty, "\(once.stderr)")

        let status = try await MailroomProcess.run(["status", "--config", config], in: scratch.root)
        #expect(status.stdout.contains("dead_letter 1"), "\(status.stdout)")
        #expect(status.stdout.contains("Dead letters:  1 action(s)"), "\(status.stdout)")
        #expect(!status.stdout.contains("Flagged:       none"), "\(status.stdout)")
        let json = try await MailroomProcess.run(["status", "--json", "--config", config], in: scratch.root)
        let report = try JSONDecoder().decode(StatusReport.self, from: Data(json.stdout.utf8))
        #expect(report.flagged == 1 && report.counts["dead_letter"] == 1 && report.deadLetters.count == 1)

        let listed = try await MailroomProcess.run(["messages", "--config", config], in: scratch.root)
        #expect(listed.stdout.contains("dead_letter"), "\(listed.stdout)")
        let flagged = try await MailroomProcess.run(["messages", "--state", "dead_letter", "--config", config], in: scratch.root)
        #expect(flagged.stdout.contains("Hook test 1"), "\(flagged.stdout)")

        // The cause is fixed (the target is reachable), then the action is retried.
        let server = try LocalHTTPServer()
        defer { server.stop() }
        try scratch.write("""
            type: http
            base_url: \(server.base)
            allowed_hosts: [127.0.0.1]
            timeout_seconds: 5
            """, to: "connectors/hook.yaml")
        let row = try #require(try Self.store(scratch)?.outboxEntries(messageID: message.id).first)
        let retry = try await MailroomProcess.run(["outbox", "retry", String(row.id), "--config", config], in: scratch.root)
        #expect(retry.status == 0, "\(retry.stderr)")
        #expect(try Self.onlyMessage(scratch)?.state == .waiting, "the message says at once that its action will be tried again")
        let again = try await MailroomProcess.run(["run", "--once", "--config", config], in: scratch.root)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.onlyMessage(scratch)?.state == .acted)
        #expect(try await Self.hookCount(server) == 1)
        let cleared = try await MailroomProcess.run(["status", "--config", config], in: scratch.root)
        #expect(cleared.stdout.contains("Flagged:       none"), "\(cleared.stdout)")
    }
}

