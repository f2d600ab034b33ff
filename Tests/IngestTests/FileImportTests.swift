import Foundation
import Testing
@testable import Ingest
import MailroomTesting

@Suite struct FileImportTests {
    static let mbox = """
        From alice@example.com Mon Nov 23 08:00:00 2026
        From: Alice <alice@example.com>
        Subject: first

        Hello.
        >From the archive: this line was escaped.
        >>From two levels.
        >Fromage is not escaped.

        From bob@example.com Mon Nov 23 09:00:00 2026
        From: Bob <bob@example.com>
        Subject: second

        Hi,
        From here on mboxo writers would have broken the file, but this line has no blank before it.
        Bye.

        From carol@example.com Mon Nov 23 10:00:00 2026
        From: Carol <carol@example.com>
        Subject: third

        Last one, without a trailing blank line.
        """

    @Test func mboxIsSplitAtEnvelopeLinesAndUnescaped() throws {
        let scratch = try IngestScratch("mbox")
        defer { scratch.remove() }
        try scratch.write(Self.mbox, to: "archive.mbox")
        let intake = try scratch.makeIntake()
        let tally = FileImport(intake: intake).run(paths: [scratch.path("archive.mbox")])
        #expect(tally.failures.isEmpty)
        #expect(tally.stored == 3)

        let messages = try intake.store.allMessages()
        #expect(messages.map(\.source) == ["file", "file", "file"])
        let offsets = messages.map { $0.location.split(separator: "#").last.map(String.init) ?? "" }
        let text = Self.mbox
        let expected = ["From alice", "From bob", "From carol"].map { needle in
            String(text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: needle)!.lowerBound.samePosition(in: text.utf8)!))
        }
        #expect(offsets == expected)
        #expect(messages.allSatisfy { $0.location.hasPrefix(scratch.path("archive.mbox") + "#") })

        let first = String(decoding: try intake.spool.read(sha256: messages[0].contentSHA256), as: UTF8.self)
        #expect(first == """
            From: Alice <alice@example.com>
            Subject: first

            Hello.
            From the archive: this line was escaped.
            >From two levels.
            >Fromage is not escaped.

            """)
        let second = String(decoding: try intake.spool.read(sha256: messages[1].contentSHA256), as: UTF8.self)
        #expect(second.contains("\nFrom here on mboxo writers"))
        #expect(second.hasSuffix("Bye.\n"))
        let third = String(decoding: try intake.spool.read(sha256: messages[2].contentSHA256), as: UTF8.self)
        #expect(third.hasSuffix("without a trailing blank line."))
    }

    @Test func mboxReadsAcrossChunkBoundaries() throws {
        let scratch = try IngestScratch("mbox-big")
        defer { scratch.remove() }
        var text = ""
        let body = String(repeating: "x", count: 70) + "\n"
        for n in 0..<40 {
            text += "From sender\(n)@example.com Mon Nov 23 08:00:00 2026\n" + SampleMail.text(n)
                + String(repeating: body, count: 1000) + ">From inside \(n)\n\n"
        }
        try scratch.write(text, to: "big.mbox")  // ~2.9 MB: several 1 MB chunks
        let intake = try scratch.makeIntake()
        let tally = FileImport(intake: intake).run(paths: [scratch.path("big.mbox")])
        #expect(tally.stored == 40)
        for m in try intake.store.allMessages() {
            let raw = String(decoding: try intake.spool.read(sha256: m.contentSHA256), as: UTF8.self)
            #expect(raw.hasPrefix("From: Customer"))
            #expect(raw.hasSuffix("\nFrom inside \(m.id - 1)\n"))
        }
    }

    @Test func importingAgainStoresNothingTwice() throws {
        let scratch = try IngestScratch("import-again")
        defer { scratch.remove() }
        try scratch.write(Self.mbox, to: "a.mbox")
        try scratch.write(SampleMail.text(1), to: "one.eml")
        let intake = try scratch.makeIntake()
        let importer = FileImport(intake: intake)
        let first = importer.run(paths: [scratch.path("a.mbox"), scratch.path("one.eml")])
        #expect(first.stored == 4)
        let second = importer.run(paths: [scratch.path("a.mbox"), scratch.path("one.eml")])
        #expect(second.stored == 0)
        #expect(second.alreadyKnown == 4)
        // The same bytes at another path are a duplicate, not a new message.
        try scratch.write(SampleMail.text(1), to: "copy/one-again.eml")
        let third = importer.run(paths: [scratch.path("copy")])
        #expect(third.duplicates == 1)
        #expect(try intake.store.allMessages().count == 4)
    }

    @Test func foldersAreReadRecursivelyWithMaildirsInside() throws {
        let scratch = try IngestScratch("import-tree")
        defer { scratch.remove() }
        try scratch.write(SampleMail.text(1), to: "tree/a.eml")
        try scratch.write(SampleMail.text(2), to: "tree/deeper/b.eml")
        try scratch.write(SampleMail.text(3), to: "tree/.hidden.eml")
        _ = try scratch.makeMaildir("tree/Maildir")
        try scratch.write(SampleMail.text(4), to: "tree/Maildir/new/1790000004.M4.host")
        try scratch.write(SampleMail.text(5), to: "tree/Maildir/cur/1790000005.M5.host:2,S")
        try scratch.write(SampleMail.text(6), to: "tree/Maildir/tmp/1790000006.M6.host")
        _ = try scratch.makeMaildir("tree/Maildir/.Archive")
        try scratch.write(SampleMail.text(7), to: "tree/Maildir/.Archive/cur/1790000007.M7.host:2,RS")
        try scratch.write("From x@example.com Mon Nov 23 08:00:00 2026\n" + SampleMail.text(8), to: "tree/old.mbox")

        let intake = try scratch.makeIntake()
        let tally = FileImport(intake: intake, source: "archive").run(paths: [scratch.path("tree")])
        #expect(tally.failures.isEmpty)
        #expect(tally.stored == 6)  // a, b, new/, cur/, .Archive, the mbox; not the hidden file, not tmp/
        let locations = Set(try intake.store.allMessages().map(\.location))
        #expect(locations.contains(scratch.path("tree/Maildir/1790000004.M4.host")))
        #expect(locations.contains(scratch.path("tree/Maildir/1790000005.M5.host")))
        #expect(locations.contains(scratch.path("tree/Maildir/.Archive/1790000007.M7.host")))
        #expect(locations.contains(scratch.path("tree/old.mbox") + "#0"))
        #expect(try intake.store.allMessages().allSatisfy { $0.source == "archive" })
    }

    @Test func aMissingPathIsReportedAndTheRestImported() throws {
        let scratch = try IngestScratch("import-missing")
        defer { scratch.remove() }
        try scratch.write(SampleMail.text(1), to: "one.eml")
        let tally = FileImport(intake: try scratch.makeIntake())
            .run(paths: [scratch.path("nope.eml"), scratch.path("one.eml")])
        #expect(tally.stored == 1)
        #expect(tally.failures == [scratch.path("nope.eml") + ": no such file or folder"])
    }
}
