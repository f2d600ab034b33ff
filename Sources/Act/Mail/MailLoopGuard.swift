import Foundation
import Vocabulary

/// Why Mailroom must not answer a mail automatically — checked by the smtp connector itself on every
/// reply, whatever the rules say, so mail loops are impossible by construction (RFC 3834 section 2).
public enum MailLoopGuard {
    /// Nil when an automatic answer is allowed; otherwise the reason, in words for the audit.
    /// `ownDomains`: the domains of our own Message-IDs; `ownAddresses`: the addresses we send from.
    public static func reasonNotToAnswer(kind: String?, message: NormalisedMessage,
                                         ownDomains: Set<String>, ownAddresses: Set<String>) -> String? {
        func header(_ name: String) -> String? {
            message.headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if kind == "auto_reply" { return "the mail is an automatic reply or bounce (kind auto_reply)" }
        if header(OutgoingMail.originHeader) != nil { return "the mail was written by Mailroom (\(OutgoingMail.originHeader))" }
        if let id = message.messageID?.lowercased(), let at = id.lastIndex(of: "@"),
           ownDomains.contains(String(id[id.index(after: at)...])), id.hasPrefix("mailroom.") {
            return "the mail was written by Mailroom (its Message-ID <\(id)> is ours)"
        }
        if let auto = header("Auto-Submitted") {
            let value = auto.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            if value != "no" { return "the mail says Auto-Submitted: \(auto) (RFC 3834: never answer automatic mail)" }
        }
        if let listID = header("List-Id") { return "the mail came through a mailing list (List-Id: \(listID))" }
        if header("List-Unsubscribe") != nil { return "the mail came through a mailing list (List-Unsubscribe)" }
        if let precedence = header("Precedence")?.lowercased(), ["bulk", "list", "junk", "auto_reply"].contains(precedence) {
            return "the mail says Precedence: \(precedence)"
        }
        if let suppress = header("X-Auto-Response-Suppress")?.lowercased(),
           suppress.contains("all") || suppress.contains("autoreply") || suppress.contains("oof") {
            return "the mail asks for no automatic answers (X-Auto-Response-Suppress: \(suppress))"
        }
        if let contentType = header("Content-Type")?.lowercased(), contentType.hasPrefix("multipart/report") {
            return "the mail is a delivery or read report (multipart/report)"
        }
        if let returnPath = header("Return-Path") {
            let path = returnPath.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t")).lowercased()
            if path.isEmpty { return "the mail has a null return path (Return-Path: <>): a bounce" }
            if isDaemon(path) { return "the mail comes from a mailer daemon (Return-Path: \(returnPath))" }
        }
        for address in (message.from + message.sender).map({ $0.address.lowercased() }) {
            if isDaemon(address) { return "the mail comes from a mailer daemon (\(address))" }
            if ownAddresses.contains(address) { return "the mail comes from our own address (\(address))" }
        }
        if header("X-Autoreply") != nil || header("X-Autorespond") != nil { return "the mail is an automatic reply (X-Autoreply)" }
        return nil
    }

    package static func isDaemon(_ address: String) -> Bool {
        let local = address.split(separator: "@").first.map(String.init) ?? address
        return ["mailer-daemon", "mailerdaemon", "mail-daemon", "postmaster", "noreply", "no-reply", "donotreply", "do-not-reply"]
            .contains(local)
    }
}
