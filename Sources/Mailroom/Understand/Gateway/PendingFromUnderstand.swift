import Foundation

// TEMPORARY placeholder: the names below belong to the `understand` branch (CONTRACTS.md, "Understand") and
// the `documents` branch (DocumentText). They exist here only so the gateway builds before those branches are
// merged into main; this file is deleted when `git merge main` brings the real ones. Nothing here is the real
// implementation (no validation, no extractors, no YAML kind files).

public enum FieldType: Sendable, Hashable {
    case text, number, money, date, email, phone, iban, vatID, bool, reference
    case enumeration([String])
    case list
}

public struct FieldDefinition: Sendable {
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var items: [FieldDefinition]
    public var description: String
    public init(name: String, type: FieldType, required: Bool = false, items: [FieldDefinition] = [],
                description: String = "") {
        self.name = name
        self.type = type
        self.required = required
        self.items = items
        self.description = description
    }
}

public struct KindDefinition: Sendable {
    public var name: String
    public var description: String
    public var business: Bool
    public var fields: [FieldDefinition]
    public var acceptConfidence: Double
    public var file: String
    public var models: [String]
    public var maxInputTokens: Int?
    public init(name: String, description: String = "", business: Bool, fields: [FieldDefinition] = [],
                acceptConfidence: Double = 0.8, file: String = "", models: [String] = [], maxInputTokens: Int? = nil) {
        self.name = name
        self.description = description
        self.business = business
        self.fields = fields
        self.acceptConfidence = acceptConfidence
        self.file = file
        self.models = models
        self.maxInputTokens = maxInputTokens
    }
}

public struct KindCatalogue: Sendable {
    public var kinds: [KindDefinition]
    public var directory: URL?
    public init(kinds: [KindDefinition], directory: URL? = nil) {
        self.kinds = kinds
        self.directory = directory
    }
    public func kind(named name: String) -> KindDefinition? { kinds.first { $0.name == name } }
}

public struct DocumentText: Sendable, Hashable {
    public var filename: String?
    public var contentType: String
    public var text: String
    public init(filename: String?, contentType: String, text: String) {
        self.filename = filename
        self.contentType = contentType
        self.text = text
    }
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
    /// Placeholder: text attachments only (the real one reads PDF, DOCX, … through DocumentReader).
    public static func read(raw: Data) -> MessageContent {
        let parsed = MessageParser.parse(raw)
        var documents: [DocumentText] = []
        for (i, info) in parsed.normalised.attachments.enumerated() {
            let data = i < parsed.attachmentData.count ? parsed.attachmentData[i] : Data()
            let text = info.contentType.lowercased().hasPrefix("text/") ? String(decoding: data, as: UTF8.self) : ""
            documents.append(DocumentText(filename: info.filename, contentType: info.contentType, text: text))
        }
        return MessageContent(message: parsed.normalised, attachmentData: parsed.attachmentData, documents: documents)
    }
}

import Yams

extension KindCatalogue {
    /// Placeholder loader: reads only name/description/business/accept_confidence/fields/models/max_input_tokens
    /// from rules/kinds/*.yaml (the understand branch's real loader reports problems with line:column).
    public static func load(directory: URL) throws -> KindCatalogue {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }.sorted()
        var kinds: [KindDefinition] = []
        func field(_ node: [String: Any]) -> FieldDefinition {
            let typeName = node["type"] as? String ?? "text"
            let type: FieldType
            switch typeName {
            case "number": type = .number
            case "money": type = .money
            case "date": type = .date
            case "email": type = .email
            case "phone": type = .phone
            case "iban": type = .iban
            case "vat_id": type = .vatID
            case "bool": type = .bool
            case "enum": type = .enumeration((node["values"] as? [Any] ?? []).map { "\($0)" })
            case "list": type = .list
            default: type = .text
            }
            return FieldDefinition(name: node["name"] as? String ?? "", type: type, required: node["required"] as? Bool ?? false,
                                   items: (node["items"] as? [[String: Any]] ?? []).map(field), description: node["description"] as? String ?? "")
        }
        for file in files {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            guard let y = try Yams.load(yaml: text) as? [String: Any], let name = y["kind"] as? String else { continue }
            kinds.append(KindDefinition(name: name, description: y["description"] as? String ?? "", business: y["business"] as? Bool ?? false,
                                        fields: (y["fields"] as? [[String: Any]] ?? []).map(field),
                                        acceptConfidence: y["accept_confidence"] as? Double ?? 0.8, file: file,
                                        models: (y["models"] as? [String]) ?? [], maxInputTokens: y["max_input_tokens"] as? Int))
        }
        return KindCatalogue(kinds: kinds, directory: directory)
    }
}
