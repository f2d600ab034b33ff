import Foundation
import Vocabulary
import Ingest

/// What Parse makes of one message and what every later stage reads: the normalised mail and the text of each
/// attachment. The parse stage stores both (`MessageUpdate.normalised`, `.documents`); Understand, review and
/// replay read them from the store and never parse raw bytes again.
public struct MessageContent: Sendable {
    public var message: NormalisedMessage
    /// Text of each attachment (DocumentReader), parallel to `message.attachments`; an XML attachment keeps its
    /// bytes too (`DocumentText.xml`).
    public var documents: [DocumentText]
    /// What the mail answers among the mails Mailroom sent (the `purpose` of the sent mail its In-Reply-To or
    /// References names: "reply", "approval_request", …), set by the understand stage from the store; nil
    /// when it answers none of ours (or nobody looked).
    public var answersOurMail: String?

    public init(message: NormalisedMessage, documents: [DocumentText]) {
        self.message = message
        self.documents = documents
    }

    /// Parses a raw mail and reads the text of every attachment.
    public static func read(raw: Data, limits: DocumentLimits = .standard) -> MessageContent {
        let parsed = MessageParser.parse(raw)
        return read(parsed: parsed, limits: limits)
    }

    public static func read(raw: Data) -> MessageContent {
        read(raw: raw, limits: .standard)
    }

    public static func read(parsed: ParsedMessage, limits: DocumentLimits = .standard) -> MessageContent {
        let attachments = parsed.normalised.attachments
        var documents: [DocumentText] = []
        for (i, info) in attachments.enumerated() {
            let data = i < parsed.attachmentData.count ? parsed.attachmentData[i] : Data()
            var document = DocumentReader.read(data, filename: info.filename, contentType: info.contentType, limits: limits)
            if info.contentType.hasSuffix("xml") || (info.filename ?? "").lowercased().hasSuffix(".xml") {
                document.xml = data
            }
            documents.append(document)
        }
        return MessageContent(message: parsed.normalised, documents: documents)
    }

    /// A bare document (PDF, XML, DOCX, …) wrapped as a message with that one attachment, as a drop folder
    /// does (`DroppedFileMessage`).
    public static func read(document data: Data, filename: String) -> MessageContent {
        let raw = DroppedFileMessage.make(fileName: filename, content: data, modified: Date(timeIntervalSince1970: 0),
                                          folderName: "classify", address: "mailroom-classify@localhost")
        return read(raw: raw)
    }

    /// Reads a file as a mail when it looks like one (header fields first), else as a bare document.
    public static func read(file url: URL) throws -> MessageContent {
        let data = try Data(contentsOf: url)
        return looksLikeMail(data) ? read(raw: data) : read(document: data, filename: url.lastPathComponent)
    }

    /// True when the bytes start with a mail's header block (`RFC822Sniffer`, as the drop folder decides).
    public static func looksLikeMail(_ data: Data) -> Bool {
        RFC822Sniffer.looksLikeMessage(data.prefix(65536))
    }
}
