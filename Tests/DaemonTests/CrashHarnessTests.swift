import Foundation
import Testing
@testable import Vocabulary
@testable import Store
import MailroomTesting

/// The crash harness (issue 15 item 6): the real daemon on N mails delivered over a Maildir and a drop folder,
/// every mail calling a loopback HTTP sink that durably records each idempotency key, killed with SIGKILL at
/// seeded random moments and restarted each time; then every mail must be stored once, every intended action
/// have reached the sink exactly once, the audit chain verify, and nothing be left half-way.
///
/// `make test` runs a short round (150 mails, 6 kills); `make crash-test` the big one. Environment:
/// `CRASH_MAILS` (mails), `CRASH_KILLS` (kills), `CRASH_SEED` (replays a run: every random choice comes from it),
/// `CRASH_MAILROOM` (the binary to run, e.g. .build/release/mailroom; default the debug build).
@Suite("crash harness: SIGKILL at random moments", .serverLogsOnFailure, .serialized)
struct CrashHarnessTests {
    struct Settings {
        var mails: Int
        var kills: Int
        var seed: UInt64
        var binary: String

        static func fromEnvironment() -> Settings {
            let env = ProcessInfo.processInfo.environment
            let binary = env["CRASH_MAILROOM"].flatMap { $0.isEmpty ? nil : $0 }
                .map { $0.hasPrefix("/") ? $0 : Repository.path($0) } ?? MailroomProcess.binary
            return Settings(mails: env["CRASH_MAILS"].flatMap { Int($0) } ?? 150,
                            kills: env["CRASH_KILLS"].flatMap { Int($0) } ?? 6,
                            seed: env["CRASH_SEED"].flatMap { UInt64($0) } ?? UInt64.random(in: 1...999_999),
                            binary: binary)
        }
    }

    /// SplitMix64: every random choice of a run follows from its seed, so `CRASH_SEED=` replays it.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Where work was in flight when a kill landed (any number of these at once).
    enum Stage: String, CaseIterable { case ingest, parse, understand, decide, act }

    // MARK: - The deployment

    static let subjectPrefix = "Crash test mail"

    static func deploy(_ scratch: IngestScratch, sink: LocalHTTPServer) throws {
        _ = try scratch.makeMaildir()
        try FileManager.default.createDirectory(atPath: scratch.path("drop"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: scratch.path("staging"), withIntermediateDirectories: true)
        try scratch.write("""
            kind: crash_notice
            description: A mail of the crash harness.
            business: true
            fields: []
            matchers:
              - name: crash harness subject
                when: {subject: '\(subjectPrefix)'}
            """, to: "rules/kinds/crash_notice.yaml")
        try scratch.write("""
            rules:
              - name: tell the sink
                when: kind == "crash_notice"
                actions:
                  - connector: sink
                    action: request
                    params:
                      path: /hook
                      body:
                        subject: "{{ subject }}"
            """, to: "rules/sink.yaml")
        try scratch.write("""
            type: http
            base_url: \(sink.base)
            allowed_hosts: [127.0.0.1]
            lookup_url: /hook/lookup?key={idempotency_key}
            timeout_seconds: 20
            """, to: "connectors/sink.yaml")
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
              drop:
                - name: scans
                  path: drop
                  poll_seconds: 1
                  settle_seconds: 0
            pipeline:
              workers: 2
            rules:
              path: rules
              connectors: connectors
              max_attempts: 20
              first_retry_seconds: 1
              max_retry_seconds: 2
              outbox_poll_seconds: 1
            log:
              level: info
            """, to: "mailroom.yaml")
    }

    /// Mail number `n`: distinct content; every fifth carries a PDF fixture, every seventh a CSV fixture (each
    /// made distinct too, so no two mails share an attachment's bytes).
    static func mail(_ n: Int, pdf: Data, csv: Data) -> Data {
        var parts: [(type: String, name: String, data: Data)] = []
        if n % 5 == 0 { parts.append(("application/pdf", "invoice-\(n).pdf", pdf + Data("% crash mail \(n)\n".utf8))) }
        if n % 7 == 0 { parts.append(("text/csv", "articles-\(n).csv", csv + Data("CRASH-\(n);Crash article \(n);1\n".utf8))) }
        let header = """
            From: Customer \(n) <customer\(n)@example.com>\r
            To: office@brightwater.example\r
            Subject: \(subjectPrefix) \(n)\r
            Date: Mon, 23 Nov 2026 08:\(String(format: "%02d", n % 60)):00 +0000\r
            Message-ID: <crash-\(n)@example.com>\r
            MIME-Version: 1.0\r

            """
        let text = "Hello, this is crash harness mail number \(n).\r\nRegards\r\n"
        if parts.isEmpty {
            return Data((header + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text).utf8)
        }
        let boundary = "crash-boundary-\(n)"
        var body = header + "Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\n"
        body += "--\(boundary)\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text
        for part in parts {
            body += "--\(boundary)\r\nContent-Type: \(part.type); name=\"\(part.name)\"\r\n"
            body += "Content-Disposition: attachment; filename=\"\(part.name)\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            body += part.data.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            body += "\r\n"
        }
        body += "--\(boundary)--\r\n"
        return Data(body.utf8)
    }

    /// Delivers mail `n`: even numbers into the Maildir (tmp/, then renamed into new/ as a delivery agent
    /// does), odd ones into the drop folder (written beside it, then renamed in, so it is never seen half-written).
    static func deliver(_ n: Int, _ bytes: Data, root: String) throws {
        if n % 2 == 0 {
            let name = "\(1_790_000_000 + n).M\(n)P99.crash"
            try bytes.write(to: URL(fileURLWithPath: root + "/Maildir/tmp/\(name)"))
            try FileManager.default.moveItem(atPath: root + "/Maildir/tmp/\(name)", toPath: root + "/Maildir/new/\(name)")
        } else {
            let name = "crash-\(n).eml"
            try bytes.write(to: URL(fileURLWithPath: root + "/staging/\(name)"))
            try FileManager.default.moveItem(atPath: root + "/staging/\(name)", toPath: root + "/drop/\(name)")
        }
    }

    /// What the sink's record file says: one line per POST, "created|repeat<TAB>key<TAB>subject".
    static func sinkRecord(_ path: String) -> [(what: String, key: String, subject: String)] {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return parts.count >= 3 ? (parts[0], parts[1], parts[2]) : nil
        }
    }

    /// A store opened once the daemon created it, shared with the watcher thread that decides when to kill.
    final class StoreBox: @unchecked Sendable {
        let path: String
        private var store: MailStore?
        private let lock = NSLock()
        init(path: String) { self.path = path }
        var value: MailStore? {
            lock.withLock {
                if store == nil, FileManager.default.fileExists(atPath: path) { store = try? MailStore(path: path) }
                return store
            }
        }
    }

    // MARK: - The run

    @Test("SIGKILL at random moments, restarted each time: every mail stored once, every action delivered once, audit intact, nothing stuck")
    func killedAtRandomMomentsAndRestarted() async throws {
        let settings = Settings.fromEnvironment()
        try #require(FileManager.default.isExecutableFile(atPath: settings.binary),
                     "build the CLI first (swift build --build-tests): \(settings.binary)")
        print("crash-test: seed \(settings.seed) (replay with CRASH_SEED=\(settings.seed)), \(settings.mails) mails, "
              + "\(settings.kills) kills, \(settings.binary)")
        var random = SeededRandom(state: settings.seed)

        let scratch = try IngestScratch("crash-harness")
        defer { scratch.remove() }
        let recordPath = scratch.path("sink-keys.txt")
        let sink = try LocalHTTPServer(arguments: ["--record", recordPath])
        defer { sink.stop() }
        try Self.deploy(scratch, sink: sink)
        let config = scratch.path("mailroom.yaml")
        // The store is created (migrated) here, before any daemon runs, so that the harness's own look at it never
        // races the first daemon's migration (that race, which this harness found, has its own regression test:
        // MailStoreOpeningTests.severalProcessesOpeningANewStoreAtOnceAllSucceed).
        _ = try MailStore(path: scratch.path("state/mailroom.sqlite"))
        let storeBox = StoreBox(path: scratch.path("state/mailroom.sqlite"))

        let pdf = try DocumentFixtures.data("text-invoice.pdf")
        let csv = try DocumentFixtures.data("articles-utf8.csv")
        var hashes: [String: Int] = [:]   // content SHA-256 → mail number

        // The mails go out in kills+1 batches, one before each start, so that every run has fresh mail to ingest.
        let rounds = settings.kills + 1
        var batches: [Range<Int>] = []
        var start = 0
        for round in 0..<rounds {
            let end = round == rounds - 1 ? settings.mails : start + settings.mails / rounds
            batches.append(start..<end)
            start = end
        }

        var kills = 0
        var stagesHit: [Stage: Int] = [:]
        var daemon: MailroomProcess?
        defer { if let daemon, daemon.process.isRunning { daemon.signal(SIGKILL) } }
        for round in 0..<rounds {
            var batch: [(Int, Data)] = []
            for n in batches[round] {
                let bytes = Self.mail(n, pdf: pdf, csv: csv)
                hashes[SampleMail.sha256(bytes)] = n
                batch.append((n, bytes))
            }
            let started = try MailroomProcess.start(["run", "--config", config], in: scratch.root, label: "run\(round)",
                                                    program: settings.binary)
            daemon = started
            let pid = started.process.processIdentifier
            // Up: it holds the store's lock and recorded its start (heartbeat row with its pid).
            let up = await Self.poll(timeout: .seconds(120), while: started) {
                guard let beat = try? storeBox.value?.daemonHeartbeat() else { return false }
                return beat.pid == pid && beat.stoppedAt == nil
            }
            try #require(up, "daemon \(round) did not come up: \(started.stderr.suffix(3000))")
            // This round's mail arrives while the daemon runs (a random pause between mails), so kills land in ingest too.
            let pauseMicros = UInt32(random.next(upperBound: UInt64(3_000)))
            let root = scratch.root
            let delivery = Task.detached {
                for (n, bytes) in batch {
                    try Self.deliver(n, bytes, root: root)
                    usleep(pauseMicros)
                }
            }
            guard round < rounds - 1 else { try await delivery.value; break }

            // A random moment: once a random number of further audit events were written (each stage's result is
            // one), plus a random few milliseconds, so kills land anywhere from ingest to the HTTP call.
            let store = try #require(storeBox.value)
            let headAtStart = (try store.auditHead()?.sequence) ?? 0
            let finished = try store.countMessages(matching: MessageFilter(states: [.acted, .noAction, .review, .failed, .deadLetter]))
            let outstanding = max(1, hashes.count - finished)
            let eventsAhead = Int64(random.next(upperBound: UInt64(outstanding * 6))) + 1
            let jitterMicros = UInt32(random.next(upperBound: UInt64(20_000)))
            let killed = await started.signal(SIGKILL, timeout: .seconds(300)) {
                let head = (try? store.auditHead()?.sequence) ?? 0
                guard head >= headAtStart + eventsAhead else { return false }
                usleep(jitterMicros)
                return true
            }
            if !killed, started.process.isRunning { started.signal(SIGKILL) }
            _ = await started.waitForExit(timeout: .seconds(30))
            try #require(started.process.terminationReason == .uncaughtSignal,
                         "daemon \(round) ended by itself (status \(started.process.terminationStatus)): \(started.stderr.suffix(3000))")
            // Looked at right after the kill (delivery may still be adding a file or two: mail arriving then is ingest work too).
            let inFlight = try Self.stagesInFlight(store: store, scratch: scratch)
            try await delivery.value
            kills += 1
            for stage in inFlight { stagesHit[stage, default: 0] += 1 }
            print("crash-test: kill \(kills) after \(eventsAhead) event(s) + \(jitterMicros / 1000) ms: in flight "
                  + (inFlight.isEmpty ? "nothing" : inFlight.map(\.rawValue).joined(separator: ", ")))
        }

        // Drain: until every mail is stored and final and the outbox has nothing left to do, or the deadline.
        let last = try #require(daemon)
        let drainDeadline = Duration.seconds(max(180, settings.mails / 2))
        let drained = await Self.poll(timeout: drainDeadline, while: last) {
            guard let store = storeBox.value,
                  let messages = try? store.allMessages(),
                  let open = try? store.outboxEntries(states: OutboxState.allCases.filter { !$0.isFinal }, limit: 1)
            else { return false }
            return messages.count >= hashes.count && messages.allSatisfy { $0.state.isTerminal && !MessageState.outboxStates.contains($0.state) }
                && open.isEmpty
        }
        last.signal(SIGTERM)
        let exited = await last.waitForExit(timeout: .seconds(60))
        if !exited { last.signal(SIGKILL); _ = await last.waitForExit(timeout: .seconds(10)) }
        #expect(exited && last.process.terminationReason == .exit && last.process.terminationStatus == 0,
                "the last daemon did not stop cleanly on SIGTERM: \(last.stderr.suffix(3000))")
        #expect(drained, "not drained within \(drainDeadline): \(last.stderr.suffix(3000))")

        // MARK: the checks
        let store = try #require(storeBox.value)
        let messages = try store.allMessages()
        let delivered = hashes.count
        var storedHashes: [String: Int] = [:]
        for m in messages { storedHashes[m.contentSHA256, default: 0] += 1 }
        let lost = hashes.keys.filter { storedHashes[$0] == nil }.count
        let duplicatedMessages = storedHashes.values.filter { $0 > 1 }.reduce(0) { $0 + $1 - 1 }
            + storedHashes.keys.filter { hashes[$0] == nil }.count
        #expect(messages.count == delivered, "\(messages.count) messages stored for \(delivered) mails delivered")
        #expect(lost == 0, "\(lost) mail(s) never stored")
        #expect(duplicatedMessages == 0, "\(duplicatedMessages) mail(s) stored twice")

        // Every intended action: one outbox row per message, done, and its key at the sink exactly once.
        let record = Self.sinkRecord(recordPath)
        var createdByKey: [String: Int] = [:]
        var createdBySubject: [String: Int] = [:]
        for line in record where line.what == "created" {
            createdByKey[line.key, default: 0] += 1
            createdBySubject[line.subject, default: 0] += 1
        }
        let repeats = record.filter { $0.what == "repeat" }.count
        var missingAtSink = 0, actionsNotDone = 0, rowsPerMessageWrong = 0
        var intendedKeys = Set<String>()
        for m in messages {
            let rows = try store.outboxEntries(messageID: m.id)
            if rows.count != 1 { rowsPerMessageWrong += 1; if rowsPerMessageWrong <= 3 { Issue.record("message \(m.id) has \(rows.count) outbox rows") } }
            for row in rows {
                intendedKeys.insert(row.idempotencyKey)
                if row.state != .done { actionsNotDone += 1 }
                if createdByKey[row.idempotencyKey] == nil {
                    missingAtSink += 1
                    if missingAtSink <= 3 { Issue.record("message \(m.id)'s action \(row.idempotencyKey) (\(row.state.rawValue)) never reached the sink") }
                }
            }
        }
        let unintendedAtSink = createdByKey.keys.filter { !intendedKeys.contains($0) }.count
        let keyTwice = createdByKey.values.filter { $0 > 1 }.count
        let mailActedTwice = createdBySubject.values.filter { $0 > 1 }.count
        let duplicatedEffects = unintendedAtSink + keyTwice + mailActedTwice
        #expect(rowsPerMessageWrong == 0)
        #expect(missingAtSink == 0, "\(missingAtSink) intended action(s) never reached the sink")
        #expect(unintendedAtSink == 0, "\(unintendedAtSink) key(s) at the sink that no outbox row has")
        #expect(keyTwice == 0 && mailActedTwice == 0, "effects twice: \(keyTwice) key(s), \(mailActedTwice) mail(s)")
        #expect(createdBySubject.count == delivered, "\(createdBySubject.count) mails acted on at the sink of \(delivered)")

        // Nothing stuck: every message final (acted), no outbox row open; every file acknowledged.
        let notActed = messages.filter { $0.state != .acted }
        for m in notActed.prefix(3) { Issue.record("message \(m.id) is \(m.state.rawValue): \(m.flagReason ?? "")") }
        let openRows = try store.outboxEntries(states: OutboxState.allCases.filter { !$0.isFinal }, limit: nil)
        let unacknowledged = scratch.list("Maildir/new").count + scratch.list("drop").filter { !["done", "failed"].contains($0) }.count
        let stuck = notActed.count + openRows.count + actionsNotDone + unacknowledged
        #expect(notActed.isEmpty, "\(notActed.count) message(s) not acted")
        #expect(openRows.isEmpty, "\(openRows.count) outbox row(s) left open: \(openRows.prefix(3).map { "\($0.id) \($0.state.rawValue)" })")
        #expect(unacknowledged == 0, "\(unacknowledged) delivered file(s) never acknowledged")
        #expect(scratch.list("drop/failed").isEmpty, "files in drop/failed: \(scratch.list("drop/failed").prefix(5))")

        let verify = try await MailroomProcess.run(["audit", "verify", "--config", config], in: scratch.root,
                                                   timeout: .seconds(300), program: settings.binary)
        #expect(verify.status == 0, "audit verify: \(verify.stdout) \(verify.stderr)")
        #expect(kills == settings.kills)

        let stages = Stage.allCases.map { "\($0.rawValue) \(stagesHit[$0] ?? 0)" }.joined(separator: ", ")
        print("crash-test: kills with work in flight per stage: \(stages); \(repeats) repeated request(s) with the same key")
        print("crash-test: \(delivered) mails, \(kills) kills, \(lost) lost, \(duplicatedMessages + duplicatedEffects) duplicated, "
              + "\(stuck) stuck, " + (verify.status == 0 ? "audit verified" : "AUDIT FAILED") + " (seed \(settings.seed))")
    }

    /// The stages that had work in flight just after a kill.
    static func stagesInFlight(store: MailStore, scratch: IngestScratch) throws -> [Stage] {
        let counts = try store.stateCounts()
        let sending = try store.outboxEntries(states: [.sending, .queued, .retryWait], limit: 1).count
        let unread = scratch.list("Maildir/new").count + scratch.list("drop").filter { !["done", "failed"].contains($0) }.count
        var stages: [Stage] = []
        if unread > 0 { stages.append(.ingest) }
        if (counts[.received] ?? 0) > 0 { stages.append(.parse) }
        if (counts[.parsed] ?? 0) > 0 { stages.append(.understand) }
        if (counts[.understood] ?? 0) > 0 { stages.append(.decide) }
        if (counts[.decided] ?? 0) > 0 || sending > 0 { stages.append(.act) }
        return stages
    }

    /// Polls `condition` every 50 ms until it holds (true), `timeout` passes or `daemon` ended (false).
    static func poll(timeout: Duration, while daemon: MailroomProcess, _ condition: () -> Bool) async -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if condition() { return true }
            if !daemon.process.isRunning { return false }
            try? await Task.sleep(for: .milliseconds(50))
        }
        return false
    }
}
