import Foundation
import Yams
import Vocabulary

/// The business identity of an understood message: the kind's `identity:` fields, normalised, and the
/// SHA-256 of each document it carries. Two messages with a common key are the same business document.
///
/// Normalisation is deliberately narrow, so that two different documents are never taken for one:
/// - every text value ignores case, white space and punctuation ("R-2026-0042" = "r 2026/0042"), but not
///   leading zeros ("R-0042" ≠ "R-42": many sellers number R-42 and R-0042 differently);
/// - a company name also loses its legal form at the end ("Alster Spedition GmbH" = "ALSTER SPEDITION",
///   "Lagoon Ltd." = "Lagoon Limited", "Rossi S.r.l." = "Rossi"), but only after a word of letters, so
///   "PO 12 AB" keeps its "AB";
/// - VAT ids, IBANs and references the same way as text; numbers and money as plain decimals; dates as dates.
public enum DocumentIdentification {
    /// The identity of `understanding` under `kind`'s `identity:`; nil when the kind declares none.
    public static func identity(kind: KindDefinition, understanding: Understanding,
                                attachments: [AttachmentInfo]) -> DocumentIdentity? {
        guard !kind.identity.isEmpty else { return nil }
        var combinations: [[String]] = [[]]
        var numbers: [String] = []
        var parties: [String] = []
        for group in kind.identity {
            var parts: [String] = []
            var shown: (text: String, party: Bool)?
            for name in group {
                guard let field = kind.field(named: name), let value = understanding.fields[name],
                      let normalised = normalised(value, type: field.type), !normalised.isEmpty else { continue }
                parts.append("\(name)=\(normalised)")
                if shown == nil {
                    let text = display(value)
                    let party: Bool
                    if case .text(let raw) = value {
                        party = !raw.contains(where: \.isNumber) || normalisedName(raw) != normalisedNumber(raw)
                    } else {
                        party = false
                    }
                    shown = (text, party)
                }
            }
            if let shown { if shown.party { parties.append(shown.text) } else { numbers.append(shown.text) } }
            combinations = parts.isEmpty ? [] : combinations.flatMap { c in parts.map { c + [$0] } }
        }
        let keys = combinations.filter { !$0.isEmpty }.map { ([kind.name] + $0).joined(separator: "|") }
        var label = kind.name.replacingOccurrences(of: "_", with: " ")
        if !numbers.isEmpty { label += " " + numbers.joined(separator: " ") }
        if !parties.isEmpty { label += " from " + parties.joined(separator: " / ") }
        var names: [String: String] = [:]
        let documents = attachments.filter(isDocument)
        for a in documents where names[a.sha256] == nil { names[a.sha256] = a.filename ?? "part \(a.part)" }
        return DocumentIdentity(kind: kind.name, keys: keys, documentSHA256: documents.map(\.sha256), label: label,
                                documentNames: names)
    }

    /// Business documents: PDF, XML (e-invoices), office files. Images are left out: a logo or a signature
    /// picture is the same in every mail of a sender.
    public static func isDocument(_ attachment: AttachmentInfo) -> Bool {
        guard attachment.size > 0, attachment.sha256.count == 64 else { return false }
        let type = attachment.contentType.lowercased()
        return type == "application/pdf" || type == "application/xml" || type == "text/xml" || type.hasSuffix("+xml")
            || type == "application/msword" || type == "application/vnd.ms-excel"
            || type.hasPrefix("application/vnd.openxmlformats-officedocument.")
            || type.hasPrefix("application/vnd.oasis.opendocument.")
    }

    static func normalised(_ value: FieldValue, type: FieldType) -> String? {
        switch value {
        case .text(let s):
            switch type {
            case .text, .enumeration: return normalisedName(s)
            default: return normalisedNumber(s)
            }
        case .number(let d): return FieldValue.decimalString(d, minimumFractionDigits: 0)
        case .money(let d, let currency): return FieldValue.decimalString(d) + (currency.map { " " + $0.lowercased() } ?? "")
        case .date(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .list: return nil
        }
    }

    static func display(_ value: FieldValue) -> String {
        switch value {
        case .text(let s): return s.trimmingCharacters(in: .whitespacesAndNewlines)
        case .number(let d): return FieldValue.decimalString(d, minimumFractionDigits: 0)
        case .money(let d, let currency): return FieldValue.decimalString(d) + (currency.map { " " + $0 } ?? "")
        case .date(let s): return s
        case .bool(let b): return b ? "yes" : "no"
        case .list(let rows): return "\(rows.count) rows"
        }
    }

    /// Case, white space and punctuation do not count; everything else (leading zeros too) does.
    public static func normalisedNumber(_ text: String) -> String {
        String(String.UnicodeScalarView(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }))
    }

    /// A company name without case, white space, punctuation and its legal form at the end.
    public static func normalisedName(_ text: String) -> String {
        var words = text.lowercased()
            .split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "(" || $0 == ")" })
            .map { normalisedNumber(String($0)) }.filter { !$0.isEmpty }
        var stripped = true
        while stripped {
            stripped = false
            for form in legalForms where words.count > form.count && Array(words.suffix(form.count)) == form {
                let before = words[words.count - form.count - 1]
                guard before.allSatisfy(\.isLetter) else { continue }
                words.removeLast(form.count)
                stripped = true
                break
            }
            if let last = words.last, let form = cjkLegalForms.first(where: { last.hasSuffix($0) && last.count > $0.count }) {
                words[words.count - 1] = String(last.dropLast(form.count))
                stripped = true
            }
        }
        return words.joined()
    }

    /// Legal forms as their words without punctuation, longest first.
    static let legalForms: [[String]] = [
        "gmbh co kgaa", "gmbh co kg", "ag co kg", "ug haftungsbeschränkt", "sp z oo", "pty ltd", "co ltd", "s a r l", "s r l",
        "s p a", "s a", "gmbh", "mbh", "gesmbh", "ag", "kgaa", "kg", "ohg", "gbr", "se", "ek", "ug", "ltd", "limited", "plc",
        "inc", "incorporated", "llc", "llp", "corp", "corporation", "co", "sa", "sas", "sarl", "sàrl", "spa", "srl", "sro",
        "bv", "nv", "ab", "oy", "oyj", "as", "asa", "aps",
    ].map { $0.split(separator: " ").map(String.init) }.sorted { $0.count > $1.count }

    static let cjkLegalForms = ["股份有限公司", "有限责任公司", "有限公司", "株式会社"]
}

extension KindFileReader {
    /// `identity: [seller, invoice_number]`, an entry may list alternatives: `[[seller, seller_vat_id], invoice_number]`.
    package mutating func identity(_ node: Node, fields: [FieldDefinition]) -> [[String]] {
        guard case .sequence(let seq) = node, !seq.isEmpty else {
            problem(node, "identity must be a list of field names, e.g. [seller, invoice_number]")
            return []
        }
        var groups: [[String]] = []
        for item in seq {
            var names: [String] = []
            switch item {
            case .scalar(let s): names = [s.string]
            case .sequence(let alternatives) where !alternatives.isEmpty && alternatives.allSatisfy({ scalar($0) != nil }):
                names = alternatives.compactMap { scalar($0) }
            default:
                problem(item, "an identity entry is a field name, or a list of alternative field names such as [seller, seller_vat_id]")
                continue
            }
            var group: [String] = []
            for name in names {
                guard let field = fields.first(where: { $0.name == name }) else {
                    problem(item, "identity: '\(name)' is not a field of this kind",
                            suggestion: Suggestion.closest(to: name, among: fields.map(\.name)).map { "did you mean '\($0)'?" })
                    continue
                }
                if case .list = field.type {
                    problem(item, "identity: '\(name)' is a list; name fields with one value (a number, a name, a VAT id)")
                    continue
                }
                group.append(name)
            }
            if !group.isEmpty { groups.append(group) }
        }
        return groups
    }
}
