import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import Vocabulary
@testable import Store
import MailroomTesting

/// `/metrics`, `/healthz` and `/readyz` of the real `mailroom run` process on its `metrics:` listener, the
/// exposition checked with Prometheus's own parser (Debian's python3-prometheus-client).
@Suite(.serialized) struct MetricsAndHealthProcessTests {
    static let python = "/usr/bin/python3"

    /// A running daemon with its metrics port.
    struct Running {
        let daemon: MailroomProcess
        let port: Int
        /// Runs `body`, then stops the daemon, also when `body` throws.
        func whileRunning<T>(_ body: () async throws -> T) async throws -> T {
            do {
                let result = try await body()
                await stop()
                return result
            } catch {
                await stop()
                throw error
            }
        }

        func stop() async {
            daemon.signal(SIGTERM)
            if !(await daemon.waitForExit(timeout: .seconds(60))) {
                daemon.signal(SIGKILL)
                _ = await daemon.waitForExit(timeout: .seconds(10))
            }
        }
    }

    /// Writes the configuration with `metrics: listen:` on a port from the kernel and starts the daemon; when the
    /// port was taken in between (the daemon exits naming metrics.listen), tries again with a fresh one.
    func start(_ scratch: IngestScratch, sources: String, environment: [String: String] = [:]) async throws -> Running {
        for _ in 0..<4 {
            let port = try FreePort.allocate()
            try scratch.write("""
                store:
                  path: state/mailroom.sqlite
                spool:
                  path: state/spool
                sources:
                \(sources)
                pipeline:
                  workers: 2
                metrics:
                  listen: 127.0.0.1:\(port)
                log:
                  level: info
                """, to: "mailroom.yaml")
            let daemon = try MailroomProcess.start(["run", "--config", scratch.path("mailroom.yaml")], in: scratch.root,
                                                   environment: environment)
            let deadline = ContinuousClock.now + .seconds(60)
            while ContinuousClock.now < deadline {
                if !daemon.process.isRunning { break }
                if let (status, _, _) = try? await Self.get(port, "/healthz"), status == 200 { return Running(daemon: daemon, port: port) }
                try await Task.sleep(for: .milliseconds(100))
            }
            if daemon.process.isRunning {
                daemon.signal(SIGKILL)
                _ = await daemon.waitForExit(timeout: .seconds(10))
                throw TestFailure("the daemon did not answer /healthz within 60 s; stderr:\n\(daemon.stderr)")
            }
            guard daemon.stderr.contains("address already in use") else {
                throw TestFailure("the daemon stopped: \(daemon.stderr)")
            }
        }
        throw TestFailure("no free port could be bound in 4 attempts")
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    static func get(_ port: Int, _ path: String) async throws -> (status: Int, body: String, contentType: String?) {
        var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)\(path)")!)
        request.timeoutInterval = 30
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as! HTTPURLResponse
        #expect(http.value(forHTTPHeaderField: "X-Content-Type-Options") == "nosniff")
        #expect(http.value(forHTTPHeaderField: "Content-Security-Policy") == "default-src 'none'")
        return (http.statusCode, String(decoding: data, as: UTF8.self), http.value(forHTTPHeaderField: "Content-Type"))
    }

    /// One sample as Prometheus's parser read it.
    struct Sample: Decodable, Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// Parses the exposition with `prometheus_client.parser` (the reference implementation); fails the test when it
    /// does not parse.
    static func parse(_ text: String) throws -> [Sample] {
        let scratch = try IngestScratch("prom-parse")
        defer { scratch.remove() }
        try scratch.write(text, to: "metrics.txt")
        let script = """
            import json, sys
            from prometheus_client.parser import text_string_to_metric_families
            text = open(sys.argv[1], encoding="utf-8").read()
            out = []
            for family in text_string_to_metric_families(text):
                for s in family.samples:
                    out.append({"name": s.name, "labels": s.labels, "value": s.value})
            print(json.dumps(out))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, scratch.path("metrics.txt")]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestFailure("prometheus_client could not parse /metrics: \(String(decoding: errors, as: UTF8.self))\n\(text)")
        }
        return try JSONDecoder().decode([Sample].self, from: data)
    }

    static func sum(_ samples: [Sample], _ name: String, where match: [String: String] = [:]) -> Double {
        samples.filter { s in s.name == name && match.allSatisfy { s.labels[$0.key] == $0.value } }.reduce(0) { $0 + $1.value }
    }

    /// Delivers a mail the way an MTA does: written in tmp/, renamed into new/.
    static func deliver(_ scratch: IngestScratch, _ n: Int) throws {
        let name = "\(1_790_000_000 + n).M\(n)P99.test"
        try scratch.write(SampleMail.text(n), to: "Maildir/tmp/\(name)")
        try FileManager.default.moveItem(atPath: scratch.path("Maildir/tmp/\(name)"), toPath: scratch.path("Maildir/new/\(name)"))
    }

    static let maildirSource = """
          maildir:
            - name: inbox
              path: Maildir
              poll_seconds: 1
        """

    @Test func metricsCountEveryMailAndParseWithPrometheusParser() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        try #require(FileManager.default.isExecutableFile(atPath: Self.python), "deploy/install-deps.sh installs python3-prometheus-client")
        let scratch = try IngestScratch("metrics")
        defer { scratch.remove() }
        _ = try scratch.makeMaildir()
        let running = try await start(scratch, sources: Self.maildirSource)
        let (first, second) = try await running.whileRunning { try await scrapeAroundMail(scratch, running) }
        let before = try Self.parse(first.body)
        let after = try Self.parse(second.body)
        for stage in ["parse", "understand", "decide"] {
            let moved = Self.sum(after, "mailroom_messages_total", where: ["stage": stage])
                - Self.sum(before, "mailroom_messages_total", where: ["stage": stage])
            #expect(moved == Double(Self.mails), "stage \(stage) moved \(moved) messages:\n\(second.body)")
        }
        // Without rules every mail is of kind unknown and ends with no action.
        #expect(Self.sum(after, "mailroom_messages_total", where: ["state": "no_action", "kind": "unknown"]) == Double(Self.mails),
                "\(second.body)")
        #expect(Self.sum(after, "mailroom_stage_duration_seconds_count", where: ["stage": "parse"]) == Double(Self.mails))
        #expect(Self.sum(after, "mailroom_outbox_depth") == 0)
        #expect(Self.sum(after, "mailroom_dead_letters") == 0)
        // No label carries anything from a mail.
        #expect(!second.body.contains("example.com"))
        #expect(!second.body.contains("Customer"))
    }

    static let mails = 5

    /// Checks /healthz, /readyz and a first /metrics; delivers the mails, waits until they are processed, scrapes again.
    func scrapeAroundMail(_ scratch: IngestScratch, _ running: Running) async throws
        -> (first: (status: Int, body: String, contentType: String?), second: (status: Int, body: String, contentType: String?)) {
        let healthz = try await Self.get(running.port, "/healthz")
        #expect(healthz.status == 200)
        #expect(healthz.body == "ok\n")
        let ready = try await Self.get(running.port, "/readyz")
        #expect(ready.status == 200, "\(ready.body)")

        let first = try await Self.get(running.port, "/metrics")
        #expect(first.status == 200)
        #expect(first.contentType == "text/plain; version=0.0.4; charset=utf-8")
        let before = try Self.parse(first.body)
        #expect(Self.sum(before, "mailroom_info", where: ["version": MailroomVersion.string]) == 1)
        #expect(Self.sum(before, "mailroom_source_up", where: ["source": "maildir:inbox"]) == 1)
        #expect(Self.sum(before, "mailroom_review_queue_depth") == 0)

        let mails = Self.mails
        for n in 0..<mails { try Self.deliver(scratch, n) }
        let store = try MailStore(path: scratch.path("state/mailroom.sqlite"))
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline {
            let messages = try store.allMessages()
            if messages.count == mails, messages.allSatisfy(\.state.isTerminal) { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(try store.allMessages().filter(\.state.isTerminal).count == mails)
        // A counter moves just after its step is committed: scrape until the last step is counted (with a deadline).
        let expected = Self.sum(before, "mailroom_messages_total", where: ["stage": "decide"]) + Double(mails)
        var second = try await Self.get(running.port, "/metrics")
        let counted = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < counted,
              Self.sum(try Self.parse(second.body), "mailroom_messages_total", where: ["stage": "decide"]) < expected {
            try await Task.sleep(for: .milliseconds(100))
            second = try await Self.get(running.port, "/metrics")
        }
        #expect(second.status == 200)
        return (first, second)
    }

    @Test func readyzNamesABrokenSourceAndRecoversWhenItIsBack() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("readyz")
        defer { scratch.remove() }
        _ = try scratch.makeMaildir()
        let running = try await start(scratch, sources: Self.maildirSource)
        try await running.whileRunning { try await checkReadiness(scratch, running) }
    }

    func checkReadiness(_ scratch: IngestScratch, _ running: Running) async throws {
        #expect(try await Self.get(running.port, "/readyz").status == 200)

        // The Maildir's new/ folder goes away (a mount lost, a wrong chown): not ready, and it says which source.
        try FileManager.default.moveItem(atPath: scratch.path("Maildir/new"), toPath: scratch.path("Maildir/new.away"))
        let broken = try await Self.get(running.port, "/readyz")
        #expect(broken.status == 503)
        #expect(broken.body.contains("maildir:inbox"), "\(broken.body)")
        #expect(broken.body.contains("no new folder"), "\(broken.body)")
        #expect(try await Self.get(running.port, "/healthz").status == 200)

        try FileManager.default.moveItem(atPath: scratch.path("Maildir/new.away"), toPath: scratch.path("Maildir/new"))
        #expect(try await Self.get(running.port, "/readyz").status == 200)
    }

    @Test func readyzIsNotReadyWhileAnIMAPSourceCannotConnect() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("readyz-imap")
        defer { scratch.remove() }
        // Nothing listens on this port: the IMAP trigger never connects.
        let closed = try FreePort.allocate()
        let running = try await start(scratch, sources: """
              imap:
                - name: office
                  host: 127.0.0.1
                  port: \(closed)
                  tls: plaintext
                  allow_plaintext: true
                  user: alice
                  password_env: MAILROOM_TEST_IMAP_PASSWORD
                  folders: [INBOX]
                  reconnect_max_seconds: 1
            """, environment: ["MAILROOM_TEST_IMAP_PASSWORD": "secret"])
        let (answer, scraped) = try await running.whileRunning {
            (try await Self.get(running.port, "/readyz"), try await Self.get(running.port, "/metrics"))
        }
        let metrics = try Self.parse(scraped.body)
        #expect(answer.status == 503)
        #expect(answer.body.contains("source imap:office/INBOX"), "\(answer.body)")
        #expect(Self.sum(metrics, "mailroom_source_up", where: ["source": "imap:office/INBOX"]) == 0)
    }

    @Test func aMetricsPortInUseIsAClearErrorNamingTheSetting() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("metrics-port")
        defer { scratch.remove() }
        _ = try scratch.makeMaildir()
        // A first daemon holds the port; a second one (its own store) is asked to listen on it too.
        let first = try await start(scratch, sources: Self.maildirSource)
        let second = try IngestScratch("metrics-port-2")
        defer { second.remove() }
        _ = try second.makeMaildir()
        try second.write("""
            store:
              path: state/mailroom.sqlite
            spool:
              path: state/spool
            sources:
            \(Self.maildirSource)
            metrics:
              listen: 127.0.0.1:\(first.port)
            """, to: "mailroom.yaml")
        let result = try await first.whileRunning {
            try await MailroomProcess.run(["run", "--config", second.path("mailroom.yaml")], in: second.root, timeout: .seconds(120))
        }
        #expect(result.status != 0)
        #expect(result.stderr.contains("metrics.listen 127.0.0.1:\(first.port)"), "\(result.stderr)")
        #expect(result.stderr.contains("address already in use"), "\(result.stderr)")
    }
}
