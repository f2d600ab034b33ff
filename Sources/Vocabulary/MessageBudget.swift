import Foundation

/// How much of the daemon one mail may take in Parse and Understand: sizes, counts and time. A mail over a
/// limit is not dropped: reading stops taking more (what was read is kept), and the mail goes to a person
/// with a reason such as "over budget: 2,000 attachments, limit 500 — the first 500 were read".
///
/// The `message_budget:` section of the configuration; every key is optional (the defaults are below and
/// in `deploy/mailroom.example.yaml`).
public struct MessageBudget: Sendable, Hashable, Codable {
    /// Bytes of one raw mail. A larger file is not read whole: the drop folder refuses it (failed/ with
    /// .error.txt); a larger mail already spooled is parsed from its first `rawBytes` only.
    public var rawBytes: Int
    /// Bytes of the top-level header block; header fields beyond it are not read.
    public var headerBytes: Int
    /// Header fields of the top-level message; the rest are not read.
    public var headerCount: Int
    /// MIME entities (parts) in the whole mail, attached messages included; the rest are not opened.
    public var parts: Int
    /// Attachments listed and read; the rest are counted, not read.
    public var attachments: Int
    /// Levels of attached messages (message/rfc822 in message/rfc822 …) opened; deeper ones are listed only.
    public var nestingDepth: Int
    /// Bytes decoded (base64, quoted-printable) in the whole mail; parts beyond it are not decoded.
    public var decodedBytes: Int
    /// Characters of text read from all attachments together; the rest is cut off.
    public var documentCharacters: Int
    /// Bytes of HTML handed to the HTML parser (libxml2) for the whole mail; longer HTML is cut.
    public var htmlBytes: Int
    /// Bytes of XML handed to the XML parser for the whole mail: XML attachments and the XML inside DOCX and
    /// XLSX files. A document that does not fit is not read.
    public var xmlBytes: Int
    /// Wall-clock seconds each of Parse and Understand may spend on one mail; after that they stop taking
    /// more (remaining attachments are not read, remaining fields not extracted).
    public var seconds: Double

    public init(rawBytes: Int = 64 << 20, headerBytes: Int = 512 << 10, headerCount: Int = 1_000, parts: Int = 10_000,
                attachments: Int = 500, nestingDepth: Int = 8, decodedBytes: Int = 128 << 20,
                documentCharacters: Int = 4_000_000, htmlBytes: Int = 2 << 20, xmlBytes: Int = 16 << 20,
                seconds: Double = 120) {
        self.rawBytes = rawBytes
        self.headerBytes = headerBytes
        self.headerCount = headerCount
        self.parts = parts
        self.attachments = attachments
        self.nestingDepth = nestingDepth
        self.decodedBytes = decodedBytes
        self.documentCharacters = documentCharacters
        self.htmlBytes = htmlBytes
        self.xmlBytes = xmlBytes
        self.seconds = seconds
    }

    /// 64 MiB raw, 512 KiB / 1,000 header fields, 10,000 parts, 500 attachments, 8 levels of attached
    /// messages, 128 MiB decoded, 4 million characters of attachment text, 2 MiB of HTML, 16 MiB of XML,
    /// 120 s per stage.
    public static let standard = MessageBudget()

    package enum CodingKeys: String, CodingKey, CaseIterable {
        case rawBytes = "raw_bytes", headerBytes = "header_bytes", headerCount = "header_count", parts, attachments
        case nestingDepth = "nesting_depth", decodedBytes = "decoded_bytes", documentCharacters = "document_characters"
        case htmlBytes = "html_bytes", xmlBytes = "xml_bytes", seconds
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.checkedContainer(keyedBy: CodingKeys.self)
        let d = MessageBudget.standard
        func count(_ key: CodingKeys, _ fallback: Int) throws -> Int {
            let v = try c.decodeIfPresent(Int.self, forKey: key) ?? fallback
            guard v >= 1 else { throw c.problem(key, "must be 1 or more, not \(v)") }
            return v
        }
        rawBytes = try count(.rawBytes, d.rawBytes)
        headerBytes = try count(.headerBytes, d.headerBytes)
        headerCount = try count(.headerCount, d.headerCount)
        parts = try count(.parts, d.parts)
        attachments = try count(.attachments, d.attachments)
        nestingDepth = try count(.nestingDepth, d.nestingDepth)
        decodedBytes = try count(.decodedBytes, d.decodedBytes)
        documentCharacters = try count(.documentCharacters, d.documentCharacters)
        htmlBytes = try count(.htmlBytes, d.htmlBytes)
        xmlBytes = try count(.xmlBytes, d.xmlBytes)
        seconds = try c.decodeIfPresent(Double.self, forKey: .seconds) ?? d.seconds
        try c.requirePositive(seconds, .seconds)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rawBytes, forKey: .rawBytes)
        try c.encode(headerBytes, forKey: .headerBytes)
        try c.encode(headerCount, forKey: .headerCount)
        try c.encode(parts, forKey: .parts)
        try c.encode(attachments, forKey: .attachments)
        try c.encode(nestingDepth, forKey: .nestingDepth)
        try c.encode(decodedBytes, forKey: .decodedBytes)
        try c.encode(documentCharacters, forKey: .documentCharacters)
        try c.encode(htmlBytes, forKey: .htmlBytes)
        try c.encode(xmlBytes, forKey: .xmlBytes)
        try c.encode(seconds, forKey: .seconds)
    }

    /// "12,345" — counts in reasons people read.
    public static func figure(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }

    /// "8 MiB", "512 KiB", "300 bytes".
    public static func bytes(_ n: Int) -> String {
        if n >= 1 << 20 && n % (1 << 20) == 0 { return "\(figure(n >> 20)) MiB" }
        if n >= 1 << 20 { return String(format: "%.1f MiB", Double(n) / Double(1 << 20)) }
        if n >= 1 << 10 && n % (1 << 10) == 0 { return "\(figure(n >> 10)) KiB" }
        if n >= 1 << 10 { return String(format: "%.1f KiB", Double(n) / Double(1 << 10)) }
        return "\(figure(n)) bytes"
    }
}

/// A point in time after which cooperative work stops taking more.
public struct Deadline: Sendable {
    public let end: ContinuousClock.Instant?

    public init(seconds: Double) {
        // Beyond a year is as good as never (and keeps the milliseconds within Int64).
        end = seconds.isFinite && seconds < 366 * 86_400 ? .now + .milliseconds(Int64((max(0, seconds) * 1000).rounded())) : nil
    }

    private init(end: ContinuousClock.Instant?) { self.end = end }

    /// A deadline that never passes.
    public static let never = Deadline(end: nil)

    /// Seconds until the deadline (0 once past; infinity for `never`).
    public var secondsLeft: Double {
        guard let end else { return .infinity }
        let left = ContinuousClock.now.duration(to: end)
        let seconds = Double(left.components.seconds) + Double(left.components.attoseconds) / 1e18
        return max(0, seconds)
    }

    public var isPast: Bool {
        guard let end else { return false }
        return ContinuousClock.now >= end
    }
}

/// What one mail has used of its `MessageBudget` while Parse reads it, and where it went over. One per mail,
/// used by one thread at a time.
public final class MessageBudgetMeter: @unchecked Sendable {
    public let budget: MessageBudget
    public let deadline: Deadline
    public private(set) var decodedBytes = 0
    public private(set) var documentCharacters = 0
    public private(set) var htmlBytes = 0
    public private(set) var xmlBytes = 0
    public private(set) var parts = 0
    public private(set) var attachments = 0
    /// Attachments seen after the budget's `attachments` were listed.
    public private(set) var attachmentsNotRead = 0
    /// Attachments whose text was not read because the documents' budget (characters or time) was spent.
    public private(set) var documentsNotRead = 0
    private var notes: [String] = []
    private var noted: Set<String> = []

    public init(_ budget: MessageBudget = .standard, deadline: Deadline? = nil) {
        self.budget = budget
        self.deadline = deadline ?? Deadline(seconds: budget.seconds)
    }

    /// Records an overrun once per limit (`limit` names it), in words for a person.
    public func over(_ limit: String, _ text: String) {
        guard noted.insert(limit).inserted else { return }
        notes.append(text)
    }

    public func hasOverrun(_ limit: String) -> Bool { noted.contains(limit) }

    /// True when one more part may be opened; records the overrun otherwise.
    public func takePart() -> Bool {
        if parts >= budget.parts {
            over("parts", "over budget: more than \(MessageBudget.figure(budget.parts)) MIME parts, limit "
                + "\(MessageBudget.figure(budget.parts)) — the rest were not opened")
            return false
        }
        parts += 1
        return true
    }

    /// True when one more attachment may be listed; counts it as not read otherwise.
    public func takeAttachment() -> Bool {
        if attachments >= budget.attachments {
            attachmentsNotRead += 1
            return false
        }
        attachments += 1
        return true
    }

    /// How many of `count` decoded bytes may still be taken (all of them, or what is left).
    public func takeDecoded(_ count: Int) -> Int {
        let left = max(0, budget.decodedBytes - decodedBytes)
        let taken = min(left, count)
        decodedBytes += taken
        if taken < count {
            over("decoded", "over budget: more than \(MessageBudget.bytes(budget.decodedBytes)) decoded, limit "
                + "\(MessageBudget.bytes(budget.decodedBytes)) — parts after that were cut or not decoded")
        }
        return taken
    }

    /// How many of `count` HTML bytes may still go to the HTML parser.
    public func takeHTML(_ count: Int) -> Int {
        let left = max(0, budget.htmlBytes - htmlBytes)
        let taken = min(left, count)
        htmlBytes += taken
        if taken < count {
            over("html", "over budget: \(MessageBudget.bytes(htmlBytes - taken + count)) of HTML, limit "
                + "\(MessageBudget.bytes(budget.htmlBytes)) — the HTML was cut there")
        }
        return taken
    }

    /// Bytes of XML the XML parser may still be handed.
    public var xmlBytesLeft: Int { max(0, budget.xmlBytes - xmlBytes) }

    public func addXMLBytes(_ n: Int) { xmlBytes += n }

    /// Characters of attachment text still allowed.
    public var documentCharactersLeft: Int { max(0, budget.documentCharacters - documentCharacters) }

    public func addDocumentCharacters(_ n: Int) { documentCharacters += n }

    public func documentNotRead() { documentsNotRead += 1 }

    /// Everything over budget, one sentence per limit, the attachment count first.
    public var reasons: [String] {
        var out: [String] = []
        if attachmentsNotRead > 0 {
            let total = attachments + attachmentsNotRead
            out.append("over budget: \(MessageBudget.figure(total)) attachments, limit \(MessageBudget.figure(budget.attachments))"
                + " — the first \(MessageBudget.figure(attachments)) were read")
        }
        out += notes
        if documentsNotRead > 0, !noted.contains("document-characters"), !noted.contains("time") {
            out.append("over budget: the text of \(MessageBudget.figure(documentsNotRead)) attachment(s) was not read")
        }
        return out
    }

    public var isOver: Bool { !reasons.isEmpty }
}
