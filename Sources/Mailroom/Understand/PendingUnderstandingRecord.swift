import Foundation

// TEMPORARY PLACEHOLDER (branch `decide`): the understand branch stores the Understanding of each message
// (a new migration + `MessageUpdate.understanding`). Until it is merged, Decide and replay read what the
// understand stage wrote into its audit event ("kind", "confidence", "method", "fields" in the stored
// FieldValue form). Replace `StoredUnderstanding.read` with the store's real accessor after merging main,
// then delete this file.
public enum StoredUnderstanding {
    public static func read(_ message: StoredMessage, store: MailStore) throws -> Understanding? {
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
}
