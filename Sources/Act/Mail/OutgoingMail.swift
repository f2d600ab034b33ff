import Crypto
import Foundation
import Vocabulary

/// A mail Mailroom writes itself (a reply, a forward, a notification), turned into RFC 5322 bytes:
/// UTF-8 text in quoted-printable, RFC 2047 encoded subject and display names, a Message-ID of our own
/// domain, RFC 3834 `Auto-Submitted`, and our origin header so that our own mail is never answered.
public struct OutgoingMail: Sendable, Hashable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress] = []
    public var replyTo: [MailAddress] = []
    public var subject: String
    public var text: String
    /// Without angle brackets.
    public var messageID: String
    public var date: Date
    public var inReplyTo: String?
    public var references: [String] = []
    /// `auto-replied` (an answer to a mail), `auto-generated` (a notification), or `no` (a person releases it).
    public var autoSubmitted: String
    /// The value of `X-Mailroom-Origin`: which connector and action wrote it.
    public var origin: String
    /// Extra header fields (already plain ASCII; checked for line breaks).
    public var extraHeaders: [(String, String)] = []
    /// A mail to attach whole (message/rfc822), for forwarding.
    public var attachedMessage: Data?

    public static let originHeader = "X-Mailroom-Origin"

    public init(from: MailAddress, to: [MailAddress], subject: String, text: String, messageID: String, date: Date,
                autoSubmitted: String, origin: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.messageID = messageID
        self.date = date
        self.autoSubmitted = autoSubmitted
        self.origin = origin
    }

    public static func == (a: OutgoingMail, b: OutgoingMail) -> Bool { a.rendered() == b.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(messageID) }

    /// A Message-ID for an action: the same key always gives the same id, so a second attempt of the same
    /// action sends a mail with the same id (and `earlierResult` can look it up).
    public static func messageID(forKey key: String, domain: String) -> String {
        let digest = SHA256.hash(data: Data("mailroom-message-id\u{1F}\(key)".utf8)).prefix(15)
        let token = digest.map { String(format: "%02x", $0) }.joined()
        return "mailroom.\(token)@\(domain)"
    }

    /// The bytes to submit, CRLF line ends.
    public func rendered() -> Data {
        var lines: [String] = []
        func header(_ name: String, _ value: String) { lines.append(OutgoingMail.fold("\(name): \(value)")) }
        header("Date", MailDateText.rfc5322(date))
        header("From", OutgoingMail.addressList([from]))
        header("To", OutgoingMail.addressList(to))
        if !cc.isEmpty { header("Cc", OutgoingMail.addressList(cc)) }
        if !replyTo.isEmpty { header("Reply-To", OutgoingMail.addressList(replyTo)) }
        header("Subject", OutgoingMail.encodedWords(subject))
        header("Message-ID", "<\(messageID)>")
        if let inReplyTo { header("In-Reply-To", "<\(inReplyTo)>") }
        if !references.isEmpty { header("References", references.map { "<\($0)>" }.joined(separator: " ")) }
        header("Auto-Submitted", autoSubmitted)
        if autoSubmitted != "no" { header("X-Auto-Response-Suppress", "All") }
        header(OutgoingMail.originHeader, origin)
        for (n, v) in extraHeaders where OutgoingMail.isSafeHeader(n, v) { header(n, v) }
        header("MIME-Version", "1.0")
        let body = OutgoingMail.quotedPrintable(text)
        if let attached = attachedMessage {
            let boundary = "=_mailroom_" + String(messageID.prefix(24)).replacingOccurrences(of: "@", with: "_")
            header("Content-Type", "multipart/mixed; boundary=\"\(boundary)\"")
            lines.append("")
            lines.append("This is a MIME message.")
            lines.append("--\(boundary)")
            lines.append("Content-Type: text/plain; charset=utf-8")
            lines.append("Content-Transfer-Encoding: quoted-printable")
            lines.append("")
            lines.append(body)
            lines.append("--\(boundary)")
            let eightBit = attached.contains { $0 >= 0x80 }
            lines.append("Content-Type: message/rfc822")
            lines.append("Content-Disposition: inline")
            if eightBit { lines.append("Content-Transfer-Encoding: 8bit") }
            lines.append("")
            var out = Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
            out.append(OutgoingMail.crlf(attached))
            if out.last != 0x0A { out.append(contentsOf: [0x0D, 0x0A]) }
            out.append(Data("--\(boundary)--\r\n".utf8))
            return out
        }
        header("Content-Type", "text/plain; charset=utf-8")
        header("Content-Transfer-Encoding", "quoted-printable")
        lines.append("")
        lines.append(body)
        return Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    package static func isSafeHeader(_ name: String, _ value: String) -> Bool {
        !name.isEmpty && !name.contains(":") && !(name + value).unicodeScalars.contains { $0 == "\r" || $0 == "\n" || $0 == "\0" }
            && name.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 32 }
    }

    /// Every bare LF (or CR) becomes CRLF.
    package static func crlf(_ data: Data) -> Data {
        var out = Data(capacity: data.count + data.count / 40)
        var previous: UInt8 = 0
        for b in data {
            if b == 0x0A, previous != 0x0D { out.append(0x0D) }
            if previous == 0x0D, b != 0x0A { out.append(0x0A) }
            out.append(b)
            previous = b
        }
        if previous == 0x0D { out.append(0x0A) }
        return out
    }

    // MARK: - Header encoding

    /// `"Name" <address>` / `=?UTF-8?B?…?= <address>` / `address`.
    package static func addressList(_ list: [MailAddress]) -> String {
        list.map { a in
            guard let name = a.name?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return a.address }
            let plain = name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 32 && $0 != "\"" && $0 != "\\" }
            return (plain ? "\"\(name)\"" : encodedWords(name, force: true)) + " <\(a.address)>"
        }.joined(separator: ", ")
    }

    /// The text as it is when it is printable ASCII, else RFC 2047 base64 words (each at most 75 characters,
    /// never splitting a character).
    public static func encodedWords(_ text: String, force: Bool = false) -> String {
        let clean = text.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        if !force, clean.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 && $0.value < 127 }), !clean.contains("=?") {
            return clean
        }
        var words: [String] = []
        var chunk = Data()
        for ch in clean {
            let bytes = Data(String(ch).utf8)
            // 12 characters of "=?UTF-8?B??=", base64 grows by 4/3: 39 bytes → 52 + 12 = 64 characters, so
            // the first word still fits on the line after "Subject: ".
            if chunk.count + bytes.count > 39 {
                words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=")
                chunk = Data()
            }
            chunk.append(bytes)
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?\(chunk.base64EncodedString())?=") }
        return words.joined(separator: " ")
    }

    /// Folds a header line at spaces so no line is longer than 78 characters where that is possible.
    package static func fold(_ line: String) -> String {
        guard line.count > 78 else { return line }
        var out: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            if !current.isEmpty, current.count + 1 + word.count > 76 {
                out.append(current)
                current = " " + word
            } else {
                current += (current.isEmpty && out.isEmpty ? "" : " ") + word
            }
        }
        out.append(current)
        // The first segment was built without a leading space; the others carry theirs.
        return out.joined(separator: "\r\n")
    }

    /// Quoted-printable (RFC 2045) of the UTF-8 text, CRLF line ends, lines at most 76 characters.
    public static func quotedPrintable(_ text: String) -> String {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var outLines: [String] = []
        for line in normalised.split(separator: "\n", omittingEmptySubsequences: false) {
            let bytes = Array(line.utf8)
            var encoded: [String] = []
            for (i, b) in bytes.enumerated() {
                let isLast = i == bytes.count - 1
                if (b == 0x20 || b == 0x09) && isLast {
                    encoded.append(String(format: "=%02X", b))
                } else if b == 0x3D || b < 0x20 && b != 0x09 || b > 0x7E {
                    encoded.append(String(format: "=%02X", b))
                } else if b == 0x2E, i == 0 {
                    encoded.append("=2E")  // a line starting with "." reads as the end of DATA to naive relays
                } else {
                    encoded.append(String(UnicodeScalar(b)))
                }
            }
            var current = ""
            for piece in encoded {
                if current.count + piece.count > 75 {
                    outLines.append(current + "=")
                    current = ""
                }
                current += piece
            }
            outLines.append(current)
        }
        return outLines.joined(separator: "\r\n")
    }

    // MARK: - Threading

    /// "Re: " + the subject without the reply prefixes it already carries (Re:, RE:, Aw:, AW:, Antw:, SV:,
    /// Re[2]:, 回复:, 答复:, 回覆:, with ASCII or full-width colons), so they never pile up.
    public static func replySubject(_ subject: String?) -> String {
        "Re: " + strippingPrefixes(subject ?? "", prefixes: ["re", "aw", "antw", "antwort", "sv", "vs", "r", "回复", "答复", "回覆", "答覆"])
    }

    /// "Fwd: " + the subject without forward or reply prefixes piling up.
    public static func forwardSubject(_ subject: String?) -> String {
        "Fwd: " + strippingPrefixes(subject ?? "", prefixes: ["fwd", "fw", "wg", "tr", "转发", "轉寄", "re", "aw"])
    }

    package static func strippingPrefixes(_ subject: String, prefixes: [String]) -> String {
        var s = subject.trimmingCharacters(in: .whitespaces)
        let pattern = "^(?:" + prefixes.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")
            + ")\\s*(?:\\[\\d+\\]|\\(\\d+\\))?\\s*[:：]\\s*"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return s }
        while let m = regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)), m.range.length > 0,
              let r = Range(m.range, in: s) {
            s.removeSubrange(r)
        }
        return s
    }

    /// References for a reply: the original's References plus its Message-ID (RFC 5322 3.6.4), the
    /// oldest and the newest kept when the chain is very long.
    public static func replyReferences(of original: NormalisedMessage) -> [String] {
        var chain = original.references
        if chain.isEmpty, let parent = original.inReplyTo { chain = [parent] }
        if let id = original.messageID, chain.last != id { chain.append(id) }
        if chain.count > 20 { chain = [chain[0]] + chain.suffix(19) }
        return chain
    }
}
