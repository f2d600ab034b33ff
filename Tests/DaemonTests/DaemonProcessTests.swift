import Foundation
import Testing
@testable import Vocabulary
@testable import Store
@testable import Ingest
@testable import Daemon
import MailroomTesting

/// The daemon as a real process: killed mid-batch and restarted, or stopped with SIGTERM.
@Suite(.serialized) struct DaemonProcessTests {
    static let mailCount = 200

    /// A scratch folder with a config file and a Maildir holding `mailCount` distinct mails in new/.
    func prepare(_ label: String) throws -> IngestScratch {
        let scratch = try IngestScratch(label)
        _ = try scratch.makeMaildir()
        for n in 0..<Self.mailCount {
            try scratch.write(SampleMail.text(n), to: "Maildir/new/\(1_790_000_000 + n).M\(n)P77.test")
        }
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
              workers: 2
            log:
              level: info
            """, to: "mailroom.yaml")
        return scratch
    }

    /// Entries in a folder, cheaply (readdir), for polling while the daemon works.
    static func count(_ folder: String) -> Int {
        guard let dir = opendir(folder) else { return 0 }
        defer { closedir(dir) }
        var n = 0
        while let entry = readdir(dir) {
            let first = entry.pointee.d_name.0
            if first != 0x2E { n += 1 }  // skip ".", "..", hidden
        }
        return n
    }

    /// Every mail stored exactly once, in a terminal state, each transition recorded exactly once,
    /// every file acknowledged.
    func expectEveryMailProcessedOnce(_ scratch: IngestScratch) throws {
        let store = try MailStore(path: scratch.path("state/mailroom.sqlite"))
        let messages = try store.allMessages()
        #expect(messages.count == Self.mailCount)
        #expect(Set(messages.map(\.location)).count == Self.mailCount)
        #expect(Set(messages.map(\.contentSHA256)).count == Self.mailCount)
        #expect(messages.allSatisfy { $0.state == .noAction })
        var badTrails = 0
        for m in messages {
            let types = try store.events(of: m.id).map(\.eventType)
            if types != ["received", "parsed", "understood", "decided", "no_action"] {
                badTrails += 1
                if badTrails <= 3 { Issue.record("message \(m.id) has the trail \(types)") }
            }
        }
        #expect(badTrails == 0)
        #expect(try store.auditEvents(matching: AuditFilter(eventType: "received")).count == Self.mailCount)
        #expect(scratch.list("Maildir/new").isEmpty)
        #expect(scratch.list("Maildir/cur").count == Self.mailCount)
        #expect(scratch.list("Maildir/cur").allSatisfy { $0.hasSuffix(":2,S") })
    }

    @Test func killedMidBatchThenRestartedEveryMailIsStoredAndProcessedOnce() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try prepare("crash")
        defer { scratch.remove() }
        let config = scratch.path("mailroom.yaml")

        let daemon = try MailroomProcess.start(["run", "--config", config], in: scratch.root)
        let cur = scratch.path("Maildir/cur")
        let started = await daemon.signal(SIGKILL, timeout: .seconds(120)) { Self.count(cur) >= 10 }
        if !started { daemon.signal(SIGKILL) }
        #expect(await daemon.waitForExit(timeout: .seconds(10)))
        #expect(started, "the daemon never got going: \(daemon.stderr)")
        #expect(daemon.process.terminationReason == .uncaughtSignal)

        // It really was mid-batch: mail left in new/, or stored messages not finished.
        let store = try MailStore(path: scratch.path("state/mailroom.sqlite"))
        let unfinished = try store.messages(inStates: Pipeline.workStates, limit: 1000).count
        let leftInNew = scratch.list("Maildir/new").count
        #expect(unfinished + leftInNew > 0)

        let once = try await MailroomProcess.run(["run", "--once", "--config", config], in: scratch.root)
        #expect(once.status == 0, "run --once failed: \(once.stderr)")
        #expect(once.stdout.contains("message(s): no_action"))
        try expectEveryMailProcessedOnce(scratch)

        let verify = try await MailroomProcess.run(["audit", "verify", "--config", config], in: scratch.root)
        #expect(verify.status == 0, "audit verify: \(verify.stdout) \(verify.stderr)")
        #expect(verify.stdout.contains("intact"))
    }

    @Test func sigtermStopsPromptlyWithExitZeroAndNoMessageHalfway() async throws {
        try #require(MailroomProcess.isBuilt, "build the CLI first: swift build --build-tests")
        let scratch = try prepare("sigterm")
        defer { scratch.remove() }
        let config = scratch.path("mailroom.yaml")

        let daemon = try MailroomProcess.start(["run", "--config", config], in: scratch.root)
        let cur = scratch.path("Maildir/cur")
        let started = await daemon.signal(SIGTERM, timeout: .seconds(120)) { Self.count(cur) >= 10 }
        let signalled = ContinuousClock.now
        #expect(started, "the daemon never got going: \(daemon.stderr)")
        if !started { daemon.signal(SIGTERM) }
        let exited = await daemon.waitForExit(timeout: .seconds(30))
        #expect(exited)
        if !exited { daemon.signal(SIGKILL); _ = await daemon.waitForExit(timeout: .seconds(10)) }
        #expect(ContinuousClock.now - signalled < .seconds(15))
        #expect(daemon.process.terminationReason == .exit)
        #expect(daemon.process.terminationStatus == 0, "stderr: \(daemon.stderr)")
        #expect(daemon.stderr.contains("mailroom stopped"))

        // Nothing half-way: a message is either untouched (received) or finished.
        let store = try MailStore(path: scratch.path("state/mailroom.sqlite"))
        let counts = try store.stateCounts()
        #expect(counts[.parsed] == 0 && counts[.understood] == 0 && counts[.decided] == 0, "\(counts)")
        // Every acknowledged file belongs to a stored message.
        for name in scratch.list("Maildir/cur") {
            #expect(try store.isKnown(source: "maildir:inbox", location: MaildirName.uniqueName(of: name)))
        }
        let verify = try await MailroomProcess.run(["audit", "verify", "--config", config], in: scratch.root)
        #expect(verify.status == 0, "audit verify: \(verify.stdout) \(verify.stderr)")
        // The clean stop signed a checkpoint of every event, after the pipeline finished.
        let latest = try String(contentsOfFile: scratch.path("state/audit-checkpoints/latest"), encoding: .utf8)
        let lines = latest.split(separator: "\n")
        let lastEvent = try #require(try store.auditHead()).sequence
        #expect(lines.count >= 4 && lines[1] == "\(lastEvent)", "\(latest)")
        #expect(verify.stdout.contains("match the signed checkpoint"))

        // The next run takes the rest, and still nothing twice.
        let once = try await MailroomProcess.run(["run", "--once", "--config", config], in: scratch.root)
        #expect(once.status == 0, "run --once failed: \(once.stderr)")
        try expectEveryMailProcessedOnce(scratch)
    }
}
