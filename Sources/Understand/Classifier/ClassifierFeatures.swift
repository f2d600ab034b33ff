import Foundation
import Vocabulary

/// Turns a ``ClassifierInput`` into named features with weights, and a set of named features into the
/// normalised vector the classifier multiplies with its weights.
///
/// Feature families (the name's prefix says which; `explain` shows these names):
/// - `word:` word unigrams and `bigram:` word bigrams (Unicode-aware lower-casing; a token with digits
///   becomes its shape, e.g. `#0000` for "2026", `#aaa-0000-0000` never occurs because tokens split at
///   punctuation: "APR-2026-0042" gives `apr`, `#0000`, `#0000`);
/// - `cjk:` character 1–3-grams over runs of Chinese/Japanese/Korean characters, so Chinese works without a
///   word segmenter;
/// - `ngram:` character 3–5-grams inside Latin-script words of four letters or more (German compounds,
///   inflections: "Rechnungsnummer" shares `rech`, `nung` with "Rechnung");
/// - `header:` what the headers and the MIME structure say: `has:list-id`, `precedence:bulk`,
///   `auto-submitted:auto-replied`, `content-type:multipart/report`, `has:in-reply-to`, `att:pdf`, …
///
/// Zones count differently: the subject three times, the body once, document text 0.8, quoted history 0.3.
/// Each family's counts are damped (ln(1 + tf)), the word, character and header groups are each scaled to
/// unit length and weighted (1.0, 0.8, 0.6), and the whole vector is scaled to unit length — counting the
/// features outside the model's vocabulary too, which are then dropped (see ``vector(_:index:)``).
package enum ClassifierFeatures {
    package static let subjectWeight = 3.0
    package static let bodyWeight = 1.0
    package static let documentWeight = 0.8
    package static let quotedWeight = 0.3
    package static let maxBodyCharacters = 12_000
    package static let maxDocumentCharacters = 8_000
    package static let maxQuotedCharacters = 3_000
    /// A feature enters the vocabulary when at least this many examples have it (header features: one).
    package static let minimumDocumentFrequency = 1

    package enum Group: Int { case words = 0, characters = 1, header = 2 }
    /// The value of one header fact (before the group weight): about what each of four facts got when the
    /// group was scaled to unit length.
    package static let headerUnit = 0.3
    package static let groupWeights: [Double] = [1.0, 0.8, 0.6]

    package static func group(of feature: String) -> Group {
        if feature.hasPrefix("header:") { return .header }
        if feature.hasPrefix("cjk:") || feature.hasPrefix("ngram:") { return .characters }
        return .words
    }

    /// Raw weighted counts of every feature of one input; `cues` adds `header:cue:<kind>` (a cue word of the
    /// kind in the subject, the sender's own text or a document) and `header:cue-subject:<kind>`.
    package static func counts(_ input: ClassifierInput, cues: KindCueSet = .none) -> [String: Double] {
        var counts: [String: Double] = [:]
        addText(input.subject, weight: subjectWeight, characterGrams: true, into: &counts)
        addText(String(input.body.prefix(maxBodyCharacters)), weight: bodyWeight, characterGrams: true, into: &counts)
        for text in input.documentTexts {
            addText(String(text.prefix(maxDocumentCharacters)), weight: documentWeight, characterGrams: true,
                    into: &counts)
        }
        if !input.quoted.isEmpty {
            addText(String(input.quoted.prefix(maxQuotedCharacters)), weight: quotedWeight, characterGrams: false,
                    into: &counts)
        }
        for feature in headerFeatures(input) { counts["header:" + feature, default: 0] = 1 }
        if !cues.isEmpty {
            for (feature, n) in cueFeatures(input, cues: cues) { counts["header:" + feature, default: 0] = Double(n) }
        }
        return counts
    }

    /// `cue:<kind>` for each kind with cues in the subject or the own text (valued by how many different cues),
    /// `cue-subject:<kind>` for one in the subject and `cue-document:<kind>` for one in an attached document.
    /// The same facts in every language, so what the model learns of them from one company's mail holds for
    /// another's.
    package static func cueFeatures(_ input: ClassifierInput, cues: KindCueSet) -> [(String, Int)] {
        let subject = cues.found(in: KindCueSet.Text(input.subject))
        let own = cues.found(in: KindCueSet.Text(input.subject + "\n" + withoutDisclaimers(String(input.body.prefix(maxBodyCharacters)))))
        let documents = cues.found(in: KindCueSet.Text(input.documentTexts.map { String($0.prefix(maxDocumentCharacters)) }
            .joined(separator: "\n")))
        var out: [(String, Int)] = own.map { ("cue:" + $0.key, $0.value.count) }
        out += subject.map { ("cue-subject:" + $0.key, 1) }
        out += documents.map { ("cue-document:" + $0.key, 1) }
        return out.sorted { $0.0 < $1.0 }
    }

    /// The text without its legal disclaimers ("… if you have received this e-mail in error …"): boilerplate the
    /// sender's mail server adds, whose words ("error", "received", "vertraulich") say nothing of the mail.
    package static func withoutDisclaimers(_ text: String) -> String {
        guard text.contains("\n\n") else { return PromptCompression.isDisclaimer(text) ? "" : text }
        return text.components(separatedBy: "\n\n").filter { !PromptCompression.isDisclaimer($0) }.joined(separator: "\n\n")
    }

    /// The vector of an input's counts over a vocabulary, as (index, value) pairs sorted by index.
    ///
    /// Norms are taken over *all* of the input's features, also those outside the vocabulary (they are
    /// features the model gives no weight), and only then are the unknown ones dropped: a text made mostly of
    /// words no example contained gets a short vector, so small scores and a low confidence, instead of
    /// having its few known n-grams blown up to unit length.
    package static func vector(_ counts: [String: Double], index: [String: Int]) -> SparseVector {
        // The squares are summed in fixed point (2⁻³² steps), so the sum does not depend on the dictionary's
        // iteration order, which differs from run to run: same input, same bits.
        var fixedPointNorms: [UInt64] = [0, 0, 0]
        var entries: [(Int, Double, Group)] = []
        entries.reserveCapacity(counts.count)
        for (name, count) in counts where count > 0 {
            let damped = log(1 + count)
            let group = group(of: name)
            fixedPointNorms[group.rawValue] &+= UInt64((damped * damped * 4_294_967_296).rounded())
            if let i = index[name] { entries.append((i, damped, group)) }
        }
        let groupNorms = fixedPointNorms.map { Double($0) / 4_294_967_296 }
        entries.sort { $0.0 < $1.0 }
        // Words and characters are each scaled to unit length (a long mail says no more than a short one);
        // header facts are not: each counts the same whatever else the mail has, so that one fact alone
        // (`from:outside`) does not swell to the weight of all of them together.
        let textGroups = [Group.words, Group.characters].filter { groupNorms[$0.rawValue] > 0 }.map { groupWeights[$0.rawValue] }
        let total = max(sqrt(textGroups.reduce(0) { $0 + $1 * $1 }), groupWeights[Group.words.rawValue])
        let scale = groupNorms.enumerated().map { g, sum -> Double in
            guard sum > 0, total > 0 else { return 0 }
            return g == Group.header.rawValue ? groupWeights[g] * headerUnit / total : groupWeights[g] / sqrt(sum) / total
        }
        return SparseVector(indices: entries.map { $0.0 }, values: entries.map { $0.1 * scale[$0.2.rawValue] })
    }

    // MARK: text

    package static func addText(_ text: String, weight: Double, characterGrams: Bool, into counts: inout [String: Double]) {
        guard !text.isEmpty else { return }
        let lower = text.lowercased()
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var cjk: [Unicode.Scalar] = []

        func flushWord() {
            guard !current.isEmpty else { return }
            let word = String(current)
            current = String.UnicodeScalarView()
            let hasDigit = word.unicodeScalars.contains { $0.properties.numericType != nil }
            if hasDigit {
                words.append(shape(word))
            } else if word.unicodeScalars.count >= 2 && word.unicodeScalars.count <= 40 {
                words.append(word)
                if characterGrams && word.unicodeScalars.count >= 4 { addCharacterGrams(word, weight: weight, into: &counts) }
            }
        }
        func flushCJK() {
            guard !cjk.isEmpty else { return }
            for n in 1...3 where cjk.count >= n {
                for start in 0...(cjk.count - n) {
                    var gram = "cjk:"
                    gram.unicodeScalars.append(contentsOf: cjk[start..<(start + n)])
                    counts[gram, default: 0] += weight
                }
            }
            // A CJK run also separates words for the bigrams: mark it with one token per run.
            words.append("<cjk>")
            cjk.removeAll(keepingCapacity: true)
        }

        for scalar in lower.unicodeScalars {
            if isCJK(scalar) {
                flushWord()
                cjk.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                flushCJK()
                current.append(scalar)
            } else {
                flushWord()
                flushCJK()
            }
        }
        flushWord()
        flushCJK()

        var previous: String?
        for word in words {
            if word == "<cjk>" { previous = nil; continue }
            counts["word:" + word, default: 0] += weight
            if let p = previous { counts["bigram:" + p + " " + word, default: 0] += weight }
            previous = word
        }
    }

    package static func addCharacterGrams(_ word: String, weight: Double, into counts: inout [String: Double]) {
        let scalars = Array(("<" + word + ">").unicodeScalars)
        for n in 3...5 where scalars.count >= n {
            for start in 0...(scalars.count - n) {
                var gram = "ngram:"
                gram.unicodeScalars.append(contentsOf: scalars[start..<(start + n)])
                counts[gram, default: 0] += weight * 0.5
            }
        }
    }

    /// "2026" → "#0000", "4500123456" → "#0000+", "q3" → "#a0", "re-2026" never (split at "-").
    package static func shape(_ token: String) -> String {
        var out = "#"
        var last: Character?
        var run = 0
        for scalar in token.unicodeScalars {
            let c: Character = scalar.properties.numericType != nil ? "0" : "a"
            if c == last {
                run += 1
                if run <= 4 { out.append(c) } else if run == 5 { out.append("+") }
            } else {
                out.append(c)
                last = c
                run = 1
            }
        }
        return out
    }

    package static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF,
             0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    // MARK: headers and structure

    package static let roleWords: Set<String> = [
        "mailer-daemon", "mailerdaemon", "postmaster", "noreply", "no-reply", "donotreply", "do-not-reply",
        "bounce", "bounces", "newsletter", "news", "info", "billing", "invoice", "invoices", "rechnung",
        "rechnungen", "accounting", "buchhaltung", "ap", "ar", "support", "service", "helpdesk", "sales",
        "vertrieb", "einkauf", "purchasing", "procurement", "orders", "order", "bestellung", "notifications",
        "notification", "notify", "marketing", "owner", "announce", "digest",
    ]

    package static func headerFeatures(_ input: ClassifierInput) -> [String] {
        var out = Set<String>()
        var names = Set<String>()
        for field in input.headers {
            let name = field.name.lowercased()
            names.insert(name)
            let value = field.value.lowercased().trimmingCharacters(in: .whitespaces)
            switch name {
            case "list-id", "list-unsubscribe", "list-post", "list-help", "list-archive", "x-mailing-list":
                out.insert("has:" + name)
                out.insert("list")
            case "precedence":
                out.insert("precedence:" + value)
            case "auto-submitted":
                let token = value.split(separator: ";").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? value
                out.insert("auto-submitted:" + token)
            case "x-autoreply", "x-autorespond", "x-auto-response-suppress", "x-autogenerated", "x-failed-recipients":
                out.insert("has:" + name)
            case "content-type":
                // Only the report type means something: text/plain against multipart/alternative says which
                // mailer wrote the mail, not what it is about.
                let type = value.split(separator: ";").first.map(String.init)?.trimmingCharacters(in: .whitespaces) ?? value
                if type == "multipart/report" { out.insert("content-type:" + type) }
                if let range = value.range(of: "report-type=") {
                    let rest = value[range.upperBound...].trimmingCharacters(in: CharacterSet(charactersIn: "\" "))
                    let type = rest.prefix { $0 != ";" && $0 != "\"" && $0 != " " }
                    out.insert("report-type:" + String(type))
                }
            case "in-reply-to":
                out.insert("has:in-reply-to")
            case "return-path":
                if value == "<>" { out.insert("return-path:empty") }
            default:
                break
            }
        }
        if names.contains("list-unsubscribe-post") { out.insert("has:list-unsubscribe-post") }

        let subject = input.subject.lowercased().trimmingCharacters(in: .whitespaces)
        for prefix in ["re:", "aw:", "antw:", "回复", "回覆", "答复", "re：", "aw：", "sv:"] where subject.hasPrefix(prefix) {
            out.insert("subject:reply")
        }
        for prefix in ["fwd:", "fw:", "wg:", "转发", "轉寄"] where subject.hasPrefix(prefix) {
            out.insert("subject:forward")
        }

        for attachment in input.attachments {
            out.insert("att:" + attachmentToken(contentType: attachment.contentType, filename: attachment.filename))
        }

        if let sender = input.sender, let at = sender.lastIndex(of: "@") {
            // A colleague (same domain as a recipient) writes internal mail: approvals, chit-chat, forwards —
            // rarely a customer's request. True in every company's mailbox.
            let domain = sender[sender.index(after: at)...].lowercased()
            let recipients = recipientDomains(input.headers)
            if !recipients.isEmpty { out.insert(recipients.contains(domain) ? "from:colleague" : "from:outside") }
            let local = sender[..<at].lowercased()
            if roleWords.contains(local) { out.insert("from:" + local) }
            for part in local.split(whereSeparator: { ".+_".contains($0) }) where roleWords.contains(String(part)) {
                out.insert("from:" + String(part))
            }
        }
        return out.sorted()
    }

    /// The domains of the To and Cc addresses (lower-case).
    package static func recipientDomains(_ headers: [HeaderField]) -> Set<String> {
        var out = Set<String>()
        for field in headers where ["to", "cc"].contains(field.name.lowercased()) {
            var rest = Substring(field.value.prefix(2000))
            while let at = rest.firstIndex(of: "@") {
                let tail = rest[rest.index(after: at)...]
                let domain = tail.prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
                if !domain.isEmpty { out.insert(domain.lowercased()) }
                rest = tail.dropFirst(domain.count)
            }
        }
        return out
    }

    package static func attachmentToken(contentType: String, filename: String?) -> String {
        switch contentType {
        case "message/delivery-status", "message/global-delivery-status": return "delivery-status"
        case "message/disposition-notification": return "disposition-notification"
        case "text/rfc822-headers", "message/rfc822-headers": return "rfc822-headers"
        case "message/rfc822", "message/global": return "message"
        case "application/pdf": return "pdf"
        case "application/xml", "text/xml": return "xml"
        case "text/csv": return "csv"
        case "text/calendar": return "calendar"
        default: break
        }
        if contentType.hasPrefix("image/") { return "image" }
        if let name = filename?.lowercased(), let dot = name.lastIndex(of: ".") {
            let ext = String(name[name.index(after: dot)...])
            if ext.count <= 5 && !ext.isEmpty && ext.allSatisfy({ $0.isLetter || $0.isNumber }) { return ext }
        }
        if contentType.contains("wordprocessingml") { return "docx" }
        if contentType.contains("spreadsheetml") { return "xlsx" }
        return "other"
    }
}

/// A sparse vector: indices ascending, values parallel.
package struct SparseVector: Sendable, Hashable {
    package var indices: [Int]
    package var values: [Double]
}
