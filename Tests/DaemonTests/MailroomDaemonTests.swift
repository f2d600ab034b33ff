import Foundation
import Testing
@testable import Vocabulary
@testable import Daemon
import MailroomTesting

@Suite struct MailroomDaemonTests {
    @Test func onceTakesEverySourceAndDrivesEveryMessageToTheEnd() async throws {
        let scratch = try IngestScratch("daemon-once")
        defer { scratch.remove() }
        _ = try scratch.makeMaildir()
        for n in 0..<3 { try scratch.write(SampleMail.text(n), to: "Maildir/new/\(1_790_000_000 + n).M\(n).test") }
        try scratch.write(SampleMail.pdf, to: "drop/scan.pdf")
        try scratch.write(SampleMail.text(10), to: "drop/mail.eml")
        try scratch.write("""
            store: {path: state/m.sqlite}
            spool: {path: state/spool}
            sources:
              maildir: [{name: inbox, path: Maildir}]
              drop: [{name: scans, path: drop, settle_seconds: 1}]
            """, to: "mailroom.yaml")
        let config = try MailroomConfig.load(file: scratch.path("mailroom.yaml"))
        let daemon = try MailroomDaemon(config: config, logger: TestLog.logger)

        let report = try await daemon.once()
        #expect(report.sources.map(\.name) == ["maildir:inbox", "drop:scans"])
        #expect(report.sources.map(\.tally.stored) == [3, 2])  // the files were younger than settle: waited once
        #expect(report.messages.count == 5)
        #expect(report.messages.allSatisfy { $0.state == .noAction })
        #expect(report.errors.isEmpty && !report.interrupted)
        #expect(scratch.list("drop/done") == ["mail.eml", "scan.pdf"])
        #expect(report.summaryText.contains("5 message(s): no_action 5"))
        #expect(report.summaryText.contains("drop:scans: 2 new"))

        // A second run finds nothing new and touches nothing.
        let again = try await daemon.once()
        #expect(again.messages.isEmpty)
        #expect(again.summaryText.contains("No messages to process."))
    }

    @Test func stopBeforeStartingTakesNothing() async throws {
        let scratch = try IngestScratch("daemon-stop")
        defer { scratch.remove() }
        _ = try scratch.makeMaildir()
        try scratch.write(SampleMail.text(1), to: "Maildir/new/1790000001.M1.test")
        var config = MailroomConfig(sources: .init(maildir: [.init(name: "inbox", path: scratch.path("Maildir"))]))
        config.store.path = scratch.path("m.sqlite")
        config.spool.path = scratch.path("spool")
        let stop = StopFlag()
        stop.set()
        let report = try await MailroomDaemon(config: config, logger: TestLog.logger).once(stop: stop)
        #expect(report.interrupted)
        #expect(report.messages.isEmpty)
        #expect(scratch.list("Maildir/new") == ["1790000001.M1.test"])
    }
}
