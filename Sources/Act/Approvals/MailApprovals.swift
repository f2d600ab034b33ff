import Foundation
import Vocabulary
import Decide

/// Approval by mail: an `approval` mail (a reply to one of Mailroom's approval requests) approves or
/// rejects the pending action it names — only when
/// 1. it arrived through one of the configured mailboxes (an IMAP or Maildir source: not a drop folder, not
///    `mailroom ingest`, whose files anyone with access to the folder or the host can make up),
/// 2. its APR- reference names an action that exists (references are keyed with the store's secret),
/// 3. it is a reply (In-Reply-To / References) to the approval request Mailroom mailed for that reference (whose
///    Message-ID is keyed with the store's secret too),
/// 4. its sender is the approver that request went to, and an allowed approver of the action's role,
/// 5. our own mail system (`authserv_id`) authenticated it, aligned with its From domain (``checkAuthentication``)
///    — unless the operator wrote `insecure_unauthenticated_mail_approvals: true`,
/// 6. the action still waits (a second or replayed answer changes nothing),
/// 7. its own text (not the quoted request) says approve or reject (English, German, Chinese).
/// Anything else is refused, audited, and the mail goes to review with the reason.
public struct MailApprovals: Sendable {
    public let store: any ActStore
    public let approvers: ApproverDirectory
    /// The store names of the configured IMAP folders and Maildirs ("imap:office/INBOX", "maildir:inbox"): the
    /// only sources whose mail may approve.
    public let mailSources: Set<String>

    public init(store: any ActStore, approvers: ApproverDirectory, mailSources: Set<String>) {
        self.store = store
        self.approvers = approvers
        self.mailSources = mailSources
    }

    package static let referencePattern = try! NSRegularExpression(pattern: "\\bAPR-\\d+-[A-Z0-9]{4}\\b", options: [.caseInsensitive])

    package static func reference(in texts: [String]) -> String? {
        for text in texts {
            if let m = referencePattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), let r = Range(m.range, in: text) {
                return text[r].uppercased()
            }
        }
        return nil
    }

    public func handle(_ message: StoredMessage, normalised: NormalisedMessage, understanding: Understanding) throws -> StageOutcome {
        let sender = (normalised.from.first ?? normalised.sender.first)?.address.lowercased() ?? ""
        var evidence: [String: JSONValue] = ["sender": .string(sender), "approval_mail": .int(message.id), "source": .string(message.source)]
        let ownText = MailApprovals.ownText(normalised.text)
        guard let reference = MailApprovals.reference(in: [normalised.subject ?? "", ownText]) else {
            return try refuse("the mail names no APR- reference", entry: nil, message: message, evidence: evidence)
        }
        evidence["approval_reference"] = .string(reference)
        guard let entry = try store.outboxEntry(reference) else {
            return try refuse("there is no pending action \(reference)", entry: nil, message: message, evidence: evidence)
        }
        let role = entry.action.approval ?? ""
        evidence["role"] = .string(role)
        evidence["outbox_id"] = .int(entry.id)
        guard mailSources.contains(message.source) else {
            return try refuse("the mail came from '\(message.source)', not through a configured mailbox (an IMAP or Maildir source); "
                + "answers to approval requests count only when they arrive there, not from a drop folder or `mailroom ingest`",
                              entry: entry, message: message, evidence: evidence)
        }
        // Bound to our notice: a reply to the very request mailed to this approver.
        let notices = try store.approvalNotices(reference: reference).filter { $0.state == .sent }
        let threadIDs = Set(([normalised.inReplyTo].compactMap { $0 } + normalised.references).map { $0.lowercased() })
        guard let notice = notices.first(where: { threadIDs.contains($0.messageID.lowercased()) }) else {
            return try refuse("the mail is not a reply to Mailroom's approval request for \(reference)", entry: entry, message: message, evidence: evidence)
        }
        evidence["notice_message_id"] = .string(notice.messageID)
        guard notice.approver == sender else {
            return try refuse("the approval request went to \(notice.approver ?? "?"), but the answer comes from \(sender)",
                              entry: entry, message: message, evidence: evidence)
        }
        guard approvers.mayApproveByMail(role: role, address: sender) else {
            return try refuse("\(sender) is not an approver for role '\(role)' (\(approvers.file))", entry: entry, message: message, evidence: evidence)
        }
        let fromDomain = MailApprovals.domain(of: sender)
        let (authProblem, results) = MailApprovals.checkAuthentication(normalised.headers, authservID: approvers.authservID, fromDomain: fromDomain)
        evidence["authentication_results"] = .array(results.map { .string($0) })
        if let authProblem {
            if approvers.acceptsUnauthenticatedMail {
                evidence["authentication_not_required"] = .string("\(ApproverDirectory.insecureOptOutKey): true in \(approvers.file); "
                    + "it would have been refused: \(authProblem)")
            } else {
                return try refuse(authProblem, entry: entry, message: message, evidence: evidence)
            }
        }
        guard entry.state == .awaitingApproval else {
            return try refuse("action \(reference) no longer waits for approval (it is \(entry.state.rawValue)"
                + (entry.decidedBy.map { ", decided by \($0)" } ?? "") + "): a repeated or replayed answer changes nothing",
                              entry: entry, message: message, evidence: evidence)
        }
        guard let (decision, reason) = MailApprovals.decision(in: ownText) else {
            return try refuse("the reply does not say approve or reject above the quoted request", entry: entry, message: message, evidence: evidence)
        }
        evidence["decision"] = .string(decision)
        let by = "mail:\(sender)"
        if decision == "approve" {
            try Approvals.approve(reference, by: by, store: store)
        } else {
            try Approvals.reject(reference, reason: reason ?? "rejected by mail", by: by, store: store)
        }
        var details = evidence
        details["approval"] = .string(decision == "approve" ? "approved" : "rejected")
        try store.recordDecision(messageID: message.id, rulesSHA256: "approval-by-mail", details: details, actions: [])
        return StageOutcome(next: .decided, eventType: "approval_by_mail", details: details)
    }

    package func refuse(_ reason: String, entry: OutboxEntry?, message: StoredMessage, evidence: [String: JSONValue]) throws -> StageOutcome {
        var details = evidence
        details["reason"] = .string(reason)
        details["channel"] = "mail"
        if let entry {
            _ = try store.appendAudit(AuditDraft(messageID: entry.messageID, stage: "act", actor: "mail:\(evidence["sender"]?.stringValue ?? "?")",
                                                 eventType: "approval_refused", details: details))
        }
        return .flag(.review, reason: "approval by mail refused: \(reason)", details: details.merging(["approval": "refused"]) { a, _ in a })
    }

    /// The reply's own text: the lines above the quoted request (">" lines, "On … wrote:", "Am … schrieb",
    /// "-----Original Message-----", Outlook's "From:" block, "在 … 写道：", "发件人：").
    package static func ownText(_ text: String) -> String {
        var own: [String] = []
        let cuts = ["-----original message-----", "-----ursprüngliche nachricht-----", "________________", "发件人：", "发件人:", "-----原始邮件-----"]
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let lower = line.lowercased()
            if line.hasPrefix(">") { break }
            if cuts.contains(where: { lower.hasPrefix($0) }) { break }
            if (lower.hasPrefix("on ") && lower.hasSuffix("wrote:")) || (lower.hasPrefix("am ") && lower.contains("schrieb") && lower.hasSuffix(":"))
                || (line.hasPrefix("在") && (line.hasSuffix("写道：") || line.hasSuffix("写道:"))) || lower.hasSuffix(" wrote:") {
                break
            }
            if lower.hasPrefix("from:"), own.contains(where: { !$0.isEmpty }) { break }
            if line == "--" { break }
            own.append(line)
        }
        return own.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    package static let approveWords = ["approve", "approved", "i approve", "go ahead", "ok to proceed", "genehmigt", "genehmige", "freigegeben",
                               "einverstanden", "同意", "批准"]
    package static let rejectWords = ["reject", "rejected", "declined", "decline", "not approved", "do not approve", "don't approve", "abgelehnt",
                              "ablehnen", "lehne ab", "nicht genehmigt", "nicht freigegeben", "不同意", "拒绝", "驳回", "不批准"]

    /// ("approve" | "reject", the reason given with a rejection): the earliest keyword decides ("nicht
    /// genehmigt" starts before "genehmigt", "不同意" before "同意").
    package static func decision(in ownText: String) -> (String, String?)? {
        let lower = ownText.lowercased()
        var best: (start: String.Index, length: Int, decision: String)?
        for (decision, words) in [("reject", rejectWords), ("approve", approveWords)] {
            for word in words {
                var searchFrom = lower.startIndex
                while let r = lower.range(of: word, range: searchFrom..<lower.endIndex) {
                    let isCJK = word.unicodeScalars.first.map { $0.value >= 0x2E80 } ?? false
                    let before = r.lowerBound == lower.startIndex ? nil : lower[lower.index(before: r.lowerBound)]
                    let after = r.upperBound == lower.endIndex ? nil : lower[r.upperBound]
                    let bounded = isCJK || ((before.map { !$0.isLetter } ?? true) && (after.map { !$0.isLetter } ?? true))
                    if bounded {
                        let length = lower.distance(from: r.lowerBound, to: r.upperBound)
                        if best == nil || r.lowerBound < best!.start || (r.lowerBound == best!.start && length > best!.length) {
                            best = (r.lowerBound, length, decision)
                        }
                        break
                    }
                    searchFrom = r.upperBound
                }
            }
        }
        guard let best else { return nil }
        if best.decision == "approve" { return ("approve", nil) }
        let offset = lower.distance(from: lower.startIndex, to: best.start) + best.length
        let rest = String(ownText.dropFirst(offset)).trimmingCharacters(in: CharacterSet(charactersIn: " :,.-–—\n\t：，。"))
        return ("reject", rest.isEmpty ? nil : String(rest.prefix(500)))
    }

    /// The domain of an address ("boss@Firma.example" → "firma.example"), "" without one.
    package static func domain(of address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return address[address.index(after: at)...].trimmingCharacters(in: CharacterSet(charactersIn: " <>.\"")).lowercased()
    }

    /// Relaxed alignment (RFC 7489 3.1): the same organisational domain.
    package static func aligned(_ domain: String, with fromDomain: String) -> Bool {
        guard let a = MailDomain.organisation(of: domain), let b = MailDomain.organisation(of: fromDomain) else { return false }
        return a == b
    }

    /// One result in an Authentication-Results header: "dkim=pass header.d=firma.example" → method, result, properties.
    package struct AuthenticationResult: Sendable, Hashable {
        package var method: String
        package var result: String
        package var properties: [String: String]
        package var summary: String {
            "\(method)=\(result)" + properties.keys.sorted().map { " \($0)=\(properties[$0] ?? "")" }.joined()
        }
    }

    /// The authserv-id of an Authentication-Results value and its results (comments in parentheses removed).
    package static func parseAuthenticationResults(_ value: String) -> (String, [AuthenticationResult]) {
        var text = ""
        var depth = 0, quoted = false
        for c in value {
            if c == "\"" { quoted.toggle() }
            if !quoted, c == "(" { depth += 1; continue }
            if !quoted, c == ")", depth > 0 { depth -= 1; continue }
            if depth == 0 { text.append(c == "\r" || c == "\n" || c == "\t" ? " " : c) }
        }
        let parts = text.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let id = parts.first?.split(separator: " ").first.map { $0.lowercased() } ?? ""
        var results: [AuthenticationResult] = []
        for part in parts.dropFirst() {
            let tokens = part.split(separator: " ").map(String.init)
            guard let first = tokens.first, let eq = first.firstIndex(of: "=") else { continue }
            let method = first[..<eq].lowercased()
            let result = first[first.index(after: eq)...].lowercased()
            var properties: [String: String] = [:]
            for token in tokens.dropFirst() {
                guard let e = token.firstIndex(of: "=") else { continue }
                let name = token[..<e].lowercased()
                let v = token[token.index(after: e)...].trimmingCharacters(in: CharacterSet(charactersIn: "\"")).lowercased()
                if properties[name] == nil { properties[name] = v }
            }
            results.append(AuthenticationResult(method: method, result: result, properties: properties))
        }
        return (id, results)
    }

    /// DMARC-aligned authentication by our own mail system: only Authentication-Results headers whose
    /// authserv-id is `authservID` are read (anyone can write such a header, so the mail server must remove
    /// incoming ones carrying its id, as RFC 8601 section 5 asks). The mail passes when one of them says
    /// - `dmarc=pass` (for the From domain, when it names `header.from`), or
    /// - `dkim=pass` with `header.d` (or the domain of `header.i`) in the From domain's organisational domain, or
    /// - `spf=pass` with `smtp.mailfrom` (or its domain) in the From domain's organisational domain,
    /// and none says `dmarc=fail` (or another DMARC result than pass or none). A pass for another domain — the
    /// sender's own, say — does not count. Returns the problem (nil when it passed) and the results read.
    package static func checkAuthentication(_ headers: [HeaderField], authservID: String?, fromDomain: String) -> (String?, [String]) {
        guard let authservID, !authservID.isEmpty else {
            return ("approval by mail needs `authserv_id:` in rules/approvers.yaml: the id your mail server writes into the "
                + "Authentication-Results headers it adds (e.g. `authserv_id: mx.example.com`), so that a reply is accepted only "
                + "when your server verified it (DMARC, or DKIM/SPF aligned with the From domain). To accept replies nobody "
                + "authenticated, write `\(ApproverDirectory.insecureOptOutKey): true` there (not advised)", [])
        }
        let ours = headers.filter { $0.name.caseInsensitiveCompare("Authentication-Results") == .orderedSame }
            .map { parseAuthenticationResults($0.value) }.filter { $0.0 == authservID }.flatMap(\.1)
        let summaries = ours.map(\.summary)
        if ours.isEmpty {
            return ("the mail carries no Authentication-Results from \(authservID): our mail server did not authenticate it", [])
        }
        if let bad = ours.first(where: { $0.method == "dmarc" && $0.result != "pass" && $0.result != "none" }) {
            return ("DMARC did not pass at \(authservID): \(bad.summary)", summaries)
        }
        for r in ours where r.result == "pass" {
            switch r.method {
            case "dmarc":
                if let from = r.properties["header.from"], from != fromDomain { continue }
                return (nil, summaries)
            case "dkim":
                let d = r.properties["header.d"] ?? r.properties["header.i"].map { domain(of: $0.contains("@") ? $0 : "@" + $0) } ?? ""
                if aligned(d, with: fromDomain) { return (nil, summaries) }
            case "spf":
                let m = r.properties["smtp.mailfrom"].map { $0.contains("@") ? domain(of: $0) : $0 } ?? ""
                if aligned(m, with: fromDomain) { return (nil, summaries) }
            default: continue
            }
        }
        return ("no DMARC-aligned pass at \(authservID) for the From domain \(fromDomain.isEmpty ? "(none)" : fromDomain)"
            + " (a pass for another domain does not count): " + (summaries.isEmpty ? "no results" : summaries.joined(separator: "; ")), summaries)
    }
}

/// The decide stage with approval by mail in front: an `approval` mail is handled by `MailApprovals`;
/// every other mail is decided by the rules as before.
public struct ApprovalAwareDecideStage: PipelineStage {
    public var name: String { "decide" }
    public var input: MessageState { .understood }
    public let decide: DecideStage
    public let approvals: MailApprovals

    public init(decide: DecideStage, approvals: MailApprovals) {
        self.decide = decide
        self.approvals = approvals
    }

    public func process(_ message: StoredMessage) async throws -> StageOutcome {
        guard let normalised = message.normalised, let understanding = try StoredUnderstanding.read(message, store: approvals.store),
              understanding.kind == "approval" else {
            return try await decide.process(message)
        }
        return try approvals.handle(message, normalised: normalised, understanding: understanding)
    }
}
