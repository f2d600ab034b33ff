import Foundation

/// The version Mailroom reports in `--version`, logs and the audit trail.
public enum MailroomVersion {
    public static let string = "0.1.0"
}

/// A mailbox as it appears in a header: `"Jane Doe" <jane@example.com>`.
public struct MailAddress: Codable, Hashable, Sendable {
    /// The display name, decoded (RFC 2047) and unquoted; nil when the header gave none.
    public var name: String?
    /// The address as written (`local@domain`); may be empty for a group or a broken header.
    public var address: String

    public init(name: String?, address: String) {
        self.name = name
        self.address = address
    }

    package enum CodingKeys: String, CodingKey { case name, address }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)  // always present, null when absent
        try c.encode(address, forKey: .address)
    }
}

/// One header field, decoded for reading (RFC 2047 words decoded, folding removed).
public struct HeaderField: Codable, Hashable, Sendable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// What Parse tells about one attachment (or any non-body part) of a message.
public struct AttachmentInfo: Codable, Hashable, Sendable {
    /// The decoded file name (RFC 2231 / RFC 2047 handled); nil when the part names none.
    public var filename: String?
    /// The content type, lower-cased, without parameters. When the declared type was
    /// `application/octet-stream` (or missing) and the bytes were recognised, the sniffed type.
    public var contentType: String
    /// Decoded size in bytes.
    public var size: Int
    /// Lower-case hex SHA-256 of the decoded bytes.
    public var sha256: String
    /// `attachment`, `inline`, or nil when the part had no Content-Disposition.
    public var disposition: String?
    /// Where the part sits in the MIME tree, as IMAP numbers it ("2", "2.1", …).
    public var part: String
    /// The Content-ID without angle brackets, if any.
    public var contentID: String?
    /// How this attachment came to be: nil for an ordinary MIME part, `tnef` when unpacked from
    /// a winmail.dat, `rfc822` when it sits inside an attached message.
    public var origin: String?

    public init(filename: String?, contentType: String, size: Int, sha256: String, disposition: String?,
                part: String, contentID: String? = nil, origin: String? = nil) {
        self.filename = filename
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.disposition = disposition
        self.part = part
        self.contentID = contentID
        self.origin = origin
    }

    package enum CodingKeys: String, CodingKey {
        case filename, contentType = "content_type", size, sha256, disposition, part
        case contentID = "content_id", origin
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(filename, forKey: .filename)
        try c.encode(contentType, forKey: .contentType)
        try c.encode(size, forKey: .size)
        try c.encode(sha256, forKey: .sha256)
        try c.encode(disposition, forKey: .disposition)
        try c.encode(part, forKey: .part)
        try c.encodeIfPresent(contentID, forKey: .contentID)
        try c.encodeIfPresent(origin, forKey: .origin)
    }
}

/// The normalised form of a mail that every later stage reads. `mailroom parse --json` prints it.
public struct NormalisedMessage: Codable, Hashable, Sendable {
    public var subject: String?
    public var from: [MailAddress]
    public var sender: [MailAddress]
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var bcc: [MailAddress]
    public var replyTo: [MailAddress]
    /// The Date header in UTC; nil when missing or unreadable (a warning says which).
    public var date: Date?
    /// Message-ID without angle brackets.
    public var messageID: String?
    /// The first message id of In-Reply-To, without angle brackets.
    public var inReplyTo: String?
    /// References, oldest first, without angle brackets.
    public var references: [String]
    /// The readable body: the plain-text part, or the HTML part turned into text when there is no plain part.
    public var text: String
    /// Where `text` came from: `plain`, `html`, or `none`.
    public var textSource: String
    /// The rows of the tables of an HTML version of the text that `text` does not come from (a mail with a
    /// plain and an HTML part keeps the plain one as `text`; its HTML tables, cells joined with " | ", are kept
    /// here so that line items in them are not lost). Empty when there is none.
    public var htmlTables: String = ""
    /// All header fields of the top-level message, in order, decoded.
    public var headers: [HeaderField]
    /// Every non-body part, including those inside attached messages and TNEF containers.
    public var attachments: [AttachmentInfo]
    /// Messages attached as message/rfc822, parsed recursively.
    public var attachedMessages: [NormalisedMessage]
    /// What was odd and how it was handled, in words an operator understands.
    public var warnings: [String]
    /// The limits of the message budget (`MessageBudget`) this mail went over, each a sentence beginning
    /// "over budget:" that says what was read and what was not. Non-empty sends the mail to a person.
    public var overBudget: [String] = []

    public init(subject: String? = nil, from: [MailAddress] = [], sender: [MailAddress] = [],
                to: [MailAddress] = [], cc: [MailAddress] = [], bcc: [MailAddress] = [],
                replyTo: [MailAddress] = [], date: Date? = nil, messageID: String? = nil,
                inReplyTo: String? = nil, references: [String] = [], text: String = "",
                textSource: String = "none", headers: [HeaderField] = [], attachments: [AttachmentInfo] = [],
                attachedMessages: [NormalisedMessage] = [], warnings: [String] = []) {
        self.subject = subject
        self.from = from
        self.sender = sender
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.replyTo = replyTo
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.text = text
        self.textSource = textSource
        self.headers = headers
        self.attachments = attachments
        self.attachedMessages = attachedMessages
        self.warnings = warnings
    }

    package enum CodingKeys: String, CodingKey {
        case subject, from, sender, to, cc, bcc, replyTo = "reply_to", date, messageID = "message_id"
        case inReplyTo = "in_reply_to", references, text, textSource = "text_source", headers, attachments
        case attachedMessages = "attached_messages", warnings, htmlTables = "html_tables", overBudget = "over_budget"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(subject, forKey: .subject)
        try c.encode(from, forKey: .from)
        try c.encode(sender, forKey: .sender)
        try c.encode(to, forKey: .to)
        try c.encode(cc, forKey: .cc)
        try c.encode(bcc, forKey: .bcc)
        try c.encode(replyTo, forKey: .replyTo)
        try c.encode(date.map(ISO8601.utcString), forKey: .date)
        try c.encode(messageID, forKey: .messageID)
        try c.encode(inReplyTo, forKey: .inReplyTo)
        try c.encode(references, forKey: .references)
        try c.encode(text, forKey: .text)
        try c.encode(textSource, forKey: .textSource)
        try c.encode(headers, forKey: .headers)
        try c.encode(attachments, forKey: .attachments)
        try c.encode(attachedMessages, forKey: .attachedMessages)
        try c.encode(warnings, forKey: .warnings)
        if !htmlTables.isEmpty { try c.encode(htmlTables, forKey: .htmlTables) }
        if !overBudget.isEmpty { try c.encode(overBudget, forKey: .overBudget) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        subject = try c.decodeIfPresent(String.self, forKey: .subject)
        from = try c.decodeIfPresent([MailAddress].self, forKey: .from) ?? []
        sender = try c.decodeIfPresent([MailAddress].self, forKey: .sender) ?? []
        to = try c.decodeIfPresent([MailAddress].self, forKey: .to) ?? []
        cc = try c.decodeIfPresent([MailAddress].self, forKey: .cc) ?? []
        bcc = try c.decodeIfPresent([MailAddress].self, forKey: .bcc) ?? []
        replyTo = try c.decodeIfPresent([MailAddress].self, forKey: .replyTo) ?? []
        date = try c.decodeIfPresent(String.self, forKey: .date).flatMap(ISO8601.date(from:))
        messageID = try c.decodeIfPresent(String.self, forKey: .messageID)
        inReplyTo = try c.decodeIfPresent(String.self, forKey: .inReplyTo)
        references = try c.decodeIfPresent([String].self, forKey: .references) ?? []
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        textSource = try c.decodeIfPresent(String.self, forKey: .textSource) ?? "none"
        headers = try c.decodeIfPresent([HeaderField].self, forKey: .headers) ?? []
        attachments = try c.decodeIfPresent([AttachmentInfo].self, forKey: .attachments) ?? []
        attachedMessages = try c.decodeIfPresent([NormalisedMessage].self, forKey: .attachedMessages) ?? []
        warnings = try c.decodeIfPresent([String].self, forKey: .warnings) ?? []
        htmlTables = try c.decodeIfPresent(String.self, forKey: .htmlTables) ?? ""
        overBudget = try c.decodeIfPresent([String].self, forKey: .overBudget) ?? []
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// A parsed message with the decoded bytes of its attachments, for the stages that read documents.
public struct ParsedMessage: Sendable {
    public var normalised: NormalisedMessage
    /// Decoded bytes of each entry of `normalised.attachments`, same order.
    public var attachmentData: [Data]

    public init(normalised: NormalisedMessage, attachmentData: [Data]) {
        self.normalised = normalised
        self.attachmentData = attachmentData
    }
}

/// ISO 8601 in UTC with second precision, the one timestamp format in JSON output and the audit.
public enum ISO8601 {
    public static func utcString(_ date: Date) -> String {
        date.ISO8601Format()  // 2026-11-23T08:02:43Z
    }

    public static func date(from string: String) -> Date? {
        try? Date.ISO8601FormatStyle().parse(string)
    }
}
