import Foundation
import Testing
@testable import Parse

/// A winmail.dat inside a mail: listed itself, and each file it carries listed after it with origin
/// "tnef"; its body used when the mail has no other text. The TNEF files and their expected contents
/// come from the TNEF reader's own fixtures (Fixtures/tnef, written by the parse-docs work).
enum TNEFFixtureFolder {
    static let directory = ParseFixtures.directory.deletingLastPathComponent().appendingPathComponent("tnef", isDirectory: true)
    static var available: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("expected.json").path)
    }
}

@Suite(.enabled(if: TNEFFixtureFolder.available, "needs Fixtures/tnef from the TNEF reader"))
struct TNEFIntegrationTests {
    static let directory = TNEFFixtureFolder.directory

    static func expected(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: directory.appendingPathComponent("expected.json"))
        let all = try #require(try JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        return try #require(all[name])
    }

    static func mail(wrapping tnef: Data, withText text: String?) -> Data {
        var s = "From: Outlook User <outlook@example.com>\r\nSubject: TNEF\r\nDate: Tue, 05 Mar 2024 09:15:00 +0100\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"tnef-boundary\"\r\n\r\n"
        if let text { s += "--tnef-boundary\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\(text)\r\n" }
        s += "--tnef-boundary\r\nContent-Type: application/ms-tnef; name=\"winmail.dat\"\r\n"
            + "Content-Disposition: attachment; filename=\"winmail.dat\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
            + tnef.base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
            + "\r\n--tnef-boundary--\r\n"
        return Data(s.utf8)
    }

    @Test func unpackedFilesFollowTheContainer() throws {
        let tnef = try Data(contentsOf: Self.directory.appendingPathComponent("one-attachment.dat"))
        let expected = try #require(try Self.expected("one-attachment.dat")["attachments"] as? [[String: Any]])
        let parsed = MessageParser.parse(Self.mail(wrapping: tnef, withText: "See the report."))
        let m = parsed.normalised
        #expect(m.text == "See the report.")
        #expect(m.attachments.count == 1 + expected.count)
        let container = try #require(m.attachments.first)
        #expect(container.filename == "winmail.dat")
        #expect(container.contentType == "application/ms-tnef")
        #expect(container.part == "2")
        #expect(container.size == tnef.count)
        for (k, e) in expected.enumerated() {
            let a = m.attachments[k + 1]
            #expect(a.origin == "tnef")
            #expect(a.filename == e["filename"] as? String)
            #expect(a.sha256 == e["sha256"] as? String)
            #expect(a.size == e["size"] as? Int)
            #expect(a.part == "2.\(k + 1)")
            #expect(parsed.attachmentData[k + 1].count == a.size)
        }
    }

    @Test func tnefBodyIsTheTextWhenThereIsNoOther() throws {
        let tnef = try Data(contentsOf: Self.directory.appendingPathComponent("body.dat"))
        let body = try #require(try Self.expected("body.dat")["body"] as? String)
        let m = MessageParser.parse(Self.mail(wrapping: tnef, withText: nil)).normalised
        #expect(m.text == body)
        #expect(m.textSource == "plain")
        #expect(m.attachments.contains { $0.origin == "tnef" && $0.filename == "ORDER.CSV" })
    }

    @Test func brokenContainerIsKeptWithAWarning() throws {
        let tnef = try Data(contentsOf: Self.directory.appendingPathComponent("truncated.dat"))
        let m = MessageParser.parse(Self.mail(wrapping: tnef, withText: "x")).normalised
        #expect(m.attachments.first?.filename == "winmail.dat")
        #expect(m.warnings.contains { $0.contains("TNEF") })
    }
}
