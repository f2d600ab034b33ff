import Foundation
import Vocabulary

/// Renders audit events, timelines, verification results and message lists for the CLI.
/// Pure functions: text in, text out, no I/O. Every output ends with a newline.
public enum AuditReport {
    // MARK: - Events

    /// A fixed-width table for a terminal. Details are shown as `key=value` pairs and cut at
    /// `detailsWidth` columns; control characters in any field are shown as spaces.
    public static func table(_ events: [AuditEvent], detailsWidth: Int = 72, wide: Bool = false) -> String {
        let header = ["SEQ", "TIME (UTC)", "MSG", "STAGE", "ACTOR", "EVENT", "DETAILS"]
        let rows = events.map { e in
            [String(e.sequence), e.time, e.messageID.map { String($0) } ?? "-", e.stage, e.actor, e.eventType,
             readableDetails(e.details)]
        }
        return FixedWidthTable(header: header, rows: rows, rightAligned: [0, 2],
                         maxWidths: [nil, nil, nil, 14, 28, 20, max(10, detailsWidth)]).render(wide: wide)
    }

    /// One JSON object per line (details embedded as an object), for scripts.
    public static func jsonLines(_ events: [AuditEvent]) -> String {
        events.map(jsonObject).map { $0 + "\n" }.joined()
    }

    /// A JSON array of the same objects as `jsonLines`.
    public static func jsonArray(_ events: [AuditEvent]) -> String {
        events.isEmpty ? "[]\n" : "[\n" + events.map { "  " + jsonObject($0) }.joined(separator: ",\n") + "\n]\n"
    }

    /// RFC 4180 CSV: a header row, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF.
    public static func csv(_ events: [AuditEvent]) -> String {
        var out = csvRow(["sequence", "time", "message_id", "stage", "actor", "event_type", "details",
                          "previous_hash", "hash"])
        for e in events {
            out += csvRow([String(e.sequence), e.time, e.messageID.map { String($0) } ?? "", e.stage, e.actor,
                           e.eventType, e.details, e.previousHash, e.hash])
        }
        return out
    }

    /// One event as a JSON object, fields in their natural order. Details that are not JSON (tampered)
    /// are embedded as a string rather than producing invalid output.
    public static func jsonObject(_ e: AuditEvent) -> String {
        var out = "{\"sequence\":\(e.sequence),\"time\":"
        JSONValue.writeString(e.time, into: &out)
        out += ",\"message_id\":" + (e.messageID.map { String($0) } ?? "null")
        for (key, value) in [("stage", e.stage), ("actor", e.actor), ("event_type", e.eventType)] {
            out += ",\"\(key)\":"
            JSONValue.writeString(value, into: &out)
        }
        out += ",\"details\":"
        if let details = try? JSONValue(parsing: e.details) {
            out += details.canonicalJSON
        } else {
            JSONValue.writeString(e.details, into: &out)
        }
        out += ",\"previous_hash\":"
        JSONValue.writeString(e.previousHash, into: &out)
        out += ",\"hash\":"
        JSONValue.writeString(e.hash, into: &out)
        return out + "}"
    }

    /// `from=received to=parsed source=maildir:inbox`: details for reading. Nested values stay JSON;
    /// 64-digit hex hashes are cut to 12 digits (the JSON and CSV outputs keep them whole).
    public static func readableDetails(_ details: String) -> String {
        guard let object = (try? JSONValue(parsing: details))?.objectValue else { return details }
        return object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { key in
            let value = object[key]!
            switch value {
            case .string(let s) where s.utf8.count == 64 && s.allSatisfy(\.isHexDigit):
                return "\(key)=\(s.prefix(12))…"
            case .string(let s):
                let plain = !s.isEmpty && !s.contains(where: { $0 == " " || $0 == "\"" || $0.isNewline })
                return "\(key)=\(plain ? s : JSONValue.string(s).canonicalJSON)"
            default:
                return "\(key)=\(value.canonicalJSON)"
            }
        }.joined(separator: " ")
    }

    // MARK: - Timeline

    /// One message: its summary, where it was seen, and its events in order.
    public static func timeline(_ t: AuditTimeline, wide: Bool = false) -> String {
        let m = t.message
        var lines: [String] = []
        lines.append("Message \(m.id): \(m.state.rawValue)" + (m.flagReason.map { " (\(clean($0)))" } ?? ""))
        var facts: [(String, String)] = []
        if let subject = m.subject { facts.append(("subject", subject)) }
        if let sender = m.sender { facts.append(("sender", sender)) }
        if let kind = m.kind { facts.append(("kind", kind)) }
        facts.append(("size", "\(m.size) bytes"))
        facts.append(("sha256", m.contentSHA256))
        facts.append(("received", MillisecondTime.string(m.receivedAt)))
        facts.append(("updated", MillisecondTime.string(m.updatedAt)))
        for (index, s) in t.sources.enumerated() {
            facts.append((index == 0 ? "seen at" : "also at",
                          "\(s.source) \(s.location) (\(MillisecondTime.string(s.firstSeen)))"))
        }
        if m.attempts > 0 { facts.append(("attempts", "\(m.attempts) in this state")) }
        let path = t.statePath
        if !path.isEmpty { facts.append(("path", path.joined(separator: " → "))) }
        for (label, value) in facts {
            lines.append("  " + pad(label + ":", to: 10) + " " + clean(value))
        }
        lines.append("")
        if t.events.isEmpty {
            lines.append("No audit events for this message.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("Events:")
        let rows = t.events.map { e in
            [String(e.sequence), e.time, e.stage, e.actor, e.eventType, readableDetails(e.details)]
        }
        let table = FixedWidthTable(header: ["SEQ", "TIME (UTC)", "STAGE", "ACTOR", "EVENT", "DETAILS"], rows: rows,
                              rightAligned: [0], maxWidths: [nil, nil, 14, 28, 20, 80]).render(wide: wide)
        return lines.joined(separator: "\n") + "\n" + table
    }

    /// The timeline as one JSON object: `{"message": {…}, "sources": […], "events": […]}`.
    public static func timelineJSON(_ t: AuditTimeline) -> String {
        let sources = t.sources.map { s in
            JSONValue.object(["source": .string(s.source), "location": .string(s.location),
                              "first_seen": .string(MillisecondTime.string(s.firstSeen))]).canonicalJSON
        }
        return "{\"message\":" + messageJSONValue(t.message).canonicalJSON
            + ",\"sources\":[" + sources.joined(separator: ",") + "]"
            + ",\"events\":[" + t.events.map(jsonObject).joined(separator: ",") + "]}\n"
    }

    // MARK: - Verification

    /// What `audit verify` prints: one line when intact, else the first broken event then the rest.
    public static func verification(_ v: AuditVerification) -> String {
        guard let first = v.firstProblem else {
            let head = v.head.map { "; head \($0)" } ?? "; the trail is empty"
            let anchored = v.checkpoint.map { "\nthe first \($0.size) event(s) match the signed checkpoint of \($0.origin) ("
                + "\($0.summary))" } ?? ""
            return "audit trail intact: \(v.eventsChecked) event(s) verified\(head)\(anchored)\n"
        }
        var out = "audit trail NOT intact: " + first.description + " [\(first.kind.rawValue)]\n"
        for p in v.problems.dropFirst() {
            out += "  also: " + p.description + " [\(p.kind.rawValue)]\n"
        }
        out += "  \(v.eventsChecked) event(s) verified before the first break"
            + (v.head.map { "; last event found: \($0)" } ?? "") + "\n"
        return out
    }

    public static func verificationJSON(_ v: AuditVerification) -> String {
        let problems: [JSONValue] = v.problems.map { p in
            .object(["kind": .string(p.kind.rawValue), "sequence": p.sequence.map(JSONValue.int) ?? .null,
                     "message_id": p.messageID.map(JSONValue.int) ?? .null, "message": .string(p.message)])
        }
        let head: JSONValue = v.head.map { .object(["sequence": .int($0.sequence), "hash": .string($0.hash)]) } ?? .null
        let checkpoint: JSONValue = v.checkpoint.map {
            .object(["origin": .string($0.origin), "size": .int(Int64($0.size)), "root": .string(Data($0.root).base64EncodedString())])
        } ?? .null
        return JSONValue.object(["intact": .bool(v.isIntact), "events_checked": .integer(v.eventsChecked),
                                 "head": head, "problems": .array(problems), "checkpoint": checkpoint]).canonicalJSON + "\n"
    }

    // MARK: - Messages

    /// A fixed-width list of messages, for `mailroom messages` and the demo summary.
    public static func messagesTable(_ messages: [StoredMessage], subjectWidth: Int = 48, wide: Bool = false) -> String {
        let rows = messages.map { m in
            [String(m.id), m.state.rawValue, MillisecondTime.string(m.receivedAt).prefix(19).replacingOccurrences(of: "T", with: " "),
             m.kind ?? "-", m.sender ?? "-", m.subject ?? "-", m.flagReason ?? ""]
        }
        return FixedWidthTable(header: ["ID", "STATE", "RECEIVED (UTC)", "KIND", "SENDER", "SUBJECT", "FLAG"], rows: rows,
                         rightAligned: [0], maxWidths: [nil, nil, nil, 18, 32, max(10, subjectWidth), 48]).render(wide: wide)
    }

    /// One JSON object per message per line (without the normalised message, which `parse --json` prints).
    public static func messagesJSONLines(_ messages: [StoredMessage]) -> String {
        messages.map { messageJSONValue($0).canonicalJSON + "\n" }.joined()
    }

    /// Counts per state in pipeline order, e.g. "received 0  parsed 2  …  failed 1".
    public static func stateCounts(_ counts: [MessageState: Int]) -> String {
        MessageState.allCases.map { "\($0.rawValue) \(counts[$0] ?? 0)" }.joined(separator: "  ") + "\n"
    }

    package static func messageJSONValue(_ m: StoredMessage) -> JSONValue {
        .object([
            "id": .int(m.id), "state": .string(m.state.rawValue), "sha256": .string(m.contentSHA256),
            "size": .integer(m.size), "source": .string(m.source), "location": .string(m.location),
            "received_at": .string(MillisecondTime.string(m.receivedAt)),
            "updated_at": .string(MillisecondTime.string(m.updatedAt)),
            "subject": .optional(m.subject), "sender": .optional(m.sender), "kind": .optional(m.kind),
            "flag_reason": .optional(m.flagReason), "attempts": .integer(m.attempts),
        ])
    }

    // MARK: - Text helpers

    package static func csvRow(_ fields: [String]) -> String {
        fields.map { field in
            if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
                return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return field
        }.joined(separator: ",") + "\r\n"
    }

    /// Control characters (newlines, tabs, escape sequences) become spaces so that a field cannot break
    /// the table or drive the terminal.
    package static func clean(_ s: String) -> String { FixedWidthTable.clean(s) }

    package static func pad(_ s: String, to width: Int) -> String {
        let w = FixedWidthTable.displayWidth(s)
        return w >= width ? s : s + String(repeating: " ", count: width - w)
    }
}
