import Foundation
import Vocabulary

/// The Understanding Decide and replay work from: the one the understand stage stored with the message; for
/// messages understood before that was stored, what the stage wrote into its audit event.
public enum StoredUnderstanding {
    public static func read(_ message: StoredMessage, store: any MessageStore & AuditLogStore) throws -> Understanding? {
        if let understanding = message.understanding { return understanding }
        let events = try store.auditEvents(matching: AuditFilter(messageID: message.id, stage: "understand"))
        guard let event = events.last(where: { $0.eventType == "understood" }), let details = event.detailsValue else {
            return message.kind.map { Understanding(kind: $0, confidence: 0, method: "unknown") }
        }
        let kind = details["kind"]?.stringValue ?? message.kind ?? "unknown"
        let confidence = details["confidence"]?.doubleValue ?? 0
        var fields: [String: FieldValue] = [:]
        if let object = details["fields"], case .object = object,
           let data = try? JSONEncoder().encode(object),
           let decoded = try? JSONDecoder().decode([String: FieldValue].self, from: data) {
            fields = decoded
        }
        return Understanding(kind: kind, confidence: confidence, method: details["method"]?.stringValue ?? "unknown", fields: fields)
    }

    /// The hash of the kind files that understood the message (`kinds_sha256` of its last `understood` event);
    /// nil when it was understood before that was recorded, or never.
    public static func recordedKindsSHA256(_ message: StoredMessage, store: any AuditLogStore) throws -> String? {
        let events = try store.auditEvents(matching: AuditFilter(messageID: message.id, stage: "understand"))
        return events.last(where: { $0.eventType == "understood" })?.detailsValue?["kinds_sha256"]?.stringValue
    }
}
