import Foundation
import Vocabulary
import Decide

/// Approval by mail: an `approval` mail (a reply to one of Mailroom's approval requests) approves or
/// rejects the pending action it names — only when
/// 1. its APR- reference names an action that exists,
/// 2. it is a reply (In-Reply-To / References) to the approval request Mailroom mailed for that reference,
/// 3. its sender is the approver that request went to, and an allowed approver of the action's role,
/// 4. where our own mail system recorded Authentication-Results (`authserv_id`), DKIM, SPF and DMARC pass,
/// 5. the action still waits (a second or replayed answer changes nothing),
/// 6. its own text (not the quoted request) says approve or reject (English, German, Chinese).
/// Anything else is refused, audited, and the mail goes to review with the reason.
public struct MailApprovals: Sendable {
    public let store: any ActStore
    public let approvers: ApproverDirectory

    public init(store: any ActStore, approvers: ApproverDirectory) {
        self.store = store
        self.approvers = approvers
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
        var evidence: [String: JSONValue] = ["sender": .string(sender), "approval_mail": .int(message.id)]
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
        let (authProblem, results) = MailApprovals.checkAuthentication(normalised.headers, authservID: approvers.authservID,
                                                                       required: approvers.requireAuthentication)
        evidence["authentication_results"] = .array(results.map { .string($0) })
        if let authProblem {
            return try refuse(authProblem, entry: entry, message: message, evidence: evidence)
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

    /// Authentication-Results written by our own mail system (`authserv_id`): each dkim/spf/dmarc result
    /// there must be `pass`. Results from other hosts are ignored (anyone can write such a header).
    package static func checkAuthentication(_ headers: [HeaderField], authservID: String?, required: Bool) -> (String?, [String]) {
        guard let authservID else { return (nil, []) }
        let ours = headers.filter { $0.name.caseInsensitiveCompare("Authentication-Results") == .orderedSame }.map(\.value).filter { value in
            let id = value.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).split(separator: " ").first.map { $0.lowercased() }
            return id == authservID
        }
        if ours.isEmpty {
            return (required ? "the mail carries no Authentication-Results from \(authservID)" : nil, [])
        }
        var results: [String] = []
        for value in ours {
            for method in ["dkim", "spf", "dmarc"] {
                guard let regex = try? NSRegularExpression(pattern: "\\b\(method)\\s*=\\s*([a-z]+)", options: [.caseInsensitive]) else { continue }
                for m in regex.matches(in: value, range: NSRange(value.startIndex..., in: value)) {
                    if let r = Range(m.range(at: 1), in: value) { results.append("\(method)=\(value[r].lowercased())") }
                }
            }
        }
        let failing = results.filter { !$0.hasSuffix("=pass") }
        if !failing.isEmpty {
            return ("authentication did not pass at \(authservID): \(failing.joined(separator: ", "))", results)
        }
        if results.isEmpty {
            return ("\(authservID) recorded no dkim, spf or dmarc result for the mail", results)
        }
        return (nil, results)
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
