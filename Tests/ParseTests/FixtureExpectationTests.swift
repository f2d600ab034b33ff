import Crypto
import Foundation
import Testing
@testable import Vocabulary

/// Every fixture written by Fixtures/mime/make_fixtures.py is parsed and compared with the
/// expectations the script wrote beside it (built with Python's codecs, not with Mailroom).
@Suite struct FixtureExpectationTests {
    @Test func fixturesAndExpectationsArePresent() {
        #expect(ParseFixtures.fixtureNames.count >= 40)
        #expect(ParseFixtures.fixtureNames.contains("charset-iso-2022-jp.eml"))
    }

    @Test(arguments: ParseFixtures.fixtureNames)
    func fixtureMatchesExpectation(_ name: String) throws {
        let parsed = try ParseFixtures.parse(name)
        let m = parsed.normalised
        let e = try #require(ParseFixtures.expectations[name])

        // The attachment bytes always line up with the list.
        #expect(parsed.attachmentData.count == m.attachments.count)
        for (info, data) in zip(m.attachments, parsed.attachmentData) {
            #expect(info.size == data.count)
            let hex = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            #expect(info.sha256 == hex)
        }

        if e.keys.contains("subject") { #expect(m.subject == e["subject"] as? String, "subject of \(name)") }
        if let v = e["from_name"] as? String {
            let actual = m.from.first?.name
            #expect(actual == v, "from name of \(name)")
        }
        if let v = e["from_address"] as? String {
            let actual = m.from.first?.address
            #expect(actual == v, "from address of \(name)")
        }
        if let v = e["to_name"] as? String {
            let actual = m.to.first?.name
            #expect(actual == v, "to name of \(name)")
        }
        if let v = e["text"] as? String { #expect(m.text == v, "text of \(name)") }
        if let v = e["text_contains"] as? String { #expect(m.text.contains(v), "text of \(name): \(m.text)") }
        if let v = e["text_source"] as? String { #expect(m.textSource == v, "text source of \(name)") }
        if let v = e["warning_contains"] as? String {
            #expect(m.warnings.contains { $0.contains(v) }, "warnings of \(name): \(m.warnings)")
        }
        for key in ["from", "sender", "to", "cc", "bcc", "reply_to"] {
            guard let list = e[key] as? [[Any]] else { continue }
            let actual: [MailAddress]
            switch key {
            case "from": actual = m.from
            case "sender": actual = m.sender
            case "to": actual = m.to
            case "cc": actual = m.cc
            case "bcc": actual = m.bcc
            default: actual = m.replyTo
            }
            let wanted = list.map { MailAddress(name: $0[0] as? String, address: $0[1] as? String ?? "") }
            #expect(actual == wanted, "\(key) of \(name)")
        }
        if let v = e["message_id"] as? String { #expect(m.messageID == v) }
        if let v = e["in_reply_to"] as? String { #expect(m.inReplyTo == v) }
        if let v = e["references"] as? [String] { #expect(m.references == v) }
        if let v = e["date"] as? String { #expect(m.date.map(ISO8601.utcString) == v, "date of \(name)") }
        if let v = e["attached_subjects"] as? [String] { #expect(m.attachedMessages.map { $0.subject ?? "" } == v) }
        if let v = e["inner_from_name"] as? String { #expect(m.attachedMessages.first?.from.first?.name == v) }
        if let v = e["inner_text"] as? String { #expect(m.attachedMessages.first?.text == v) }
        if let v = e["innermost_subject"] as? String {
            #expect(m.attachedMessages.first?.attachedMessages.first?.subject == v)
        }
        if let wanted = e["attachments"] as? [[String: Any]] {
            #expect(m.attachments.count == wanted.count, "attachments of \(name): \(m.attachments.map { $0.filename ?? "-" })")
            for (k, w) in wanted.enumerated() where k < m.attachments.count {
                let a = m.attachments[k]
                if w.keys.contains("filename") { #expect(a.filename == w["filename"] as? String, "\(name) attachment \(k)") }
                if let v = w["content_type"] as? String { #expect(a.contentType == v, "\(name) attachment \(k) type") }
                if let v = w["size"] as? Int { #expect(a.size == v, "\(name) attachment \(k) size") }
                if let v = w["sha256"] as? String { #expect(a.sha256 == v, "\(name) attachment \(k) sha256") }
                if let v = w["part"] as? String { #expect(a.part == v, "\(name) attachment \(k) part") }
                if w.keys.contains("origin") { #expect(a.origin == w["origin"] as? String, "\(name) attachment \(k) origin") }
                if let v = w["disposition"] as? String { #expect(a.disposition == v) }
                if let v = w["content_id"] as? String { #expect(a.contentID == v) }
            }
        }
    }
}
