import Foundation
import Vocabulary
import Ingest
import Parse

/// Everything Understand reads of one message: the normalised mail, its attachments' bytes and their text.
public struct MessageContent: Sendable {
    public var message: NormalisedMessage
    /// Decoded bytes of each attachment, parallel to `message.attachments`.
    public var attachmentData: [Data]
    /// Text of each attachment (DocumentReader), parallel to `message.attachments`.
    public var documents: [DocumentText]

    public init(message: NormalisedMessage, attachmentData: [Data], documents: [DocumentText]) {
        self.message = message
        self.attachmentData = attachmentData
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
            documents.append(DocumentReader.read(data, filename: info.filename, contentType: info.contentType, limits: limits))
        }
        return MessageContent(message: parsed.normalised, attachmentData: parsed.attachmentData, documents: documents)
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

    /// True when the bytes start with RFC 5322 header fields that a mail has.
    public static func looksLikeMail(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(4096), as: UTF8.self)
        guard let first = head.split(separator: "\n", maxSplits: 1).first,
              first.range(of: #"^[A-Za-z0-9-]+:"#, options: .regularExpression) != nil || first.hasPrefix("From ") else {
            return false
        }
        let lower = head.lowercased()
        return ["\nfrom:", "\nsubject:", "\ndate:", "\nmessage-id:", "\nreceived:", "\nto:", "\nreturn-path:"]
            .contains { lower.contains($0) } || ["from:", "subject:", "received:", "return-path:", "date:", "message-id:"]
            .contains { lower.hasPrefix($0) }
    }

    // MARK: Views used by Understand

    /// The From (else Sender) addresses, lower-cased.
    public var senderAddresses: [String] {
        let list = message.from.isEmpty ? message.sender : message.from
        return list.map { $0.address.lowercased() }.filter { !$0.isEmpty }
    }

    /// What the classifier reads.
    public var classifierInput: ClassifierInput {
        ClassifierInput(message: message, documentTexts: documents.map(\.text).filter { !$0.isEmpty })
    }

    /// Every text a value may be found (grounded) in, with its location name.
    public var sourceTexts: [SourceText] {
        var out: [SourceText] = []
        if let subject = message.subject, !subject.isEmpty { out.append(SourceText(location: "subject", text: subject)) }
        if !message.text.isEmpty { out.append(SourceText(location: "body", text: message.text)) }
        for (i, doc) in documents.enumerated() where !doc.text.isEmpty {
            let name = doc.filename ?? message.attachments[safe: i]?.filename ?? "part \(message.attachments[safe: i]?.part ?? "\(i + 1)")"
            out.append(SourceText(location: "attachment:\(name)", text: doc.text))
        }
        for (i, doc) in documents.enumerated() {
            for file in doc.embeddedFiles {
                let parent = doc.filename ?? "part \(i + 1)"
                out.append(SourceText(location: "attachment:\(parent)/\(file.name)", text: String(decoding: file.data, as: UTF8.self)))
            }
        }
        for attached in message.attachedMessages where !attached.text.isEmpty {
            out.append(SourceText(location: "attached message", text: (attached.subject ?? "") + "\n" + attached.text))
        }
        for header in message.headers where !header.value.isEmpty {
            out.append(SourceText(location: "header:\(header.name)", text: header.value))
        }
        return out
    }
}

/// One text of a message, named by where it is ("subject", "body", "attachment:invoice.pdf", "header:From").
public struct SourceText: Sendable {
    public var location: String
    public var text: String
    public init(location: String, text: String) {
        self.location = location
        self.text = text
    }
}

fileprivate extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
