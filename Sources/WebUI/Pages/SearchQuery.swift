import Foundation
import Vocabulary

/// The search form's fields ↔ a `MessageSearch`: read from a URL's query (what the form sends with GET), and
/// written back as a query string for the pager's and the export's links.
public enum SearchQuery {
    /// The form's field names.
    public static let fieldNames = ["q", "sender", "subject", "kind", "state", "since", "until", "rule", "connector", "approval", "size", "page"]

    /// `value(name)` gives a field's value (nil or empty: not set). Unknown states and approvals are ignored;
    /// dates are days (`2026-12-07`, UTC): `since` from the start of the day, `until` to its end.
    public static func search(_ value: (String) -> String?) -> MessageSearch {
        func text(_ name: String) -> String? {
            guard let v = value(name)?.trimmingCharacters(in: .whitespacesAndNewlines), !v.isEmpty else { return nil }
            return String(v.prefix(500))
        }
        var search = MessageSearch()
        search.text = text("q")
        search.sender = text("sender")
        search.subject = text("subject")
        search.kind = text("kind")
        search.states = (text("state") ?? "").split(separator: ",").compactMap { MessageState(rawValue: String($0)) }
        search.since = text("since").flatMap(day)
        search.until = text("until").flatMap(day).map { $0.addingTimeInterval(86_400) }
        search.rule = text("rule")
        search.connector = text("connector")
        search.approval = text("approval").flatMap(ApprovalFilter.init(rawValue:))
        search.pageSize = text("size").flatMap { Int($0) }.map { min(max($0, 1), 500) } ?? 50
        search.page = text("page").flatMap { Int($0) }.map { max($0, 1) } ?? 1
        return search
    }

    /// "yyyy-MM-dd" → the start of that day in UTC.
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...9999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: y, month: m, day: d))
    }

    static func dayString(_ date: Date) -> String { String(MillisecondTime.string(date).prefix(10)) }

    /// The form's fields for `search` (the values a form shows again).
    public static func fields(_ search: MessageSearch) -> [(String, String)] {
        var out: [(String, String)] = []
        func add(_ name: String, _ value: String?) { if let value, !value.isEmpty { out.append((name, value)) } }
        add("q", search.text)
        add("sender", search.sender)
        add("subject", search.subject)
        add("kind", search.kind)
        add("state", search.states.map(\.rawValue).joined(separator: ","))
        add("since", search.since.map(dayString))
        add("until", search.until.map { dayString($0.addingTimeInterval(-86_400)) })
        add("rule", search.rule)
        add("connector", search.connector)
        add("approval", search.approval?.rawValue)
        if search.pageSize != 50 { add("size", String(search.effectivePageSize)) }
        if search.effectivePage != 1 { add("page", String(search.effectivePage)) }
        return out
    }

    /// `q=…&sender=…` with every value percent-encoded; `page` overrides the search's page (nil: leave it out).
    public static func string(_ search: MessageSearch, page: Int? = nil) -> String {
        var s = search
        s.page = page ?? 1
        return fields(s).map { "\($0.0)=\(encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ value: String) -> String {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
