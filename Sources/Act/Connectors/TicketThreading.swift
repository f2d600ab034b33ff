import Foundation
import Vocabulary

/// How a helpdesk connector tells whether a mail continues an existing ticket.
///
/// Two kinds of evidence, of different strength:
/// - **The thread** (In-Reply-To / References naming a mail that created or updated a ticket, as recorded in
///   the store). Message-IDs are only known to those who received the mails, so a thread match is honoured.
/// - **A ticket number the sender wrote** (in the subject, e.g. "[#123]", "Ticket 123", or a reference to the
///   helpdesk's own notification mail such as `redmine.issue-123…`). Anyone can type a number, so it is
///   honoured only when the sender is the ticket's requester or a known participant of its thread; otherwise
///   a new ticket is opened and the refusal is audited.
public struct TicketReferenceReader: Sendable, Hashable {
    /// Regular expressions with one capture group: the ticket number.
    public let subjectPatterns: [String]

    public static let defaultSubjectPatterns = [
        #"\[[^\]\[#]{0,40}#(\d{1,9})\]"#,                                                   // [#123], [Support #123]
        #"(?i)\b(?:ticket|issue|case|vorgang|ticketnummer)\s*(?:#|no\.?|nr\.?|number|nummer)?\s*[:#]?\s*(\d{1,9})\b"#,
        #"(?:工单|工單|问题单)\s*[#:：]?\s*(\d{1,9})"#,
    ]

    public init(subjectPatterns: [String] = TicketReferenceReader.defaultSubjectPatterns, ticketPrefix: String? = nil) {
        var patterns = subjectPatterns
        if let ticketPrefix, !ticketPrefix.isEmpty {
            patterns.insert(NSRegularExpression.escapedPattern(for: ticketPrefix) + #"(\d{1,9})\b"#, at: 0)
        }
        self.subjectPatterns = patterns
    }

    /// Checks that every pattern compiles and has a capture group; returns the problems.
    public static func problems(in patterns: [String]) -> [String] {
        patterns.compactMap { p in
            guard let r = try? NSRegularExpression(pattern: p) else { return "'\(p)' is not a valid regular expression" }
            return r.numberOfCaptureGroups >= 1 ? nil : "'\(p)' has no capture group for the ticket number"
        }
    }

    /// Ticket numbers written in a subject, in order of appearance, without repeats.
    public func ticketNumbers(inSubject subject: String) -> [String] {
        var found: [(Int, String)] = []
        let ns = subject as NSString
        for pattern in subjectPatterns {
            guard let regex = try? NSRegularExpression(pattern: pattern) else { continue }
            for m in regex.matches(in: subject, range: NSRange(location: 0, length: ns.length)) where m.numberOfRanges > 1 {
                let r = m.range(at: 1)
                guard r.location != NSNotFound, let n = Int(ns.substring(with: r)), n > 0 else { continue }
                found.append((m.range.location, String(n)))
            }
        }
        var seen = Set<String>()
        return found.sorted { $0.0 < $1.0 }.map(\.1).filter { seen.insert($0).inserted }
    }

    /// Ticket numbers in Message-IDs of the helpdesk's own notification mails (Redmine:
    /// `redmine.issue-123.20261123…@host`), newest reference first.
    public static func redmineTicketNumbers(inThread ids: [String]) -> [String] {
        var out: [String] = []
        for id in ids {
            guard let range = id.range(of: "redmine.issue-") else { continue }
            let digits = id[range.upperBound...].prefix { $0.isNumber }
            if let n = Int(digits), n > 0, !out.contains(String(n)) { out.append(String(n)) }
        }
        return out
    }
}

/// The mail an action is about, as far as threading is concerned.
public struct TicketMail: Sendable, Hashable {
    public var messageID: String?
    /// In-Reply-To first, then References newest first.
    public var threadIDs: [String]
    public var subject: String
    /// The From addresses, lower-case.
    public var senders: [String]

    public init(messageID: String?, threadIDs: [String], subject: String, senders: [String]) {
        self.messageID = messageID
        self.threadIDs = threadIDs
        self.subject = subject
        self.senders = senders.map { $0.lowercased() }
    }

    public init(_ original: OriginalMessage?, fallbackSubject: String, fallbackSender: String?) {
        let n = original?.normalised
        var thread: [String] = []
        if let r = n?.inReplyTo, !r.isEmpty { thread.append(r) }
        for r in (n?.references ?? []).reversed() where !thread.contains(r) { thread.append(r) }
        var senders = (n?.from ?? []).map(\.address)
        if senders.isEmpty, let fallbackSender { senders = [fallbackSender] }
        self.init(messageID: n?.messageID, threadIDs: thread, subject: n?.subject ?? fallbackSubject, senders: senders)
    }
}

/// Where a mail's action goes, and why.
public enum TicketRouting: Sendable, Hashable {
    case existing(ticket: String, reason: String)
    case new(reason: String, refused: [TicketRefusal])
}

/// A ticket number the sender named but may not write into.
public struct TicketRefusal: Sendable, Hashable {
    public var ticket: String
    public var evidence: String
    public var reason: String

    public var json: JSONValue {
        ["ticket": .string(ticket), "evidence": .string(evidence), "reason": .string(reason)]
    }
}
