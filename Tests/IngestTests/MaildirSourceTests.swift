import Foundation
import Testing
@testable import Vocabulary
@testable import Ingest
import MailroomTesting

@Suite struct MaildirSourceTests {
    func source(_ scratch: IngestScratch, onStored: MaildirOnStored = .moveToCur, includeCur: Bool = false,
                intake: Intake? = nil) throws -> MaildirSource {
        let settings = MaildirSourceSettings(name: "inbox", path: try scratch.makeMaildir(),
                                                            pollSeconds: 0.2, onStored: onStored, includeCur: includeCur)
        return MaildirSource(settings: settings, intake: try intake ?? scratch.makeIntake(), logger: TestLog.logger)
    }

    @Test func mailInNewIsStoredOnceThenMovedToCurWithTheSeenFlag() throws {
        let scratch = try IngestScratch("maildir")
        defer { scratch.remove() }
        let maildir = try source(scratch)
        let raw = SampleMail.text(1)
        try scratch.write(raw, to: "Maildir/new/1790000000.M1P1.host")

        let tally = maildir.scan()
        #expect(tally.stored == 1)
        #expect(tally.failures.isEmpty)
        #expect(scratch.list("Maildir/new").isEmpty)
        #expect(scratch.list("Maildir/cur") == ["1790000000.M1P1.host:2,S"])

        let store = maildir.intake.store
        let messages = try store.allMessages()
        #expect(messages.count == 1)
        let m = try #require(messages.first)
        #expect(m.state == .received)
        #expect(m.source == "maildir:inbox")
        #expect(m.location == "1790000000.M1P1.host")
        #expect(m.contentSHA256 == SampleMail.sha256(Data(raw.utf8)))
        #expect(try maildir.intake.spool.read(sha256: m.contentSHA256) == Data(raw.utf8))
        #expect(try store.events(of: m.id).map(\.eventType) == ["received"])
    }

    /// New mail is taken a group at a time (spooled together, recorded in one transaction): the rows still follow
    /// the files' order, a symbolic link in a group is refused alone, a duplicate in the same group is recorded as
    /// one, and every stored file is acknowledged.
    @Test func manyNewMailsAreTakenInGroupsInTheirOrder() throws {
        let scratch = try IngestScratch("maildir")
        defer { scratch.remove() }
        let maildir = try source(scratch)
        let count = MaildirSource.takenTogether * 2 + 5
        for n in 1...count {
            try scratch.write(SampleMail.text(n), to: "Maildir/new/\(1_790_000_000 + n).M\(n)P1.host")
        }
        // The same bytes as mail 3 under another name, in a later group, and a link to a file outside.
        try scratch.write(SampleMail.text(3), to: "Maildir/new/\(1_790_000_000 + count + 1).M3copyP1.host")
        try scratch.write("secret", to: "outside.txt")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("Maildir/new/\(1_790_000_000 + 10).link.host"),
                                                   withDestinationPath: scratch.path("outside.txt"))

        let tally = maildir.scan()
        #expect(tally.stored == count)
        #expect(tally.duplicates == 1)
        #expect(tally.failures.count == 1 && tally.failures[0].contains("symbolic link"))
        let messages = try maildir.intake.store.allMessages().sorted { $0.id < $1.id }
        #expect(messages.map(\.location) == (1...count).map { "\(1_790_000_000 + $0).M\($0)P1.host" })
        #expect(scratch.list("Maildir/new") == ["\(1_790_000_000 + 10).link.host"])
        #expect(scratch.list("Maildir/cur").count == count + 1)
        #expect(maildir.scan().stored == 0)
    }

    @Test func existingFlagsAreKeptInOrder() {
        #expect(MaildirName.seenName(of: "123.M1.host") == "123.M1.host:2,S")
        #expect(MaildirName.seenName(of: "123.M1.host:2,FT") == "123.M1.host:2,FST")
        #expect(MaildirName.seenName(of: "123.M1.host:2,S") == "123.M1.host:2,S")
        #expect(MaildirName.seenName(of: "123.M1.host:2,") == "123.M1.host:2,S")
        #expect(MaildirName.uniqueName(of: "123.M1.host:2,RS") == "123.M1.host")
    }

    @Test func aRescanAfterACrashBeforeTheRenameStoresNothingTwice() throws {
        let scratch = try IngestScratch("maildir-crash")
        defer { scratch.remove() }
        let maildir = try source(scratch)
        try scratch.write(SampleMail.text(1), to: "Maildir/new/1790000000.M1P1.host")
        try scratch.write(SampleMail.text(2), to: "Maildir/new/1790000001.M2P1.host")
        #expect(maildir.scan().stored == 2)

        // The crash: committed, but the file is back in new/ as if the rename never happened.
        try FileManager.default.moveItem(atPath: scratch.path("Maildir/cur/1790000000.M1P1.host:2,S"),
                                         toPath: scratch.path("Maildir/new/1790000000.M1P1.host"))
        // A restart: a new source object over the same store.
        let restarted = try source(scratch, intake: maildir.intake)
        let tally = restarted.scan()
        #expect(tally.stored == 0)
        #expect(tally.alreadyKnown == 1)
        #expect(scratch.list("Maildir/new").isEmpty)
        #expect(scratch.list("Maildir/cur").count == 2)
        let messages = try maildir.intake.store.allMessages()
        #expect(messages.count == 2)
        let received = try maildir.intake.store.auditLog.auditEvents(matching: AuditFilter(eventType: "received"))
        #expect(received.count == 2)
    }

    @Test func theSameBytesUnderAnotherNameAreADuplicate() throws {
        let scratch = try IngestScratch("maildir-dup")
        defer { scratch.remove() }
        let maildir = try source(scratch)
        try scratch.write(SampleMail.text(1), to: "Maildir/new/1790000000.M1P1.host")
        try scratch.write(SampleMail.text(1), to: "Maildir/new/1790000099.M9P1.host")
        let tally = maildir.scan()
        #expect(tally.stored == 1)
        #expect(tally.duplicates == 1)
        #expect(try maildir.intake.store.allMessages().count == 1)
        #expect(scratch.list("Maildir/cur").count == 2)
    }

    @Test func leaveKeepsTheFileAndDoesNotTakeItAgain() throws {
        let scratch = try IngestScratch("maildir-leave")
        defer { scratch.remove() }
        let maildir = try source(scratch, onStored: .leave)
        try scratch.write(SampleMail.text(1), to: "Maildir/new/1790000000.M1P1.host")
        #expect(maildir.scan().stored == 1)
        #expect(scratch.list("Maildir/new") == ["1790000000.M1P1.host"])
        let again = maildir.scan()
        #expect(again.stored == 0 && again.duplicates == 0 && again.alreadyKnown == 1)
        #expect(try maildir.intake.store.auditLog.auditEvents(matching: AuditFilter()).count == 1)
    }

    @Test func includeCurTakesUnknownReadMailOnceAndLeavesItInPlace() throws {
        let scratch = try IngestScratch("maildir-cur")
        defer { scratch.remove() }
        try scratch.write(SampleMail.text(5), to: "Maildir/cur/1780000000.M5P1.host:2,S")
        let without = try source(scratch)
        #expect(without.scan().handled == 0)

        let with = try source(scratch, includeCur: true, intake: without.intake)
        #expect(with.scan(includingCur: true).stored == 1)
        #expect(scratch.list("Maildir/cur") == ["1780000000.M5P1.host:2,S"])
        let again = with.scan(includingCur: true)
        #expect(again.handled == 0)  // known locations in cur/ are skipped quietly
        #expect(try with.intake.store.auditLog.auditEvents(matching: AuditFilter()).count == 1)
    }

    @Test func hiddenFilesAndTmpAreIgnored() throws {
        let scratch = try IngestScratch("maildir-hidden")
        defer { scratch.remove() }
        let maildir = try source(scratch)
        try scratch.write(SampleMail.text(1), to: "Maildir/new/.hidden")
        try scratch.write(SampleMail.text(2), to: "Maildir/tmp/1790000000.M1P1.host")
        #expect(maildir.scan().handled == 0)
    }

    @Test func watchTakesMailDeliveredWhileWatching() async throws {
        let scratch = try IngestScratch("maildir-watch")
        defer { scratch.remove() }
        // A long poll interval: only inotify can be fast enough for this test.
        let settings = MaildirSourceSettings(name: "inbox", path: try scratch.makeMaildir(),
                                                            pollSeconds: 30)
        let maildir = MaildirSource(settings: settings, intake: try scratch.makeIntake(), logger: TestLog.logger)
        let stop = StopFlag()
        let bell = Doorbell()
        let arrivals = LockedBox(0)
        let watching = Task { await maildir.watch(stop: stop, bell: bell) { arrivals.withLock { $0 += 1 } } }
        try await Task.sleep(for: .milliseconds(300))
        // Delivery as an MDA does it: write in tmp/, rename into new/.
        try scratch.write(SampleMail.text(7), to: "Maildir/tmp/1790000007.M7P1.host")
        try FileManager.default.moveItem(atPath: scratch.path("Maildir/tmp/1790000007.M7P1.host"),
                                         toPath: scratch.path("Maildir/new/1790000007.M7P1.host"))
        let deadline = ContinuousClock.now + .seconds(10)
        while scratch.list("Maildir/cur").isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        stop.set()
        bell.ring()
        await watching.value
        #expect(scratch.list("Maildir/cur") == ["1790000007.M7P1.host:2,S"])
        #expect(arrivals.value == 1)
        #expect(try maildir.intake.store.allMessages().count == 1)
    }

    @Test func prepareCreatesAMissingMaildir() throws {
        let scratch = try IngestScratch("maildir-prepare")
        defer { scratch.remove() }
        let settings = MaildirSourceSettings(name: "inbox", path: scratch.path("fresh/Maildir"))
        let maildir = MaildirSource(settings: settings, intake: try scratch.makeIntake(), logger: TestLog.logger)
        try maildir.prepare()
        #expect(scratch.list("fresh/Maildir") == ["cur", "new", "tmp"])
    }
}
