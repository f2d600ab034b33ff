import Foundation
import Vocabulary

/// A search's results as CSV (RFC 4180) or JSON: every result, not only the page shown, up to
/// `maximumRows` (then the export says that it stops there and how many more matched).
///
/// A CSV is opened in spreadsheets, and a subject or sender is whatever the mail's author wrote: a cell that
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so that no spreadsheet
/// reads it as a formula (OWASP "CSV injection").
public enum SearchExport {
    public static let maximumRows = 100_000
    public static let columns = ["id", "received_at", "state", "kind", "sender", "subject", "flag_reason", "source", "location"]

    /// The CSV text: a header line, one line per result, CRLF line ends; when the results were cut off, a
    /// last line saying so.
    public static func csv(store: any MessageSearchStore, search: MessageSearch, limit: Int = maximumRows) throws -> String {
        var out = columns.map(csvCell).joined(separator: ",") + "\r\n"
        let (handed, total) = try each(store: store, search: search, limit: limit) { m in
            out += row(m).map(csvCell).joined(separator: ",") + "\r\n"
        }
        if handed < total {
            out += csvCell("export stopped after \(handed) of \(total) results; narrow the search to export the rest") + "\r\n"
        }
        return out
    }

    /// `{"query": {...}, "total": N, "exported": N, "truncated": false, "messages": [{...}, ...]}`.
    public static func json(store: any MessageSearchStore, search: MessageSearch, limit: Int = maximumRows) throws -> String {
        var messages: [JSONValue] = []
        let (handed, total) = try each(store: store, search: search, limit: limit) { m in
            messages.append(.object(Dictionary(uniqueKeysWithValues: zip(columns, row(m)).map { ($0, JSONValue.string($1)) })
                .merging(["id": .int(m.id)]) { _, new in new }))
        }
        var whole: [String: JSONValue] = [
            "query": queryJSON(search), "total": .integer(total), "exported": .integer(handed),
            "truncated": .bool(handed < total), "messages": .array(messages),
        ]
        if handed < total {
            whole["note"] = .string("export stopped after \(handed) of \(total) results; narrow the search to export the rest")
        }
        return JSONValue.object(whole).canonicalJSON
    }

    /// One CSV cell: formula-guarded, then quoted when it holds a comma, a quote, CR or LF (quotes doubled).
    public static func csvCell(_ value: String) -> String {
        var cell = value
        if let first = cell.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) {
            cell = "'" + cell
        }
        if cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) {
            cell = "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return cell
    }

    static func row(_ m: StoredMessage) -> [String] {
        [String(m.id), MillisecondTime.string(m.receivedAt), m.state.rawValue, m.kind ?? "", m.sender ?? "", m.subject ?? "",
         m.flagReason ?? "", m.source, m.location]
    }

    private static func each(store: any MessageSearchStore, search: MessageSearch, limit: Int,
                             _ body: (StoredMessage) -> Void) throws -> (handed: Int, total: Int) {
        var counting = search
        counting.page = 1
        counting.pageSize = 1
        let total = try store.searchMessages(counting).total
        var handed = 0
        try store.forEachSearchResult(search, batch: 500) { m in
            guard handed < limit else { return false }
            body(m)
            handed += 1
            return true
        }
        return (handed, total)
    }

    static func queryJSON(_ s: MessageSearch) -> JSONValue {
        var q: [String: JSONValue] = [:]
        if let v = s.sender { q["sender"] = .string(v) }
        if let v = s.subject { q["subject"] = .string(v) }
        if let v = s.kind { q["kind"] = .string(v) }
        if !s.states.isEmpty { q["states"] = .array(s.states.map { .string($0.rawValue) }) }
        if let v = s.since { q["since"] = .string(MillisecondTime.string(v)) }
        if let v = s.until { q["until"] = .string(MillisecondTime.string(v)) }
        if let v = s.rule { q["rule"] = .string(v) }
        if let v = s.connector { q["connector"] = .string(v) }
        if let v = s.approval { q["approval"] = .string(v.rawValue) }
        if let v = s.text { q["text"] = .string(v) }
        return .object(q)
    }
}
