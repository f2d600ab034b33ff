import Foundation
import Testing
@testable import Vocabulary
@testable import Ingest
import MailroomTesting

/// Issue 14, findings 3 and 7: the drop folder and the Maildir never follow a symbolic link (a link to a key
/// file was ingested and could have been sent to a model), and the drop folder does not read a file larger
/// than a mail may be.
@Suite struct SymlinkAndSizeIngestTests {
    /// A secret outside the watched folders, as a key file would be.
    static func secret(_ scratch: IngestScratch) throws -> String {
        try scratch.write("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
                          to: "secrets/server.key")
        return scratch.path("secrets/server.key")
    }

    func drop(_ scratch: IngestScratch, maximumBytes: Int = MessageBudget.standard.rawBytes) throws -> DropFolderSource {
        let settings = DropFolderSettings(name: "scans", path: scratch.path("drop"), pollSeconds: 0.2, settleSeconds: 0,
                                          address: "scanner@example.com")
        let source = DropFolderSource(settings: settings, intake: try scratch.makeIntake(), logger: TestLog.logger,
                                      maximumBytes: maximumBytes)
        try source.prepare()
        return source
    }

    @Test func aLinkInTheDropFolderIsNotFollowedButMovedToFailedWithTheReason() throws {
        let scratch = try IngestScratch("drop-symlink")
        defer { scratch.remove() }
        let secret = try Self.secret(scratch)
        let source = try drop(scratch)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("drop/invoice.pdf"), withDestinationPath: secret)
        // A link to a mail-looking file is refused as well: content never decides here.
        try scratch.write(SampleMail.text(1), to: "elsewhere/mail.eml")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("drop/mail.eml"),
                                                   withDestinationPath: scratch.path("elsewhere/mail.eml"))

        let result = source.scan()
        #expect(result.tally.handled == 0)
        #expect(result.rejected.sorted() == ["invoice.pdf", "mail.eml"])
        #expect(try source.intake.store.allMessages().isEmpty)
        #expect(scratch.list("drop/failed") == ["invoice.pdf", "invoice.pdf.error.txt", "mail.eml", "mail.eml.error.txt"])
        // The link itself moved; what it pointed at is untouched.
        #expect(FileStatus.info(scratch.path("drop/failed/invoice.pdf"), follow: false)?.isSymlink == true)
        #expect(FileStatus.info(secret, follow: false)?.isRegular == true)
        let errorText = try String(contentsOfFile: scratch.path("drop/failed/invoice.pdf.error.txt"), encoding: .utf8)
        #expect(errorText.contains("symbolic link"))
        #expect(!errorText.contains("PRIVATE KEY"))
        #expect(result.tally.failures.contains { $0.contains("symbolic link") })
    }

    @Test func aFileOverTheRawSizeIsRefusedWithoutBeingRead() throws {
        let scratch = try IngestScratch("drop-too-big")
        defer { scratch.remove() }
        let source = try drop(scratch, maximumBytes: 10_000)
        try scratch.write(SampleMail.pdf + Data(repeating: 0x20, count: 20_000), to: "drop/huge.pdf")
        try scratch.write(SampleMail.pdf, to: "drop/small.pdf")
        let result = source.scan()
        #expect(result.rejected == ["huge.pdf"])
        #expect(result.tally.stored == 1)
        let errorText = try String(contentsOfFile: scratch.path("drop/failed/huge.pdf.error.txt"), encoding: .utf8)
        #expect(errorText.contains("more than the 9.8 KiB a mail may be (message_budget.raw_bytes"))
    }

    @Test func theBoundedReadRefusesLinksAndLargeFiles() throws {
        let scratch = try IngestScratch("bounded-read")
        defer { scratch.remove() }
        try scratch.write("hello", to: "a.txt")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link.txt"), withDestinationPath: scratch.path("a.txt"))
        #expect(try BoundedFileRead.read(scratch.path("a.txt"), limit: 5) == Data("hello".utf8))
        #expect(throws: BoundedFileRead.Refusal.self) { try BoundedFileRead.read(scratch.path("link.txt"), limit: 100) }
        #expect(throws: BoundedFileRead.Refusal.self) { try BoundedFileRead.read(scratch.path("a.txt"), limit: 4) }
    }

    @Test func aLinkInAMaildirIsSkippedAndReported() throws {
        let scratch = try IngestScratch("maildir-symlink")
        defer { scratch.remove() }
        let secret = try Self.secret(scratch)
        let settings = MaildirSourceSettings(name: "inbox", path: try scratch.makeMaildir(), pollSeconds: 0.2)
        let maildir = MaildirSource(settings: settings, intake: try scratch.makeIntake(), logger: TestLog.logger)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("Maildir/new/1790000000.M1P1.host"), withDestinationPath: secret)
        try scratch.write(SampleMail.text(2), to: "Maildir/new/1790000001.M2P1.host")

        let tally = maildir.scan()
        #expect(tally.stored == 1)
        #expect(tally.failures.count == 1)
        #expect(tally.failures.first?.contains("1790000000.M1P1.host: a symbolic link, not taken") == true, "\(tally.failures)")
        let messages = try maildir.intake.store.allMessages()
        #expect(messages.count == 1)
        #expect(messages.first?.location == "1790000001.M2P1.host")
        // The link stays where it was (nothing to acknowledge), and a second scan reports it again, stores nothing.
        #expect(scratch.list("Maildir/new") == ["1790000000.M1P1.host"])
        #expect(maildir.scan().stored == 0)
    }

    @Test func theSpoolRefusesALinkWhenAskedNotToFollow() throws {
        let scratch = try IngestScratch("spool-nofollow")
        defer { scratch.remove() }
        let secret = try Self.secret(scratch)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link"), withDestinationPath: secret)
        let spool = try scratch.makeSpool()
        #expect(throws: SpoolError.self) { try spool.store(contentsOf: URL(fileURLWithPath: scratch.path("link")), followLinks: false) }
    }

    @Test func theSpoolReadsALargeMessageOnlyUpToTheLimit() throws {
        let scratch = try IngestScratch("spool-bounded")
        defer { scratch.remove() }
        let spool = try scratch.makeSpool()
        let raw = Data(SampleMail.text(3).utf8) + Data(repeating: 0x41, count: 50_000)
        let stored = try spool.store(raw)
        let (prefix, size) = try spool.read(sha256: stored.sha256, upTo: 1_000)
        #expect(prefix == raw.prefix(1_000))
        #expect(size == raw.count)
        #expect(try spool.read(sha256: stored.sha256, upTo: 1 << 20).data == raw)
    }
}

/// `mailroom ingest FOLDER` follows only what the operator named: a link inside the folder (to a key, or back
/// to the folder itself) is reported, not followed.
@Suite struct FileImportLinkTests {
    @Test func linksInsideAnImportedFolderAreNotFollowed() throws {
        let scratch = try IngestScratch("import-links")
        defer { scratch.remove() }
        let secret = try SymlinkAndSizeIngestTests.secret(scratch)
        try scratch.write(SampleMail.text(1), to: "mails/one.eml")
        try FileManager.default.createSymbolicLink(atPath: scratch.path("mails/key.eml"), withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("mails/loop"), withDestinationPath: scratch.path("mails"))
        let tally = FileImport(intake: try scratch.makeIntake()).run(paths: [scratch.path("mails")])
        #expect(tally.stored == 1)
        #expect(tally.failures.count == 2)
        #expect(tally.failures.allSatisfy { $0.contains("a symbolic link inside a folder, not followed") }, "\(tally.failures)")
    }
}
