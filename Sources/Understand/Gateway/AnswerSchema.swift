import Foundation
import Vocabulary

/// The JSON Schema an answer must fit, derived from `rules/kinds/`: `{"kind": one of the kinds,
/// "confidence": 0…1, "fields": {the candidate kinds' fields}}`. Field types map to JSON types: text-like
/// types to strings, number and money to numbers, dates to "YYYY-MM-DD" strings, enums to their values,
/// lists to arrays of objects; every field may be null (not found).
public struct AnswerSchema: Sendable {
    public var kinds: [String]
    public var fields: [FieldDefinition]

    public init(kinds: [String], fields: [FieldDefinition]) {
        self.kinds = kinds
        self.fields = fields
    }

    /// For a message whose kind is known: that kind only and its fields. Otherwise every kind, and the
    /// fields of all kinds (the first declaration of a name wins).
    public static func make(catalogue: KindCatalogue, kind: KindDefinition?) -> AnswerSchema {
        if let kind { return AnswerSchema(kinds: [kind.name], fields: kind.fields) }
        var seen: Set<String> = []
        var fields: [FieldDefinition] = []
        for k in catalogue.kinds {
            for f in k.fields where !seen.contains(f.name) {
                seen.insert(f.name)
                var optional = f
                optional.required = false
                fields.append(optional)
            }
        }
        return AnswerSchema(kinds: catalogue.kinds.map(\.name), fields: fields)
    }

    public var json: JSONValue {
        .object([
            "type": "object",
            "properties": .object([
                "kind": .object(["type": "string", "enum": .array(kinds.map { .string($0) })]),
                "confidence": .object(["type": "number", "minimum": 0, "maximum": 1]),
                "fields": AnswerSchema.objectSchema(fields),
            ]),
            "required": .array(["kind", "confidence", "fields"]),
            "additionalProperties": .bool(false),
        ])
    }

    /// Optional fields are simply not listed in "required" (a model may leave them out), which keeps the schema
    /// — sent with every call and counted as input tokens — short.
    package static func objectSchema(_ fields: [FieldDefinition]) -> JSONValue {
        var properties: [String: JSONValue] = [:]
        for f in fields { properties[f.name] = schema(for: f) }
        var out: [String: JSONValue] = ["type": "object", "properties": .object(properties)]
        let required = fields.filter(\.required).map { JSONValue.string($0.name) }
        if !required.isEmpty { out["required"] = .array(required) }
        return .object(out)
    }

    package static func schema(for field: FieldDefinition) -> JSONValue {
        switch field.type {
        case .number, .money:
            return .object(["type": "number"])
        case .bool:
            return .object(["type": "boolean"])
        case .date:
            return .object(["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"])
        case .enumeration(let values):
            return .object(["enum": .array(values.map { .string($0) })])
        case .list:
            return .object(["type": "array", "items": objectSchema(field.items)])
        default:
            return .object(["type": "string"])
        }
    }

    /// A compact description of the fields for the instructions (providers without schema enforcement).
    public var fieldGuide: String {
        func line(_ f: FieldDefinition, indent: String) -> String {
            var type: String
            switch f.type {
            case .enumeration(let values): type = "one of " + values.joined(separator: "|")
            case .money: type = "number (amount without currency sign)"
            case .date: type = "date YYYY-MM-DD"
            case .list: type = "list of objects"
            default: type = "\(f.type)".replacingOccurrences(of: "vatID", with: "VAT id")
            }
            var out = "\(indent)- \(f.name): \(type)\(f.required ? ", required" : "")"
            if !f.description.isEmpty { out += " — \(f.description)" }
            for item in f.items { out += "\n" + line(item, indent: indent + "  ") }
            return out
        }
        return fields.map { line($0, indent: "") }.joined(separator: "\n")
    }
}

