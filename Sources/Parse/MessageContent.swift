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

    /// Parses a raw mail and reads the text of every attachment, within the standard `MessageBudget`.
    public static func read(raw: Data, limits: DocumentLimits = .standard) -> MessageContent {
        read(raw: raw, limits: limits, meter: MessageBudgetMeter())
    }

    /// Parses a raw mail and reads the text of its attachments within `meter`'s budget; what went over it
    /// is in `message.overBudget`.
    public static func read(raw: Data, limits: DocumentLimits, meter: MessageBudgetMeter) -> MessageContent {
        let parsed = MessageParser.parse(raw, meter: meter)
        return read(parsed: parsed, limits: limits, meter: meter)
    }

    public static func read(raw: Data) -> MessageContent {
        read(raw: raw, limits: .standard)
    }

    public static func read(parsed: ParsedMessage, limits: DocumentLimits = .standard) -> MessageContent {
        read(parsed: parsed, limits: limits, meter: MessageBudgetMeter())
    }

    /// Reads the attachments in order while the budget lasts: each one's text within what is left of the
    /// characters, its helper programs within what is left of the time. An attachment after the budget is
    /// spent is listed with no text and a warning.
    public static func read(parsed: ParsedMessage, limits: DocumentLimits, meter: MessageBudgetMeter) -> MessageContent {
        let attachments = parsed.normalised.attachments
        var documents: [DocumentText] = []
        let budget = meter.budget
        for (i, info) in attachments.enumerated() {
            let data = i < parsed.attachmentData.count ? parsed.attachmentData[i] : Data()
            let charactersLeft = meter.documentCharactersLeft
            if meter.deadline.isPast || charactersLeft == 0 {
                if meter.deadline.isPast {
                    meter.over("time", "over budget: reading the mail took longer than \(MessageBudget.figure(Int(budget.seconds))) s"
                        + " — \(MessageBudget.figure(attachments.count - i)) attachment(s) after that were not read")
                } else {
                    meter.over("document-characters", "over budget: more than \(MessageBudget.figure(budget.documentCharacters)) "
                        + "characters of attachment text, limit \(MessageBudget.figure(budget.documentCharacters)) — "
                        + "\(MessageBudget.figure(attachments.count - i)) attachment(s) after that were not read")
                }
                meter.documentNotRead()
                documents.append(DocumentText(filename: info.filename, contentType: info.contentType, text: "", method: "none",
                                              warnings: ["not read: the message budget was spent"]))
                continue
            }
            var documentLimits = limits
            documentLimits.textCharacters = min(limits.textCharacters, charactersLeft)
            documentLimits.seconds = min(limits.seconds, max(1, meter.deadline.secondsLeft))
            let isXML = info.contentType.hasSuffix("xml") || (info.filename ?? "").lowercased().hasSuffix(".xml")
            let xmlFits = data.count <= meter.xmlBytesLeft
            var document = DocumentReader.read(data, filename: info.filename, contentType: info.contentType,
                                               limits: documentLimits, meter: meter)
            if isXML && xmlFits { document.xml = data }
            meter.addDocumentCharacters(document.text.count)
            if documentLimits.textCharacters < limits.textCharacters, document.text.count >= documentLimits.textCharacters {
                meter.over("document-characters", "over budget: more than \(MessageBudget.figure(budget.documentCharacters)) "
                    + "characters of attachment text, limit \(MessageBudget.figure(budget.documentCharacters)) — the text of "
                    + "\(info.filename.map { "\"\($0)\"" } ?? "part \(info.part)") was cut there")
            }
            documents.append(document)
        }
        var message = parsed.normalised
        message.overBudget = meter.reasons
        return MessageContent(message: message, documents: documents)
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
