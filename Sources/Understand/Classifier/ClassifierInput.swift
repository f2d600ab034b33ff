import Foundation
import Vocabulary

/// What the offline classifier reads of one message: the subject, the body with quoted history and the
/// signature set apart, the text of its documents, its header fields and its sender.
///
/// Built from a ``NormalisedMessage`` plus the text of its attachments (the documents branch's
/// `DocumentReader` gives that text; a caller without it passes what it has, e.g. attachment names).
public struct ClassifierInput: Sendable, Hashable {
    public var subject: String
    /// The readable body without quoted history and without the signature.
    public var body: String
    /// The quoted history that was cut from the body (older mails in the thread), kept apart so that it
    /// counts less than what the sender wrote now.
    public var quoted: String
    public var documentTexts: [String]
    public var headers: [HeaderField]
    /// The sender's address (From, else Sender), lower-cased; nil when the mail names none.
    public var sender: String?
    /// Lower-case content types and file names of the attachments (for features such as `att:pdf`).
    public var attachments: [(contentType: String, filename: String?)]

    public init(message: NormalisedMessage, documentTexts: [String]) {
        subject = message.subject ?? ""
        let split = ClassifierInput.splitQuotedHistory(message.text)
        body = split.own
        quoted = split.quoted
        self.documentTexts = documentTexts
        headers = message.headers
        sender = (message.from.first ?? message.sender.first).map { $0.address.lowercased() }
        attachments = message.attachments.map { ($0.contentType.lowercased(), $0.filename) }
    }

    /// An input from bare parts, for tests and callers that have no parsed message.
    public init(subject: String, body: String, quoted: String = "", documentTexts: [String] = [],
                headers: [HeaderField] = [], sender: String? = nil,
                attachments: [(contentType: String, filename: String?)] = []) {
        self.subject = subject
        self.body = body
        self.quoted = quoted
        self.documentTexts = documentTexts
        self.headers = headers
        self.sender = sender
        self.attachments = attachments
    }

    public static func == (a: ClassifierInput, b: ClassifierInput) -> Bool {
        a.subject == b.subject && a.body == b.body && a.quoted == b.quoted && a.documentTexts == b.documentTexts
            && a.headers == b.headers && a.sender == b.sender
            && a.attachments.map(\.contentType) == b.attachments.map(\.contentType)
            && a.attachments.map(\.filename) == b.attachments.map(\.filename)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(subject)
        hasher.combine(body)
        hasher.combine(documentTexts)
    }

    /// Splits a body into what the sender wrote now and the quoted history below it, lightly: the first
    /// line that starts a quoted block ("> …", "On … wrote:", "Am … schrieb …:", "-----Original Message-----",
    /// "-----Ursprüngliche Nachricht-----", Outlook's "From:/Sent:" and "Von:/Gesendet:" blocks, Chinese
    /// "原始邮件" and "发件人:/发送时间:" blocks) ends the own text; a "-- " signature delimiter ends it too
    /// (the signature itself is dropped). When nothing would be left of the own text, nothing is cut.
    public static func splitQuotedHistory(_ text: String) -> (own: String, quoted: String) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map { String($0).replacingOccurrences(of: "\r", with: "") }
        var cut: Int?
        var signatureAt: Int?
        for (i, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if raw == "-- " || raw == "--" {
                if signatureAt == nil { signatureAt = i }
                continue
            }
            if startsQuote(line, next: i + 1 < lines.count ? lines[i + 1] : "") {
                cut = i
                break
            }
        }
        let ownEnd = min(cut ?? lines.count, signatureAt ?? lines.count)
        let own = lines[0..<ownEnd].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        guard !own.isEmpty else { return (text.trimmingCharacters(in: .whitespacesAndNewlines), "") }
        let quoted = cut.map { lines[$0...].joined(separator: "\n") } ?? ""
        return (own, quoted)
    }

    private static func startsQuote(_ line: String, next: String) -> Bool {
        if line.hasPrefix(">") { return true }
        let lower = line.lowercased()
        if lower.hasPrefix("-----original message") || lower.hasPrefix("-----ursprüngliche nachricht")
            || lower.hasPrefix("----- original message") || lower.hasPrefix("-----message d'origine") {
            return true
        }
        if line.contains("原始邮件") && line.hasPrefix("-") { return true }
        if (lower.hasPrefix("on ") && lower.hasSuffix("wrote:")) || (lower.hasPrefix("am ") && lower.hasSuffix(":")
            && lower.contains("schrieb")) {
            return true
        }
        if line.hasPrefix("在") && (line.hasSuffix("写道：") || line.hasSuffix("写道:")) { return true }
        let nextLower = next.trimmingCharacters(in: .whitespaces).lowercased()
        if lower.hasPrefix("from:") && (nextLower.hasPrefix("sent:") || nextLower.hasPrefix("date:")) { return true }
        if lower.hasPrefix("von:") && (nextLower.hasPrefix("gesendet:") || nextLower.hasPrefix("datum:")) { return true }
        if (line.hasPrefix("发件人:") || line.hasPrefix("发件人：") || line.hasPrefix("寄件者：")) {
            return true
        }
        return false
    }
}
