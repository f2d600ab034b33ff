import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Daemon
import MailroomTesting

/// One daemon per store, and `mailroom status` telling whether it runs, with the real binary.
@Suite(.serialized) struct DaemonLivenessProcessTests {
    func prepare() throws -> IngestScratch {
        let scratch = try IngestScratch("liveness")
        _ = try scratch.makeMaildir()
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
            log:
              level: info
            """, to: "mailroom.yaml")
        return scratch
    }

    /// `mailroom status --json`'s `daemon` object.
    func daemonStatus(_ scratch: IngestScratch) async throws -> [String: Any] {
        let status = try await MailroomProcess.run(["status", "--json", "--config", scratch.path("mailroom.yaml")],
                                                   in: scratch.root, timeout: .seconds(120))
        try #require(status.status == 0, "status failed: \(status.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(status.stdout.utf8)) as? [String: Any]
        return try #require(object?["daemon"] as? [String: Any], "no daemon in \(status.stdout)")
    }

    /// Asks `status` until the daemon shows as running with `pid` (or the deadline passes, or it exited).
    func waitUntilRunning(_ daemon: MailroomProcess, _ scratch: IngestScratch) async throws -> Bool {
        let pid = Int(daemon.process.processIdentifier)
        let deadline = ContinuousClock.now + .seconds(120)
        while ContinuousClock.now < deadline && daemon.process.isRunning {
            let status = try await daemonStatus(scratch)
            if status["state"] as? String == "running", status["pid"] as? Int == pid { return true }
            try await Task.sleep(for: .milliseconds(100))
        }
        return false
    }

    @Test func aSecondDaemonOnTheSameStoreRefusesAndAKilledOneLeavesNoStaleLock() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try prepare()
        defer { scratch.remove() }
        let config = scratch.path("mailroom.yaml")
        _ = try MailStore(path: scratch.path("state/mailroom.sqlite"))  // status needs a store to look at
        #expect(try await daemonStatus(scratch)["state"] as? String == "never_ran")

        let first = try MailroomProcess.start(["run", "--config", config], in: scratch.root, label: "first")
        defer { if first.process.isRunning { first.signal(SIGKILL) } }
        let pid = first.process.processIdentifier
        #expect(try await waitUntilRunning(first, scratch), "the first daemon never showed as running: \(first.stderr)")
        let text = try await MailroomProcess.run(["status", "--config", config], in: scratch.root)
        #expect(text.stdout.contains("Daemon:        running (pid \(pid) on "), "\(text.stdout)")
        #expect(text.stdout.contains("version \(MailroomVersion.string))"))
        #expect(try String(contentsOfFile: scratch.path("state/mailroom.sqlite.lock"), encoding: .utf8) == "\(pid)\n")

        // The second daemon refuses before it opens the store: one line naming the holder, exit 1, no output.
        for arguments in [["run"], ["run", "--once"]] {
            let second = try await MailroomProcess.run(arguments + ["--config", config], in: scratch.root,
                                                       timeout: .seconds(120))
            #expect(second.status == 1, "\(arguments): \(second.stdout) \(second.stderr)")
            #expect(second.stderr.hasPrefix("mailroom: another mailroom daemon (pid \(pid)) is already running on the store"),
                    "\(second.stderr)")
            #expect(second.stderr.split(separator: "\n").count == 1, "one line: \(second.stderr)")
            #expect(second.stdout.isEmpty)
        }
        #expect(first.process.isRunning)
        let store = try MailStore(path: scratch.path("state/mailroom.sqlite"))
        #expect(try store.daemonHeartbeat()?.pid == pid, "the refused daemons recorded nothing")

        // SIGKILL: no clean stop, and the kernel released the lock.
        first.signal(SIGKILL)
        #expect(await first.waitForExit(timeout: .seconds(30)))
        let afterKill = try await daemonStatus(scratch)
        #expect(afterKill["state"] as? String == "stopped")
        #expect((afterKill["summary"] as? String)?.contains("did not stop cleanly") == true, "\(afterKill)")

        let third = try MailroomProcess.start(["run", "--config", config], in: scratch.root, label: "third")
        defer { if third.process.isRunning { third.signal(SIGKILL) } }
        #expect(try await waitUntilRunning(third, scratch), "a new daemon did not start after the kill: \(third.stderr)")

        third.signal(SIGTERM)
        #expect(await third.waitForExit(timeout: .seconds(60)))
        #expect(third.process.terminationStatus == 0, "\(third.stderr)")
        let stopped = try await MailroomProcess.run(["status", "--config", config], in: scratch.root)
        #expect(stopped.stdout.contains("Daemon:        not running since "), "\(stopped.stdout)")
        #expect(stopped.stdout.contains("(stopped cleanly; was pid \(third.process.processIdentifier) on "))

        let record = try #require(try store.daemonHeartbeat())
        #expect(record.pid == third.process.processIdentifier)
        #expect(record.version == MailroomVersion.string)
        #expect(record.stoppedAt != nil)
        #expect(record.startedAt <= record.lastHeartbeat)
    }
}
