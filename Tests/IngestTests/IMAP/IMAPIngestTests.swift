import Foundation
import Logging
import Testing
@testable import Vocabulary
@testable import Store
@testable import Ingest
@testable import Daemon
@testable import LibEtpan
import MailroomTesting

/// IMAP ingest against a real Dovecot on loopback (scripts/dovecot-test-server.sh), one server per test.
@Suite("IMAP ingest against Dovecot", .serverLogsOnFailure, .serialized)
struct IMAPIngestTests {
    /// A running account source with its store, for one test.
    final class Running: @unchecked Sendable {
        let scratch: IngestScratch
        let intake: Intake
        let source: IMAPAccountSource
        let stop = StopFlag()
        let arrivals = LockedBox<[String: Date]>([:])
        let logs = CapturedLog()
        var task: Task<Void, Never>?

        init(_ label: String, account: IMAPAccountSettings, environment: [String: String]) throws {
            scratch = try IngestScratch(label)
            intake = try scratch.makeIntake()
            source = IMAPAccountSource(account: account, intake: intake, logger: logs.logger, environment: environment)
            let arrivals = self.arrivals
            let source = self.source, stop = self.stop
            task = Task.detached {
                await source.watch(stop: stop, onArrival: {}) { sha, at in
                    arrivals.withLock { $0[sha] = at }
                }
            }
        }

        func health(_ folder: String = "INBOX") throws -> SourceHealth? {
            try intake.store.sourceHealth().first { $0.source == source.account.sourceName(folder: folder) }
        }

        func waitUntil(_ state: TriggerState, folder: String = "INBOX", timeout: Duration = .seconds(45)) async throws -> Bool {
            try await eventually(timeout: timeout) { try health(folder)?.state == state }
        }

        func stored(_ folder: String = "INBOX") throws -> Int {
            try intake.store.countMessages(matching: MessageFilter())
        }

        /// Stops the source; the scratch folder stays until `remove()`.
        func finish() async {
            stop.set()
            await task?.value
        }

        func remove() { scratch.remove() }
    }

    @Test("200 mails delivered while the daemon idles: each stored exactly once, flagged \\Seen; latency measured")
    func twoHundredWhileIdling() async throws {
        let server = try DovecotTestServer(label: "idle200")
        defer { server.stopAndRemove() }
        let run = try Running("imap-idle200", account: server.account(), environment: server.environment)
        defer { run.remove() }
        #expect(try await run.waitUntil(.idle), "the source never reached IDLE: \(run.logs.text)")

        let delivery = IMAPTestDelivery(server: server)
        var appended: [String: Date] = [:]
        for n in 1...200 {
            let mail = IMAPSampleMail.data(n, tag: "idle200")
            try delivery.append(mail)
            appended[SampleMail.sha256(mail)] = Date()
        }
        delivery.close()
        let all = try await eventually(timeout: .seconds(150)) { run.arrivals.value.count >= 200 }
        #expect(all, "only \(run.arrivals.value.count) of 200 stored; log: \(run.logs.text)")
        await run.finish()

        let store = try run.scratch.makeStore()
        #expect(try store.countMessages(matching: MessageFilter()) == 200)
        let received = try store.auditEvents(matching: AuditFilter(eventType: "received"))
        #expect(received.count == 200, "each mail recorded once")
        #expect(try store.auditEvents(matching: AuditFilter(eventType: "duplicate")).isEmpty)
        #expect(try server.uids(of: "alice", in: "INBOX", flagged: "\\Seen").count == 200)
        let checkpoint = try store.imapCheckpoint(source: "imap:office/INBOX")
        #expect(checkpoint?.highestUID == 200)

        let latencies = run.arrivals.value.compactMap { sha, at in appended[sha].map { at.timeIntervalSince($0) } }
        let p50 = percentile(latencies, 50), p99 = percentile(latencies, 99)
        print(String(format: "IMAP 200 mails delivered in a burst while idling: arrival-to-stored p50 %.3f s, p99 %.3f s, max %.3f s",
                     p50, p99, latencies.max() ?? 0))
        #expect(p99 < 120, "a burst of 200 must drain within the test's timeout")
    }

    @Test("Dovecot restarted mid-IDLE: reconnected within 5 s, nothing lost")
    func restartMidIdle() async throws {
        let server = try DovecotTestServer(label: "restart")
        defer { server.stopAndRemove() }
        let run = try Running("imap-restart", account: server.account(), environment: server.environment)
        defer { run.remove() }
        #expect(try await run.waitUntil(.idle))
        let delivery = IMAPTestDelivery(server: server)
        for n in 1...5 { try delivery.append(IMAPSampleMail.data(n, tag: "restart")) }
        delivery.close()
        #expect(try await eventually(timeout: .seconds(15)) { try run.stored() == 5 })
        let before = try run.health()?.connectedSince

        try server.stop()
        // Mail that arrives while the server is down (a delivery agent writing into the Maildir).
        for n in 6...8 { try server.dropIntoMaildir(user: "alice", IMAPSampleMail.data(n, tag: "restart")) }
        #expect(try await eventually(timeout: .seconds(10)) { try run.health()?.state == .reconnecting },
                "the lost connection must show as reconnecting, not idle")
        try server.start()
        let up = Date()
        let reconnected = try await eventually(timeout: .seconds(10)) {
            guard let h = try run.health(), h.state == .idle, let since = h.connectedSince else { return false }
            return since > (before ?? .distantPast)
        }
        let took = Date().timeIntervalSince(up)
        print(String(format: "IMAP reconnect after a Dovecot restart: idle again %.2f s after the server was back", took))
        #expect(reconnected)
        #expect(took <= 5, "reconnect took \(took) s")
        let more = IMAPTestDelivery(server: server)
        for n in 9...10 { try more.append(IMAPSampleMail.data(n, tag: "restart")) }
        more.close()
        #expect(try await eventually(timeout: .seconds(15)) { try run.stored() == 10 }, "log: \(run.logs.text)")
        await run.finish()
        #expect(try run.scratch.makeStore().countMessages(matching: MessageFilter()) == 10)
    }

    @Test("UIDVALIDITY reset (folder recreated with the same mails): no duplicates")
    func uidValidityReset() async throws {
        let server = try DovecotTestServer(label: "uidvalidity")
        defer { server.stopAndRemove() }
        let scratch = try IngestScratch("imap-uidvalidity")
        defer { scratch.remove() }
        let intake = try scratch.makeIntake()
        try server.doveadm(["mailbox", "create", "-u", "alice", "Orders"])
        let mails = (1...6).map { IMAPSampleMail.data($0, tag: "uidv") }
        for m in mails { try server.doveadm(["save", "-u", "alice", "-m", "Orders"], input: m) }
        let account = server.account(folders: ["Orders"], onStored: .init(flagSeen: false, keyword: "Mailroom"))
        let source = IMAPAccountSource(account: account, intake: intake, logger: TestLog.logger, environment: server.environment)
        let first = try await source.takeOnce(stop: StopFlag())
        #expect(first.first?.tally.stored == 6)
        let validity1 = try intake.store.imapCheckpoint(source: "imap:office/Orders")?.uidValidity

        try server.doveadm(["mailbox", "delete", "-u", "alice", "Orders"])
        try await Task.sleep(for: .seconds(1))  // UIDVALIDITY is a timestamp: make sure it moves
        try server.doveadm(["mailbox", "create", "-u", "alice", "Orders"])
        for m in mails { try server.doveadm(["save", "-u", "alice", "-m", "Orders"], input: m) }

        let second = try await source.takeOnce(stop: StopFlag())
        let tally = try #require(second.first?.tally)
        #expect(tally.stored == 0)
        #expect(tally.duplicates == 6)
        #expect(try intake.store.countMessages(matching: MessageFilter()) == 6)
        let validity2 = try intake.store.imapCheckpoint(source: "imap:office/Orders")?.uidValidity
        #expect(validity1 != validity2)
        #expect(try intake.store.auditLog.auditEvents(matching: AuditFilter(eventType: "uidvalidity_changed")).count == 1)
        #expect(try server.uids(of: "alice", in: "Orders", flagged: "Mailroom").count == 6)
    }

    @Test("A self-signed certificate is refused with a clear message; accepted when pinned (implicit TLS and STARTTLS)")
    func certificateVerification() async throws {
        let server = try DovecotTestServer(label: "tls")
        defer { server.stopAndRemove() }
        for mode in [IMAPAccountSettings.TLSMode.implicit, .starttls] {
            let refused = IMAPMailbox(account: server.account(tls: mode), environment: server.environment)
            do {
                _ = try await refused.status(of: "INBOX")
                Issue.record("\(mode): an unverifiable certificate was accepted")
            } catch let error as IMAPProtocolError {
                #expect(error.kind == .tls)
                let text = "\(error)"
                #expect(text.contains("127.0.0.1:\(mode == .implicit ? server.imapsPort : server.imapPort)"), "names host and port: \(text)")
                #expect(text.contains("self-signed"), "says why: \(text)")
                #expect(text.contains(server.certificateSHA256), "tells the fingerprint to pin: \(text)")
            }
            let pinned = IMAPMailbox(account: server.account(tls: mode, pinned: true), environment: server.environment)
            let status = try await pinned.status(of: "INBOX")
            #expect(status.uidValidity > 0)

            var wrongPin = server.account(tls: mode)
            wrongPin.pinnedSHA256 = String(repeating: "ab", count: 32)
            await #expect(throws: IMAPProtocolError.self) {
                _ = try await IMAPMailbox(account: wrongPin, environment: server.environment).status(of: "INBOX")
            }
        }
        // No credential was ever sent to the unverified server: Dovecot saw logins only for the pinned runs.
        let logins = server.log.components(separatedBy: "Login: user=<alice>").count - 1
        #expect(logins == 2, "exactly the two pinned connections logged in; log:\n\(server.log)")
    }

    @Test("Wrong password: auth-failed in status and logs, one attempt, no storm")
    func wrongPassword() async throws {
        let server = try DovecotTestServer(label: "authfail")
        defer { server.stopAndRemove() }
        let run = try Running("imap-authfail", account: server.account(folders: ["INBOX", "Archive"]),
                              environment: ["MAILROOM_TEST_IMAP_PASSWORD": "not-the-password"])
        defer { run.remove() }
        #expect(try await run.waitUntil(.authFailed))
        try await Task.sleep(for: .seconds(3))
        let h = try #require(try run.health())
        #expect(h.state == .authFailed)
        #expect(h.detail?.contains("refused the credentials") == true, "\(h.detail ?? "")")
        #expect(h.verdict() == .failing)
        #expect(run.logs.text.contains("refused the credentials"))
        let attempts = server.log.components(separatedBy: "auth failed").count - 1
        #expect(attempts >= 1 && attempts <= 2, "at most one attempt per connection before the long wait; saw \(attempts)")

        let config = MailroomConfig(store: .init(path: run.scratch.path("mailroom.sqlite")),
                                    sources: .init(imap: [run.source.account]))
        let status = try StatusReport.gather(config: config, store: run.intake.store as! MailStore)
        #expect(status.text.contains("auth-failed"), "\(status.text)")
        await run.finish()
    }

    @Test("XOAUTH2 with a token from a file and from a command; a refused token is an authentication error")
    func xoauth2() async throws {
        let server = try DovecotTestServer(label: "xoauth2")
        defer { server.stopAndRemove() }
        let scratch = try IngestScratch("imap-xoauth2")
        defer { scratch.remove() }
        // The test server checks an XOAUTH2 token like a password (a static passdb).
        try scratch.write(server.password + "\n", to: "token")
        var fromFile = server.account(tls: .starttls, pinned: true)
        fromFile.passwordEnv = nil
        fromFile.xoauth2 = .init(tokenFile: scratch.path("token"))
        #expect(try await IMAPMailbox(account: fromFile, environment: [:]).status(of: "INBOX").uidValidity > 0)

        var fromCommand = fromFile
        fromCommand.xoauth2 = .init(tokenCommand: "printf '%s\\n' \(server.password)")
        #expect(try await IMAPMailbox(account: fromCommand, environment: [:]).status(of: "INBOX").uidValidity > 0)

        var refused = fromFile
        refused.xoauth2 = .init(tokenCommand: "echo expired-token")
        do {
            _ = try await IMAPMailbox(account: refused, environment: [:]).status(of: "INBOX")
            Issue.record("a wrong token was accepted")
        } catch let error as IMAPProtocolError {
            #expect(error.kind == .authentication, "\(error)")
        }
        #expect(server.log.contains("method=XOAUTH2"))

        var failing = fromFile
        failing.xoauth2 = .init(tokenCommand: "echo 'no refresh token' >&2; exit 3")
        do {
            _ = try await IMAPMailbox(account: failing, environment: [:]).status(of: "INBOX")
            Issue.record("a failing token command was not reported")
        } catch let error as IMAPProtocolError {
            #expect("\(error)".contains("exited with status 3: no refresh token"), "\(error)")
        }
    }

    @Test("Mailbox actions: append, flag, keyword, copy, move by stored location; refused after renumbering")
    func mailboxActions() async throws {
        let server = try DovecotTestServer(label: "actions")
        defer { server.stopAndRemove() }
        let mailbox = IMAPMailbox(account: server.account(), environment: server.environment)
        try await mailbox.createFolder("Done")
        try await mailbox.createFolder("Drafts")
        let first = try #require(try await mailbox.append(IMAPSampleMail.data(1, tag: "act"), to: "INBOX"))
        let second = try #require(try await mailbox.append(IMAPSampleMail.data(2, tag: "act"), to: "INBOX"))
        let draft = try await mailbox.append(IMAPSampleMail.data(3, tag: "act"), to: "Drafts", flags: [.draft, .seen])
        #expect(draft != nil)
        try await mailbox.addFlags([.flagged], to: [first], in: "INBOX")
        try await mailbox.addKeyword("Quoted", to: [first, second], in: "INBOX")
        try await mailbox.copy([second], in: "INBOX", to: "Done")
        try await mailbox.move([first], in: "INBOX", to: "Done")
        #expect(try server.uids(of: "alice", in: "INBOX").count == 1)
        #expect(try server.uids(of: "alice", in: "Done").count == 2)
        #expect(try server.uids(of: "alice", in: "Done", flagged: "Quoted").count == 2)
        #expect(try server.uids(of: "alice", in: "Drafts", flagged: "\\Seen").count == 1)

        let stale = IMAPMailbox.Location(uidValidity: second.uidValidity &+ 1, uid: second.uid)
        do {
            try await mailbox.move([stale], in: "INBOX", to: "Done")
            Issue.record("acted on a UID from another UIDVALIDITY")
        } catch let error as IMAPProtocolError {
            #expect("\(error)".contains("renumbered"))
        }
        #expect(IMAPMailbox.Location("1795433219:42") == IMAPMailbox.Location(uidValidity: 1795433219, uid: 42))
        #expect(IMAPMailbox.Location("42") == nil)
    }

    @Test("A silent folder is suspicious; a dead connection is never shown healthy")
    func healthVerdicts() throws {
        let now = Date()
        var h = SourceHealth(source: "imap:a/INBOX", state: .idle, connectedSince: now.addingTimeInterval(-7200),
                             lastContact: now, freshUntil: now.addingTimeInterval(60), silenceWindowSeconds: 3600,
                             updatedAt: now)
        #expect(h.verdict(now: now) == .suspicious)
        h.lastNewMail = now.addingTimeInterval(-60)
        #expect(h.verdict(now: now) == .healthy)
        // The daemon promised to report within 60 s and did not: whatever the row says, it is not healthy.
        #expect(h.verdict(now: now.addingTimeInterval(120)) == .noContact)
        h.state = .reconnecting
        #expect(h.verdict(now: now) == .failing)
    }
}

/// A logger whose messages the test can read.
final class CapturedLog: @unchecked Sendable {
    let lines = LockedBox<[String]>([])
    var text: String { lines.value.joined(separator: "\n") }
    var logger: Logger {
        let lines = self.lines
        var logger = Logger(label: "mailroom.test.imap") { _ in CapturingHandler(lines: lines) }
        logger.logLevel = .info
        return logger
    }

    struct CapturingHandler: LogHandler {
        let lines: LockedBox<[String]>
        var logLevel: Logger.Level = .info
        var metadata: Logger.Metadata = [:]
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            lines.withLock { $0.append("\(event.level): \(event.message)") }
        }
    }
}
