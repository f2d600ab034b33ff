import Foundation
import Testing
import ZIPFoundation
@testable import Vocabulary
@testable import Parse
import MailroomTesting

/// Issue 14, finding 3: one mail may take only its `MessageBudget` of Parse. Each attacking mail is built
/// here; each is read up to the limit, kept, and says what was left out. Nothing here measures time.
@Suite struct MessageBudgetTests {
    static let pdf = SampleMail.pdf

    /// A mail with `count` attachments of `body`, each base64.
    static func mail(attachments count: Int, body: Data, name: (Int) -> String, type: String) -> Data {
        var mail = "From: a@example.com\r\nTo: b@example.com\r\nSubject: many\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n"
            + "Message-ID: <many@example.com>\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
            + "--b\r\nContent-Type: text/plain\r\n\r\nSee the attachments.\r\n"
        let encoded = body.base64EncodedString()
        for i in 0..<count {
            mail += "--b\r\nContent-Type: \(type); name=\"\(name(i))\"\r\nContent-Disposition: attachment; filename=\"\(name(i))\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n\(encoded)\r\n"
        }
        mail += "--b--\r\n"
        return Data(mail.utf8)
    }

    @Test func twoThousandTinyPDFsAreCountedAndOnlyTheFirstOnesRead() {
        let raw = Self.mail(attachments: 2_000, body: Self.pdf, name: { "invoice-\($0).pdf" }, type: "application/pdf")

        // The standard budget: 500 listed, the rest counted.
        let parsed = MessageParser.parse(raw).normalised
        #expect(parsed.attachments.count == 500)
        #expect(parsed.attachments.first?.filename == "invoice-0.pdf")
        #expect(parsed.attachments.last?.filename == "invoice-499.pdf")
        #expect(parsed.overBudget.contains("over budget: 2,000 attachments, limit 500 — the first 500 were read"), "\(parsed.overBudget)")
        #expect(parsed.text.contains("See the attachments."))

        // Read with a small budget (so that the test runs few PDF readers): the first 12 are read, no more.
        let meter = MessageBudgetMeter(MessageBudget(attachments: 12))
        let content = MessageContent.read(raw: raw, limits: .standard, meter: meter)
        #expect(content.message.attachments.count == 12)
        #expect(content.documents.count == 12)
        #expect(content.documents.allSatisfy { $0.contentType == "application/pdf" })
        #expect(content.message.overBudget.first == "over budget: 2,000 attachments, limit 12 — the first 12 were read")
    }

    @Test func aDOCXWhoseXMLExpandsTo30MBIsStoppedByTheBudget() throws {
        // 30 MB of paragraphs, deflated to a small file.
        let paragraph = Data("<w:p><w:r><w:t>Angebot Position Menge Preis</w:t></w:r></w:p>".utf8)
        let head = Data("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>".utf8)
        let tail = Data("</w:body></w:document>".utf8)
        let repeats = 30_000_000 / paragraph.count
        var xml = Data(capacity: head.count + repeats * paragraph.count + tail.count)
        xml.append(head)
        for _ in 0..<repeats { xml.append(paragraph) }
        xml.append(tail)
        #expect(xml.count > 30_000_000)
        let archive = try Archive(data: Data(), accessMode: .create)
        let types = Data("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)
        for (path, bytes) in [("[Content_Types].xml", types), ("word/document.xml", xml)] {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate,
                                 provider: { position, size in bytes.subdata(in: Int(position)..<Int(position) + size) })
        }
        let docx = try #require(archive.data)
        #expect(docx.count < 1 << 20)

        let raw = Self.mail(attachments: 1, body: docx, name: { _ in "Angebot.docx" },
                            type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        let content = MessageContent.read(raw: raw)
        let document = try #require(content.documents.first)
        #expect(document.text.isEmpty)
        #expect(document.warnings.contains { $0.contains("message budget") }, "\(document.warnings)")
        #expect(content.message.overBudget.contains { $0.hasPrefix("over budget: \"Angebot.docx\" holds more XML than") },
                "\(content.message.overBudget)")
        #expect(content.message.overBudget.contains { $0.contains("limit 16 MiB") })
    }

    @Test func anEightMegabyteHTMLBodyIsCutWithAWarning() {
        var html = "<html><body><p>Sehr geehrte Damen und Herren, bitte ein Angebot.</p>"
        let row = "<p>Zeile mit etwas Text, damit es sich lohnt, sie zu lesen.</p>\n"
        while html.utf8.count < 8 << 20 { html += row }
        html += "<p>THE END</p></body></html>"
        let raw = Data(("From: a@example.com\r\nSubject: big html\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html).utf8)
        let parsed = MessageParser.parse(raw).normalised
        #expect(parsed.textSource == "html")
        #expect(parsed.text.hasPrefix("Sehr geehrte Damen und Herren"))
        #expect(!parsed.text.contains("THE END"))
        #expect(parsed.warnings.contains { $0.contains("was cut at 2 MiB (message budget)") }, "\(parsed.warnings)")
        #expect(parsed.overBudget.contains { $0.hasPrefix("over budget: 8") && $0.contains("of HTML, limit 2 MiB") }, "\(parsed.overBudget)")
    }

    /// Messages each attached to the one before, each with `padding` bytes of text.
    static func nested(levels: Int, padding: Int) -> Data {
        var inner = "From: level\(levels)@example.com\r\nSubject: level \(levels)\r\n\r\nthe bottom\r\n"
        let pad = String(repeating: "x", count: 76) + "\r\n"
        let text = String(repeating: pad, count: padding / pad.utf8.count)
        for level in stride(from: levels - 1, through: 0, by: -1) {
            inner = "From: level\(level)@example.com\r\nSubject: level \(level)\r\nContent-Type: multipart/mixed; boundary=\"b\(level)\"\r\n\r\n"
                + "--b\(level)\r\nContent-Type: text/plain\r\n\r\n\(text)--b\(level)\r\nContent-Type: message/rfc822\r\n\r\n"
                + inner + "\r\n--b\(level)--\r\n"
        }
        return Data(inner.utf8)
    }

    @Test func twentyNestedMessagesAreReadToTheDepthLimitWithoutBlowingUp() {
        let raw = Self.nested(levels: 20, padding: 512 << 10)
        #expect(raw.count > 10 << 20)
        let meter = MessageBudgetMeter()
        let parsed = MessageParser.parse(raw, meter: meter).normalised
        #expect(parsed.subject == "level 0")
        var level = parsed
        var levels = 0
        while let inner = level.attachedMessages.first { level = inner; levels += 1 }
        #expect(levels == MessageBudget.standard.nestingDepth)
        #expect(level.subject == "level \(MessageBudget.standard.nestingDepth)")
        #expect(parsed.overBudget.contains("over budget: attached messages nested more than 8 levels deep, limit 8 — "
            + "the deeper ones were listed, not opened"), "\(parsed.overBudget)")
        // Every level decodes its attached message again; the budget bounds the sum.
        #expect(meter.decodedBytes <= MessageBudget.standard.decodedBytes)
        #expect(parsed.attachments.count <= MessageBudget.standard.nestingDepth + 1)

        // With a smaller decoded budget the copying stops there, and says so.
        let small = MessageBudgetMeter(MessageBudget(decodedBytes: 20 << 20))
        let cut = MessageParser.parse(raw, meter: small).normalised
        #expect(small.decodedBytes == 20 << 20)
        #expect(cut.overBudget.contains { $0.hasPrefix("over budget: more than 20 MiB decoded, limit 20 MiB") }, "\(cut.overBudget)")
        #expect(cut.subject == "level 0")
    }

    @Test func libetpanIsNotAskedToParseAttachedMessagesWhichMailroomReadsOnce() {
        let raw = Self.nested(levels: 3, padding: 100)
        let outcome = raw.withUnsafeBytes { LibEtpanInputGuard.prepare($0, hideAttachedMessages: true) }
        // Three message/rfc822 declarations hidden, the multiparts left alone.
        #expect(outcome.hiddenMessages == 3)
        #expect(outcome.hiddenContainers == 0)
        let patched = String(decoding: outcome.patched ?? [], as: UTF8.self)
        #expect(patched.components(separatedBy: "Content-Type: xessage/rfc822").count == 4)
        #expect(patched.components(separatedBy: "Content-Type: multipart/mixed").count == 4)
        // Each level is still read, by a reader of its own.
        var level = MessageParser.parse(raw).normalised
        var subjects = [level.subject ?? ""]
        while let inner = level.attachedMessages.first { level = inner; subjects.append(inner.subject ?? "") }
        #expect(subjects == ["level 0", "level 1", "level 2", "level 3"])
        #expect(level.text.contains("the bottom"))
    }

    @Test func a100000LineHeaderIsCapped() {
        var mail = "From: a@example.com\r\nTo: b@example.com\r\nSubject: headers\r\nDate: Mon, 7 Dec 2026 10:00:00 +0000\r\n"
        for i in 0..<100_000 { mail += "X-Filler-\(i): value \(i)\r\n" }
        mail += "\r\nthe body\r\n"
        let parsed = MessageParser.parse(Data(mail.utf8)).normalised
        #expect(parsed.headers.count == 1_000)
        #expect(parsed.subject == "headers")
        #expect(parsed.from.first?.address == "a@example.com")
        #expect(parsed.text.contains("the body"))
        #expect(parsed.overBudget.contains("over budget: 100,004 header fields, limit 1,000 — the first 1,000 were read"),
                "\(parsed.overBudget)")

        // The byte limit, when it comes first.
        let bytes = MessageParser.parse(Data(mail.utf8), meter: MessageBudgetMeter(MessageBudget(headerBytes: 4096))).normalised
        #expect(bytes.headers.count < 1_000)
        #expect(bytes.overBudget.first?.hasPrefix("over budget: a header block of more than 4 KiB, limit 4 KiB") == true)
    }

    @Test func aMailOverTheRawSizeIsReadFromItsStart() {
        let raw = Self.mail(attachments: 40, body: Data(repeating: 0x41, count: 3000), name: { "f\($0).txt" }, type: "text/plain")
        let parsed = MessageParser.parse(raw, meter: MessageBudgetMeter(MessageBudget(rawBytes: 20_000))).normalised
        #expect(parsed.subject == "many")
        #expect(parsed.attachments.count < 40)
        #expect(parsed.overBudget.first?.hasPrefix("over budget: the mail is") == true)
        #expect(parsed.overBudget.first?.hasSuffix("only the first 19.5 KiB were read") == true, "\(parsed.overBudget)")
    }

    @Test func theBudgetSurvivesTheStore() throws {
        var message = NormalisedMessage(subject: "x")
        message.overBudget = ["over budget: 2,000 attachments, limit 500 — the first 500 were read"]
        let data = try JSONEncoder().encode(message)
        #expect(try JSONDecoder().decode(NormalisedMessage.self, from: data).overBudget == message.overBudget)
        // A mail within budget stores nothing new.
        #expect(!String(decoding: try JSONEncoder().encode(NormalisedMessage(subject: "x")), as: UTF8.self).contains("over_budget"))
    }
}
