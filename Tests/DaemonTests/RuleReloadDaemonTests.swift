import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Daemon
import MailroomTesting

/// Live reload, end to end with real processes: a running daemon keeps deciding with its rules when a reload
/// (`mailroom reload`) meets a broken rule file, and says so in `status`; after SIGHUP with valid files it
/// decides the next mail with the new rules and carries out its action with the new connector, and the audit
/// trail names the version that decided each mail.
@Suite(.serialized) struct RuleReloadDaemonTests {
    static func rule(name: String, file: String) -> String {
        """
        rules:
          - name: \(name)
            when: kind == "delivery"
            actions:
              - connector: archive
                action: append_csv
                params:
                  file: \(file)
                  columns: [subject]
                  values:
                    subject: "{{ subject }}"

        """
    }

    static func mail(_ n: Int) -> String {
        """
        From: Grower <grower@orchard.example>
        To: office@brightwater.example
        Subject: Delivery \(n)
        Date: Mon, 23 Nov 2026 08:00:00 +0000
        Message-ID: <reload-\(n)@orchard.example>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Delivery note number \(n).

        """
    }

    func deliver(_ n: Int, to scratch: IngestScratch) throws {
        let name = "17900000\(n).M\(n)P1.test"
        try scratch.write(Self.mail(n), to: "Maildir/tmp/\(name)")
        try FileManager.default.moveItem(atPath: scratch.path("Maildir/tmp/\(name)"), toPath: scratch.path("Maildir/new/\(name)"))
    }

    @Test func aBrokenRuleFileKeepsTheOldRulesAndAValidOneIsSwappedInBySIGHUP() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("rule-reload-daemon")
        defer { scratch.remove() }
        _ = try scratch.makeMaildir()
        try scratch.write("""
            store: {path: state/mailroom.sqlite}
            spool: {path: state/spool}
            sources:
              maildir: [{name: inbox, path: Maildir, poll_seconds: 1}]
            rules: {path: rules, connectors: connectors, outbox_poll_seconds: 0.5}
            log: {level: info}
            """, to: "mailroom.yaml")
        // One kind that every mail with a subject matches.
        try scratch.write("""
            kind: delivery
            description: Any mail with a subject.
            business: true
            fields: []
            matchers:
              - name: any subject
                when: {subject: '.'}
            """, to: "rules/kinds/delivery.yaml")
        try scratch.write(Self.rule(name: "first rules", file: "first.csv"), to: "rules/route.yaml")
        try scratch.write("type: file\ndirectory: ../archive\n", to: "connectors/archive.yaml")
        try FileManager.default.createDirectory(atPath: scratch.path("state"), withIntermediateDirectories: true)
        let rulesURL = URL(fileURLWithPath: scratch.path("rules"))
        let connectorsURL = URL(fileURLWithPath: scratch.path("connectors"))
        let first = RuleSetVersion.onDisk(rulesDirectory: rulesURL, connectorsDirectory: connectorsURL).sha256
        let config = scratch.path("mailroom.yaml")
        let storePath = scratch.path("state/mailroom.sqlite")
        func cli(_ arguments: [String]) async throws -> (status: Int32, stdout: String, stderr: String) {
            try await MailroomProcess.run(arguments + ["--config", config], in: scratch.root, timeout: .seconds(120))
        }
        func acted(_ subject: String) throws -> StoredMessage? {
            guard FileManager.default.fileExists(atPath: storePath) else { return nil }
            return try MailStore(path: storePath).messages(matching: MessageFilter()).first { $0.subject == subject && $0.state == .acted }
        }
        func decidedVersion(_ id: Int64) throws -> JSONValue? {
            try MailStore(path: storePath).auditEvents(matching: AuditFilter(messageID: id, eventType: "decided")).first?
                .detailsValue?["rule_set_version"]
        }
        func rows(_ file: String) -> Int {
            ((try? String(contentsOfFile: scratch.path(file), encoding: .utf8)) ?? "").split(whereSeparator: \.isNewline).count - 1
        }

        let daemon = try MailroomProcess.start(["run", "--config", config], in: scratch.root, label: "daemon")
        defer { if daemon.process.isRunning { daemon.signal(SIGKILL) } }
        // The rule set in use is recorded after SIGHUP is trapped: from then on a SIGHUP never stops the daemon.
        let started = try await eventually("the daemon to record its rule set", timeout: .seconds(120), daemon: daemon) {
            FileManager.default.fileExists(atPath: storePath) ? try MailStore(path: storePath).ruleSetState() : nil
        }
        #expect(started.version == first)

        // 1. Decided by the rules of the start.
        try deliver(1, to: scratch)
        let one = try await eventually("mail 1 to be acted on", timeout: .seconds(120), daemon: daemon) { try acted("Delivery 1") }
        #expect(try decidedVersion(one.id) == .string(first))

        // 2. A broken rule file: the reload is refused, the old rules stay, and status says why.
        try scratch.write("rules:\n  - name: broken\n    when: kind ==\n    actions: []\n", to: "rules/route.yaml")
        let refused = try await cli(["reload"])
        #expect(refused.status == 1, "reload: \(refused.stdout) \(refused.stderr)")
        #expect(refused.stdout.contains("reload requested (pid \(daemon.process.processIdentifier))"), "\(refused.stdout)")
        #expect(refused.stderr.contains("rules NOT reloaded"), "\(refused.stderr)")
        #expect(refused.stderr.contains("route.yaml:3"), "the error names file and line: \(refused.stderr)")
        #expect(daemon.process.isRunning)
        let status = try await cli(["status"])
        #expect(status.status == 0)
        #expect(status.stdout.contains("Rules:         version \(first.prefix(12)) loaded at"), "\(status.stdout)")
        #expect(status.stdout.contains("rules NOT reloaded at"), "\(status.stdout)")
        #expect(status.stdout.contains("route.yaml:3"), "\(status.stdout)")
        #expect(status.stdout.contains("rules on disk changed since they were loaded at"), "\(status.stdout)")
        let failed = try #require(try MailStore(path: storePath).auditEvents(matching: AuditFilter(eventType: "rules_reload_failed")).last)
        #expect(failed.detailsValue?["version_in_use"] == .string(first))

        try deliver(2, to: scratch)
        let two = try await eventually("mail 2 to be acted on", timeout: .seconds(120), daemon: daemon) { try acted("Delivery 2") }
        #expect(try decidedVersion(two.id) == .string(first), "the old rules decided it")
        #expect(rows("archive/first.csv") == 2)

        // 3. A valid, changed rule file and a changed connector; SIGHUP swaps them in.
        try scratch.write(Self.rule(name: "second rules", file: "second.csv"), to: "rules/route.yaml")
        try scratch.write("type: file\ndirectory: ../archive2\n", to: "connectors/archive.yaml")
        let second = RuleSetVersion.onDisk(rulesDirectory: rulesURL, connectorsDirectory: connectorsURL).sha256
        #expect(second != first)
        daemon.signal(SIGHUP)
        let reloaded = try await eventually("the rules_reloaded event", timeout: .seconds(120), daemon: daemon) {
            try MailStore(path: storePath).auditEvents(matching: AuditFilter(eventType: "rules_reloaded")).last?.detailsValue
        }
        #expect(reloaded["old_version"] == .string(first))
        #expect(reloaded["new_version"] == .string(second))
        #expect(reloaded["changed_files"] == .array([.string("connectors/archive.yaml changed"), .string("rules/route.yaml changed")]))
        let clean = try await cli(["status"])
        #expect(clean.stdout.contains("Rules:         version \(second.prefix(12)) loaded at"), "\(clean.stdout)")
        #expect(!clean.stdout.contains("NOT reloaded") && !clean.stdout.contains("rules on disk changed"), "\(clean.stdout)")

        try deliver(3, to: scratch)
        let three = try await eventually("mail 3 to be acted on", timeout: .seconds(120), daemon: daemon) { try acted("Delivery 3") }
        #expect(try decidedVersion(three.id) == .string(second), "the new rules decided it")
        #expect(rows("archive2/second.csv") == 1, "the new rule's action went through the new connector")
        #expect(rows("archive/first.csv") == 2)

        // 4. Files changed without a reload: status warns.
        try scratch.write(Self.rule(name: "third rules", file: "third.csv"), to: "rules/route.yaml")
        let warned = try await cli(["status", "--json"])
        let json = try JSONSerialization.jsonObject(with: Data(warned.stdout.utf8)) as? [String: Any]
        let rules = try #require(json?["rules"] as? [String: Any], "\(warned.stdout)")
        #expect(rules["changed_on_disk"] as? Bool == true)
        #expect(rules["version"] as? String == second)

        await stopDaemon(daemon)
        #expect(daemon.process.terminationStatus == 0, "\(daemon.stderr.suffix(2000))")
        #expect(daemon.stderr.contains("rules NOT reloaded"), "the refusal is logged")
        #expect(daemon.stderr.contains("error mailroom: [Daemon] rules/route.yaml:3:"), "each error is logged with file:line:col")
        let verify = try await cli(["audit", "verify"])
        #expect(verify.status == 0, "audit verify: \(verify.stdout) \(verify.stderr)")
        // Without a daemon there is nothing to reload.
        let alone = try await cli(["reload"])
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("the daemon is not running"), "\(alone.stderr)")
    }

    /// `mailroom reload` signals only a daemon that recorded its rule set (it traps SIGHUP): a `run --once` or an
    /// older daemon holding the store would be killed by the signal, so nothing is sent to it.
    @Test func reloadSendsNothingToAHolderThatDoesNotReload() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try IngestScratch("rule-reload-holder")
        defer { scratch.remove() }
        try scratch.write("store: {path: state/mailroom.sqlite}\nspool: {path: state/spool}\n", to: "mailroom.yaml")
        try FileManager.default.createDirectory(atPath: scratch.path("state"), withIntermediateDirectories: true)
        let storePath = scratch.path("state/mailroom.sqlite")
        // The holder: a process that SIGHUP would end. The lock is taken here and its file names the holder.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sleep")
        holder.arguments = ["120"]
        try holder.run()
        defer { if holder.isRunning { holder.terminate() } }
        let lock = try StoreLock.acquire(forStore: storePath)
        defer { _ = lock }
        try "\(holder.processIdentifier)\n".write(toFile: StoreLock.path(forStore: storePath), atomically: false, encoding: .utf8)
        let store = try MailStore(path: storePath)
        try store.recordDaemonStart(DaemonHeartbeat(pid: holder.processIdentifier, host: LocalHost.name, version: "test",
                                                    startedAt: Date(), lastHeartbeat: Date(), intervalSeconds: 10))

        let result = try await MailroomProcess.run(["reload", "--config", scratch.path("mailroom.yaml")], in: scratch.root,
                                                   timeout: .seconds(120))
        #expect(result.status == 1)
        #expect(result.stderr.contains("does not reload rules"), "\(result.stdout) \(result.stderr)")
        #expect(holder.isRunning, "nothing was sent to the holder")
    }
}
