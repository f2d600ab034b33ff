import Foundation
import Vocabulary
import Ingest
import Parse

extension MessageContent {
    /// What Parse stored for a message: its normalised form and its attachments' text; nil when either is
    /// missing (the message was not parsed).
    public static func stored(_ message: StoredMessage, in store: any MessageStore) throws -> MessageContent? {
        guard let normalised = message.normalised, let documents = try store.documents(ofMessage: message.id) else { return nil }
        return MessageContent(message: normalised, documents: documents)
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

    /// Where the tables of a mail's HTML version are, when its body is the plain version (`htmlTables`).
    public static let htmlTablesLocation = "body:html tables"

    /// Every text a value may be found (grounded) in, with its location name.
    public var sourceTexts: [SourceText] {
        var out: [SourceText] = []
        if let subject = message.subject, !subject.isEmpty { out.append(SourceText(location: "subject", text: subject)) }
        if !message.text.isEmpty { out.append(SourceText(location: "body", text: message.text)) }
        if !message.htmlTables.isEmpty { out.append(SourceText(location: Self.htmlTablesLocation, text: message.htmlTables)) }
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
