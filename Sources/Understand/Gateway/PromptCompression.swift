import Foundation
import Patterns
import Parse

/// What one compression step removed, measured on its own.
public struct CompressionStep: Sendable, Hashable, Codable {
    /// "quoted history", "signature and disclaimer", "boilerplate and tracking", "whitespace",
    /// "attachment chunks", "token cap".
    public var name: String
    public var charactersBefore: Int
    public var charactersAfter: Int
    public var tokensBefore: Int
    public var tokensAfter: Int

    public var charactersRemoved: Int { charactersBefore - charactersAfter }
    public var tokensRemoved: Int { tokensBefore - tokensAfter }

    public init(name: String, before: String, after: String) {
        self.name = name
        charactersBefore = before.count
        charactersAfter = after.count
        tokensBefore = TokenEstimate.tokens(before)
        tokensAfter = TokenEstimate.tokens(after)
    }

    package init(name: String, charactersBefore: Int, charactersAfter: Int, tokensBefore: Int, tokensAfter: Int) {
        self.name = name
        self.charactersBefore = charactersBefore
        self.charactersAfter = charactersAfter
        self.tokensBefore = tokensBefore
        self.tokensAfter = tokensAfter
    }
}

/// One attachment's text cut into chunks, and which chunks go into the prompt.
public struct CompressedDocument: Sendable, Hashable {
    public var name: String
    public var chunks: [String]
    /// Indexes of the chunks relevant to the kind's fields, in document order.
    public var selected: [Int]
}

/// A mail reduced to what a model needs to understand it.
public struct CompressedMail: Sendable, Hashable {
    public var subject: String
    /// "Name <address>" of the sender.
    public var sender: String
    public var date: String?
    public var body: String
    public var documents: [CompressedDocument]
    /// Every step in order, each with what it removed.
    public var steps: [CompressionStep]

    /// The prompt text, with the selected chunks of every document.
    public var text: String { render(chunkGroup: nil) }

    /// The prompt text with only the given chunks of each document (map-reduce over long documents).
    public func render(chunkGroup: [String: [Int]]?) -> String {
        var out = "Subject: \(subject)\nFrom: \(sender)\n"
        if let date { out += "Date: \(date)\n" }
        out += "\n" + body + "\n"
        for doc in documents {
            let indexes = chunkGroup.map { $0[doc.name] ?? [] } ?? doc.selected
            guard !indexes.isEmpty else { continue }
            out += "\n--- attachment \(doc.name) ---\n"
            var last = -1
            for i in indexes {
                if last >= 0 && i != last + 1 { out += "[…]\n" }
                out += doc.chunks[i] + "\n"
                last = i
            }
        }
        return out
    }
}

/// Prompt compression: quoted history, signatures and legal disclaimers, HTML boilerplate and tracking,
/// whitespace, and long attachments reduced to the chunks relevant to the kind's fields. Each step is a
/// separate function so it can be measured and tested on its own.
public enum PromptCompression {
    /// Characters per attachment chunk (about 300 tokens of Latin text).
    public static let chunkCharacters = 1200

    // MARK: Quoted history

    /// Removes the quoted earlier mail of a reply: lines starting with ">", and everything from a reply header
    /// ("On … wrote:", "Am … schrieb …:", "-----Original Message-----", Outlook's From/Sent/To block and its
    /// German and Chinese forms "Von:/Gesendet:", "发件人/发送时间") to the end. Forwarded messages
    /// ("---------- Forwarded message ---------") are kept: their content is the request. A reply header with
    /// nothing of the sender's own above it is kept too (the quoted mail is then all there is).
    public static func stripQuotedHistory(_ text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        var cut: Int?
        var i = 0
        while i < lines.count {
            if startsReplyHeader(lines, at: i) { cut = i; break }
            i += 1
        }
        let isQuoted: (String) -> Bool = { $0.trimmingCharacters(in: .whitespaces).hasPrefix(">") }
        guard let cut else { return lines.filter { !isQuoted($0) }.joined(separator: "\n") }
        let above = Array(lines[..<cut])
        if above.joined().contains(where: { !$0.isWhitespace }) {
            let own = above.filter { !isQuoted($0) }
            return own.joined().contains(where: { !$0.isWhitespace }) ? own.joined(separator: "\n") : above.joined(separator: "\n")
        }
        // Nothing of the sender's own above the header: a bottom-posted reply ("On … wrote:" + "> …" lines, then
        // the answer) keeps what is not quoted; a header over unquoted text (a forwarded-like mail) is kept whole.
        let headerEnd = min(lines.count, cut + (matches(replyLine, lines[cut]) ? 1 : 2))
        let rest = Array(lines[headerEnd...])
        let unquoted = rest.filter { !isQuoted($0) }
        if rest.contains(where: isQuoted), unquoted.joined().contains(where: { !$0.isWhitespace }) {
            return unquoted.joined(separator: "\n")
        }
        return text
    }

    private static let replyLine = TextPattern(known: #"""
        ^\s*(?:\
        On\s.{1,200}\swrote:?\s*$|\
        Am\s.{1,200}schrieb.{0,200}:\s*$|\
        Le\s.{1,200}a\sécrit\s*:\s*$|\
        El\s.{1,200}escribió:\s*$|\
        -{2,}\s*(?:Original\sMessage|Ursprüngliche\sNachricht|Originalnachricht|原始邮件|原始郵件|Message\sd'origine)\s*-{2,}|\
        在\s?.{1,100}写道[:：]\s*$)
        """#.replacingOccurrences(of: "\\\n", with: "").replacingOccurrences(of: "\n", with: ""),
        caseInsensitive: true)
    private static let attributionLine = TextPattern(known: #"^\s*\S.{0,250}(wrote|написал|schrieb|a écrit|escribió|scrisse|schreef|写道|寫道)\s*[:：]?\s*$"#, caseInsensitive: true)
    private static let fromLine = TextPattern(known: #"^\s*\*?(From|Von|发件人|寄件者|De|Da)\*?\s*[:：]"#, caseInsensitive: true)
    private static let blockLine = TextPattern(known: #"^\s*\*?(Sent|Date|To|Subject|Gesendet|Datum|An|Betreff|发送时间|發送時間|日期|收件人|主题|主題|Envoyé|Enviado)\*?\s*[:：]"#, caseInsensitive: true)

    package static func startsReplyHeader(_ lines: [String], at i: Int) -> Bool {
        let line = lines[i]
        if matches(replyLine, line) { return true }
        // "02.04.2012 14:20 пользователь "bob" <bob@example.com> написал:", "On … wrote:", also split over two
        // lines; a date or an address in it keeps an ordinary sentence ending in "wrote:" from counting.
        let next = i + 1 < lines.count ? lines[i + 1].trimmingCharacters(in: .whitespaces) : ""
        let continues = !next.isEmpty && next.count <= 60 && !next.hasPrefix(">") && !matches(attributionLine, line)
        for joined in [line] + (continues ? [line + " " + next] : []) {
            if matches(attributionLine, joined), joined.contains(where: { $0.isNumber || $0 == "@" }) { return true }
        }
        let before = lines[max(0, i - 2)..<i].joined(separator: " ").lowercased()
        if ["forwarded message", "weitergeleitete nachricht", "转发的邮件", "begin forwarded message", "message transféré"].contains(where: { before.contains($0) }) {
            return false
        }
        // Outlook: "From: …" followed by at least one of Sent/To/Subject within the next four lines;
        // a line of underscores right above belongs to it.
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.count >= 20, trimmed.allSatisfy({ $0 == "_" }), i + 1 < lines.count, matches(fromLine, lines[i + 1]) {
            return true
        }
        if matches(fromLine, line) {
            let window = lines[(i + 1)..<min(lines.count, i + 5)]
            if window.filter({ matches(blockLine, $0) }).count >= 1 && i > 0 { return true }
        }
        return false
    }

    // MARK: Signatures and disclaimers

    /// Removes the signature after the "-- " delimiter, mobile-client tag lines ("Sent from my iPhone"), the
    /// contact block after a closing phrase ("Best regards", "Mit freundlichen Grüßen", "此致") — keeping the
    /// two lines after it (name and company, which a quote request needs) — and legal disclaimers and
    /// company-register footers.
    public static func stripSignature(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        if let delimiter = lines.lastIndex(where: { $0 == "-- " || $0 == "--" || $0 == "—" }), delimiter > 0 {
            lines = Array(lines[..<delimiter])
        }
        lines.removeAll { matches(mobileTag, $0) }
        if let closing = lines.lastIndex(where: { matches(closingPhrase, $0) }) {
            var keep = closing + 1
            var nonEmpty = 0
            while keep < lines.count && nonEmpty < 2 {
                if !lines[keep].trimmingCharacters(in: .whitespaces).isEmpty {
                    if looksLikeContactData(lines[keep]) { break }
                    nonEmpty += 1
                }
                keep += 1
            }
            // Only a short tail is a signature; a long one is content (a closing phrase mid-mail).
            if lines.count - keep <= 15 { lines = Array(lines[..<keep]) }
        }
        let paragraphs = lines.joined(separator: "\n").components(separatedBy: "\n\n")
        let kept = paragraphs.filter { !isDisclaimer($0) }
        return kept.joined(separator: "\n\n")
    }

    private static let mobileTag = TextPattern(known: #"^\s*(Sent from my \w+|Sent from Mail for Windows|Get Outlook for \w+|Von meinem \w+ gesendet|Gesendet von meinem \w+|发自我的\w+|從我的 ?\w+傳送)"#, caseInsensitive: true)
    private static let closingPhrase = TextPattern(known: #"^\s*(best regards|kind regards|regards|best wishes|many thanks|thanks and regards|sincerely|cheers|mit freundlichen grüßen|mit freundlichen gruessen|freundliche grüße|viele grüße|beste grüße|liebe grüße|gruß|此致|敬礼|顺祝商祺|祝好|谢谢)[,!.。，]?\s*$"#, caseInsensitive: true)
    private static let contactData = TextPattern(known: #"(^\s*(tel|phone|fon|fax|mobile|mobil|handy|电话|手机|传真|www\.|http)|\+\d[\d\s()/.-]{6,})"#, caseInsensitive: true)

    package static func looksLikeContactData(_ line: String) -> Bool { matches(contactData, line) }

    package static func isDisclaimer(_ paragraph: String) -> Bool {
        let p = paragraph.lowercased()
        let markers: [[String]] = [
            ["confidential", "intended"], ["confidential", "recipient"], ["this e-mail and any attachments"],
            ["this email and any attachments"], ["if you have received this", "in error"],
            ["vertraulich", "empfänger"], ["vertrauliche", "informationen"], ["irrtümlich erhalten"],
            ["geschäftsführer", "amtsgericht"], ["geschäftsführer", "hrb"], ["registered office", "registered in"],
            ["免责声明"], ["保密", "收件人"], ["本邮件", "机密"], ["please consider the environment before printing"],
        ]
        return markers.contains { group in group.allSatisfy { p.contains($0) } }
    }

    // MARK: Boilerplate and tracking

    /// Removes what HTML mail leaves in its text: "view in browser" and unsubscribe lines, image placeholders,
    /// tracking pixels' remains, and long tracking URLs (replaced by "[link]").
    public static func stripBoilerplate(_ text: String) -> String {
        var out: [String] = []
        for line in text.components(separatedBy: "\n") {
            let lower = line.lowercased()
            if boilerplateWords.contains(where: { lower.contains($0) }) { continue }
            if matches(imageOnly, line) { continue }
            var cleaned = longURL.replacingMatches(in: line, with: "[link]")
            cleaned = cleaned.replacingOccurrences(of: "\u{200B}", with: "").replacingOccurrences(of: "\u{200C}", with: "")
                .replacingOccurrences(of: "\u{FEFF}", with: "").replacingOccurrences(of: "\u{034F}", with: "")
            if cleaned.trimmingCharacters(in: .whitespaces) == "[link]" { continue }
            out.append(cleaned)
        }
        return out.joined(separator: "\n")
    }

    private static let boilerplateWords = ["unsubscribe", "view this email in your browser", "view in browser",
                                           "im browser ansehen", "abmelden", "newsletter abbestellen", "退订",
                                           "privacy policy", "datenschutzerklärung", "update your preferences"]
    private static let imageOnly = TextPattern(known: #"^\s*(\[(image|cid|bild|图片)[^\]]*\]\s*)+$"#, caseInsensitive: true)
    private static let longURL = TextPattern(known: #"<?https?://[^\s>]{40,}>?"#)

    // MARK: Whitespace

    /// Trailing spaces, runs of spaces and tabs, non-breaking spaces and runs of blank lines folded.
    public static func foldWhitespace(_ text: String) -> String {
        var out: [String] = []
        var blank = false
        for raw in text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\u{00A0}", with: " ")
            .components(separatedBy: "\n") {
            let line = raw.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
            if line.isEmpty {
                if !blank && !out.isEmpty { out.append("") }
                blank = true
            } else {
                out.append(line)
                blank = false
            }
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }

    // MARK: Attachments

    /// Cuts a text into chunks of about `chunkCharacters` at paragraph or line ends.
    public static func chunks(_ text: String, size: Int = chunkCharacters) -> [String] {
        var out: [String] = []
        var current = ""
        for line in text.components(separatedBy: "\n") {
            if current.count + line.count + 1 > size && !current.isEmpty {
                out.append(current)
                current = ""
            }
            if line.count > size {
                var rest = Substring(line)
                while rest.count > size {
                    out.append(String(rest.prefix(size)))
                    rest = rest.dropFirst(size)
                }
                current = String(rest)
            } else {
                current += current.isEmpty ? line : "\n" + line
            }
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { out.append(current) }
        return out
    }

    /// How relevant a chunk is to the kind's fields: occurrences of the fields' names (and common labels for
    /// their types in English, German and Chinese), plus values that look like the field types (amounts, dates,
    /// IBANs).
    public static func relevance(_ chunk: String, fields: [FieldDefinition]) -> Int {
        let lower = chunk.lowercased()
        var score = 0
        for word in keywords(for: fields) where lower.contains(word) { score += 2 }
        score += amount.matches(in: chunk, limit: 5).count
        score += dateLike.matches(in: chunk, limit: 3).count
        return score
    }

    package static func keywords(for fields: [FieldDefinition]) -> Set<String> {
        var words: Set<String> = []
        func add(_ f: FieldDefinition) {
            for part in f.name.split(separator: "_") where part.count >= 3 { words.insert(part.lowercased()) }
            switch f.type {
            case .money: words.formUnion(["total", "amount", "sum", "betrag", "summe", "gesamt", "netto", "brutto", "mwst", "vat", "tax", "合计", "金额", "总计", "税"])
            case .date: words.formUnion(["date", "datum", "fällig", "due", "日期"])
            case .iban: words.formUnion(["iban", "bic", "bank", "konto", "账户", "银行"])
            case .list: words.formUnion(["qty", "quantity", "menge", "anzahl", "pos", "item", "artikel", "数量", "单价"])
            default: break
            }
            for item in f.items { add(item) }
        }
        fields.forEach(add)
        return words
    }

    private static let amount = TextPattern(known: #"\d[\d.,' ]*[.,]\d{2}\b"#)
    private static let dateLike = TextPattern(known: #"\b(\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4})\b"#)

    /// The most relevant chunks within a token budget, in document order; the first chunk (the document's
    /// head: issuer, numbers, dates) is always taken when it fits.
    public static func selectChunks(_ chunks: [String], fields: [FieldDefinition], budgetTokens: Int) -> [Int] {
        let total = chunks.reduce(0) { $0 + TokenEstimate.tokens($1) }
        if total <= budgetTokens { return Array(chunks.indices) }
        let ranked = chunks.indices.sorted { a, b in
            let (ra, rb) = (relevance(chunks[a], fields: fields) + (a == 0 ? 3 : 0), relevance(chunks[b], fields: fields) + (b == 0 ? 3 : 0))
            return ra != rb ? ra > rb : a < b
        }
        // Only chunks at least half as relevant as the best one: boilerplate that mentions a field's word once
        // ("the seller's general terms") stays out.
        let top = chunks.indices.map { relevance(chunks[$0], fields: fields) }.max() ?? 0
        let threshold = max(2, top / 2)
        var chosen: [Int] = []
        var used = 0
        for i in ranked {
            let t = TokenEstimate.tokens(chunks[i])
            if used + t > budgetTokens { continue }
            if relevance(chunks[i], fields: fields) < threshold && i != 0 { continue }
            chosen.append(i)
            used += t
        }
        return chosen.sorted()
    }

    // MARK: The whole mail

    /// Compresses a mail for a kind with the given fields: each step measured on its own. `documentBudget`
    /// is the token budget for all attachment text together.
    public static func compress(_ content: MessageContent, fields: [FieldDefinition], documentBudget: Int) -> CompressedMail {
        var steps: [CompressionStep] = []
        var body = content.message.text
        for (name, step) in [("quoted history", stripQuotedHistory), ("signature and disclaimer", stripSignature),
                             ("boilerplate and tracking", stripBoilerplate), ("whitespace", foldWhitespace)] as [(String, (String) -> String)] {
            let after = step(body)
            steps.append(CompressionStep(name: name, before: body, after: after))
            body = after
        }
        var documents: [CompressedDocument] = []
        var documentsBefore = ""
        var documentsAfter = ""
        let texts = content.documents.enumerated().filter { !$0.element.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        let perDocument = texts.isEmpty ? 0 : max(200, documentBudget / texts.count)
        for (i, doc) in texts {
            let name = doc.filename ?? content.message.attachments[gatewaySafe: i]?.filename ?? "attachment \(i + 1)"
            let folded = foldWhitespace(stripBoilerplate(doc.text))
            let parts = chunks(folded)
            let selected = selectChunks(parts, fields: fields, budgetTokens: perDocument)
            documents.append(CompressedDocument(name: name, chunks: parts, selected: selected))
            documentsBefore += doc.text
            documentsAfter += selected.map { parts[$0] }.joined(separator: "\n")
        }
        if !texts.isEmpty {
            steps.append(CompressionStep(name: "attachment chunks", before: documentsBefore, after: documentsAfter))
        }
        let sender = (content.message.from.first ?? content.message.sender.first).map { a in
            a.name.map { "\($0) <\(a.address)>" } ?? a.address
        } ?? ""
        let date = content.message.date.map { ISO8601DateFormatter().string(from: $0) }
        return CompressedMail(subject: content.message.subject ?? "", sender: sender, date: date, body: body,
                              documents: documents, steps: steps)
    }

    package static func matches(_ pattern: TextPattern, _ text: String) -> Bool { pattern.contains(text) }
}

extension Array {
    package subscript(gatewaySafe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
