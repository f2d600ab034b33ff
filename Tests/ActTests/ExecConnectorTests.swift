import Foundation
import Testing
@testable import Vocabulary
@testable import Act
import MailroomTesting

@Suite("exec connector")
struct ExecConnectorTests {
    /// Writes an executable script; the connector runs it directly (its #! line, never a shell of Mailroom's).
    func script(_ scratch: IngestScratch, _ name: String, _ body: String) throws -> String {
        let path = scratch.path(name)
        try scratch.write("#!/bin/sh\n" + body + "\n", to: name)
        chmod(path, 0o755)
        return path
    }

    func lines(_ path: String) -> [String] {
        ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    @Test("runs without a shell: arguments as given, the action as JSON on stdin, only the listed environment, output captured")
    func runsAProgram() async throws {
        let scratch = try IngestScratch("exec-run")
        defer { scratch.remove() }
        let runs = scratch.path("runs.log")
        let program = try script(scratch, "import.sh", """
            printf '%s\\n' "$@" > \(scratch.path("args.txt"))
            env | sort > \(scratch.path("env.txt"))
            cat > \(scratch.path("stdin.json"))
            echo run >> \(runs)
            echo '{"imported": 42}'
            echo 'a warning' >&2
            """)
        let c = ExecConnector(name: "importer", program: program, arguments: ["--key", "{key}", "two words; rm -rf /"],
                              environment: ["IMPORT_MODE": "test", "PATH": "/usr/bin:/bin"],
                              journal: URL(fileURLWithPath: scratch.path("journal/importer.jsonl")))
        let action = OfficeFixtures.action(connector: "importer", action: "run",
                                           parameters: ["input": ["order": "PO-1"], "arguments": ["--extra"]], key: "mr-1-exec")
        #expect(try await c.earlierResult(of: action) == nil)
        let result = try await c.perform(action)
        #expect(result.captured["exit_status"] == .int(0))
        #expect(result.captured["output"]?["imported"] == .int(42))
        #expect(result.response["stderr"]?.stringValue == "a warning")
        #expect(lines(scratch.path("args.txt")) == ["--key", "mr-1-exec", "two words; rm -rf /", "--", "--extra"])
        let env = lines(scratch.path("env.txt")).filter { !$0.hasPrefix("PWD=") && !$0.hasPrefix("SHLVL=") && !$0.hasPrefix("_=") }
        #expect(env == ["IMPORT_MODE=test", "PATH=/usr/bin:/bin"])
        let input = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: scratch.path("stdin.json"))))
        #expect(input["idempotency_key"]?.stringValue == "mr-1-exec")
        #expect(input["parameters"]?["input"]?["order"]?.stringValue == "PO-1")

        // Asked again (a retry after a lost answer): the journal has the result, the program does not run again.
        let later = OfficeFixtures.action(connector: "importer", action: "run",
                                          parameters: ["input": ["order": "PO-1"], "arguments": ["--extra"]], key: "mr-1-exec", attempt: 2)
        #expect(try await c.earlierResult(of: later)?.captured["output"]?["imported"] == .int(42))
        #expect(try await c.perform(later).foundEarlierResult)
        #expect(lines(runs).count == 1)
    }

    @Test("a timeout kills the whole process group; exit 75 is retried, other failures are dead letters")
    func timeoutsAndFailures() async throws {
        let scratch = try IngestScratch("exec-timeout")
        defer { scratch.remove() }
        let pidFile = scratch.path("child.pid")
        let slow = try script(scratch, "slow.sh", "sleep 30 & echo $! > \(pidFile)\nsleep 30")
        let c = ExecConnector(name: "slow", program: slow, timeoutSeconds: 1,
                              journal: URL(fileURLWithPath: scratch.path("j.jsonl")))
        let started = ContinuousClock.now
        do {
            _ = try await c.perform(OfficeFixtures.action(connector: "slow", action: "run", parameters: [:]))
            Issue.record("a program over its timeout passed")
        } catch let error as ConnectorError {
            guard case .permanent(let message) = error else { Issue.record("not permanent: \(error)"); return }
            #expect(message.contains("process group was killed"))
        }
        #expect(ContinuousClock.now - started < .seconds(10))
        let child = Int32((try? String(contentsOfFile: pidFile, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
        #expect(child > 0)
        try await Task.sleep(for: .milliseconds(200))
        // Gone, or a zombie waiting for whoever adopted it: either way no longer running.
        let state = (try? String(contentsOfFile: "/proc/\(child)/stat", encoding: .utf8))?
            .split(separator: ")").last?.split(separator: " ").first.map(String.init)
        #expect(state == nil || state == "Z", "the background child of the timed-out program still runs (state \(state ?? "?"))")

        let tempfail = try script(scratch, "busy.sh", "echo busy >&2; exit 75")
        let busy = ExecConnector(name: "busy", program: tempfail, journal: URL(fileURLWithPath: scratch.path("j.jsonl")))
        await #expect(throws: ConnectorError.transient("busy: \(tempfail) asked to be retried (exit status 75): busy")) {
            try await busy.perform(OfficeFixtures.action(connector: "busy", action: "run", parameters: [:], key: "mr-2-b"))
        }
        // The failed run is not an earlier result: the next attempt may run it again.
        #expect(try await busy.earlierResult(of: OfficeFixtures.action(connector: "busy", action: "run", parameters: [:], key: "mr-2-b", attempt: 2)) == nil)
        let failing = try script(scratch, "fail.sh", "exit 3")
        let fail = ExecConnector(name: "fail", program: failing, journal: URL(fileURLWithPath: scratch.path("j.jsonl")))
        await #expect(throws: ConnectorError.permanent("fail: \(failing) failed (exit status 3)")) {
            try await fail.perform(OfficeFixtures.action(connector: "fail", action: "run", parameters: [:], key: "mr-3-c"))
        }
    }

    @Test("after a crash between started and finished: a check program decides; without one a dead letter; an operator's retry runs it")
    func crashRecovery() async throws {
        let scratch = try IngestScratch("exec-crash")
        defer { scratch.remove() }
        let runs = scratch.path("runs.log")
        let program = try script(scratch, "import.sh", "echo run >> \(runs); echo ok")
        let journalURL = URL(fileURLWithPath: scratch.path("j.jsonl"))
        // A crash: "started" written, never "finished".
        try RunJournal(url: journalURL).append(.started(key: "mr-5-k", outboxID: 5))
        let retry = OfficeFixtures.action(connector: "importer", action: "run", parameters: [:], id: 5, key: "mr-5-k", attempt: 2)

        let plain = ExecConnector(name: "importer", program: program, journal: journalURL)
        do {
            _ = try await plain.earlierResult(of: retry)
            Issue.record("an unfinished run was not reported")
        } catch let error as ConnectorError {
            #expect(error.description.contains("may have run"))
            #expect(error.description.contains("mailroom outbox retry 5"))
        }
        await #expect(throws: ConnectorError.self) { try await plain.perform(retry) }
        #expect(lines(runs).isEmpty)

        // The check program says "done" (exit 0): its output is the earlier result.
        let yes = try script(scratch, "check-yes.sh", "test \"$1\" = mr-5-k && echo '{\"found\": true}'")
        let checked = ExecConnector(name: "importer", program: program, check: yes, journal: journalURL)
        #expect(try await checked.earlierResult(of: retry)?.captured["output"]?["found"] == .bool(true))
        #expect(lines(runs).isEmpty)

        // Another crashed key; the check says "not done" (exit 1): it runs.
        try RunJournal(url: journalURL).append(.started(key: "mr-6-k", outboxID: 6))
        let no = try script(scratch, "check-no.sh", "exit 1")
        let notDone = ExecConnector(name: "importer", program: program, check: no, journal: journalURL)
        let retry6 = OfficeFixtures.action(connector: "importer", action: "run", parameters: [:], id: 6, key: "mr-6-k", attempt: 2)
        #expect(try await notDone.earlierResult(of: retry6) == nil)
        #expect(try await notDone.perform(retry6).captured["exit_status"] == .int(0))
        #expect(lines(runs).count == 1)

        // `outbox retry` by an operator resets the attempts: attempt 1 after "started" runs again.
        let operatorRetry = OfficeFixtures.action(connector: "importer", action: "run", parameters: [:], id: 5, key: "mr-5-k", attempt: 1)
        try RunJournal(url: journalURL).append(.started(key: "mr-5-k", outboxID: 5))
        #expect(try await plain.perform(operatorRetry).foundEarlierResult == false)
        #expect(lines(runs).count == 2)
    }

    @Test("Daemon killed between sent and recorded: restarted, the program is not run a second time")
    func killedBetweenSentAndRecorded() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let probe = try IngestScratch("exec-kill-programs")
        defer { probe.remove() }
        let runs = probe.path("runs.log")
        let program = try script(probe, "import.sh", "cat > \(probe.path("stdin.json")); echo run >> \(runs); echo '{\"ok\": true}'")
        let run = try OfficeDaemonScratch("exec-kill", rule: """
            rules:
              - name: import every order
                when: kind == "unknown" and subject contains "Kill test"
                actions:
                  - connector: importer
                    action: run
                    params:
                      input:
                        subject: "{{ subject }}"
            """, connectorFile: "type: exec\nprogram: \(program)\ntimeout_seconds: 20\n", connectorName: "importer")
        defer { run.remove() }
        try run.deliver(OfficeFixtures.mail(subject: "Kill test, import me"))
        let (first, second) = try await run.killThenRestart(connector: "importer")
        #expect(first.status == 86, "the fail point did not stop the daemon: \(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(lines(runs).count == 1, "the program ran \(lines(runs).count) times")
        let input = try JSONValue.parse(try Data(contentsOf: URL(fileURLWithPath: probe.path("stdin.json"))))
        #expect(input["parameters"]?["input"]?["subject"]?.stringValue == "Kill test, import me")
        let entries = try run.outbox()
        #expect(entries.count == 1)
        // The run finished before the fail point: the journal's "finished" line is the earlier result.
        // (A crash while the program runs — "started" without "finished" — is crashRecovery above.)
        #expect(entries.first?.state == .done)
        #expect(entries.first?.result?["found_earlier_result"]?.boolValue == true)
        // The journal sits beside the store.
        #expect(FileManager.default.fileExists(atPath: run.path("state/exec-journal/importer.jsonl")))
    }
}
