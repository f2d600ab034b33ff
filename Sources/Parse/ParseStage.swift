import Crypto
import Foundation
import Vocabulary
import Ingest

/// received → parsed: reads the raw bytes from the spool, checks them against their content hash, parses
/// and normalises them (`MessageParser`), reads the text of every attachment (`DocumentReader`), and stores
/// the normalised message, the attachments' text, subject and sender. It is the only stage that reads raw bytes.
///
/// Reads within the message budget (`MessageBudget`): never more than `raw_bytes` of the spool file in memory,
/// and of the mail no more headers, parts, attachments, decoded bytes, text, HTML or XML than it allows. A mail
/// over a limit is read up to it and stored with `overBudget` set (and listed in the audit event under
/// `over_budget`); Understand then sends it to review with those reasons.
///
/// Never drops a message: bytes that are not a mail at all (no header fields, or none that a mail has) go to
/// `review`; a spool file that is missing or damaged (hash mismatch) sends the message to `failed`. The
/// reason says what an operator can do.
public struct ParseStage: PipelineStage {
    public let spool: Spool
    /// Time, memory and size limits for reading each attachment.
    public let limits: DocumentLimits
    /// What one mail may take (sizes, counts, time); a mail over it is read up to the limit and sent to a
    /// person by Understand with the reason.
    public let budget: MessageBudget
    public var name: String { "parse" }
    public var input: MessageState { .received }

    public init(spool: Spool, limits: DocumentLimits = .standard, budget: MessageBudget = .standard) {
        self.spool = spool
        self.limits = limits
        self.budget = budget
    }

    /// Header fields of which at least one appears in anything that is a mail.
    package static let mailHeaderNames: Set<String> = [
        "from", "to", "cc", "subject", "date", "message-id", "received", "return-path", "sender", "reply-to",
        "mime-version", "content-type", "in-reply-to", "references", "delivered-to",
    ]

    public func process(_ message: StoredMessage) async throws -> StageOutcome {
        let path = spool.path(sha256: message.contentSHA256)
        let raw: Data
        let size: Int
        do {
            // Never more than the budget's raw bytes in memory: a larger mail is read from its start.
            (raw, size) = try spool.read(sha256: message.contentSHA256, upTo: budget.rawBytes)
        } catch {
            if !FileManager.default.fileExists(atPath: path) {
                return .flag(.failed, reason: "the raw message is missing from the spool (\(path)); restore the "
                    + "file from a backup, then `mailroom messages retry \(message.id)`", details: ["spool_path": .string(path)])
            }
            return .flag(.failed, reason: "the raw message cannot be read from the spool (\(path)): "
                + "\(FileProblem.describe(error)); fix the file, then `mailroom messages retry \(message.id)`",
                details: ["spool_path": .string(path)])
        }
        let meter = MessageBudgetMeter(budget)
        if size > raw.count {
            guard spool.verify(sha256: message.contentSHA256) else {
                return .flag(.failed, reason: "the spool file \(path) is damaged: its content does not match the hash "
                    + "\(message.contentSHA256.prefix(16))… it is stored under; restore it from a backup, then "
                    + "`mailroom messages retry \(message.id)`", details: ["spool_path": .string(path)])
            }
            meter.over("raw", "over budget: the mail is \(MessageBudget.bytes(size)), limit \(MessageBudget.bytes(budget.rawBytes))"
                + " — only the first \(MessageBudget.bytes(raw.count)) were read")
        }
        let actual = size > raw.count ? message.contentSHA256.lowercased()
            : SHA256.hash(data: raw).map { String(format: "%02x", $0) }.joined()
        guard actual == message.contentSHA256.lowercased() else {
            return .flag(.failed, reason: "the spool file \(path) is damaged: its content hash is "
                + "\(actual.prefix(16))…, not \(message.contentSHA256.prefix(16))… as recorded; restore it from "
                + "a backup, then `mailroom messages retry \(message.id)`",
                details: ["spool_path": .string(path), "actual_sha256": .string(actual)])
        }

        let content = MessageContent.read(raw: raw, limits: limits, meter: meter)
        let normalised = content.message
        let sender = normalised.from.first?.address ?? normalised.sender.first?.address
        let update = MessageUpdate(subject: normalised.subject, sender: sender?.isEmpty == true ? nil : sender,
                                   normalised: normalised, documents: content.documents)
        var details: [String: JSONValue] = [
            "size": .int(Int64(size)),
            "warnings": .int(Int64(normalised.warnings.count)),
            "attachments": .int(Int64(normalised.attachments.count)),
            "text_source": .string(normalised.textSource),
            "documents": .array(content.documents.map { doc in
                .object(["file": .string(doc.filename ?? doc.contentType), "method": .string(doc.method),
                         "characters": .int(Int64(doc.text.count)), "needs_ocr": .bool(doc.needsOCR)])
            }),
        ]
        if !normalised.warnings.isEmpty {
            details["warning_texts"] = .array(normalised.warnings.prefix(20).map { .string($0) })
        }
        if !normalised.overBudget.isEmpty {
            details["over_budget"] = .array(normalised.overBudget.map { .string($0) })
        }

        if raw.isEmpty {
            return .flag(.review, reason: "the message is empty (0 bytes): there is nothing to read", update: update,
                         details: details)
        }
        if normalised.headers.isEmpty {
            return .flag(.review, reason: "this is not an e-mail: it has no header fields (it starts with "
                + "\"\(Self.preview(raw))\"); look at the original and forward it properly if it matters",
                update: update, details: details)
        }
        let names = Set(normalised.headers.map { $0.name.lowercased() })
        if names.isDisjoint(with: Self.mailHeaderNames) {
            let shown = normalised.headers.prefix(5).map(\.name).joined(separator: ", ")
            return .flag(.review, reason: "this does not look like an e-mail: none of From, To, Subject, Date or "
                + "Message-ID is present (header fields found: \(shown)); look at the original",
                update: update, details: details)
        }
        return StageOutcome(next: .parsed, update: update, details: details)
    }

    /// The first bytes, printable, for a reason text.
    package static func preview(_ raw: Data) -> String {
        let text = String(decoding: raw.prefix(40), as: UTF8.self)
        return String(text.unicodeScalars.map { scalar -> Character in
            scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{FFFD}" ? "." : Character(scalar)
        }).replacingOccurrences(of: "\"", with: "'")
    }
}
