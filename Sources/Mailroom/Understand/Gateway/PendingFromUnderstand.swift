import Foundation

// TEMPORARY placeholder: the names below belong to the `understand` branch (CONTRACTS.md, "Understand"). They exist here only so the gateway builds before those branches are
// merged into main; this file is deleted when `git merge main` brings the real ones. Nothing here is the real
// implementation (no validation, no extractors, no YAML kind files).

// KindCatalogue, KindDefinition, FieldDefinition and FieldType come from main's own placeholder
// (Understand/PendingKindCatalogue.swift, branch decide) until the understand branch lands. The contract gives
// KindDefinition `models` and `maxInputTokens`, and FieldDefinition a `description`; main's placeholder has
// none of them, so they are read through these computed stand-ins (delete them with this file).
extension KindDefinition {
    public var models: [String] { [] }
    public var maxInputTokens: Int? { nil }
}

extension FieldDefinition {
    public var description: String { "" }
}

public struct MessageContent: Sendable {
    public var message: NormalisedMessage
    public var attachmentData: [Data]
    public var documents: [DocumentText]
    public init(message: NormalisedMessage, attachmentData: [Data], documents: [DocumentText]) {
        self.message = message
        self.attachmentData = attachmentData
        self.documents = documents
    }
    /// Placeholder of the understand branch's reader: parse, then each attachment's text through DocumentReader.
    public static func read(raw: Data) -> MessageContent {
        let parsed = MessageParser.parse(raw)
        var documents: [DocumentText] = []
        for (i, info) in parsed.normalised.attachments.enumerated() {
            let data = i < parsed.attachmentData.count ? parsed.attachmentData[i] : Data()
            documents.append(DocumentReader.read(data, filename: info.filename, contentType: info.contentType))
        }
        return MessageContent(message: parsed.normalised, attachmentData: parsed.attachmentData, documents: documents)
    }
}

