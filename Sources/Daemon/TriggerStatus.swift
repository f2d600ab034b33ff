import Foundation
import Vocabulary
import Store

/// One IMAP folder's trigger in `mailroom status`.
public struct TriggerLine: Sendable, Codable, Equatable {
    public var source: String
    /// What the daemon last reported: idle, polling, syncing, reconnecting, auth-failed, tls-refused, stopped;
    /// "never" when it never reported.
    public var state: String
    /// healthy, suspicious (connected but silent longer than the window), no-contact (the daemon did not report
    /// when it promised: stopped, hung, or the connection is dead), failing.
    public var verdict: String
    public var detail: String?
    public var lastContact: Date?
    public var lastNewMail: Date?
    public var lag: Int?

    package enum CodingKeys: String, CodingKey {
        case source, state, verdict, detail, lastContact = "last_contact", lastNewMail = "last_new_mail", lag
    }

    package static func gather(config: MailroomConfig, store: MailStore, now: Date) throws -> [TriggerLine] {
        let configured = config.sources.imap.flatMap(\.sourceNames)
        guard !configured.isEmpty else { return [] }
        let known = Dictionary(try store.sourceHealth().map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        return configured.map { name in
            guard let h = known[name] else {
                return TriggerLine(source: name, state: "never", verdict: SourceHealth.Verdict.noContact.rawValue,
                                   detail: "the daemon has not connected yet (is `mailroom run` running?)")
            }
            let verdict = h.verdict(now: now)
            var detail = h.detail
            switch verdict {
            case .noContact where h.state == .stopped:
                detail = "not watched: the daemon stopped at \(ISO8601.utcString(h.updatedAt))"
            case .noContact:
                let since = h.lastContact.map { "last contact \(OperatorTime.age(now.timeIntervalSince($0))) ago" } ?? "never in contact"
                detail = "no report since \(OperatorTime.age(now.timeIntervalSince(h.updatedAt))) ago (\(since)): the daemon is stopped or the connection is dead"
                    + (h.detail.map { "; last: \($0)" } ?? "")
            case .suspicious:
                let quiet = h.lastNewMail ?? h.connectedSince ?? h.updatedAt
                detail = "connected, but no new mail for \(OperatorTime.age(now.timeIntervalSince(quiet))) (silence window \(OperatorTime.age(h.silenceWindowSeconds ?? 0))): check that mail still reaches this mailbox"
            default:
                break
            }
            return TriggerLine(source: name, state: h.state.rawValue, verdict: verdict.rawValue, detail: detail,
                               lastContact: h.lastContact, lastNewMail: h.lastNewMail, lag: h.lag)
        }
    }

    package static func text(_ lines: [TriggerLine]) -> String {
        var out = ""
        for (i, t) in lines.enumerated() {
            var parts = ["\(t.source)", t.verdict == "healthy" ? t.state : "\(t.state), \(t.verdict.uppercased())"]
            if let lag = t.lag, lag > 0 { parts.append("\(lag) not yet stored") }
            if let c = t.lastContact { parts.append("contact \(ISO8601.utcString(c))") }
            if let m = t.lastNewMail { parts.append("last new mail \(ISO8601.utcString(m))") }
            out += (i == 0 ? "IMAP:          " : "               ") + parts.joined(separator: "  ") + "\n"
            if let d = t.detail { out += "                 \(d)\n" }
        }
        return out
    }
}
