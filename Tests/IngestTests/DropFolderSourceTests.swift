import Foundation
import Testing
@testable import Vocabulary
@testable import Ingest
@testable import Parse
import MailroomTesting

@Suite struct DropFolderSourceTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        let now = LockedBox(Date())
        func advance(_ seconds: Double) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    func source(_ scratch: IngestScratch, settle: Double = 0, clock: ManualClock? = nil) throws -> DropFolderSource {
        let settings = DropFolderSettings(name: "scans", path: scratch.path("drop"), pollSeconds: 0.2,
                                                         settleSeconds: settle, address: "scanner@example.com")
        let now: @Sendable () -> Date
        if let clock {
            now = { clock.now.value }
        } else {
            now = { Date() }
        }
        let drop = DropFolderSource(settings: settings, intake: try scratch.makeIntake(), logger: TestLog.logger,
                                    clock: now)
        try drop.prepare()
        return drop
    }

    static let pdf = SampleMail.pdf
        + Data((0..<300).map { UInt8($0 % 256) })

    @Test func aDroppedPDFBecomesAMessageWithThatAttachmentAndMovesToDone() throws {
        let scratch = try IngestScratch("drop-pdf")
        defer { scratch.remove() }
        let drop = try source(scratch)
        try scratch.write(Self.pdf, to: "drop/Rechnung 4711.pdf")
        let result = drop.scan()
        #expect(result.tally.stored == 1)
        #expect(result.rejected.isEmpty)
        #expect(scratch.list("drop") == ["done", "failed"])
        #expect(scratch.list("drop/done") == ["Rechnung 4711.pdf"])

        let message = try #require(try drop.intake.store.allMessages().first)
        #expect(message.source == "drop:scans")
        #expect(message.location.hasPrefix("Rechnung 4711.pdf@"))
        let raw = try drop.intake.spool.read(sha256: message.contentSHA256)
        let mail = try #require(MIMEReading(raw))
        #expect(mail.header("From") == "Mailroom drop folder \"scans\" <scanner@example.com>")
        #expect(mail.header("Subject") == "Rechnung 4711.pdf")
        #expect(mail.header("Message-ID") == "<drop.\(SampleMail.sha256(Self.pdf).prefix(40))@mailroom.invalid>")
        #expect(mail.header("Content-Type")?.hasPrefix("multipart/mixed; boundary=") == true)
        let parts = mail.parts()
        #expect(parts.count == 2)
        #expect(parts[0].header("Content-Type") == "text/plain; charset=utf-8")
        #expect(parts[1].header("Content-Type") == "application/pdf; name=\"Rechnung 4711.pdf\"")
        #expect(parts[1].header("Content-Disposition") == "attachment; filename=\"Rechnung 4711.pdf\"")
        #expect(parts[1].base64Body() == Self.pdf)

        // And the parser reads it as a mail with that file as its one attachment.
        let parsed = MessageParser.parse(raw).normalised
        #expect(parsed.subject == "Rechnung 4711.pdf")
        #expect(parsed.from.first?.address == "scanner@example.com")
        #expect(parsed.attachments.count == 1)
        #expect(parsed.attachments.first?.filename == "Rechnung 4711.pdf")
        #expect(parsed.attachments.first?.contentType == "application/pdf")
        #expect(parsed.attachments.first?.sha256 == SampleMail.sha256(Self.pdf))
        #expect(parsed.attachments.first?.disposition == "attachment")
        #expect(parsed.text.contains("Rechnung 4711.pdf"))
    }

    @Test func nonASCIINamesAreRFC2231AndRFC2047Encoded() throws {
        let scratch = try IngestScratch("drop-utf8")
        defer { scratch.remove() }
        let drop = try source(scratch)
        try scratch.write(Data("<?xml version=\"1.0\"?><Invoice/>".utf8), to: "drop/Übersicht €.xml")
        #expect(drop.scan().tally.stored == 1)
        let message = try #require(try drop.intake.store.allMessages().first)
        let mail = try #require(MIMEReading(try drop.intake.spool.read(sha256: message.contentSHA256)))
        #expect(mail.header("Subject") == "=?utf-8?B?" + Data("Übersicht €.xml".utf8).base64EncodedString() + "?=")
        let attachment = mail.parts()[1]
        #expect(attachment.header("Content-Type") == "application/xml; name*=utf-8''%C3%9Cbersicht%20%E2%82%AC.xml")
        #expect(attachment.header("Content-Disposition") == "attachment; filename*=utf-8''%C3%9Cbersicht%20%E2%82%AC.xml")
        let parsed = MessageParser.parse(try drop.intake.spool.read(sha256: message.contentSHA256)).normalised
        #expect(parsed.subject == "Übersicht €.xml")
        #expect(parsed.attachments.first?.filename == "Übersicht €.xml")
        #expect(parsed.attachments.first?.contentType == "application/xml")
    }

    @Test func anEmlFileIsIngestedAsItIs() throws {
        let scratch = try IngestScratch("drop-eml")
        defer { scratch.remove() }
        let drop = try source(scratch)
        let raw = Data(SampleMail.text(3).utf8)
        try scratch.write(raw, to: "drop/forwarded.eml")
        try scratch.write(Data(SampleMail.text(4).utf8), to: "drop/saved-mail.txt")  // a mail by its content
        #expect(drop.scan().tally.stored == 2)
        let hashes = Set(try drop.intake.store.allMessages().map(\.contentSHA256))
        #expect(hashes == [SampleMail.sha256(raw), SampleMail.sha256(Data(SampleMail.text(4).utf8))])
    }

    @Test func anUnreadableFileMovesToFailedWithAnErrorFile() throws {
        let scratch = try IngestScratch("drop-unreadable")
        defer { scratch.remove() }
        let drop = try source(scratch)
        // A link (here to nothing) is refused without being followed.
        try FileManager.default.createSymbolicLink(atPath: scratch.path("drop/scan-0001.pdf"),
                                                   withDestinationPath: scratch.path("nowhere/scan-0001.pdf"))
        let result = drop.scan()
        #expect(result.rejected == ["scan-0001.pdf"])
        #expect(result.tally.handled == 0)
        #expect(scratch.list("drop/failed") == ["scan-0001.pdf", "scan-0001.pdf.error.txt"])
        let errorText = try String(contentsOfFile: scratch.path("drop/failed/scan-0001.pdf.error.txt"), encoding: .utf8)
        #expect(errorText.contains("symbolic link"))  // never followed, dangling or not
        #expect(errorText.contains("scan-0001.pdf"))
        #expect(try drop.intake.store.allMessages().isEmpty)
    }

    @Test func aPermissionDeniedFileMovesToFailedWhenNotRoot() throws {
        guard getuid() != 0 else { return }  // root reads anything; covered by the link test above
        let scratch = try IngestScratch("drop-perm")
        defer { scratch.remove() }
        let drop = try source(scratch)
        try scratch.write(Self.pdf, to: "drop/secret.pdf")
        chmod(scratch.path("drop/secret.pdf"), 0)
        #expect(drop.scan().rejected == ["secret.pdf"])
        #expect(scratch.exists("drop/failed/secret.pdf.error.txt"))
    }

    @Test func aHalfWrittenFileWaitsUntilItHasSettled() throws {
        let scratch = try IngestScratch("drop-settle")
        defer { scratch.remove() }
        let clock = ManualClock()
        let drop = try source(scratch, settle: 5, clock: clock)
        let handle = try #require({ () -> FileHandle? in
            FileManager.default.createFile(atPath: scratch.path("drop/big.pdf"), contents: nil)
            return FileHandle(forWritingAtPath: scratch.path("drop/big.pdf"))
        }())
        try handle.write(contentsOf: Self.pdf.prefix(40))
        clock.now.value = Date()

        var result = drop.scan()
        #expect(result.tally.handled == 0)
        #expect(result.waiting == ["big.pdf"])
        #expect(result.lookAgainIn.map { $0 > 4 && $0 <= 5 } == true)

        clock.advance(3)
        try handle.write(contentsOf: Self.pdf.dropFirst(40))  // the writer goes on: mtime moves
        try handle.close()
        clock.now.value = Date().addingTimeInterval(3)
        result = drop.scan()
        #expect(result.tally.handled == 0)
        #expect(scratch.list("drop/done").isEmpty)

        clock.now.value = Date().addingTimeInterval(6)
        result = drop.scan()
        #expect(result.tally.stored == 1)
        #expect(scratch.list("drop/done") == ["big.pdf"])
        let message = try #require(try drop.intake.store.allMessages().first)
        let mail = try #require(MIMEReading(try drop.intake.spool.read(sha256: message.contentSHA256)))
        #expect(mail.parts()[1].base64Body() == Self.pdf)  // the whole file, not the first 40 bytes
    }

    @Test func hiddenTemporaryFilesAndFoldersAreLeftAlone() throws {
        let scratch = try IngestScratch("drop-ignore")
        defer { scratch.remove() }
        let drop = try source(scratch)
        for name in [".hidden.pdf", "upload.pdf.part", "report.docx~", "x.tmp", "film.crdownload", "~$lock.docx"] {
            try scratch.write(Self.pdf, to: "drop/" + name)
        }
        try FileManager.default.createDirectory(atPath: scratch.path("drop/sub"), withIntermediateDirectories: true)
        try scratch.write(Self.pdf, to: "drop/done/old.pdf")
        try scratch.write(Self.pdf, to: "drop/failed/bad.pdf")
        let result = drop.scan()
        #expect(result.tally.handled == 0)
        #expect(result.rejected.isEmpty)
        #expect(try drop.intake.store.allMessages().isEmpty)
    }

    @Test func aNameTakenInDoneGetsANumber() throws {
        let scratch = try IngestScratch("drop-collide")
        defer { scratch.remove() }
        let drop = try source(scratch)
        try scratch.write(Data("first".utf8), to: "drop/a.txt")
        _ = drop.scan()
        try scratch.write(Data("second".utf8), to: "drop/a.txt")
        _ = drop.scan()
        #expect(scratch.list("drop/done") == ["a (2).txt", "a.txt"])
        #expect(try drop.intake.store.allMessages().count == 2)
    }

    @Test func sniffingRecognisesCommonDocuments() {
        #expect(MediaTypeSniffer.contentType(of: Self.pdf, fileName: "x.bin") == "application/pdf")
        #expect(MediaTypeSniffer.contentType(of: Data([0x50, 0x4B, 3, 4, 0]), fileName: "a.docx")
            == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        #expect(MediaTypeSniffer.contentType(of: Data("\u{FEFF}<?xml version='1.0'?>".utf8), fileName: "a") == "application/xml")
        #expect(MediaTypeSniffer.contentType(of: Data("a;b\n".utf8), fileName: "list.CSV") == "text/csv")
        #expect(MediaTypeSniffer.contentType(of: Data([1, 2, 3]), fileName: "blob") == "application/octet-stream")
    }

    @Test func mailSniffingNeedsARealHeaderBlock() {
        #expect(RFC822Sniffer.looksLikeMessage(Data(SampleMail.text(1).utf8)))
        #expect(!RFC822Sniffer.looksLikeMessage(Data("Note: buy milk\nTodo: call Bob\n\nthanks\n".utf8)))
        #expect(!RFC822Sniffer.looksLikeMessage(Self.pdf))
        #expect(!RFC822Sniffer.looksLikeMessage(Data("Subject: x\nthis is not a header\n\n".utf8)))
    }
}

/// Just enough MIME reading to check what the drop folder generates, independent of the real parser.
struct MIMEReading {
    var headers: [(String, String)]
    var body: String

    init?(_ data: Data) {
        guard let text = String(data: data, encoding: .utf8) else { return nil }
        self.init(text: text)
    }

    init?(text: String) {
        let normal = text.replacingOccurrences(of: "\r\n", with: "\n")
        guard let split = normal.range(of: "\n\n") else { return nil }
        var headers: [(String, String)] = []
        for line in normal[..<split.lowerBound].split(separator: "\n", omittingEmptySubsequences: false) {
            if line.first == " " || line.first == "\t", !headers.isEmpty {
                headers[headers.count - 1].1 += " " + line.trimmingCharacters(in: .whitespaces)
            } else if let colon = line.firstIndex(of: ":") {
                headers.append((String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
        }
        self.headers = headers
        body = String(normal[split.upperBound...])
    }

    func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    func parts() -> [MIMEReading] {
        guard let type = header("Content-Type"), let range = type.range(of: "boundary=\"") else { return [] }
        let boundary = type[range.upperBound...].prefix { $0 != "\"" }
        return body.components(separatedBy: "--\(boundary)").dropFirst().dropLast()
            .compactMap { MIMEReading(text: String($0.drop { $0 == "\n" })) }
    }

    func base64Body() -> Data? {
        Data(base64Encoded: body.components(separatedBy: .newlines).joined())
    }
}

/// Files that are no document Mailroom can read go to failed/ with NAME.error.txt, decided by their bytes.
@Suite struct DropFolderContentTests {
    func source(_ scratch: IngestScratch) throws -> DropFolderSource {
        let settings = DropFolderSettings(name: "scans", path: scratch.path("drop"), pollSeconds: 0.2, settleSeconds: 0,
                                          address: "scanner@example.com")
        let drop = DropFolderSource(settings: settings, intake: try scratch.makeIntake(), logger: TestLog.logger)
        try drop.prepare()
        return drop
    }

    /// Bytes no format starts with, with NULs and control characters, as a damaged or encrypted file has.
    static let randomBytes = Data((0..<4096).map { UInt8(truncatingIfNeeded: ($0 &* 7919 &+ 13) % 251) })

    @Test(arguments: [
        ("random.bin", randomBytes, "no known format"),
        ("scan.pdf", randomBytes, "no known format"),   // named like a PDF, but its bytes are none
        ("notes.txt", randomBytes, "no known format"),  // named like text, but its bytes are none
        ("empty.pdf", Data(), "the file is empty"),
        ("invoice.eml", DropFolderSourceTests.pdf, "it is not a mail"),
    ])
    func aFileMailroomCannotReadGoesToFailedWithAnErrorTextSayingWhatToDo(name: String, content: Data, reason: String) throws {
        let scratch = try IngestScratch("drop-unreadable")
        defer { scratch.remove() }
        let drop = try source(scratch)
        try scratch.write(content, to: "drop/\(name)")
        let result = drop.scan()
        #expect(result.tally.stored == 0)
        #expect(result.rejected == [name])
        #expect(scratch.list("drop/failed") == [name, name + ".error.txt"].sorted())
        #expect(try drop.intake.store.allMessages().isEmpty)
        let text = try String(contentsOfFile: scratch.path("drop/failed/\(name).error.txt"), encoding: .utf8)
        #expect(text.contains(reason), "\(text)")
        #expect(text.contains("To try again"), "\(text)")
    }

    @Test func aMailIsTakenAsAMailWhateverItsNameAndTextAndPDFAsDocuments() throws {
        let scratch = try IngestScratch("drop-by-content")
        defer { scratch.remove() }
        let drop = try source(scratch)
        let mail = SampleMail.text(7, subject: "Order 7")
        try scratch.write(mail, to: "drop/forwarded.txt")
        try scratch.write("Bitte 5 Stück PMP-250 liefern.\n", to: "drop/note.txt")
        try scratch.write(DropFolderSourceTests.pdf, to: "drop/scan-without-extension")
        let result = drop.scan()
        #expect(result.rejected.isEmpty)
        #expect(result.tally.stored == 3)
        let messages = try drop.intake.store.allMessages()
        // The mail was stored as it is (not wrapped as an attachment named forwarded.txt).
        let stored = try #require(messages.first { $0.location.hasPrefix("forwarded.txt@") })
        #expect(try drop.intake.spool.read(sha256: stored.contentSHA256) == Data(mail.utf8))
    }
}
